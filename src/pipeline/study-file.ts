/**
 * One facts file through the whole pipeline: read → validate → derive → render → checks, and
 * (when given a staging folder) its output files written there at once. What comes back is small:
 * the study's report, its diagnostics and, for the site, its listing — never its texts, so a batch
 * build's memory does not grow with the corpus.
 *
 * This is the unit of work of the build's worker threads (see pool.ts); it runs the same in the
 * build's own thread. Every output of a study depends on that study alone, so results do not
 * depend on which thread ran it, or when.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { checkConsistency, parseStudyFacts, type TermCatalog } from '../facts/index.js';
import { createTranslator, MissingInterpolationError, MissingLocaleKeyError, type Translator } from '../i18n/index.js';
import { createRenderer, type SummaryRenderer } from '../render/index.js';
import { OutputWriteError, writeErrorReason, writeFilesInto, type OutputFile, type PressConfig } from '../outputs/index.js';
import { checkFactSources, checkFactsLanguage, unknownElements } from '../checks/index.js';
import { SiteInputError, siteStudyFiles, type SiteEntry } from '../site/index.js';
import type { ProjectData, ReadingLevel } from '../project/index.js';
import { readSourceTexts, readUtf8 } from './load.js';
import { renderStudy, type OutputFormat, type StudyReport, type SummaryReport } from './study.js';
import { stageTimer, type Stage } from './timing.js';
import { shardOf } from './shard.js';

/** What every study of a build shares: plain data, so it can be sent to a worker thread. */
export interface StudySettings {
  project: ProjectData;
  langs: string[];
  levels: ReadingLevel[];
  formats: OutputFormat[];
  press?: PressConfig;
  /** Site pages instead of summary files. */
  site?: { baseUrl: string; defaultLang: string };
  /** Staging folder to write each study's files into, and the output folder it will replace; none when only checking. */
  staging?: { dir: string; target: string };
  /** Build only the studies of this part (`--shard k/n`): `index` is k, 1-based. */
  shard?: { index: number; count: number };
}

/** One study to do; `langs` limits it to some languages (the others are reused from the last build). */
export interface StudyTask {
  index: number;
  path: string;
  langs?: string[];
}

/** What one language of a study produced. */
export interface LanguageOutcome {
  summaries: SummaryReport[];
  /** Output files, relative to the output folder. */
  files: string[];
  diagnostics: Diagnostic[];
  /** The index-level title, for the site's index pages. */
  title?: string;
}

export interface StudyOutcome {
  index: number;
  /** The facts file, relative to the working folder. */
  file: string;
  id?: string;
  /** In another shard: nothing was rendered or written. */
  otherShard?: boolean;
  /** Hash of the facts file and its source texts, as read. */
  inputHash?: string;
  /** Source texts as the facts name them (paths relative to the facts file). */
  sources?: { id: string; path: string }[];
  /** Problems of the study as a whole (input, consistency, source texts, facts text). */
  diagnostics: Diagnostic[];
  /** Per language rendered; absent when the study stopped before rendering. */
  langs?: Record<string, LanguageOutcome>;
  report?: Omit<StudyReport, 'summaries'>;
  site?: Omit<SiteEntry, 'titles'>;
  timings: Record<Stage, number>;
}

export function hashInputs(parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(String(Buffer.byteLength(part)));
    hash.update(':');
    hash.update(part);
  }
  return hash.digest('hex').slice(0, 32);
}

/** The hash of a study's inputs as read: its facts file's text and each source text it names (by id). */
export function studyInputHash(facts: string, sources: readonly { id: string }[], texts: ReadonlyMap<string, string>): string {
  return hashInputs([facts, ...sources.map((s) => `${s.id}\u0000${texts.get(s.id) ?? ''}`)]);
}

/** What a thread builds once and reuses for every study. */
export interface StudyWorkbench {
  settings: StudySettings;
  translators: Record<string, Translator>;
  renderer: SummaryRenderer;
  catalog: TermCatalog;
  madeFolders: Set<string>;
}

export function workbench(settings: StudySettings): StudyWorkbench {
  const { project } = settings;
  const translators = Object.fromEntries(Object.values(project.languages).map((l) => [l.code, createTranslator(l, project.locales[l.code] ?? {})]));
  const renderer = createRenderer(Object.fromEntries(settings.levels.map((l) => [l, project.templates[l]!])), project.partials, project.formats);
  const catalog: TermCatalog = {
    languages: settings.langs,
    known: Object.keys(translators),
    has: (lang, namespace, key) => translators[lang]?.has(`terms:${namespace}.${key}`) ?? false,
  };
  return { settings, translators, renderer, catalog, madeFolders: new Set() };
}

const isInputError = (d: Diagnostic) => d.kind === 'input' && d.severity === 'error';

/** A locale key or variable a site page needs and the language does not have: the key, language and file named. */
export function localeError(error: MissingLocaleKeyError | MissingInterpolationError, study?: string): Diagnostic {
  return diagnostic({
    ruleId: error instanceof MissingLocaleKeyError ? 'locale/missing-key' : 'locale/interpolation',
    kind: 'check',
    severity: 'error',
    message: error.message,
    place: { ...(study ? { study } : {}), lang: error.lang },
  });
}

