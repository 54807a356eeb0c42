/**
 * The pipeline, in the order the stages run:
 *
 *   load → validate → derive → render (language × level) → outputs (Markdown, HTML) → checks → write
 *
 * Everything between load and write is data to data. A build writes only when every check
 * passed, and then all files at once (see outputs/write.ts), so a failed build never leaves
 * half an output behind.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diagnostic, exitCodeFor, type Diagnostic } from '../diagnostics/index.js';
import { lazyLocator, type Position } from '../facts/index.js';
import { createTranslator, MissingInterpolationError, MissingLocaleKeyError } from '../i18n/index.js';
import { openStaging, OUTPUT_MARKER, OutputWriteError, pathInOutput, writeErrorReason, type PressConfig, type StagingFolder } from '../outputs/index.js';
import { missingSiteKeys, normalizeBaseUrl, SiteInputError, siteIndexFiles, type SiteEntry } from '../site/index.js';
import { BrowserIdentityError, browserIdentity, BrowserNotFoundError, defaultChromiumPath, pdfDate, pdfPageCount, printPdfs, SourceDateEpochError } from '../outputs/pdf.js';
import { checkLeafletPages, LEAFLET_MAX_PAGES } from '../checks/pages.js';
import { estimateLeafletRoom, type LeafletRoom } from '../outputs/leaflet/fit.js';
import { loadProject, type ProjectData, type ReadingLevel } from '../project/index.js';
import { checkProjectTemplates } from './templates.js';
import { collectFactsFiles, readUtf8 } from './load.js';
import { currentInputHash, localeHashes, MANIFEST_PARTIAL, MANIFEST_VERSION, manifestLine, openManifest, settingsHash, studyFindings, studyReport, type BuildManifest, type ManifestOtherShard, type ManifestStudy, type StudyLine } from './cache.js';
import { runStudies, workerCount } from './pool.js';
import { localeError, type LanguageOutcome, type StudyOutcome, type StudySettings, type StudyTask } from './study-file.js';
import { OUTPUT_FORMATS, type OutputFormat, type StudyReport } from './study.js';
import { stageTimer, type Stage } from './timing.js';
import { shardOf, shardProblem } from './shard.js';

export type { OutputFormat, StudyReport, SummaryReport } from './study.js';
export { shardOf } from './shard.js';
export type { BuildManifest } from './cache.js';
export { mergeSites, type MergeOptions } from './merge.js';

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
  /** Worker threads to spread the studies over; default one per core (1: all in this thread). */
  workers?: number;
  /** Build one part of the studies (`--shard k/n`): those whose id falls in part `index` of `count`. */
  shard?: { index: number; count: number };
  /** Reuse what the last build in `out` made for studies, languages and settings that did not change. Default true. */
  incremental?: boolean;
  /** Keep every study's report in `BuildReport.studies` (default true). Off, a batch build's memory does not grow with the studies. */
  keepReports?: boolean;
  /**
   * Called with each study's report and its own findings (of its facts, sources and summaries, as found, before the
   * build's are deduplicated), in the order of the studies, also when `keepReports` is off: to use reports as they
   * come, without holding them all (the `--report` page keeps in detail only studies with errors among these).
   */
  onStudy?: (study: StudyReport, findings: readonly Diagnostic[]) => void;
}

export interface BuildReport {
  ok: boolean;
  exitCode: 0 | 1 | 2;
  out?: string;
  written: number;
  studies: StudyReport[];
  diagnostics: Diagnostic[];
  /** Milliseconds spent per stage (load, validate, render, check, write), summed over worker threads. */
  timings: Record<Stage, number>;
  /** Studies and summaries in the build (also when `keepReports` is off and `studies` is empty). */
  studyCount: number;
  summaryCount: number;
  /** Studies rendered and checked in this build. */
  rebuilt: number;
  /** Studies (all their languages) taken over unchanged from the last build in `out`. */
  reused: number;
  /** Nothing had changed since the last build: the output folder was left as it was. */
  upToDate: boolean;
}

