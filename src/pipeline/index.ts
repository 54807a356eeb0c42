/**
 * The pipeline, in the order the stages run:
 *
 *   load → validate → derive → render (language × level) → outputs (Markdown, HTML) → checks → write
 *
 * Everything between load and write is data to data. A build writes only when every check
 * passed, and then all files at once (see outputs/write.ts), so a failed build never leaves
 * half an output behind.
 */
import { join, relative } from 'node:path';
import { diagnostic, exitCodeFor, type Diagnostic } from '../diagnostics/index.js';
import { checkConsistency, parseStudyFacts, type TermCatalog } from '../facts/index.js';
import { createTranslator, type Translator } from '../i18n/index.js';
import { createRenderer } from '../render/index.js';
import { writeOutputs, OutputWriteError, type OutputFile, type PressConfig } from '../outputs/index.js';
import { checkFactSources, checkFactsLanguage, unknownElements } from '../checks/index.js';
import { buildSite, SiteInputError, type SitePage } from '../site/index.js';
import { BrowserNotFoundError, defaultChromiumPath, printPdfs } from '../outputs/pdf.js';
import { existsSync } from 'node:fs';
import { loadProject, type ProjectData, type ReadingLevel } from '../project/index.js';
import { collectFactsFiles, readSourceTexts, readUtf8 } from './load.js';
import { renderStudy, type OutputFormat, type StudyReport } from './study.js';
import { stageTimer, type Stage } from './timing.js';

export type { OutputFormat, StudyReport, SummaryReport } from './study.js';

export interface BuildOptions {
  /** Facts files and folders (searched recursively for .yaml, .yml, .json). */
  inputs: string[];
  /** Output folder; default `out`. */
  out?: string;
  /** Languages to render; default all in locales/languages.json. */
  langs?: string[];
  /** Reading levels to render; default all templates. */
  levels?: ReadingLevel[];
  /** Write the outputs (build) or only check (check). Default true. */
  write?: boolean;
  /** Project data (templates, locales); default laysum's own. */
  project?: ProjectData;
  /** What to write per study × language: `summary` (every level), `press` (press summary). Default: summary. */
  formats?: OutputFormat[];
  /** Notes to editors for press summaries. */
  press?: PressConfig;
  /** Write the outreach site (instead of the summary files): every level of every study, checked. */
  site?: { baseUrl: string; defaultLang?: string };
  /** Print every leaflet to PDF through Chromium after writing (needs `formats` to include `leaflet`);
   *  `auto`: only where Chromium is installed, else a warning. */
  pdf?: boolean | 'auto';
  /** Called after each study. */
  onProgress?: (done: number, total: number, study: string) => void;
}

export interface BuildReport {
  ok: boolean;
  exitCode: 0 | 1 | 2;
  out?: string;
  written: number;
  studies: StudyReport[];
  diagnostics: Diagnostic[];
  /** Milliseconds spent per stage (load, validate, render, check, write). */
  timings: Record<Stage, number>;
}