export function processStudy(task: StudyTask, bench: StudyWorkbench): StudyOutcome {
  const { settings } = bench;
  const time = stageTimer();
  const file = relative(process.cwd(), task.path) || task.path;
  const outcome: StudyOutcome = { index: task.index, file, diagnostics: [], timings: time.totals };
  const done = () => ({ ...outcome, timings: time.totals });

  const read = time('load', () => readUtf8(task.path, 'facts file'));
  if (read.diagnostic) {
    outcome.diagnostics.push(read.diagnostic);
    return done();
  }
  const parsed = time('validate', () => parseStudyFacts(read.text!, file));
  outcome.diagnostics.push(...parsed.diagnostics);
  const facts = parsed.facts;
  if (!facts) {
    // The fields that passed validation are still checked against each other, so `check` lists every problem of the file at once.
    // (Not about a field left out: a title whose `en` failed is not also "missing".)
    const partial = parsed.partial;
    if (partial) outcome.diagnostics.push(...time('validate', () => checkConsistency(partial.facts, file, parsed.locate, bench.catalog, partial.unknown)));
    return done();
  }
  outcome.id = facts.id;
  if (settings.shard && shardOf(facts.id, settings.shard.count) !== settings.shard.index) return { ...done(), otherShard: true, inputHash: hashInputs([read.text!]), diagnostics: [] };

  const consistency = time('validate', () => checkConsistency(facts, file, parsed.locate, bench.catalog));
  const sources = time('load', () => readSourceTexts(facts, task.path, parsed.locate));
  outcome.sources = facts.sources.map((s) => ({ id: s.id, path: s.path }));
  outcome.inputHash = studyInputHash(read.text!, facts.sources, sources.texts);
  outcome.diagnostics.push(
    ...consistency,
    ...sources.diagnostics,
    ...time('check', () => [
      ...checkFactsLanguage(facts, settings.project.languages, file, parsed.locate),
      ...checkFactSources(facts, sources.texts, settings.project.languages, file, parsed.locate),
      ...unknownElements(facts, file),
    ]),
  );
  if ([...consistency, ...sources.diagnostics].some(isInputError)) return done();

  const langs = task.langs ?? settings.langs;
  const rendered = renderStudy(facts, file, sources.texts, {
    project: settings.project,
    renderer: bench.renderer,
    translators: bench.translators,
    langs,
    levels: settings.levels,
    formats: settings.formats,
    site: !!settings.site,
    time,
    ...(settings.press ? { press: settings.press } : {}),
  });
  const byLang: Record<string, LanguageOutcome> = Object.fromEntries(langs.map((lang) => [lang, { summaries: [], files: [], diagnostics: [] }]));
  for (const d of rendered.diagnostics) (d.place.lang && byLang[d.place.lang] ? byLang[d.place.lang]!.diagnostics : outcome.diagnostics).push(d);
  for (const s of rendered.report.summaries) byLang[s.lang]!.summaries.push(s);
  const { summaries: _summaries, ...report } = rendered.report;
  outcome.report = report;

  let files: OutputFile[] = rendered.files;
  if (settings.site) {
    const defaultLang = settings.site.defaultLang;
    try {
      const site = siteStudyFiles(rendered.sitePages, {
        // Every language for the switchers and hreflang links; pages for the ones rebuilt.
        languages: settings.langs.map((l) => settings.project.languages[l]!),
        pageLanguages: langs,
        levels: settings.levels,
        translators: bench.translators,
        baseUrl: settings.site.baseUrl,
        defaultLang: settings.langs.includes(defaultLang) ? defaultLang : settings.langs[0]!,
      });
      files = site.files;
      for (const lang of langs) byLang[lang]!.title = site.entry.titles[lang]!;
      outcome.site = { id: site.entry.id, conditions: site.entry.conditions, year: site.entry.year };
    } catch (error) {
      // A site wording the locales do not have (`site:levels.<level>` for a level added without it): a failed check, as in a summary.
      if (error instanceof MissingLocaleKeyError || error instanceof MissingInterpolationError) outcome.diagnostics.push(localeError(error, facts.id));
      else if (!(error instanceof SiteInputError)) throw error;
      // Pages missing because a summary failed to render: that failure is already reported.
      else if (!rendered.diagnostics.some((d) => d.severity === 'error')) outcome.diagnostics.push(diagnostic({ ruleId: 'site/input', kind: 'input', severity: 'error', message: error.message, place: { file, study: facts.id } }));
    }
  }
  for (const f of files) byLang[f.path.slice(0, f.path.indexOf('/'))]?.files.push(f.path);
  outcome.langs = byLang;

  const failed = [...outcome.diagnostics, ...rendered.diagnostics].some((d) => d.severity === 'error');
  // A study that failed a check makes the whole build fail: its files would be thrown away.
  const staging = settings.staging;
  if (staging && !failed) {
    let current = '';
    try {
      time('write', () => {
        for (const f of files) {
          current = f.path;
          writeFilesInto(staging.dir, [f], undefined, bench.madeFolders);
        }
      });
    } catch (error) {
      const reason = writeErrorReason(error);
      const detail = error instanceof OutputWriteError ? error.detail : `cannot write the output (${current}): ${reason}; nothing was replaced`;
      // The reason alone, too: a full disk fails every study written after it, on every thread, and is said once (build's dedupe).
      outcome.diagnostics.push(diagnostic({ ruleId: 'output/write', kind: 'input', severity: 'error', message: detail, place: { file: staging.target }, data: { reason } }));
    }
  }
  return done();
}
