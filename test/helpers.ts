import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import {
  build,
  check,
  checkProjectData,
  createTranslator,
  formatDiagnostic,
  loadProject,
  parseStudyFacts,
  type BuildReport,
  type Diagnostic,
  type ProjectData,
  type StudyFacts,
  type SummaryReport,
  type Translator,
} from '../src/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLES = join(ROOT, 'samples');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function tempDir(prefix = 'laysum-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Newest modification time of the files under a folder. */
function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

let builtChecked = false;

/**
 * The command runs the compiled code (dist/), the in-process tests the source: after an edit,
 * running one test file without `npm run build` (which `npm test` does first) would test the old
 * command. Refuse that instead of passing or failing for the wrong reason.
 */
function expectBuiltFromSource(): void {
  if (builtChecked) return;
  const dist = join(ROOT, 'dist', 'src');
  const stale = newest(join(ROOT, 'src')) > newest(dist);
  if (stale) throw new Error('dist/ is older than src/: run `npm run build` (npm test does) before the tests that run the laysum command');
  builtChecked = true;
}

/**
 * Runs the real `laysum` command (bin/laysum.js, built by `npm test`), with LAYSUM_TRACE cleared
 * unless `env` sets it; `env` adds to or overrides the test's environment. A command that hangs
 * is stopped after HANG_GUARD_MS (a guard, not a speed test: the test then fails on its exit code
 * instead of blocking the whole run, which the test timeout cannot stop while spawnSync waits).
 */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliResult {
  expectBuiltFromSource();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'laysum.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LAYSUM_TRACE: '', ...env }, timeout: HANG_GUARD_MS, killSignal: 'SIGKILL' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const HANG_GUARD_MS = 120_000;

/** A copy of the project data laysum ships (locales/ and templates/) in a fresh folder, for `--project` runs that change it. */
export function projectCopy(): string {
  const dir = tempDir('laysum-project-');
  for (const part of ['locales', 'templates']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

/**
 * A copy of laysum's project (projectCopy) with a level `level` added as a copy of `easy`: its template
 * and its name in every language (`document.levelName_<level>`), nothing else (no band, no site name).
 */
export function projectCopyWithLevel(level: string): string {
  const project = projectCopy();
  copyFileSync(join(project, 'templates', 'easy.hbs'), join(project, 'templates', `${level}.hbs`));
  for (const lang of ['en', 'de', 'zh']) {
    const file = join(project, 'locales', lang, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8')) as { document: Record<string, string> };
    summary.document[`levelName_${level}`] = summary.document.levelName_easy!;
    writeFileSync(file, JSON.stringify(summary, null, 2));
  }
  return project;
}

/**
 * A pid no process has: one above the kernel's limit (a pid of a process that has just ended
 * could be given to a new one on a busy machine).
 */
export function deadPid(): number {
  try {
    return Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')) + 1;
  } catch {
    return 2 ** 22 + 1; // the largest pid_max Linux allows, plus one
  }
}

/** Every file under a folder, relative, sorted, with its bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** A folder's files (its path, or what `readTree` read from it). */
export type Tree = string | Map<string, Buffer>;
const asMap = (tree: Tree) => (typeof tree === 'string' ? readTree(tree) : tree);

/**
 * How two trees differ, one line per path (sorted): `only in a: …`, `only in b: …`, `differs: …`.
 * `ignore`: paths left out on both sides.
 */
export function treeDifferences(a: Tree, b: Tree, { ignore = [] }: { ignore?: readonly string[] } = {}): string[] {
  const [ta, tb] = [asMap(a), asMap(b)];
  const paths = [...new Set([...ta.keys(), ...tb.keys()])].filter((p) => !ignore.includes(p)).sort();
  return paths.flatMap((path) => {
    const [x, y] = [ta.get(path), tb.get(path)];
    if (!y) return [`only in a: ${path}`];
    if (!x) return [`only in b: ${path}`];
    return x.equals(y) ? [] : [`differs: ${path}`];
  });
}

/** The same files with the same bytes (`ignore`: paths left out); a failure lists the paths that differ. */
export function expectSameTree(actual: Tree, expected: Tree, options: { ignore?: readonly string[]; message?: string } = {}): void {
  const tree = asMap(actual);
  expect(treeDifferences(tree, expected, options), options.message ?? 'a: the tree under test, b: the one it should equal').toEqual([]);
  // Not two empty trees compared (a build that wrote nothing, a wrong folder).
  expect(tree.size, 'files compared').toBeGreaterThan(0);
}

/** A facts file that must parse (a fixture, a sample): its facts, or an error naming what is wrong. */
export function loadFacts(path: string): StudyFacts {
  const parsed = parseStudyFacts(readFileSync(path, 'utf8'), path);
  if (!parsed.facts) throw new Error(`${path} does not parse: ${parsed.diagnostics.map(formatDiagnostic).join('; ')}`);
  return parsed.facts;
}

/** A report's errors (not warnings or notes). */
export const errorsOf = (report: { diagnostics: readonly Diagnostic[] }): Diagnostic[] => report.diagnostics.filter((d) => d.severity === 'error');
/** A report's errors as the command prints them, for `toEqual([])` with readable failures. */
export const errorLines = (report: { diagnostics: readonly Diagnostic[] }): string[] => errorsOf(report).map(formatDiagnostic);

let shipped: ProjectData | undefined;
/** The project data laysum ships (loaded once, when first asked for). */
export const shippedProject = (): ProjectData => (shipped ??= loadProject());
/** A translator for `lang` with the shipped locales. */
export const translator = (lang: string): Translator => createTranslator(shippedProject().languages[lang]!, shippedProject().locales[lang]!);

/** A copy of laysum's project data with one change (a locale sentence, a template), locale parity, case forms, settings and event kinds re-checked, for tests that break something. */
export function projectWith(change: (project: ProjectData) => void): ProjectData {
  const project = structuredClone(loadProject());
  change(project);
  project.diagnostics = checkProjectData(project);
  return project;
}

let samplesReport: Promise<BuildReport> | undefined;

/** `check` of the bundled samples, run once per test file. */
export function checkSamples(): Promise<BuildReport> {
  samplesReport ??= check({ inputs: [SAMPLES] });
  return samplesReport;
}

/** Every bundled summary, labelled `study/lang/level` for assertion messages. */
export async function sampleSummaries(): Promise<{ where: string; summary: SummaryReport }[]> {
  const report = await checkSamples();
  return report.studies.flatMap((study) => study.summaries.map((summary) => ({ where: `${study.id}/${summary.lang}/${summary.level}`, summary })));
}

/** A fixture folder built once (summaries, press, leaflets) into a fresh folder, for tests that read what it says. */
export interface FixtureBuild {
  readonly report: BuildReport;
  /** An output file's text, by its path under the output folder (`en/one-person/easy.md`). */
  read(path: string): string;
}

/**
 * Builds `folder` before the file's tests and adds the test every such file starts with: the build
 * has no error, every check passing, and made `studies` × 3 languages × 5 outputs. The handle's
 * `report` and `read` work inside tests (after the build).
 */
export function useFixtureBuild(folder: string, studies: number): FixtureBuild {
  const out = join(tempDir(), 'out');
  let built: BuildReport | undefined;
  beforeAll(async () => {
    built = await build({ inputs: [folder], out, formats: ['summary', 'press', 'leaflet'] });
  });
  const handle: FixtureBuild = {
    get report() {
      if (!built) throw new Error(`${folder} is not built yet: use the report inside a test`);
      return built;
    },
    read: (path) => {
      // One cause, one message: not an ENOENT in every test that reads an output.
      if (handle.report.exitCode !== 0) throw new Error(`${folder} did not build (exit code ${handle.report.exitCode}): see this file's first test for why`);
      return readFileSync(join(out, path), 'utf8');
    },
  };
  it('builds with no error, every check passing, in every language, level and format', () => {
    const { report } = handle;
    expect(errorLines(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.summaryCount).toBe(studies * 3 * 5);
  });
  return handle;
}
