/**
 * `laysum site --merge <dirs...>`: shard outputs → one site.
 *
 *   laysum site facts --shard 1/2 --out part-1     (machine 1)
 *   laysum site facts --shard 2/2 --out part-2     (machine 2)
 *   laysum site --merge part-1 part-2 --out site   → the same bytes as `laysum site facts --out site`
 *
 * Each part's manifest (its `.laysum-output`) lists its studies with what the index pages need;
 * the study pages are taken over as they are (hard links), and the index pages, sitemap, robots.txt
 * and stylesheet are made from all parts' listings together. Parts must come from the same
 * laysum, templates, locales and site settings (the manifests' hashes say so) and must not share
 * a study. The parts' manifests are read line by line and each study's line again when its turn
 * comes (openManifest), so memory does not grow with the studies' reports.
 */
import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, exitCodeFor, type Diagnostic } from '../diagnostics/index.js';
import { createTranslator } from '../i18n/index.js';
import { openStaging, OUTPUT_MARKER, OutputWriteError } from '../outputs/index.js';
import { loadProject, type ProjectData } from '../project/index.js';
import { siteIndexFiles, SiteInputError, type SiteEntry } from '../site/index.js';
import { localeHashes, MANIFEST_PARTIAL, manifestLine, openManifest, studyFindings, studyReport, type ManifestIndex, type ManifestStudy, type StudyLine } from './cache.js';
import type { BuildReport } from './index.js';
import type { StudyReport } from './study.js';
import { stageTimer } from './timing.js';
import { shardProblem } from './shard.js';

export interface MergeOptions {
  /** Output folders of `laysum site` runs (typically one per `--shard k/n`). */
  parts: string[];
  out: string;
  /** Project data (locales for the index pages); default laysum's own. Must be what the parts were built with. */
  project?: ProjectData;
  /** Keep every study's report in the result (default). Off, `studies` is empty and memory does not grow with them. */
  keepReports?: boolean;
  /** Called with each study's report and its own findings, in the merged order, also when `keepReports` is off (as `build`'s onStudy). */
  onStudy?: (study: StudyReport, findings: readonly Diagnostic[]) => void;
}

/** A part: its folder and its manifest's index, with each study's number of summaries. */
interface Part {
  dir: string;
  manifest: ManifestIndex<number>;
}

const summariesOf = (study: ManifestStudy) => Object.values(study.langs).reduce((n, l) => n + l.summaries.length, 0);

/**
 * The parts are one whole: every part k/n of one n, each once (a missing artifact in a CI matrix
 * must not publish half a site). A part built without --shard is a whole site on its own and
 * merges with nothing else.
 */
function checkShards(parts: readonly Part[], fail: (message: string, file?: string) => void): void {
  const whole = parts.filter((p) => !p.manifest.header.shard);
  if (whole.length > 0 && parts.length > 1) {
    for (const { dir } of whole) fail('is a whole site (built without --shard k/n), not a part; merge the outputs of `laysum site --shard k/n` runs', dir);
    return;
  }
  const byIndex = new Map<number, string>();
  let count: number | undefined;
  for (const { dir, manifest } of parts) {
    const { shard } = manifest.header;
    if (!shard) continue;
    const [k, n] = shard.split('/').map(Number) as [number, number];
    // A manifest edited by hand, or from a laysum without the bound, must not make the list of missing parts below run out of memory.
    const wrong = shardProblem(k, n);
    if (wrong) {
      fail(`says it is part ${shard}: ${wrong}`, dir);
      return;
    }
    if (count === undefined) count = n;
    else if (n !== count) {
      fail(`is part ${shard}, but ${parts[0]!.dir} is part of ${count}; merge the parts of one sharded build (the same n in every --shard k/n)`, dir);
      return;
    }
    if (byIndex.has(k)) fail(`is part ${shard}, and so is ${byIndex.get(k)}; give each part once`, dir);
    else byIndex.set(k, dir);
  }
  if (count === undefined) return;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0) fail(`${missing.map((k) => `part ${k}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing; give the output folder of every --shard k/${count} run`);
}

/**
 * The parts were built from the same facts files: each part lists the studies of the others it
 * passed by (`others` in its manifest), so every part knows every study. One that does not was
 * built from other inputs (a checkout missing a study, a newer one): merged, the site would lose
 * a study or list one that no index page of another part's build expected.
 */
function checkSameInputs(parts: readonly Part[], fail: (message: string, file?: string) => void): void {
  const known = parts.map(({ manifest }) => new Set([...manifest.studies, ...manifest.others].map((s) => s.id)));
  const all = new Set(known.flatMap((ids) => [...ids]));
  parts.forEach(({ dir }, i) => {
    const unknown = [...all].filter((id) => !known[i]!.has(id)).sort();
    if (unknown.length === 0) return;
    const listed = unknown.slice(0, 5).map((id) => `\`${id}\``).join(', ');
    fail(`was built from other facts files than the other parts: it does not know ${listed}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}; build every part from the same facts files`, dir);
  });
}

