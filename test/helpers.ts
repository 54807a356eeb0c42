import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { build, check, checkCaseForms, checkLocaleSettings, checkLocaleValues, checkLocaleParity, formatDiagnostic, loadProject, type BuildReport, type ProjectData, type SummaryReport } from '../src/index.js';

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

/** Runs the real `laysum` command (bin/laysum.js, built by `npm test`). */
export function runCli(args: string[], cwd = ROOT): CliResult {
  expectBuiltFromSource();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'laysum.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LAYSUM_TRACE: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
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

/** A copy of laysum's project data with one change (a locale sentence, a template), locale parity, case forms and settings re-checked, for tests that break something. */
export function projectWith(change: (project: ProjectData) => void): ProjectData {
  const project = structuredClone(loadProject());
  change(project);
  project.diagnostics = [...checkLocaleParity(project.locales), ...checkCaseForms(project.locales, project.levels), ...checkLocaleSettings(project.locales), ...checkLocaleValues(project.locales)];
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
    read: (path) => readFileSync(join(out, path), 'utf8'),
  };
  it('builds with no error, every check passing, in every language, level and format', () => {
    const { report } = handle;
    expect(report.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.summaryCount).toBe(studies * 3 * 5);
  });
  return handle;
}