/** Bad options (unknown language or level): the caller's mistake, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function pick(kind: string, requested: string[] | undefined, available: string[]): string[] {
  if (!requested) return available;
  const unknown = requested.filter((x) => !available.includes(x));
  if (unknown.length) throw new UsageError(`unknown ${kind} ${unknown.map((x) => `\`${x}\``).join(', ')}; expected one of ${available.join(', ')}`);
  return available.filter((x) => requested.includes(x));
}

function termCatalog(langs: string[], translators: Record<string, Translator>): TermCatalog {
  return {
    languages: langs,
    known: Object.keys(translators),
    has: (lang, namespace, key) => translators[lang]?.has(`terms:${namespace}.${key}`) ?? false,
  };
}

/** Same problem reported by several summaries (a missing key) is shown once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = d.ruleId.startsWith('locale/') ? `${d.ruleId}|${d.place.lang}|${d.message}` : JSON.stringify(d);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Build (or, with `write: false`, only check) the summaries for every study in `inputs`.
 *
 * @example
 * const report = await build({ inputs: ['samples'], out: 'out' });
 * if (!report.ok) process.exitCode = report.exitCode;
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const project = options.project ?? loadProject();
  const langs = pick('language', options.langs, Object.keys(project.languages));
  const levels = pick('level', options.levels, project.levels);
  const out = options.out ?? 'out';
  const write = options.write ?? true;
  // Locale gaps matter only for the languages being built.
  const diagnostics: Diagnostic[] = project.diagnostics.filter((d) => !d.place.lang || langs.includes(d.place.lang));
  const translators = Object.fromEntries(Object.values(project.languages).map((l) => [l.code, createTranslator(l, project.locales[l.code] ?? {})]));
  const renderer = createRenderer(Object.fromEntries(levels.map((l) => [l, project.templates[l]!])), project.partials, project.formats);
  const formats = options.formats ?? ['summary'];
  const catalog = termCatalog(langs, translators);

  const time = stageTimer();
  const collected = time('load', () => collectFactsFiles(options.inputs));
  diagnostics.push(...collected.diagnostics);
  if (collected.files.length === 0 && collected.diagnostics.length === 0) {
    diagnostics.push(diagnostic({ ruleId: 'input/none', kind: 'input', severity: 'error', message: `no facts files (.yaml, .yml, .json) in ${options.inputs.join(', ') || '(no paths given)'}` }));
  }
  const studies: StudyReport[] = [];
  let files: OutputFile[] = [];
  const sitePages: SitePage[] = [];
  const ids = new Map<string, string>();
  collected.files.forEach((path, index) => {
    const file = relative(process.cwd(), path) || path;
    const read = time('load', () => readUtf8(path, 'facts file'));
    if (read.diagnostic) {
      diagnostics.push(read.diagnostic);
      return;
    }
    const parsed = time('validate', () => parseStudyFacts(read.text!, file));
    diagnostics.push(...parsed.diagnostics);
    const facts = parsed.facts;
    if (!facts) return;
    if (ids.has(facts.id)) {
      diagnostics.push(diagnostic({ ruleId: 'facts/duplicate-id', kind: 'input', severity: 'error', message: `study id \`${facts.id}\` is also used by ${ids.get(facts.id)}; expected one file per study id`, place: { file, path: 'id', ...(parsed.locate(['id']) ?? {}) } }));
      return;
    }
    ids.set(facts.id, file);
    const consistency = time('validate', () => checkConsistency(facts, file, parsed.locate, catalog));
    const sources = time('load', () => readSourceTexts(facts, path, parsed.locate));
    diagnostics.push(
      ...consistency,
      ...sources.diagnostics,
      ...time('check', () => [
        ...checkFactsLanguage(facts, project.languages, file, parsed.locate),
        ...checkFactSources(facts, sources.texts, project.languages, file, parsed.locate),
        ...unknownElements(facts, file),
      ]),
    );
    if ([...consistency, ...sources.diagnostics].some((d) => d.kind === 'input' && d.severity === 'error')) return;
    const rendered = renderStudy(facts, file, sources.texts, { project, renderer, translators, langs, levels, formats, site: !!options.site, time, ...(options.press ? { press: options.press } : {}) });
    sitePages.push(...rendered.sitePages);
    diagnostics.push(...rendered.diagnostics);
    files.push(...rendered.files);
    studies.push(rendered.report);
    options.onProgress?.(index + 1, collected.files.length, facts.id);
  });

  const all = dedupe(diagnostics);
  if (options.site && exitCodeFor(all) === 0) {
    const defaultLang = options.site.defaultLang ?? langs[0]!;
    try {
      files = buildSite(sitePages, { languages: langs.map((l) => project.languages[l]!), levels, translators, baseUrl: options.site.baseUrl, defaultLang });
    } catch (error) {
      if (!(error instanceof SiteInputError)) throw error;
      all.push(diagnostic({ ruleId: 'site/input', kind: 'input', severity: 'error', message: error.message }));
    }
  }
  // A missing browser is known before anything is written: fail without touching the output.
  if (write && options.pdf === true && !existsSync(defaultChromiumPath())) {
    all.push(diagnostic({ ruleId: 'output/pdf', kind: 'input', severity: 'error', message: new BrowserNotFoundError(defaultChromiumPath()).message }));
  }
  let written = 0;
  if (write && exitCodeFor(all) === 0) {
    try {
      time('write', () => writeOutputs(out, files));
      written = files.length;
      if (options.pdf === 'auto' && !existsSync(defaultChromiumPath())) {
        all.push(diagnostic({ ruleId: 'output/pdf', kind: 'input', severity: 'warning', message: `no Chromium at ${defaultChromiumPath()}: leaflets written as HTML only; install it with \`apt-get install -y chromium fonts-noto-cjk\` for PDFs` }));
      } else if (options.pdf) {
        const leaflets = files.filter((f) => f.path.endsWith('/leaflet.html')).map((f) => join(out, f.path));
        await printPdfs(leaflets.map((htmlPath) => ({ htmlPath, pdfPath: htmlPath.replace(/\.html$/, '.pdf') })));
        written += leaflets.length;
      }
    } catch (error) {
      if (error instanceof OutputWriteError) {
        all.push(diagnostic({ ruleId: 'output/write', kind: 'input', severity: 'error', message: error.detail, place: { file: error.path } }));
      } else if (error instanceof BrowserNotFoundError) {
        all.push(diagnostic({ ruleId: 'output/pdf', kind: 'input', severity: 'error', message: error.message }));
      } else throw error;
    }
  }
  const exitCode = exitCodeFor(all);
  return { ok: exitCode === 0, exitCode, ...(write ? { out } : {}), written, studies, diagnostics: all, timings: time.totals };
}

/** Validate and run every check; write nothing. */
export function check(options: Omit<BuildOptions, 'write' | 'out'>): Promise<BuildReport> {
  return build({ ...options, write: false });
}