export async function mergeSites(options: MergeOptions): Promise<BuildReport> {
  const time = stageTimer();
  const project = options.project ?? loadProject();
  const keepReports = options.keepReports !== false;
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, file?: string) => diagnostics.push(diagnostic({ ruleId: 'site/merge', kind: 'input', severity: 'error', message, ...(file ? { place: { file } } : {}) }));
  // A part refused as a whole (given twice, of another split or build): the studies it shares with the other parts are that one mistake, not one more each.
  const refused = new Set<string>();
  const refuse = (message: string, dir?: string) => {
    if (dir) refused.add(dir);
    fail(message, dir);
  };
  const parts: Part[] = [];
  for (const dir of options.parts) {
    const manifest = time('load', () => openManifest(dir, summariesOf));
    if (!existsSync(dir)) fail('no such folder; expected the output folder of a `laysum site` run', dir);
    else if (!manifest) fail('has no laysum manifest (.laysum-output); expected the output folder of a `laysum site` run of this laysum version', dir);
    else if (manifest.header.kind !== 'site' || !manifest.header.site) fail('is not a site (it was written by `laysum build`); merge the outputs of `laysum site`', dir);
    else parts.push({ dir, manifest });
  }
  if (options.parts.length === 0) fail('no folders to merge');
  const first = parts[0]?.manifest.header;
  if (first?.site) {
    const locales = localeHashes(project, first.site.langs);
    for (const { dir, manifest } of parts) {
      if (manifest.header.settingsHash !== first.settingsHash || JSON.stringify(manifest.header.site) !== JSON.stringify(first.site)) {
        refuse(`was built with other settings than ${parts[0]!.dir} (laysum version, templates, languages, levels or --base-url); build every part the same way`, dir);
      } else if (JSON.stringify(manifest.header.localeHashes) !== JSON.stringify(first.localeHashes)) {
        refuse(`was built with other locale files than ${parts[0]!.dir}; build every part from the same locales`, dir);
      }
    }
    checkShards(parts, refuse);
    if (parts.length > 1 && refused.size === 0) checkSameInputs(parts, refuse);
    if (JSON.stringify(locales) !== JSON.stringify(first.localeHashes)) fail('the parts were built with other locale files than the ones of this project (--project); the index pages would not match them', parts[0]!.dir);
  }
  const owner = new Map<string, string>();
  const lines: { line: StudyLine<number>; part: Part }[] = [];
  for (const part of parts) {
    for (const line of part.manifest.studies) {
      const other = owner.get(line.id);
      if (other !== undefined) {
        if (!refused.has(other) && !refused.has(part.dir)) fail(`study \`${line.id}\` is in ${other} and in ${part.dir}; build the parts with --shard k/n so each study is in one`, part.dir);
        // Counted once in the summary line ("4 studies", not 6 for a part given twice).
        continue;
      }
      owner.set(line.id, part.dir);
      lines.push({ line, part });
    }
  }
  // The order of one unsharded build: by facts file.
  lines.sort(({ line: a }, { line: b }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const langs = first?.site?.langs ?? [];
  const studies: BuildReport['studies'] = [];
  const summaryCount = lines.reduce((n, { line }) => n + line.kept, 0);
  const report = (ok: boolean, written: number): BuildReport => {
    const exitCode = exitCodeFor(diagnostics);
    return { ok: ok && exitCode === 0, exitCode, out: options.out, written, studies, diagnostics, timings: time.totals, rebuilt: 0, reused: 0, upToDate: false, studyCount: lines.length, summaryCount };
  };
  if (exitCodeFor(diagnostics) !== 0 || !first?.site) return report(false, 0);

  const { levels, baseUrl, defaultLang } = first.site;
  let staging;
  try {
    staging = openStaging(options.out);
  } catch (error) {
    if (!(error instanceof OutputWriteError)) throw error;
    diagnostics.push(diagnostic({ ruleId: 'output/write', kind: 'input', severity: 'error', message: error.detail, place: { file: error.path } }));
    return report(false, 0);
  }
  let manifestFd: number | undefined;
  try {
    const translators = Object.fromEntries(langs.map((l) => [l, createTranslator(project.languages[l]!, project.locales[l] ?? {})]));
    const entries: SiteEntry[] = [];
    // The merged manifest is written as its studies come, as a build writes its own.
    const manifestPath = join(staging.dir, MANIFEST_PARTIAL);
    // The header of an unsharded build's manifest: the parts' own, but for which part each was.
    const header = { laysum: first.laysum, kind: first.kind, settingsHash: first.settingsHash, localeHashes: first.localeHashes, site: first.site };
    const writeLine = (text: string) => {
      try {
        writeSync(manifestFd!, `${text}\n`);
      } catch (error) {
        throw new OutputWriteError(staging!.target, `cannot write the output (${OUTPUT_MARKER}): ${(error as Error).message}; nothing was replaced`, { cause: error });
      }
    };
    let written = 0;
    time('write', () => {
      manifestFd = openSync(manifestPath, 'w');
      writeLine(JSON.stringify(header));
      for (const { line, part } of lines) {
        const study = readStudy(part, line);
        const files = langs.flatMap((l) => study.langs[l]?.files ?? []);
        staging!.reuse(files, part.dir);
        written += files.length;
        writeLine(manifestLine(study));
        entries.push({ ...study.site!, titles: Object.fromEntries(langs.map((l) => [l, study.langs[l]?.title ?? ''])) });
        // The parts' warnings (facts the summaries cannot say, …), as an unsharded build reports them.
        const findings = studyFindings(study, langs);
        diagnostics.push(...findings);
        if (keepReports || options.onStudy) {
          const report = studyReport(study, langs);
          if (keepReports) studies.push(report);
          options.onStudy?.(report, findings);
        }
      }
      closeSync(manifestFd);
      manifestFd = undefined;
      // Made as they are written (site/index.ts).
      written += staging!.write(siteIndexFiles(entries, { languages: langs.map((l) => project.languages[l]!), levels, translators, baseUrl, defaultLang }));
      renameSync(manifestPath, join(staging!.dir, OUTPUT_MARKER));
      staging!.commit(undefined, { markerWritten: true });
    });
    staging = undefined;
    return report(true, written);
  } catch (error) {
    if (error instanceof OutputWriteError || error instanceof SiteInputError) {
      diagnostics.push(diagnostic({ ruleId: error instanceof SiteInputError ? 'site/input' : 'output/write', kind: 'input', severity: 'error', message: error instanceof OutputWriteError ? error.detail : error.message, ...(error instanceof OutputWriteError ? { place: { file: error.path } } : {}) }));
      return report(false, 0);
    }
    throw error;
  } finally {
    if (manifestFd !== undefined) closeSync(manifestFd);
    staging?.abort();
  }
}

/** A study of a part, read again from its manifest; a manifest changed since it was indexed is bad input, not a crash. */
function readStudy(part: Part, line: StudyLine<number>): ManifestStudy {
  try {
    return part.manifest.read(line);
  } catch (error) {
    throw new SiteInputError(`${part.dir}: its manifest (${OUTPUT_MARKER}) changed while the parts were merged (${(error as Error).message}); merge again`);
  }
}
