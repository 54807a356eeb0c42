/**
 * Incremental builds: what the last build made, and what can be taken over from it unchanged.
 *
 * A successful build writes a manifest into its output folder (the `.laysum-output` marker):
 * for every study its facts file, a hash of the facts and source texts it read, and per language
 * the files it wrote, the report rows and the diagnostics. The next build into the same folder
 * reuses a study's language when all of these are equal:
 *
 *   - the settings hash: laysum's own code, templates, bands, languages.json, the options
 *     (languages, levels, formats, press config, site URL, PDF: its date and the browser that prints);
 *   - the hash of that language's locale files;
 *   - the study's input hash: its facts file and every source text it names, byte for byte.
 *
 * So changing one study rebuilds only its pages (and the site's index pages, which are always
 * made anew); changing one locale string rebuilds that language only; changing a template or
 * laysum itself rebuilds everything. Reused files are hard-linked from the old output into the
 * staging folder, so the new output is still complete and swapped in at once. A build with
 * nothing changed does not touch the output folder at all.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/index.js';
import { coverageRows, coverageStates, type CoverageState } from '../checks/coverage.js';
import { OUTPUT_MARKER } from '../outputs/index.js';
import { PACKAGE_ROOT, type ProjectData } from '../project/index.js';
import type { LanguageOutcome, StudyOutcome, StudySettings } from './study-file.js';
import type { StudyReport } from './study.js';
import { hashInputs, studyInputHash } from './study-file.js';
import { readSourceTexts, readUtf8 } from './load.js';

export const MANIFEST_VERSION = 2;
/** The manifest while a build writes it (in the staging folder), one line per study as each is done. */
export const MANIFEST_PARTIAL = '.laysum-output.partial';

export interface ManifestStudy {
  file: string;
  id: string;
  inputHash: string;
  /** Source texts as the facts name them: the input hash covers their content. */
  sources: { id: string; path: string }[];
  diagnostics: Diagnostic[];
  report: NonNullable<StudyOutcome['report']>;
  site?: NonNullable<StudyOutcome['site']>;
  langs: Record<string, LanguageOutcome>;
}

/**
 * A study's line in the manifest. Each summary's coverage rows are kept as their states alone
 * (see coverageStates): with their ids and labels they were two thirds of a line, and writing
 * and reading the lines was 2 % of a build. readManifestStudy gives the rows back.
 */
export function manifestLine(study: ManifestStudy): string {
  const langs: Record<string, LanguageOutcome> = {};
  for (const [lang, outcome] of Object.entries(study.langs)) {
    langs[lang] = { ...outcome, summaries: outcome.summaries.map((summary) => (summary.coverage ? { ...summary, coverage: (coverageStates(summary.coverage) ?? summary.coverage) as typeof summary.coverage } : summary)) };
  }
  return JSON.stringify({ ...study, langs });
}

/** A study from its manifest line (manifestLine). */
export function readManifestStudy(line: string): ManifestStudy {
  const study = JSON.parse(line) as ManifestStudy;
  for (const outcome of Object.values(study.langs)) {
    for (const summary of outcome.summaries) {
      const kept = summary.coverage as unknown;
      if (Array.isArray(kept) && typeof kept[0] === 'string') summary.coverage = coverageRows(kept as CoverageState[]);
    }
  }
  return study;
}

/** The report of a study, from its outcome and (for languages not rebuilt) the last build's manifest. */
export function studyReport(outcome: Pick<ManifestStudy, 'id' | 'file' | 'report' | 'langs'>, langs: readonly string[]): StudyReport {
  return { id: outcome.id, file: outcome.file, summaries: langs.flatMap((l) => outcome.langs[l]?.summaries ?? []), sources: outcome.report.sources, derived: outcome.report.derived };
}

/** A study's own findings, as the build takes them: of its facts and sources, then of each language built. */
export function studyFindings(study: Pick<ManifestStudy, 'diagnostics' | 'langs'>, langs: readonly string[]): Diagnostic[] {
  return [...study.diagnostics, ...langs.flatMap((l) => study.langs[l]?.diagnostics ?? [])];
}