/** Bad options (unknown language or level): the caller's mistake, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function pick(kind: string, requested: string[] | undefined, available: string[]): string[] {
  if (!requested) return available;
  // An empty list (`--lang ""`, `--level ,`) is not "all" and not "none": a build of nothing would replace the output with an empty folder.
  if (requested.length === 0) throw new UsageError(`an empty list of ${kind}s; expected one or more of ${available.join(', ')}`);
  const unknown = requested.filter((x) => !available.includes(x));
  if (unknown.length) throw new UsageError(`unknown ${kind} ${unknown.map((x) => `\`${x}\``).join(', ')}; expected one of ${available.join(', ')}`);
  return available.filter((x) => requested.includes(x));
}

/** Same problem reported by several summaries (a missing key) is shown once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  // A key missing in a language is one problem, whichever check found it: the project's checks name it by its path
  // (`summary:easy.intro`, the first), an output that asked for it in the message of the error it got.
  const missingKey = (d: Diagnostic) => (d.place.lang && d.place.path?.includes(':') ? new MissingLocaleKeyError(d.place.lang, d.place.path).message : d.message);
  // A write that fails for a reason (a full disk) fails for every study after it: said once, for the first file.
  // A template mistake found while rendering is the same for every study: said once, with how often it came up.
  const templateRepeats = new Map<string, number>();
  const kept = diagnostics.filter((d) => {
    if (d.ruleId === 'render/template') {
      const n = templateRepeats.get(d.message);
      templateRepeats.set(d.message, (n ?? 0) + 1);
      return n === undefined;
    }
    const id = d.ruleId.startsWith('locale/')
      ? `${d.ruleId}|${d.place.lang}|${d.ruleId === 'locale/missing-key' ? missingKey(d) : d.message}`
      : d.ruleId === 'output/write' && d.data?.reason
        ? `${d.ruleId}|${d.place.file}|${String(d.data.reason)}`
        : JSON.stringify(d);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return kept.map((d) => {
    const more = d.ruleId === 'render/template' ? templateRepeats.get(d.message)! - 1 : 0;
    return more > 0 ? { ...d, message: `${d.message} (and in ${more} more ${more === 1 ? 'output' : 'outputs'})` } : d;
  });
}

/**
 * Page-count warnings of the leaflet PDFs among `files` (paths in `dir`, `<lang>/<study>/leaflet.pdf`),
 * named where they are after the swap (under `out`). Read from the files, so a leaflet kept from the
 * last build is checked as one printed now.
 */
function leafletPageChecks(dir: string, out: string, files: readonly string[], project: ProjectData): Diagnostic[] {
  return checkLeafletPages(
    files
      .filter((f) => f.endsWith('/leaflet.pdf'))
      .map((f) => {
        const [lang, study] = f.split('/');
        const pages = pagesOf(join(dir, f));
        // What makes it long, from the HTML beside it: only read for a leaflet past two pages.
        const room = pages !== undefined && pages > LEAFLET_MAX_PAGES ? roomOf(join(dir, f.replace(/\.pdf$/, '.html')), project.languages[lang!]?.script === 'Han' ? 'Han' : 'Latin') : undefined;
        return { file: join(out, f), lang: lang!, study: study!, pages, ...(room ? { room } : {}) };
      }),
  );
}

/** What takes the room of a leaflet, from its HTML; undefined when that cannot be read. */
function roomOf(path: string, script: 'Latin' | 'Han'): LeafletRoom | undefined {
  try {
    return estimateLeafletRoom(readFileSync(path, 'utf8'), script);
  } catch {
    return undefined;
  }
}

