/**
 * One study through the middle of the pipeline: derive → render every output (language ×
 * level, and the press summary) → checks. Data in, data out; nothing here reads or writes.
 *
 *   renderStudy(mueller2024, …) → { files: [en/mueller-2024/easy.md, …], report, diagnostics }
 */
import { dirname, join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { StudyFacts } from '../facts/index.js';
import { deriveFacts, type DerivedFacts, type DerivedValue } from '../derive/index.js';
import { MissingInterpolationError, MissingLocaleKeyError, type LanguageInfo, type Translator } from '../i18n/index.js';
import { describeTemplateError, escapeMarkdown, TemplateError, type SummaryRenderer } from '../render/index.js';
import { renderLeaflet } from '../outputs/leaflet/index.js';
import { foreignTexts, htmlDocument, markdownToHtml, markdownToText, plainTitle, pressNames, type OutputFile, type PressConfig } from '../outputs/index.js';
import {
  allowedNumbers,
  checkCoverage,
  checkFidelity,
  checkReadability,
  checkSourceLanguage,
  checkSummaryLanguage,
  glossaryTerms,
  termsWithFigures,
  untranslatedNames,
  type AllowedNumbers,
  type CoverageRow,
  type FidelityStats,
  type LanguageStats,
  type ReadabilityResult,
  type SourceLanguageReport,
} from '../checks/index.js';
import type { ProjectData, ReadingLevel } from '../project/index.js';
import { sitePage, type SitePage } from '../site/index.js';
import type { StageTimer } from './timing.js';

export type OutputFormat = 'summary' | 'press' | 'leaflet';
/** Every format, in the order a build makes them (whatever order they are asked for in). */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['summary', 'press', 'leaflet'];

export interface SummaryReport {
  lang: string;
  /** Reading level, or the format's name for a format output (`press`). */
  level: ReadingLevel;
  /** Output paths relative to the output folder. */
  files: string[];
  language: LanguageStats;
  fidelity: FidelityStats;
  coverage: CoverageRow[];
  readability?: ReadabilityResult;
}

export interface StudyReport {
  id: string;
  file: string;
  summaries: SummaryReport[];
  sources: SourceLanguageReport[];
  /** Values computed from the facts (percentages, sums), with the facts they came from. */
  derived: DerivedValue[];
}

export interface RenderedStudy {
  report: StudyReport;
  files: OutputFile[];
  /** The level summaries as site pages (only when the context asks for the site). */
  sitePages: SitePage[];
  diagnostics: Diagnostic[];
}

export interface StudyContext {
  project: ProjectData;
  renderer: SummaryRenderer;
  translators: Record<string, Translator>;
  langs: string[];
  levels: string[];
  formats: OutputFormat[];
  press?: PressConfig;
  /** Collect site pages from the level summaries. */
  site?: boolean;
  time: StageTimer;
}

/** One thing to render for a language: a level's summary, or a format at a level. */
interface Job {
  /** File name and report row name: the level, or the format. */
  name: string;
  level: ReadingLevel;
  format?: string;
}

function jobs(ctx: StudyContext): Job[] {
  const out: Job[] = [];
  if (ctx.formats.includes('summary')) out.push(...ctx.levels.map((level) => ({ name: level, level })));
  if (ctx.formats.includes('press')) out.push({ name: 'press', level: 'standard', format: 'press' });
  return out;
}

function templateMessage(template: string, error: unknown): string {
  if (error instanceof TemplateError) return error.message;
  const { at, message } = describeTemplateError(error);
  return `${template}${at ? `:${at}` : ''}: ${message}`;
}

function renderError(error: unknown, job: Job, place: { study: string; lang: string; level: string }): Diagnostic {
  const known = error instanceof MissingLocaleKeyError || error instanceof MissingInterpolationError;
  const template = job.format ? `templates/formats/${job.format}.hbs` : `templates/${job.level}.hbs`;
  return diagnostic({
    ruleId: error instanceof MissingLocaleKeyError ? 'locale/missing-key' : known ? 'locale/interpolation' : 'render/template',
    kind: 'check',
    severity: 'error',
    message: known ? (error as Error).message : templateMessage(template, error),
    place,
  });
}

interface Checked {
  diagnostics: Diagnostic[];
  report: Omit<SummaryReport, 'lang' | 'level' | 'files'>;
}

/** Every check on one rendered text: language, fidelity, coverage, readability. */
function checkOutput(
  markdown: string,
  /** Annex V elements the output covers; undefined where coverage does not apply (the leaflet). */
  covered: ReadonlySet<string> | undefined,
  facts: StudyFacts,
  job: Job,
  place: { study: string; lang: string; level: string; file: string },
  ctx: {
    language: LanguageInfo;
    candidates: LanguageInfo[];
    allowed: AllowedNumbers;
    names: string[];
    /** The names, and the study's terms that carry figures: what the number check reads as names. */
    figureNames: string[];
    /** The study's own sentences in the language (title, quotes): see checkFidelity. */
    authorsWords: string[];
    tr: Translator;
    project: ProjectData;
  },
): Checked {
  const language = checkSummaryLanguage(markdown, ctx.language, ctx.candidates, place, ctx.names);
  const fidelity = checkFidelity(markdown, ctx.language, ctx.allowed, { ...place, level: job.level }, ctx.figureNames, ctx.authorsWords);
  const coverage = covered ? checkCoverage(facts, covered, place) : { rows: [], diagnostics: [] };
  const readability = checkReadability(markdown, place.lang, job.level, ctx.project.bands, glossaryTerms(facts, job.level, ctx.tr), place, ctx.names);
  return {
    diagnostics: [...language.diagnostics, ...fidelity.diagnostics.map((d) => ({ ...d, place: { ...d.place, level: place.level } })), ...coverage.diagnostics, ...readability.diagnostics],
    report: { language: language.stats, fidelity: fidelity.stats, coverage: coverage.rows, readability: readability.result },
  };
}

function checkSources(facts: StudyFacts, file: string, texts: Map<string, string>, candidates: LanguageInfo[]): { reports: SourceLanguageReport[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reports = facts.sources.flatMap((source) => {
    const text = texts.get(source.id);
    if (text === undefined) return [];
    const declared = Array.isArray(source.lang) ? source.lang : [source.lang];
    const result = checkSourceLanguage(text, { id: source.id, path: join(dirname(file), source.path), declared }, candidates, { study: facts.id, file });
    diagnostics.push(...result.diagnostics);
    return [result.report];
  });
  return { reports, diagnostics };
}

export function renderStudy(facts: StudyFacts, file: string, sourceTexts: Map<string, string>, ctx: StudyContext): RenderedStudy {
  const { project, renderer } = ctx;
  const candidates = Object.values(project.languages);
  const derived: DerivedFacts = deriveFacts(facts);
  const allowed = allowedNumbers(facts, derived);
  // The leaflet may also state what only it says: the key of its pictures ("each figure stands for 10 people").
  const allowedInLeaflet = allowedNumbers(facts, derived, 'leaflet');
  const names = [...untranslatedNames(facts), ...pressNames(ctx.press)].sort((a, b) => b.length - a.length);
  const sources = ctx.time('check', () => checkSources(facts, file, sourceTexts, candidates));
  const diagnostics: Diagnostic[] = [...sources.diagnostics];
  const files: OutputFile[] = [];
  const summaries: SummaryReport[] = [];
  const sitePages: SitePage[] = [];

  for (const lang of ctx.langs) {
    const tr = ctx.translators[lang]!;
    const language = project.languages[lang]!;
    const foreign = foreignTexts(facts, lang);
    const withTerms = termsWithFigures(facts, project.locales[lang]?.terms);
    const figureNames = withTerms.length ? [...names, ...withTerms].sort((a, b) => b.length - a.length) : names;
    const authorsWords = [facts.title[lang], ...facts.quotes.map((q) => q.text[lang])].filter((text): text is string => !!text);
    for (const job of jobs(ctx)) {
      const place = { study: facts.id, lang, level: job.name };
      let rendered;
      let levelName: string;
      try {
        rendered = ctx.time('render', () => renderer.renderSummary(facts, derived, job.level, tr, { ...(job.format ? { format: job.format } : {}), ...(ctx.press ? { press: ctx.press } : {}) }));
        levelName = tr.t(job.format ? `document.formatName_${job.format}` : 'document.levelName', { context: job.level });
      } catch (error) {
        diagnostics.push(renderError(error, job, place));
        continue;
      }
      const { markdown, covered } = rendered;
      const base = `${lang}/${facts.id}/${job.name}`;
      const html = ctx.time('render', () => htmlDocument({ htmlLang: language.html, title: `${plainTitle(markdown)} – ${levelName}`, body: markdownToHtml(markdown, foreign) }));
      const paths = [`${base}.md`, `${base}.html`, ...(job.format === 'press' ? [`${base}.txt`] : [])];
      files.push({ path: paths[0]!, content: markdown }, { path: paths[1]!, content: html });
      if (job.format === 'press') files.push({ path: paths[2]!, content: markdownToText(markdown) });
      if (ctx.site && !job.format) sitePages.push(sitePage(facts, lang, job.level, markdown));
      const checked = ctx.time('check', () => checkOutput(markdown, covered, facts, job, { ...place, file: paths[0]! }, { language, candidates, allowed, names, figureNames, authorsWords, tr, project }));
      diagnostics.push(...checked.diagnostics);
      summaries.push({ lang, level: job.name, files: paths, ...checked.report });
    }
    if (ctx.formats.includes('leaflet')) {
      const job: Job = { name: 'leaflet', level: 'easy', format: 'leaflet' };
      const place = { study: facts.id, lang, level: job.name };
      const path = `${lang}/${facts.id}/leaflet.html`;
      try {
        const leaflet = ctx.time('render', () => renderLeaflet(facts, derived, tr, project.formats.leaflet ?? ''));
        files.push({ path, content: leaflet.html });
        // The checks read Markdown; the leaflet's visible text, one block per paragraph, is that too.
        const text = leaflet.text.split('\n').map(escapeMarkdown).join('\n\n');
        const checked = ctx.time('check', () => checkOutput(text, undefined, facts, job, { ...place, file: path }, { language, candidates, allowed: allowedInLeaflet, names, figureNames, authorsWords, tr, project }));
        diagnostics.push(...checked.diagnostics);
        summaries.push({ lang, level: job.name, files: [path], ...checked.report });
      } catch (error) {
        diagnostics.push(renderError(error, job, place));
      }
    }
  }
  return { report: { id: facts.id, file, summaries, sources: sources.reports, derived: derived.values }, files, sitePages, diagnostics };
}