/** A facts file of another shard (`--shard k/n`): what the next build of this shard needs to pass it by unread. */
export interface ManifestOtherShard {
  file: string;
  id: string;
  /** Of the facts file alone: its id decides its shard. */
  inputHash: string;
  otherShard: true;
}

export interface BuildManifest {
  laysum: typeof MANIFEST_VERSION;
  kind: 'summaries' | 'site';
  settingsHash: string;
  localeHashes: Record<string, string>;
  /** `k/n` when the output is one shard of a larger build. */
  shard?: string;
  /** Site settings, for `laysum site --merge`. */
  site?: { baseUrl: string; defaultLang: string; langs: string[]; levels: string[] };
  studies: ManifestStudy[];
  /** Facts files found to belong to other shards (a sharded build only). */
  others?: ManifestOtherShard[];
}

let engine: string | undefined;

/** Hash of laysum's own code (the compiled files, or the sources when run from them). */
export function engineHash(): string {
  if (engine) return engine;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (['.js', '.ts', '.json'].includes(extname(entry.name)) && !entry.name.endsWith('.d.ts')) hash.update(`${path.slice(root.length)}\u0000`).update(readFileSync(path));
    }
  };
  walk(root);
  engine = hash.digest('hex').slice(0, 32);
  return engine;
}

let runtime: string | undefined;

/**
 * What else shapes the output: the libraries laysum runs on (every package it depends on, at the
 * version installed: a new markdown-it may write other HTML) and Node's own data (ICU and CLDR
 * format numbers, lists and country names). A change to any of them rebuilds everything.
 */