/** A PDF's page count; undefined when it cannot be read (an up-to-date build does not look at its files otherwise). */
function pagesOf(path: string): number | undefined {
  try {
    return pdfPageCount(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** Where a facts file writes its id (for a duplicate-id message): the file is read again, as positions are not kept for valid files. */
function idPosition(file: string): Position | undefined {
  const { text } = readUtf8(file, 'facts file');
  return text === undefined ? undefined : lazyLocator(text)(['id']);
}

/**
 * What a build decides by, kept of every study in the last build's manifest: whether its inputs
 * changed, which files it has, its warnings. Its reports are read again only for a study taken over.
 */
interface KnownStudy extends Pick<ManifestStudy, 'id' | 'inputHash' | 'sources' | 'diagnostics'> {
  langs: Record<string, { files: string[]; summaries: number; diagnostics: Diagnostic[] }>;
}

function knownStudy(study: ManifestStudy): KnownStudy {
  const langs: KnownStudy['langs'] = {};
  for (const [lang, l] of Object.entries(study.langs)) langs[lang] = { files: l.files, summaries: l.summaries.length, diagnostics: l.diagnostics };
  return { id: study.id, inputHash: study.inputHash, sources: study.sources, diagnostics: study.diagnostics, langs };
}

/**
 * An input inside the output folder (facts, the project, a press config) goes with it at the swap:
 * deleted by its own build. Undefined when `input` is outside `out`.
 */
export function inputInOutput(out: string, input: string): Diagnostic | undefined {
  const where = pathInOutput(out, input);
  if (where === undefined) return undefined;
  return diagnostic({ ruleId: 'output/write', kind: 'input', severity: 'error', message: `${where ? `holds the input ${input}` : `is the input ${input}`}, and the output folder is replaced as a whole on every build; choose an --out folder outside the inputs`, place: { file: out } });
}

/**
 * Build (or, with `write: false`, only check) the summaries for every study in `inputs`.
 *
 * Studies are rendered and checked in worker threads and written into a staging folder as they
 * finish; the staging folder replaces `out` only when every check of every study passed.
 *
 * @example
 * const report = await build({ inputs: ['samples'], out: 'out' });
 * if (!report.ok) process.exitCode = report.exitCode;
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const project = options.project ?? loadProject();
  // In one order, each once: `--format press,summary` is the build `--format summary,press` made, not a new one to rebuild every study for.
  const formats = OUTPUT_FORMATS.filter((f) => (options.formats ?? ['summary']).includes(f));
  // A project without level templates has no summaries to make: building it would write an empty output, not the summaries asked for.
  if (project.levels.length === 0 && (options.site || formats.includes('summary'))) {
    throw new UsageError(`${join(project.root, 'templates')} has no reading-level template (<level>.hbs, e.g. easy.hbs); summaries and sites need at least one`);
  }
  const langs = pick('language', options.langs, Object.keys(project.languages));
  const levels = pick('level', options.levels, project.levels);
  const out = options.out ?? 'out';
  const write = options.write ?? true;
  const shard = options.shard;
  const shardWrong = shard && shardProblem(shard.index, shard.count);
  if (shardWrong) throw new UsageError(`shard ${shard!.index}/${shard!.count}: ${shardWrong}`);
  checkProjectTemplates(project, levels, formats);
  // Locale gaps (and missing bands) matter only for the languages and levels being built.
  const diagnostics: Diagnostic[] = project.diagnostics.filter((d) => (!d.place.lang || langs.includes(d.place.lang)) && (!d.place.level || levels.includes(d.place.level)));
  const time = stageTimer();
  const collected = time('load', () => collectFactsFiles(options.inputs));
  diagnostics.push(...collected.diagnostics);
  if (write) diagnostics.push(...[...options.inputs, ...(options.project ? [project.root] : [])].flatMap((input) => inputInOutput(out, input) ?? []));
  if (collected.files.length === 0 && collected.diagnostics.length === 0) {
    diagnostics.push(diagnostic({ ruleId: 'input/none', kind: 'input', severity: 'error', message: `no facts files (.yaml, .yml, .json) in ${options.inputs.join(', ') || '(no paths given)'}` }));
  }
  // A missing browser is known before anything is written: fail without touching the output.
  const chromium = existsSync(defaultChromiumPath());
  if (write && options.pdf === true && !chromium) {
    diagnostics.push(diagnostic({ ruleId: 'output/pdf', kind: 'input', severity: 'error', message: new BrowserNotFoundError(defaultChromiumPath()).message }));
  }
  const printing = write && !!options.pdf && chromium;
  // `--pdf auto` with no browser: said by every build that succeeds, one that is up to date too (its leaflets are still HTML only).
  const noBrowserWarning = () => {
    const missing = new BrowserNotFoundError(defaultChromiumPath());
    return diagnostic({ ruleId: 'output/pdf', kind: 'input', severity: 'warning', message: `no Chromium at ${missing.where}: leaflets written as HTML only; for PDFs, ${missing.remedy}` });
  };
  const htmlOnly = write && options.pdf === 'auto' && !chromium;
  // What the PDFs depend on besides the leaflets, each bad input found before anything is written: the date every
  // PDF is stamped with (SOURCE_DATE_EPOCH: a value that is no such date) and the browser that prints them
  // (one that cannot say which it is would not print either).
  const printSetting = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof SourceDateEpochError || error instanceof BrowserIdentityError)) throw error;
      diagnostics.push(diagnostic({ ruleId: 'output/pdf', kind: 'input', severity: 'error', message: error.message }));
      return undefined;
    }
  };
  const printDate = printing ? printSetting(() => pdfDate()) : undefined;
  const browser = printing ? printSetting(() => browserIdentity()) : undefined;
  // A press summary's notes to editors describe the organisation in the summary's language: one missing is not left out silently.
  const aboutMissing = options.press?.about && formats.includes('press') ? langs.filter((lang) => !options.press!.about![lang]) : [];
  if (aboutMissing.length) {
    throw new UsageError(`press config: \`about\` has no text for ${aboutMissing.map((l) => `\`${l}\``).join(', ')}; expected one for every language built (${langs.join(', ')}), or no \`about\` at all`);
  }
  const site = options.site ? { baseUrl: options.site.baseUrl, defaultLang: options.site.defaultLang ?? langs[0]! } : undefined;
  // A base URL no page can use is the caller's mistake, found once before any study is read.
  if (site) {
    try {
      normalizeBaseUrl(site.baseUrl);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  if (site && !langs.includes(site.defaultLang)) throw new UsageError(`default language \`${site.defaultLang}\` is not one of the languages built (${langs.join(', ')})`);
  // The site's wording, per language: for the index pages, and to find a level without its name before any study is rendered.
  const siteTranslators = site ? Object.fromEntries(langs.map((l) => [l, createTranslator(project.languages[l]!, project.locales[l] ?? {})])) : {};
  // A level's name is a translation like any other (a gap is a failed check, exit 1). A word every page says, missing even where
  // the reference language's parity check cannot see it, means the project's site locale does not fit this laysum: bad input, exit 2.
  for (const { lang, key, level } of missingSiteKeys(siteTranslators, levels)) {
    diagnostics.push(diagnostic({ ruleId: 'locale/missing-key', kind: level ? 'check' : 'input', severity: 'error', message: `missing locale key \`${key}\` in language \`${lang}\`: ${level ? 'the site names every level built' : "the site's pages use it"}`, place: { file: `locales/${lang}/site.json`, lang, path: key } }));
  }
  const settings: StudySettings = {
    project,
    langs,
    levels,
    formats,
    ...(options.press ? { press: options.press } : {}),
    ...(site ? { site } : {}),
    ...(shard ? { shard } : {}),
  };
  // The PDFs' date and browser are settings: a build with another SOURCE_DATE_EPOCH, or another (or upgraded) Chromium, prints every PDF again, not keeps the old ones.
  const hashes = { settings: settingsHash(settings, { pdf: printing, ...(printDate ? { pdfDate: printDate.toISOString() } : {}), ...(browser ? { browser } : {}) }), locales: localeHashes(project, langs) };

  // What the last build made that can be taken over: per study, the languages whose inputs are unchanged.
  const last = write && options.incremental !== false ? time('load', () => openManifest(out, knownStudy, (h) => h.settingsHash === hashes.settings && h.kind === (site ? 'site' : 'summaries'))) : undefined;
  const lastByFile = new Map((last?.studies ?? []).map((s) => [s.file, s]));
  // Files the last build of this same shard found to be another shard's, passed by unread while unchanged.
  const lastOthers = new Map(last && shard && last.header.shard === `${shard.index}/${shard.count}` ? last.others.map((o) => [o.file, o]) : []);
  /** A study of the last build, read again (only its line) when it is taken over. */
  const lastStudy = (line: StudyLine<KnownStudy>) => last!.read(line);
  const tasks: StudyTask[] = [];
  const kept = new Map<number, { line: StudyLine<KnownStudy>; langs: string[] }>();
  const keptOthers = new Map<number, ManifestOtherShard>();
  time('load', () =>
    collected.files.forEach((path, index) => {
      const file = relative(process.cwd(), path) || path;
      const other = lastOthers.get(file);
      if (other && currentInputHash(path, { sources: [] }) === other.inputHash) {
        keptOthers.set(index, other);
        return;
      }
      const line = lastByFile.get(file);
      const before = line?.kept;
      if (line && before && currentInputHash(path, before) === before.inputHash) {
        if (shard && shardOf(before.id, shard.count) !== shard.index) {
          // Built by the last (unsharded, or otherwise split) build, another part's now: listed as such, as a file
          // read by this build would be, so the next build of this part passes it by unread and is up to date.
          const inputHash = currentInputHash(path, { sources: [] });
          if (inputHash === undefined) tasks.push({ index, path });
          else keptOthers.set(index, { file, id: before.id, inputHash, otherShard: true });
          return;
        }
        // A language is taken over when its locale is unchanged and its files are all still there
        // (a file deleted from the output by hand or by a deploy script is made again).
        const same = langs.filter((l) => before.langs[l] && last!.header.localeHashes[l] === hashes.locales[l] && before.langs[l]!.files.every((f) => existsSync(join(out, f))));
        if (same.length > 0) {
          kept.set(index, { line, langs: same });
          if (same.length === langs.length) return;
          tasks.push({ index, path, langs: langs.filter((l) => !same.includes(l)) });
          return;
        }
      }
      tasks.push({ index, path });
    }),
  );
  // Nothing to do when every study of the last build is kept whole and no other study came or went.
  const unchanged = !!last && tasks.length === 0 && kept.size === last.studies.length && keptOthers.size === (lastOthers.size ? last.others.length : 0) && [...kept.values()].every((k) => k.langs.length === langs.length) && exitCodeFor(diagnostics) === 0;
  if (unchanged && last) {
    for (const { line } of kept.values()) diagnostics.push(...line.kept.diagnostics, ...langs.flatMap((l) => line.kept.langs[l]!.diagnostics));
    if (printing) diagnostics.push(...leafletPageChecks(out, out, [...kept.values()].flatMap(({ line }) => langs.flatMap((l) => line.kept.langs[l]!.files)).sort(), project));
    // The reports are read again only for a caller that takes them.
    const studies: StudyReport[] = [];
    if (options.keepReports !== false || options.onStudy) {
      for (const line of last.studies) {
        const study = lastStudy(line);
        const report = studyReport(study, langs);
        if (options.keepReports !== false) studies.push(report);
        options.onStudy?.(report, studyFindings(study, langs));
      }
    }
    const all = dedupe(diagnostics);
    if (htmlOnly) all.push(noBrowserWarning());
    const summaryCount = last.studies.reduce((n, line) => n + langs.reduce((m, l) => m + (line.kept.langs[l]?.summaries ?? 0), 0), 0);
    return { ok: true, exitCode: exitCodeFor(all), out, written: 0, studies, studyCount: last.studies.length, summaryCount, diagnostics: all, timings: time.totals, rebuilt: 0, reused: last.studies.length, upToDate: true };
  }

  let staging: StagingFolder | undefined;
  if (write && exitCodeFor(diagnostics) === 0) {
    try {
      staging = openStaging(out);
    } catch (error) {
      if (!(error instanceof OutputWriteError)) throw error;
      diagnostics.push(diagnostic({ ruleId: 'output/write', kind: 'input', severity: 'error', message: error.detail, place: { file: error.path } }));
    }
  }
  try {
    const reusedFiles = [...kept.values()].flatMap(({ line, langs: same }) => same.flatMap((l) => line.kept.langs[l]!.files));
    if (staging) time('write', () => staging!.reuse(reusedFiles));
    // Studies are taken in input order, whichever thread finished first, so the report and the
    // manifest are the same every time; each is done with as soon as its turn comes, and its manifest
    // line goes to disk, so the build's memory does not grow with the number of studies.
    const header: Omit<BuildManifest, 'studies'> = { laysum: MANIFEST_VERSION, kind: site ? 'site' : 'summaries', settingsHash: hashes.settings, localeHashes: hashes.locales, ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}), ...(site ? { site: { ...site, langs, levels } } : {}) };
    const manifestPath = staging ? join(staging.dir, MANIFEST_PARTIAL) : '';
    const writeManifest = (fd: number, line: string) => {
      try {
        writeSync(fd, `${line}\n`);
      } catch (error) {
        throw new OutputWriteError(staging!.target, `cannot write the output (${OUTPUT_MARKER}): ${writeErrorReason(error)}; nothing was replaced`, { cause: error });
      }
    };
    let manifestLines: number | undefined;
    if (staging) {
      try {
        manifestLines = openSync(manifestPath, 'w');
      } catch (error) {
        throw new OutputWriteError(staging.target, `cannot write the output (${OUTPUT_MARKER}): ${writeErrorReason(error)}; nothing was replaced`, { cause: error });
      }
      writeManifest(manifestLines, JSON.stringify(header));
    }
    const keepReports = options.keepReports !== false;
    const studies: StudyReport[] = [];
    const siteEntries: SiteEntry[] = [];
    const leaflets: string[] = [];
    const ids = new Map<string, string>();
    let rebuilt = 0;
    let studyCount = 0;
    let summaryCount = 0;
    let written = 0;
    const workerTime: Record<Stage, number> = { load: 0, validate: 0, render: 0, check: 0, write: 0 };
    const take = (index: number, outcome: StudyOutcome | undefined) => {
      const keptLine = kept.get(index);
      const before = keptLine && { study: lastStudy(keptLine.line), langs: keptLine.langs };
      if (outcome) for (const [k, v] of Object.entries(outcome.timings) as [Stage, number][]) workerTime[k] += v;
      const other = outcome?.otherShard ? { file: outcome.file, id: outcome.id!, inputHash: outcome.inputHash!, otherShard: true as const } : keptOthers.get(index);
      if (other) {
        if (manifestLines !== undefined) writeManifest(manifestLines, JSON.stringify(other));
        return;
      }
      if (!outcome && !before) return;
      if (outcome) {
        rebuilt++;
        diagnostics.push(...outcome.diagnostics);
      }
      const id = outcome ? outcome.id : before?.study.id;
      const file = outcome?.file ?? before!.study.file;
      if (id && ids.has(id)) {
        diagnostics.push(diagnostic({ ruleId: 'facts/duplicate-id', kind: 'input', severity: 'error', message: `study id \`${id}\` is also used by ${ids.get(id)}; expected one file per study id`, place: { file, path: 'id', ...(idPosition(file) ?? {}) } }));
        return;
      }
      if (id) ids.set(id, file);
      if (outcome && !outcome.langs) return;
      const byLang: Record<string, LanguageOutcome> = {};
      for (const lang of langs) {
        const own = outcome?.langs?.[lang];
        const taken = own ?? before!.study.langs[lang]!;
        if (own && printing) {
          // Printed into the staging folder before the swap (below); listed now, as the line is written now.
          const html = own.files.filter((f) => f.endsWith('/leaflet.html'));
          leaflets.push(...html);
          own.files.push(...html.map((f) => f.replace(/\.html$/, '.pdf')));
        }
        byLang[lang] = taken;
        summaryCount += taken.summaries.length;
        diagnostics.push(...taken.diagnostics);
        written += taken.files.length;
      }
      if (!outcome) diagnostics.push(...before!.study.diagnostics);
      const entry: ManifestStudy = outcome
        ? { file, id: id!, inputHash: outcome.inputHash!, sources: outcome.sources ?? [], diagnostics: outcome.diagnostics, report: outcome.report!, ...(outcome.site ? { site: outcome.site } : {}), langs: byLang }
        : { ...before!.study, langs: byLang };
      studyCount++;
      if (manifestLines !== undefined) writeManifest(manifestLines, manifestLine(entry));
      if (site) siteEntries.push({ ...entry.site!, titles: Object.fromEntries(langs.map((l) => [l, entry.langs[l]!.title ?? ''])) });
      if (keepReports || options.onStudy) {
        const report = studyReport(entry, langs);
        if (keepReports) studies.push(report);
        options.onStudy?.(report, studyFindings(entry, langs));
      }
    };
    const waiting = new Map<number, StudyOutcome>();
    const pending = new Set(tasks.map((t) => t.index));
    let cursor = 0;
    const advance = () => {
      while (cursor < collected.files.length && (!pending.has(cursor) || waiting.has(cursor))) {
        const outcome = waiting.get(cursor);
        waiting.delete(cursor);
        take(cursor, outcome);
        cursor++;
      }
    };
    let done = kept.size + keptOthers.size - tasks.filter((t) => t.langs).length;
    const total = collected.files.length;
    try {
      await runStudies(tasks, { ...settings, ...(staging ? { staging: { dir: staging.dir, target: staging.target } } : {}) }, workerCount(tasks.length, options.workers), (outcome) => {
        waiting.set(outcome.index, outcome);
        options.onProgress?.(++done, total, outcome.id ?? outcome.file);
        advance();
      });
      advance();
    } finally {
      if (manifestLines !== undefined) closeSync(manifestLines);
    }
    if ((kept.size || keptOthers.size) && tasks.length === 0) options.onProgress?.(total, total, '');

    if (site && staging && exitCodeFor(diagnostics) === 0) {
      try {
        // Made as they are written, one at a time (site/index.ts); a failure midway leaves them in the staging folder, which goes.
        const files = siteIndexFiles(siteEntries, { languages: langs.map((l) => project.languages[l]!), levels, translators: siteTranslators, baseUrl: site.baseUrl, defaultLang: site.defaultLang });
        written += time('write', () => staging!.write(files));
      } catch (error) {
        if (error instanceof MissingLocaleKeyError || error instanceof MissingInterpolationError) diagnostics.push(localeError(error));
        else if (!(error instanceof SiteInputError)) throw error;
        else diagnostics.push(diagnostic({ ruleId: 'site/input', kind: 'input', severity: 'error', message: error.message }));
      }
    }
    const all = dedupe(diagnostics);
    if (staging && exitCodeFor(all) === 0) {
      if (htmlOnly) all.push(noBrowserWarning());
      else if (printing && leaflets.length) {
        // Printed into the staging folder, before the swap: a build stopped while printing leaves the previous output.
        await printPdfs(leaflets.map((f) => ({ htmlPath: join(staging!.dir, f), pdfPath: join(staging!.dir, f.replace(/\.html$/, '.pdf')) })), printDate ? { date: printDate } : {});
      }
      if (printing) {
        // Every leaflet PDF of the new output, printed now or kept from the last build, in path order.
        all.push(...leafletPageChecks(staging.dir, out, [...leaflets.map((f) => f.replace(/\.html$/, '.pdf')), ...reusedFiles].sort(), project));
      }
      time('write', () => {
        renameSync(manifestPath, join(staging!.dir, OUTPUT_MARKER));
        staging!.commit(undefined, { markerWritten: true });
      });
      staging = undefined;
    } else written = 0;
    const exitCode = exitCodeFor(all);
    const timings = time.totals;
    for (const [k, v] of Object.entries(workerTime) as [Stage, number][]) timings[k] = Math.round((timings[k] + v) * 10) / 10;
    return { ok: exitCode === 0, exitCode, ...(write ? { out } : {}), written, studies, studyCount, summaryCount, diagnostics: all, timings, rebuilt, reused: kept.size - tasks.filter((t) => t.langs).length, upToDate: false };
  } catch (error) {
    if (error instanceof OutputWriteError || error instanceof BrowserNotFoundError) {
      staging?.abort();
      staging = undefined;
      const all = dedupe(diagnostics);
      // A full disk fails a worker's write, then the manifest's: one cause, said once (the worker's names the file).
      const saidAlready = error instanceof OutputWriteError && all.some((d) => d.ruleId === 'output/write' && d.place.file === error.path);
      if (!saidAlready) all.push(diagnostic({ ruleId: error instanceof BrowserNotFoundError ? 'output/pdf' : 'output/write', kind: 'input', severity: 'error', message: error instanceof OutputWriteError ? error.detail : error.message, ...(error instanceof OutputWriteError ? { place: { file: error.path } } : {}) }));
      return { ok: false, exitCode: 2, ...(write ? { out } : {}), written: 0, studies: [], studyCount: 0, summaryCount: 0, diagnostics: all, timings: time.totals, rebuilt: 0, reused: 0, upToDate: false };
    }
    throw error;
  } finally {
    staging?.abort();
  }
}

/** Validate and run every check; write nothing. */
export function check(options: Omit<BuildOptions, 'write' | 'out'>): Promise<BuildReport> {
  return build({ ...options, write: false });
}