export function runtimeHash(): string {
  if (runtime) return runtime;
  const versions = new Map<string, string>();
  const visit = (from: string, name: string) => {
    // Resolved as Node resolves `name` from `from` (a package's own node_modules first, then up).
    for (const dir of createRequire(from).resolve.paths(name) ?? []) {
      const manifest = join(dir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string; dependencies?: Record<string, string> };
      const key = `${name}@${pkg.version ?? '?'}`;
      if (versions.has(`${manifest}`)) return;
      versions.set(manifest, key);
      for (const dependency of Object.keys(pkg.dependencies ?? {})) visit(manifest, dependency);
      return;
    }
    versions.set(`${from}\u0000${name}`, `${name}@missing`);
  };
  const own = join(PACKAGE_ROOT, 'package.json');
  for (const dependency of Object.keys((JSON.parse(readFileSync(own, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {})) visit(own, dependency);
  const { node, icu, cldr, unicode, tz } = process.versions as Record<string, string | undefined>;
  runtime = hashInputs([stable({ node, icu, cldr, unicode, tz, packages: [...new Set(versions.values())].sort() })]);
  return runtime;
}

/** Stable JSON: keys sorted, so equal data hashes equal. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function settingsHash(settings: StudySettings, extra: Record<string, unknown>): string {
  const { project } = settings;
  return hashInputs([
    engineHash(),
    runtimeHash(),
    stable({ templates: project.templates, partials: project.partials, formats: project.formats, bands: project.bands, languages: project.languages }),
    // Not the shard: a study's files do not depend on which part it was built in (see `laysum site --merge`).
    stable({ langs: settings.langs, levels: settings.levels, formats: settings.formats, press: settings.press ?? null, site: settings.site ?? null, ...extra }),
  ]);
}

export function localeHashes(project: ProjectData, langs: readonly string[]): Record<string, string> {
  return Object.fromEntries(langs.map((lang) => [lang, hashInputs([stable(project.locales[lang] ?? {})])]));
}

/** A study's line in a manifest file: which study, where to read it again, and what the reader kept of it. */
export interface StudyLine<K> {
  id: string;
  file: string;
  /** Byte offset and length of the line in the file. */
  at: number;
  length: number;
  kept: K;
}

/**
 * A manifest read line by line and kept as an index of its lines, each study read again when it
 * is needed: a manifest holds every study's report, 15 KB a study (150 MB for 10,000), which as
 * objects all at once took more memory than a build (a rebuild and a merge of 10,000 studies ran
 * out of heap). What a caller needs of every study to decide (`keep`) is kept; the rest is read again.
 */
export interface ManifestIndex<K> {
  header: Omit<BuildManifest, 'studies' | 'others'>;
  studies: StudyLine<K>[];
  /** Facts files of other shards (small: kept whole). */
  others: ManifestOtherShard[];
  /** The line's study, parsed anew (throws when the file can no longer be read). */
  read(line: StudyLine<K>): ManifestStudy;
}

const MANIFEST_CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/**
 * The manifest of the output in `outDir` as an index of its lines, if it has one this version can
 * read and whose header the caller `accept`s (a build of other settings reads no further).
 */
export function openManifest<K>(outDir: string, keep: (study: ManifestStudy) => K, accept: (header: ManifestIndex<K>['header']) => boolean = () => true): ManifestIndex<K> | undefined {
  const path = join(outDir, OUTPUT_MARKER);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  let header: ManifestIndex<K>['header'] | undefined;
  const studies: StudyLine<K>[] = [];
  const others: ManifestOtherShard[] = [];
  const take = (bytes: Buffer, at: number) => {
    if (bytes.length === 0) return;
    const parsed = JSON.parse(bytes.toString('utf8')) as ManifestStudy | ManifestOtherShard | ManifestIndex<K>['header'];
    if (!header) {
      header = parsed as ManifestIndex<K>['header'];
      if (header.laysum !== MANIFEST_VERSION || !accept(header)) throw new Error('not a manifest to read');
    } else if ('otherShard' in parsed) others.push(parsed);
    else {
      const study = parsed as ManifestStudy;
      studies.push({ id: study.id, file: study.file, at, length: bytes.length, kept: keep(study) });
    }
  };
  try {
    const chunk = Buffer.alloc(MANIFEST_CHUNK);
    let pending = Buffer.alloc(0);
    let pendingAt = 0;
    let position = 0;
    for (let n = readSync(fd, chunk, 0, chunk.length, position); n > 0; n = readSync(fd, chunk, 0, chunk.length, position)) {
      const data = pending.length ? Buffer.concat([pending, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      const dataAt = pending.length ? pendingAt : position;
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end >= 0; end = data.indexOf(NEWLINE, start)) {
        take(data.subarray(start, end), dataAt + start);
        start = end + 1;
      }
      // The rest is the start of a line that goes on in the next chunk (copied: the chunk is read into again).
      pending = Buffer.from(data.subarray(start));
      pendingAt = dataAt + start;
      position += n;
    }
    take(pending, pendingAt);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
  if (!header) return undefined;
  return {
    header,
    studies,
    others,
    read(line) {
      const bytes = Buffer.alloc(line.length);
      const file = openSync(path, 'r');
      try {
        for (let got = 0; got < line.length; ) {
          const n = readSync(file, bytes, got, line.length - got, line.at + got);
          if (n === 0) throw new Error(`${path} ended before the line of \`${line.id}\``);
          got += n;
        }
      } finally {
        closeSync(file);
      }
      return readManifestStudy(bytes.toString('utf8'));
    },
  };
}

/**
 * The input hash of a study as the manifest knows it, recomputed from the files now: undefined
 * when a file cannot be read as the build reads it (the build then reads it again and reports why).
 * Read with the build's own rules — regular files within the size limit, strict UTF-8, sources
 * inside the facts file's folder tree — not around them: a source that became a FIFO blocked this
 * read forever, and one replaced by a link out of the tree (same bytes) was taken over where a
 * full build refuses it.
 */
export function currentInputHash(path: string, study: Pick<ManifestStudy, 'sources'>): string | undefined {
  const facts = readUtf8(path, 'facts file');
  if (facts.text === undefined) return undefined;
  const sources = readSourceTexts({ id: '', sources: study.sources }, path);
  return sources.diagnostics.length ? undefined : studyInputHash(facts.text, study.sources, sources.texts);
}
