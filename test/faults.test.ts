/**
 * Nothing lost when things go wrong: bad input, an output folder that cannot be written, a full
 * disk. Each gives one clear line naming the path, exit 2, no stack trace, and leaves the previous
 * output byte-identical with nothing beside it.
 *
 * Tested for real (Linux, as root, as CI runs; a machine that cannot do so fails these tests, it does not skip them):
 * - non-UTF-8, missing, FIFO and folder-instead-of-file inputs;
 * - a file the build cannot read (EACCES): the CLI runs as `nobody` on a chmod 000 file (root
 *   reads everything, so the fault needs another user);
 * - an output folder that cannot be written (EACCES): `nobody` builds into a folder owned by root;
 * - `--out` below a regular file (ENOTDIR);
 * - a read-only file system (EROFS) and a full disk (ENOSPC) on a small tmpfs mounted for the
 *   test (needs root with CAP_SYS_ADMIN, as this project's CI machine has).
 * Simulated with a file-system layer injected into `writeOutputs` (always run): ENOSPC, EACCES,
 * EROFS and EIO at each step of the write (staging folder, a file, either rename, restoring the
 * previous output, removing the old one), an exception that is not a file-system error, and the
 * litter a killed build leaves (its pid no longer running).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { openStaging, OUTPUT_MARKER, OutputWriteError, realFs, recoverOutput, stageOutputs, writeOutputs, type OutputFile, type OutputFs, type WritableFile } from '../src/outputs/write.js';
import { deadPid, errorLines, expectSameTree, FIXTURES, readTree, ROOT, runCli, SAMPLES, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin', 'laysum.js');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/);

/** The previous output: one small real build, copied into a fresh folder for each test. */
let previous: string;
beforeAll(() => {
  previous = join(tempDir('laysum-faults-prev-'), 'out');
  const result = runCli(['build', join(SAMPLES, 'first-patient-2021.yaml'), '--lang', 'en', '--level', 'easy', '--out', previous, '-q']);
  expect(result.code, result.stderr).toBe(0);
});

/** A folder with the previous output as `out/`. */
function withPrevious(dir = tempDir('laysum-faults-')): { dir: string; out: string } {
  cpSync(previous, join(dir, 'out'), { recursive: true });
  return { dir, out: join(dir, 'out') };
}

/** The previous output is still there, byte for byte, and nothing lies beside it. */
function expectPreviousIntact(dir: string): void {
  expect(readdirSync(dir)).toEqual(['out']);
  expectSameTree(join(dir, 'out'), previous, { message: 'out/ is the previous output' });
}

/** Runs the CLI as `nobody` (root reads and writes everything, so permission faults need another user). */
/**
 * Runs the CLI as `nobody`. The checkout may sit in a folder only root can enter (CI clones into
 * a `mktemp -d` folder, mode 0700), so the folders above the project are opened for others
 * (o+x) for the run and put back after.
 */
function runAsNobody(args: string[]): SpawnSyncReturns<string> {
  const opened: [string, number][] = [];
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if ((mode & 0o005) !== 0o005) {
      opened.push([dir, mode]);
      chmodSync(dir, mode | 0o005);
    }
    if (dirname(dir) === dir) break;
  }
  try {
    return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, uid: NOBODY, gid: NOBODY, encoding: 'utf8', env: { ...process.env, LAYSUM_TRACE: '' }, timeout: 60_000 });
  } finally {
    for (const [dir, mode] of opened) chmodSync(dir, mode);
  }
}

describe('check reports every problem in every file in one run', () => {
  it('three bad files and a good one: all six problems, and the good study is still checked', async () => {
    const dir = tempDir('laysum-faults-many-');
    writeFileSync(join(dir, 'a-consistency.yaml'), minimal.replace('id: minimal-study', 'id: a-consistency').replace('      n: 5', '      n: 4').replace('responders: 4', 'responders: 6'));
    writeFileSync(join(dir, 'b-not-utf8.yaml'), readFileSync(join(FIXTURES, 'bad', 'not-utf8.yaml')));
    writeFileSync(join(dir, 'c-schema.yaml'), minimal.replace('id: minimal-study', 'id: c-schema').replace('total: 5', 'total: five').replace('year: 2024', 'year: soon'));
    writeFileSync(join(dir, 'd-good.yaml'), minimal);
    const result = runCli(['check', dir]);
    expect(result.code).toBe(2);
    noStackTrace(result.stderr);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: '));
    const rel = (name: string) => relative(ROOT, join(dir, name)).replaceAll('.', '\\.');
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^error: ${rel('a-consistency.yaml')}:15:10 population\\.total: condition groups add up to 4 \\(sle 4\\), expected population\\.total 5 \\[facts/consistency\\]$`)),
      expect.stringMatching(new RegExp(`^error: ${rel('a-consistency.yaml')}:22:17 outcomes\\[0\\]\\.responders: responders 6 is greater than assessed 5`)),
      expect.stringMatching(new RegExp(`^error: ${rel('a-consistency.yaml')}:23:15 outcomes\\[0\\]\\.assessed: assessed 5 is greater than the 4 participants`)),
      // (The encoding error names the file as given, here absolute; the others relative to the working folder.)
      expect.stringMatching(new RegExp(`^error: (${rel('b-not-utf8.yaml')}|${join(dir, 'b-not-utf8.yaml').replaceAll('.', '\\.')}):5: facts file is not valid UTF-8 at byte 158; save it as UTF-8`)),
      expect.stringMatching(new RegExp(`^error: ${rel('c-schema.yaml')}:9:9 citation\\.year: expected number, received string \\[facts/schema\\]$`)),
      expect.stringMatching(new RegExp(`^error: ${rel('c-schema.yaml')}:15:10 population\\.total: expected number, received string \\[facts/schema\\]$`)),
    ]);
    // The same problems as checking each file on its own: one run loses none.
    const alone: string[] = [];
    for (const name of ['a-consistency.yaml', 'b-not-utf8.yaml', 'c-schema.yaml', 'd-good.yaml']) {
      const report = await check({ inputs: [join(dir, name)] });
      alone.push(...errorLines(report));
    }
    expect(errors).toEqual(alone);
    // The good study went through every check: nine table rows, all passing.
    const rows = result.stdout.split('\n').filter((l) => l.startsWith('minimal-study '));
    expect(rows).toHaveLength(9);
    for (const row of rows) expect(row).not.toContain('✗');
    expect(result.stdout).toMatch(/^laysum: 1 study, 9 summaries; checked, nothing written; 6 errors, \d+ warnings?$/m);
  });

  it('a file with a schema error: the fields that passed are still checked against each other, in the same run', () => {
    const dir = tempDir('laysum-faults-within-');
    const file = join(dir, 'study.yaml');
    writeFileSync(file, `${minimal.replace('responders: 4', 'responders: 6').replace('condition: sle\n    measure', 'condition: slee\n    measure')}dates: { start: 2021-13 }\n`);
    const result = runCli(['check', file]);
    expect(result.code).toBe(2);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.replace(/^error: \S+ /, ''));
    expect(errors).toEqual([
      expect.stringMatching(/^dates\.start: expected a date as YYYY-MM-DD, YYYY-MM or YYYY \[facts\/schema\]$/),
      'outcomes[0].responders: responders 6 is greater than assessed 5; expected responders ≤ assessed [facts/consistency]',
      'outcomes[0].condition: condition `slee` is not one of the population groups (sle) [facts/consistency]',
      'outcomes[0].condition: unknown conditions key `slee`; expected a key of `conditions` in locales/<lang>/terms.json [facts/consistency]',
    ]);
    // A required field that fails holds a stand-in: the rest is still checked, and nothing that reads the total is said.
    writeFileSync(file, minimal.replace('responders: 4', 'responders: 6').replace('total: 5', 'total: five').replace('n: 5', 'n: 4'));
    const required = runCli(['check', file]);
    expect(required.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      expect.stringContaining('population.total: expected number, received string'),
      expect.stringContaining('outcomes[0].responders: responders 6 is greater than assessed 5'),
      expect.stringContaining('outcomes[0].assessed: assessed 5 is greater than the 4 participants with `sle`'),
    ]);
  });
});

describe('bad input: exit 2, the path named, the previous output intact', () => {
  const firstPatient = join(SAMPLES, 'first-patient-2021.yaml');

  it('a facts file that is not UTF-8', () => {
    const { dir, out } = withPrevious();
    const result = runCli(['build', firstPatient, join(FIXTURES, 'bad', 'not-utf8.yaml'), '--out', out, '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not-utf8.yaml:5: facts file is not valid UTF-8 at byte 158; save it as UTF-8 [input/encoding]');
    noStackTrace(result.stderr);
    expectPreviousIntact(dir);
  });

  it('a facts file that does not exist', () => {
    const { dir, out } = withPrevious();
    const missing = join(tempDir(), 'missing.yaml');
    const result = runCli(['build', firstPatient, missing, '--out', out, '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${missing}: cannot read input: no such file or folder`);
    noStackTrace(result.stderr);
    expectPreviousIntact(dir);
  });

  it('a file named that is not a facts file (a README beside the studies, as `studies/*` names it): one line naming it, the studies still checked', () => {
    const { dir, out } = withPrevious();
    const input = tempDir();
    writeFileSync(join(input, 'README.md'), '# Our studies\n\nOne facts file per study:\n- study.yaml\n');
    writeFileSync(join(input, 'study.yaml'), minimal);
    const result = runCli(['build', join(input, 'README.md'), join(input, 'study.yaml'), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error: '))).toEqual([`error: ${join(input, 'README.md')}: not a facts file: expected .yaml, .yml or .json [input/not-facts]`]);
    expect(result.stdout).toBe('laysum: 1 study, 9 summaries; nothing written; 1 error, 5 warnings\n');
    noStackTrace(result.stderr);
    expectPreviousIntact(dir);
    // The same file in a folder is passed over, as every file there that is not .yaml, .yml or .json.
    expect(runCli(['check', input, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a source text that is a folder', () => {
    const { dir, out } = withPrevious();
    const input = tempDir();
    mkdirSync(join(input, 'texts', 'report.en.md'), { recursive: true });
    writeFileSync(join(input, 'study.yaml'), `${minimal}sources:\n  - { id: report, path: texts/report.en.md, lang: en }\n`);
    const result = runCli(['build', join(input, 'study.yaml'), '--out', out, '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/texts\/report\.en\.md minimal-study: cannot read source text `report`: (is a folder|not a regular file)/);
    noStackTrace(result.stderr);
    expectPreviousIntact(dir);
  });

  it('a facts file that is a FIFO: an error, not a build that waits for a writer forever', () => {
    const { dir, out } = withPrevious();
    const input = tempDir();
    execFileSync('mkfifo', [join(input, 'pipe.yaml')]);
    const result = spawnSync(process.execPath, [BIN, 'build', join(input, 'pipe.yaml'), '--out', out, '-q'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.error, 'the build returned instead of hanging').toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pipe.yaml: cannot read facts file');
    noStackTrace(result.stderr);
    expectPreviousIntact(dir);
  });

  it('a FIFO named like a facts file in a folder: reported, not passed over in silence', () => {
    const input = tempDir();
    writeFileSync(join(input, 'a.yaml'), minimal);
    execFileSync('mkfifo', [join(input, 'pipe.yaml')]);
    const result = spawnSync(process.execPath, [BIN, 'check', input, '-q'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.error, 'the check returned instead of hanging').toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      expect.stringMatching(/pipe\.yaml: cannot read facts file: not a regular file \(a device, FIFO or socket\); expected a text file \[input\/read\]$/),
    ]);
  });

  it('a facts file the build may not read (EACCES, for real: run as nobody on a chmod 000 file)', () => {
    const { dir, out } = withPrevious();
    chmodSync(dir, 0o755);
    const input = tempDir();
    chmodSync(input, 0o755);
    writeFileSync(join(input, 'secret.yaml'), minimal);
    chmodSync(join(input, 'secret.yaml'), 0o000);
    const result = runAsNobody(['build', join(input, 'secret.yaml'), '--out', out, '-q']);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${join(input, 'secret.yaml')}: cannot read facts file: permission denied`);
    noStackTrace(result.stderr);
    expectPreviousIntact(dir);
  });
});

describe('searching input folders', () => {
  it('a sub-folder the build may not read: reported by its own path, and every readable study is still checked (as nobody)', () => {
    const input = tempDir();
    chmodSync(input, 0o755);
    mkdirSync(join(input, 'a-private'));
    writeFileSync(join(input, 'a-private', 'hidden.yaml'), minimal);
    chmodSync(join(input, 'a-private'), 0o000);
    writeFileSync(join(input, 'z-readable.yaml'), minimal.replace('id: minimal-study', 'id: z-readable'));
    const result = runAsNobody(['check', input]);
    chmodSync(join(input, 'a-private'), 0o755);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${join(input, 'a-private')}: cannot read folder: permission denied [input/read]`);
    expect(`${result.stdout}${result.stderr}`).toContain('laysum: 1 study, 9 summaries; checked, nothing written; 1 error');
    noStackTrace(result.stderr);
  });

  it('facts files and folders reached through links are read like the others: each once, a link loop ends, a broken link is named', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(join(dir, 'other'));
    mkdirSync(input);
    writeFileSync(join(input, 'plain.yaml'), minimal.replace('id: minimal-study', 'id: plain'));
    writeFileSync(join(dir, 'elsewhere', 'linked.yaml'), minimal.replace('id: minimal-study', 'id: linked-file'));
    symlinkSync(join(dir, 'elsewhere', 'linked.yaml'), join(input, 'linked.yaml'));
    writeFileSync(join(dir, 'other', 'in-linked-folder.yaml'), minimal.replace('id: minimal-study', 'id: in-linked-folder'));
    symlinkSync(join(dir, 'other'), join(input, 'linked-folder'));
    symlinkSync(input, join(input, 'loop'));
    const ok = runCli(['check', input, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout) as { studies: { id: string }[] };
    expect(report.studies.map((s) => s.id).sort()).toEqual(['in-linked-folder', 'linked-file', 'plain']);
    symlinkSync(join(dir, 'nowhere.yaml'), join(input, 'broken.yaml'));
    const broken = runCli(['check', input]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${join(input, 'broken.yaml')}: cannot read link: no such file or folder [input/read]`);
  });

  it('a facts file named twice (by its folder and by itself, as ./in/…, by its absolute path, through a link beside it) is one study, named by its own path', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'plain.yaml'), minimal.replace('id: minimal-study', 'id: plain'));
    symlinkSync('plain.yaml', join(dir, 'in', 'a-link.yaml'));
    // Before, each name was a study of its own: "study id `plain` is also used by in/plain.yaml", said of in/plain.yaml itself.
    const result = runCli(['check', 'in', './in/plain.yaml', join(dir, 'in', 'plain.yaml'), '--json'], dir);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { studies: { id: string; file: string }[] };
    expect(report.studies.map((s) => [s.id, s.file])).toEqual([['plain', join('in', 'plain.yaml')]]);
  });
});

describe('an incremental build never changes the previous output, and repairs what is missing from it', () => {
  // English only: the same hard-link reuse as every language, with a third of the files.
  const build = (input: string, out: string, ...more: string[]) => runCli(['build', input, '--out', out, '--lang', 'en', ...more]);

  /** The four samples as input, built once: `out/` holds hard links that the next build may reuse. */
  function samplesBuilt(): { dir: string; out: string; input: string } {
    const dir = tempDir('laysum-faults-inc-');
    const input = join(dir, 'in');
    cpSync(SAMPLES, input, { recursive: true });
    const out = join(dir, 'out');
    const first = build(input, out, '-q');
    expect(first.code, first.stderr).toBe(0);
    return { dir, out, input };
  }

  it('a study copied under the id of an unchanged one: the build fails and the unchanged study’s pages stay as they were', () => {
    const { dir, out, input } = samplesBuilt();
    const before = readTree(out);
    // The copy renders into the same paths as the study whose pages are taken over (hard links).
    writeFileSync(join(input, 'new-study.yaml'), readFileSync(join(input, 'mueller-2024.yaml'), 'utf8').replace(/^  en: .*$/m, '  en: A NEW STUDY'));
    const failed = build(input, out);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('study id `mueller-2024` is also used by');
    expectSameTree(out, before, { message: 'out/ is the previous output' });
    expect(readdirSync(dir).sort()).toEqual(['in', 'out']);
    rmSync(join(input, 'new-study.yaml'));
    const again = build(input, out);
    expect(again.code, again.stderr).toBe(0);
    expectSameTree(out, before);
  });

  it('a file deleted from the output is made again by the next build, nothing changed or not', () => {
    const { out, input } = samplesBuilt();
    const before = readTree(out);
    rmSync(join(out, 'en', 'mueller-2024', 'easy.md'));
    const noChange = build(input, out);
    expect(noChange.code, noChange.stderr).toBe(0);
    // The summary line is on stdout: not "up to date"; the study with the missing file is built again.
    expect(noChange.stdout).not.toContain('up to date');
    expect(noChange.stdout).toMatch(/ written to .*\(3 unchanged studies taken over/);
    expectSameTree(out, before, { message: 'out/ is whole again' });
    rmSync(join(out, 'en', 'crispr-donor-2024', 'expert.html'));
    appendFileSync(join(input, 'first-patient-2021.yaml'), '# edited\n');
    const oneChanged = build(input, out);
    expect(oneChanged.code, oneChanged.stderr).toBe(0);
    expect(oneChanged.stdout).toMatch(/ written to .*\(2 unchanged studies taken over/);
    expect(readFileSync(join(out, 'en', 'crispr-donor-2024', 'expert.html'))).toEqual(before.get('en/crispr-donor-2024/expert.html'));
  });

  it('a source text of an unchanged study that became a FIFO, or a link out of the facts folder to the same bytes: refused as a full build refuses it, not read around the checks', () => {
    const { dir, out, input } = samplesBuilt();
    const before = readTree(out);
    const source = join(input, 'sources', 'crispr-donor-2024.en.md');
    const text = readFileSync(source);
    rmSync(source);
    execFileSync('mkfifo', [source]);
    // Before, the check for changes read the FIFO and waited for a writer forever (here: until runCli's guard killed it).
    const fifo = build(input, out, '-q');
    expect(fifo.code, fifo.stderr).toBe(2);
    expect(fifo.stderr).toContain('cannot read source text `crispr-donor-2024-en`: not a regular file (a device, FIFO or socket)');
    rmSync(source);
    writeFileSync(join(dir, 'elsewhere.md'), text);
    symlinkSync(join(dir, 'elsewhere.md'), source);
    // Before, the same bytes through the link were "unchanged": taken over, where a full build says the link leads out.
    const link = build(input, out, '-q');
    expect(link.code).toBe(2);
    expect(link.stderr).toContain('sources[0].path: source path `sources/crispr-donor-2024.en.md` is a link that leads outside the facts file\'s folder [input/source-path]');
    expectSameTree(out, before);
  });
});

describe('--report inside --out (`--out out --report out/report.html`, as `npm start` writes them)', () => {
  it('a first build that fails still leaves a folder the next build may replace: the report in an empty, marked output', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.yaml'), minimal.replace('id: minimal-study', 'id: study-a').replace(/^(  total: )\d+$/m, '$1fifteen'));
    const build = () => runCli(['build', 'in', '--out', 'out', '--report', 'out/report.html', '--lang', 'en', '--level', 'easy', '-q'], dir);
    const failed = build();
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('population.total: expected number');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([OUTPUT_MARKER, 'report.html']);
    // Before, out/ held the report alone, and every later build refused it: "is not empty and was not written by laysum".
    writeFileSync(join(input, 'a.yaml'), minimal.replace('id: minimal-study', 'id: study-a'));
    const fixed = build();
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([OUTPUT_MARKER, 'en', 'report.html']);
  });

  it('`check --report out/report.html` before or after `build --out out`: the folder the report makes is marked, one that holds anything never', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.yaml'), minimal.replace('id: minimal-study', 'id: study-a'));
    const small = ['--lang', 'en', '--level', 'easy', '-q'];
    const check = (report: string, cwd = dir) => runCli(['check', join(dir, 'in'), '--report', report, ...small], cwd);
    const build = (command: string, out: string) => runCli([command, 'in', '--out', out, ...small], dir);
    expect(check('out/report.html').code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([OUTPUT_MARKER, 'report.html']);
    // Before, out/ held the report alone, and the build refused it: "is not empty and was not written by laysum".
    const built = build('build', 'out');
    expect(built.code, built.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([OUTPUT_MARKER, 'en']);
    // The other order: the report goes into the output, and the next build that writes replaces it with the folder.
    expect(check('out/report.html').code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([OUTPUT_MARKER, 'en', 'report.html']);
    // Several folders made: the outermost is marked, the output folder a report inside it belongs to.
    expect(check('site/reports/check.html').code).toBe(0);
    expect(readdirSync(join(dir, 'site')).sort()).toEqual([OUTPUT_MARKER, 'reports']);
    const site = build('site', 'site');
    expect(site.code, site.stderr).toBe(0);
    // A folder that is there and empty is marked; one that holds anything is not, and stays refused.
    mkdirSync(join(dir, 'empty'));
    expect(check('empty/report.html').code).toBe(0);
    expect(readdirSync(join(dir, 'empty')).sort()).toEqual([OUTPUT_MARKER, 'report.html']);
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), 'mine');
    expect(check('mine/report.html').code).toBe(0);
    expect(readdirSync(join(dir, 'mine')).sort()).toEqual(['notes.txt', 'report.html']);
    expect(build('build', 'mine')).toMatchObject({ code: 2, stderr: expect.stringContaining('mine: is not empty and was not written by laysum') });
    // Nor the working folder, empty as it may be: swapping it would move it from under the command.
    mkdirSync(join(dir, 'run'));
    expect(check('report.html', join(dir, 'run')).code).toBe(0);
    expect(readdirSync(join(dir, 'run'))).toEqual(['report.html']);
  });
});

describe('an input inside the output folder', () => {
  it('is refused before anything is written: the swap would delete the facts of the build itself (also through a link)', () => {
    const { dir, out } = withPrevious();
    mkdirSync(join(out, 'studies'));
    writeFileSync(join(out, 'studies', 'a.yaml'), minimal);
    const before = readTree(out);
    const result = runCli(['build', 'out/studies', '--out', 'out', '--lang', 'en', '--level', 'easy', '-q'], dir);
    expect(result.code).toBe(2);
    // Before, the build succeeded and out/studies was gone with the old output.
    expect(result.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual(['error: out: holds the input out/studies, and the output folder is replaced as a whole on every build; choose an --out folder outside the inputs [output/write]']);
    expectSameTree(out, before);
    symlinkSync('out', join(dir, 'link'));
    expect(runCli(['build', 'link/studies', '--out', 'out', '--lang', 'en', '--level', 'easy', '-q'], dir).stderr).toContain('error: out: holds the input link/studies');
    expect(runCli(['build', 'out/studies', '--out', 'link', '--lang', 'en', '--level', 'easy', '-q'], dir).stderr).toContain('error: link: holds the input out/studies');
    expectSameTree(out, before);
  });

  it('a press config inside the output folder is refused too (the swap would delete it)', () => {
    const { dir, out } = withPrevious();
    copyFileSync(join(SAMPLES, 'press.config.yaml'), join(out, 'press.config.yaml'));
    const before = readTree(out);
    const result = runCli(['build', join(SAMPLES, 'first-patient-2021.yaml'), '--out', 'out', '--format', 'press', '--press-config', 'out/press.config.yaml', '-q'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: out: holds the input out/press.config.yaml, and the output folder is replaced as a whole on every build; choose an --out folder outside the inputs [output/write]\n' });
    expectSameTree(out, before);
  });
});

describe('--out a link to a folder (`site -> /var/www/site`)', () => {
  it('the folder it leads to gets the output, build after build, and the link stays a link; a link to a folder not made yet makes it', () => {
    const dir = tempDir();
    const www = join(dir, 'www', 'site');
    mkdirSync(www, { recursive: true });
    symlinkSync(join('www', 'site'), join(dir, 'site'));
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.yaml'), minimal.replace('id: minimal-study', 'id: study-a'));
    const build = () => runCli(['build', 'in', '--out', 'site', '--lang', 'en', '--level', 'easy', '-q'], dir);
    // Before, the swap renamed the link away and put a real folder in its place: www/site kept what it had.
    expect(build().code).toBe(0);
    expect(lstatSync(join(dir, 'site')).isSymbolicLink()).toBe(true);
    expect(readdirSync(www).sort()).toEqual([OUTPUT_MARKER, 'en']);
    writeFileSync(join(input, 'b.yaml'), minimal.replace('id: minimal-study', 'id: study-b'));
    expect(build().code).toBe(0);
    expect(lstatSync(join(dir, 'site')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(www, 'en')).sort()).toEqual(['study-a', 'study-b']);
    expect(readdirSync(dir).sort()).toEqual(['in', 'site', 'www']);
    expect(readdirSync(join(dir, 'www'))).toEqual(['site']);
    symlinkSync(join('www', 'later'), join(dir, 'later'));
    expect(runCli(['build', 'in', '--out', 'later', '--lang', 'en', '--level', 'easy', '-q'], dir).code).toBe(0);
    expect(lstatSync(join(dir, 'later')).isSymbolicLink()).toBe(true);
    expectSameTree(join(dir, 'www', 'later'), readTree(www));
  });
});

describe('an output folder that cannot be written: exit 2, the path named, the previous output intact', () => {
  const input = () => join(SAMPLES, 'mueller-2024.yaml');

  it('--out below a regular file (ENOTDIR)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'a file, not a folder');
    const result = runCli(['build', input(), '--lang', 'en', '--level', 'easy', '--out', join(dir, 'file', 'sub', 'out'), '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'file', 'sub')}: cannot create the output folder: a part of the path is a file, not a folder`);
    noStackTrace(result.stderr);
    expect(readdirSync(dir)).toEqual(['file']);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('a file, not a folder');
  });

  it('--out or --report under /proc: an error, not a build that spins forever (Node\'s recursive mkdir never returns there)', () => {
    const dir = tempDir();
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    const built = run(['build', input(), '--lang', 'en', '--level', 'easy', '--out', '/proc/laysum-test/out', '-q']);
    expect(built.error, 'the build returned instead of spinning').toBeUndefined();
    expect(built.status).toBe(2);
    expect(built.stderr).toContain('/proc/laysum-test: cannot create the output folder: no folder can be made there (a virtual file system such as /proc, or a link that leads nowhere) [output/write]');
    noStackTrace(built.stderr);
    const checked = run(['check', input(), '--lang', 'en', '--level', 'easy', '--report', '/proc/laysum-test/report.html', '-q']);
    expect(checked.error, 'check returned instead of spinning').toBeUndefined();
    expect(checked.status).toBe(2);
    expect(checked.stderr).toContain('--report /proc/laysum-test/report.html: cannot write the report: no folder can be made there');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out through a link that leads nowhere: an error naming the link', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'nothing'), join(dir, 'dangling'));
    const result = runCli(['build', input(), '--lang', 'en', '--level', 'easy', '--out', join(dir, 'dangling', 'out'), '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'dangling')}: cannot create the output folder: no folder can be made there`);
    expect(readdirSync(dir)).toEqual(['dangling']);
  });

  it('a folder the build may not write to (EACCES, for real: run as nobody beside a root-owned output)', () => {
    const { dir, out } = withPrevious();
    chmodSync(dir, 0o755);
    const result = runAsNobody(['build', input(), '--lang', 'en', '--level', 'easy', '--out', out, '-q']);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${dir}: cannot create the output folder: permission denied [output/write]`);
    noStackTrace(result.stderr);
    expectPreviousIntact(dir);
  });

  it('the output folder takes the umask like any new folder (mkdtemp would make it 0700)', () => {
    const dir = tempDir();
    writeOutputs(join(dir, 'out'), [{ path: 'a/b.txt', content: 'b' }]);
    mkdirSync(join(dir, 'plain'));
    expect(statSync(join(dir, 'out')).mode).toBe(statSync(join(dir, 'plain')).mode);
  });
});

/** A tmpfs of `size` mounted for a test; undefined where mounting is not permitted. */
function mountTmpfs(size: string): string | undefined {
  if (!isRoot || process.platform !== 'linux') return undefined;
  const dir = tempDir('laysum-faults-mnt-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  return mounted.status === 0 ? dir : undefined;
}
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) if (spawnSync('umount', ['-l', dir]).status === 0) rmdirSync(dir);
});
describe('a read-only file system and a full disk, for real (a small tmpfs)', () => {
  it('read-only (EROFS): exit 2 naming the folder, the previous output intact', () => {
    const mnt = mountTmpfs('1m');
    if (!mnt) throw new Error('mounting a tmpfs needs root with CAP_SYS_ADMIN (as CI has)');
    mounts.push(mnt);
    withPrevious(mnt);
    expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
    const result = runCli(['build', join(SAMPLES, 'mueller-2024.yaml'), '--lang', 'en', '--level', 'easy', '--out', join(mnt, 'out'), '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${mnt}: cannot create the output folder: read-only file system [output/write]`);
    noStackTrace(result.stderr);
    expectPreviousIntact(mnt);
  });

  it('full (ENOSPC) in the middle of the write: exit 2 naming the folder, staging removed, the previous output intact', () => {
    const mnt = mountTmpfs('160k');
    if (!mnt) throw new Error('mounting a tmpfs needs root with CAP_SYS_ADMIN (as CI has)');
    mounts.push(mnt);
    withPrevious(mnt);
    // Every sample in every language and level: about 500 kB, more than is left.
    const result = runCli(['build', SAMPLES, '--out', join(mnt, 'out'), '-q']);
    expect(result.code).toBe(2);
    // (The pipeline names the path twice, in the diagnostic's place and in the error message.)
    // One line for one cause: the manifest's write fails too, and is not said again.
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^error: ${join(mnt, 'out')}: (${join(mnt, 'out')}: )?cannot write the output \\([a-z]{2}/[\\w-]+/\\w+\\.(md|html)\\): no space left on the device; nothing was replaced \\[output/write\\]$`)),
    ]);
    noStackTrace(result.stderr);
    expectPreviousIntact(mnt);
  });

  it('--out a mount point (a Docker volume): refused before the build, as it cannot be swapped; a folder inside it works', () => {
    const mnt = mountTmpfs('1m');
    if (!mnt) throw new Error('mounting a tmpfs needs root with CAP_SYS_ADMIN (as CI has)');
    mounts.push(mnt);
    const build = (out: string) => runCli(['build', join(SAMPLES, 'first-patient-2021.yaml'), '--lang', 'en', '--level', 'easy', '--out', out, '-q']);
    // Before, the whole build ran and its swap failed: "EBUSY: resource busy or locked, rename …".
    expect(build(mnt)).toEqual({ code: 2, stdout: '', stderr: `error: ${mnt}: is a mount point; the output folder is swapped in by renaming, and a mount point cannot be renamed: choose a folder inside it as --out [output/write]\n` });
    expect(readdirSync(mnt)).toEqual([]);
    expect(readdirSync(dirname(mnt)).filter((name) => name.startsWith(`.${basename(mnt)}.staging-`))).toEqual([]);
    expect(build(join(mnt, 'site')).code).toBe(0);
    expect(readdirSync(mnt)).toEqual(['site']);
  });

  it('full (ENOSPC) while the --report is written: exit 2 naming it, the half-written temporary file removed', () => {
    const mnt = mountTmpfs('16k');
    if (!mnt) throw new Error('mounting a tmpfs needs root with CAP_SYS_ADMIN (as CI has)');
    mounts.push(mnt);
    // The samples' report: about 50 kB, more than fits.
    const report = join(mnt, 'report.html');
    const result = runCli(['check', SAMPLES, '--report', report, '-q']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `laysum: --report ${report}: cannot write the report: no space left on the device\n` });
    expect(readdirSync(mnt)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The writer with an injected file-system layer: a fault at every step.

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const FILES_A: OutputFile[] = [
  { path: 'en/a/easy.md', content: 'A easy' },
  { path: 'en/a/easy.html', content: '<p>A easy</p>' },
];
const FILES_B: OutputFile[] = [
  { path: 'en/b/easy.md', content: 'B easy' },
  { path: 'en/b/easy.html', content: '<p>B easy</p>' },
  { path: 'de/b/easy.md', content: 'B leicht' },
];

/** A folder holding `out/` written from FILES_A by the real writer. */
function writtenA(): { dir: string; out: string; before: Map<string, Buffer> } {
  const dir = tempDir('laysum-faults-fs-');
  const out = join(dir, 'out');
  writeOutputs(out, FILES_A);
  return { dir, out, before: readTree(out) };
}

/** The real file system, with the n-th call of `name` (1-based; every call when n is 0) failing with `error`. */
function failing(name: keyof OutputFs, n: number, error: Error): OutputFs {
  let calls = 0;
  const original = realFs[name] as (...args: unknown[]) => unknown;
  return {
    ...realFs,
    [name]: (...args: unknown[]) => {
      calls++;
      if (n === 0 || calls === n) throw error;
      return original(...args);
    },
  };
}

function expectWriteError(act: () => void, pattern: RegExp): OutputWriteError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toMatch(pattern);
    return error as OutputWriteError;
  }
  throw new Error('expected an OutputWriteError');
}

describe('files written as they are made (a generator, a file in pieces): a failure midway leaves the previous output', () => {
  /** FILES_B one at a time, then a large file in pieces: 3 MB of text, a character of two bytes across every chunk's end. */
  const bigPieces = () => Array.from({ length: 3 * 1024 }, (_, i) => `${'x'.repeat(1023)}${i % 2 ? 'é' : 'ü'}`);
  function* made(fail?: { after: number; error: Error }): Generator<WritableFile> {
    for (const [i, file] of FILES_B.entries()) {
      if (fail && i === fail.after) throw fail.error;
      yield file;
    }
    yield { path: 'sitemap.xml', pieces: bigPieces() };
  }

  it('writes each file, the pieces joined, with the bytes written whole', () => {
    const { out } = writtenA();
    const staging = openStaging(out);
    expect(staging.write(made())).toBe(FILES_B.length + 1);
    staging.commit();
    expectSameTree(out, new Map([...FILES_B, { path: 'sitemap.xml', content: bigPieces().join('') }].map((f) => [f.path, Buffer.from(f.content)])), { ignore: [OUTPUT_MARKER] });
  });

  it.each([
    ['ENOSPC on the third file', failing('writeFileSync', 3, errno('ENOSPC')), /out: cannot write the output \(de\/b\/easy\.md\): no space left on the device; nothing was replaced$/],
    ['ENOSPC on the file in pieces', failing('writeFileSync', 4, errno('ENOSPC')), /out: cannot write the output \(sitemap\.xml\): no space left on the device; nothing was replaced$/],
  ])('%s', (_name, fs, message) => {
    const { dir, out, before } = writtenA();
    const staging = openStaging(out, fs);
    expectWriteError(() => staging.write(made()), message);
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });

  it('a piece that fails to be made, halfway through its file', () => {
    const { dir, out, before } = writtenA();
    const staging = openStaging(out);
    function* failingPieces() {
      yield* bigPieces().slice(0, 2000);
      throw errno('EIO');
    }
    expectWriteError(() => staging.write([FILES_B[0]!, { path: 'sitemap.xml', pieces: failingPieces() }]), /out: cannot write the output \(sitemap\.xml\): input\/output error; nothing was replaced$/);
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });

  it('a page that fails to be made between two files: its own error, and the staging folder goes with abort()', () => {
    const { dir, out, before } = writtenA();
    const staging = openStaging(out);
    const bug = new RangeError('a page that cannot be made');
    expect(() => staging.write(made({ after: 2, error: bug }))).toThrow(bug);
    // Two files were on the disk, in the staging folder only.
    expect(readdirSync(dir).sort()).toEqual([basename(staging.dir), 'out']);
    staging.abort();
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });
});

describe('writeOutputs with an injected fault: the previous output stays, nothing is left beside it', () => {
  it.each([
    ['ENOSPC on the second file', failing('writeFileSync', 2, errno('ENOSPC')), /^(.*)\/out: cannot write the output \(en\/b\/easy\.html\): no space left on the device; nothing was replaced$/],
    ['ENOSPC on the marker, after every file', failing('writeFileSync', 4, errno('ENOSPC')), /out: cannot write the output \(\.laysum-output\): no space left on the device; nothing was replaced$/],
    ['EDQUOT on the first file', failing('writeFileSync', 1, errno('EDQUOT')), /out: cannot write the output \(en\/b\/easy\.md\): disk quota exceeded; nothing was replaced$/],
    ['EIO creating a subfolder', failing('mkdirSync', 2, errno('EIO')), /out: cannot write the output \(en\/b\/easy\.md\): input\/output error; nothing was replaced$/],
    ['an exception that is not a file-system error', failing('writeFileSync', 2, new TypeError('a bug')), /out: cannot write the output \(en\/b\/easy\.html\): a bug; nothing was replaced$/],
    ['EACCES creating the staging folder', failing('mkdirSync', 1, errno('EACCES')), /^\/.*: cannot create the output folder: permission denied$/],
    ['EROFS creating the staging folder', failing('mkdirSync', 1, errno('EROFS')), /^\/.*: cannot create the output folder: read-only file system$/],
    ['EACCES moving the old output aside', failing('renameSync', 1, errno('EACCES')), /out: cannot replace the output folder: permission denied; nothing was replaced$/],
    // A bind mount within one file system: no other device to see before, so its rename fails; said in words, with what to do.
    ['EBUSY moving the old output aside (a mount point)', failing('renameSync', 1, Object.assign(errno('EBUSY'), { syscall: 'rename' })), /out: cannot replace the output folder: busy, a mount point or in use; the output folder is swapped in by renaming, and a mount point cannot be renamed: choose a folder inside it as --out; nothing was replaced$/],
    ['EIO moving the new output in (the old one is put back)', failing('renameSync', 2, errno('EIO')), /out: cannot replace the output folder: input\/output error; nothing was replaced$/],
  ])('%s', (_name, fs, message) => {
    const { dir, out, before } = writtenA();
    const error = expectWriteError(() => writeOutputs(out, FILES_B, fs), message);
    expect(error.detail).toBe(error.message.slice(error.path.length + 2));
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });

  it('the new output cannot be moved in and the old one not back: the error says where it is, and the recovery puts it back', () => {
    const { dir, out, before } = writtenA();
    let renames = 0;
    const fs: OutputFs = {
      ...realFs,
      renameSync: (from, to) => {
        renames++;
        if (renames >= 2) throw errno('EIO');
        realFs.renameSync(from, to);
      },
    };
    const error = expectWriteError(() => writeOutputs(out, FILES_B, fs), /cannot replace the output folder: input\/output error; the previous output is in \/.*\/\.out\.staging-\d+-\w{6}\.old$/);
    const old = error.message.replace(/^.* the previous output is in /, '');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([relative(dir, old)]);
    // This process is alive: a later build leaves its folders alone; its own clean-up (the CLI on a signal) puts the old output back.
    expect(recoverOutput(out, 'dead')).toEqual({ removed: [], failed: [] });
    expect(recoverOutput(out, process.pid)).toEqual({ restored: old, removed: [], failed: [] });
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });

  it('the old output cannot be removed after the swap: the new output is in place, no error, the old folder is cleaned up later', () => {
    const { dir, out } = writtenA();
    writeOutputs(out, FILES_B, failing('rmSync', 0, errno('EBUSY')));
    expect([...readTree(out).keys()].sort()).toEqual(['.laysum-output', 'de/b/easy.md', 'en/b/easy.html', 'en/b/easy.md']);
    const left = readdirSync(dir).filter((e) => e !== 'out');
    expect(left).toEqual([expect.stringMatching(/^\.out\.staging-\d+-\w{6}\.old$/)]);
    expect(recoverOutput(out, process.pid)).toEqual({ removed: [join(dir, left[0]!)], failed: [] });
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('a path that would leave the output folder is refused before anything is written', () => {
    const { dir, out, before } = writtenA();
    expectWriteError(() => writeOutputs(out, [{ path: '../escape.txt', content: 'x' }]), /output file path `\.\.\/escape\.txt` is not a plain relative path/);
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });
});

describe('after a killed build: its litter is cleaned up by the next one, a running build is left alone', () => {
  function litter(dir: string, pid: number, old: boolean, files: OutputFile[]): string {
    const path = join(dir, `.out.staging-${pid}-Zz9Yy8${old ? '.old' : ''}`);
    for (const f of files) {
      mkdirSync(join(path, f.path, '..'), { recursive: true });
      writeFileSync(join(path, f.path), f.content);
    }
    writeFileSync(join(path, OUTPUT_MARKER), 'x');
    return path;
  }

  it('killed between the two renames (no out/, the previous output in .old): recoverOutput puts it back and removes the half-staged folder', () => {
    const { dir, out, before } = writtenA();
    const dead = deadPid();
    const old = join(dir, `.out.staging-${dead}-Zz9Yy8.old`);
    realFs.renameSync(out, old);
    const staging = litter(dir, dead, false, FILES_B);
    expect(recoverOutput(out)).toEqual({ restored: old, removed: [staging], failed: [] });
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });

  it('writeOutputs after a kill between the renames: puts the previous output back, then replaces it; nothing left', () => {
    const { dir, out } = writtenA();
    const dead = deadPid();
    realFs.renameSync(out, join(dir, `.out.staging-${dead}-Zz9Yy8.old`));
    litter(dir, dead, false, FILES_B);
    writeOutputs(out, FILES_B);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readFileSync(join(out, 'de/b/easy.md'), 'utf8')).toBe('B leicht');
  });

  it('a staging folder of a running process (another build) is never touched; names that are not ours neither', () => {
    const { dir, out } = writtenA();
    const running = litter(dir, process.ppid, false, FILES_B);
    const runningOld = litter(dir, process.ppid, true, FILES_A);
    mkdirSync(join(dir, '.out.staging-abcdef')); // an older laysum's name, without a pid
    mkdirSync(join(dir, '.other.staging-1-abcdef'));
    writeOutputs(out, FILES_B);
    expect(readdirSync(dir).sort()).toEqual(['.other.staging-1-abcdef', '.out.staging-abcdef', running.slice(dir.length + 1), runningOld.slice(dir.length + 1), 'out'].sort());
  });

  it('an .old folder that cannot be put back is kept, and reported', () => {
    const { dir, out } = writtenA();
    const dead = deadPid();
    const old = join(dir, `.out.staging-${dead}-Zz9Yy8.old`);
    realFs.renameSync(out, old);
    const recovery = recoverOutput(out, 'dead', failing('renameSync', 0, errno('EACCES')));
    expect(recovery).toEqual({ removed: [], failed: [{ path: old, reason: `cannot put it back as ${out}: permission denied` }] });
    expect(readdirSync(dir)).toEqual([relative(dir, old)]);
  });
});

describe('stageOutputs: more files before the swap (PDFs), or none of it', () => {
  it('commit swaps in the staged files and what was added; abort leaves the previous output', () => {
    const { dir, out, before } = writtenA();
    const dropped = stageOutputs(out, FILES_B);
    writeFileSync(join(dropped.dir, 'extra.pdf'), 'pdf');
    dropped.abort();
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
    const kept = stageOutputs(out, FILES_B);
    writeFileSync(join(kept.dir, 'en', 'b', 'leaflet.pdf'), 'pdf');
    kept.commit();
    expect(readdirSync(dir)).toEqual(['out']);
    expect([...readTree(out).keys()].sort()).toEqual(['.laysum-output', 'de/b/easy.md', 'en/b/easy.html', 'en/b/easy.md', 'en/b/leaflet.pdf']);
    expect(() => kept.commit()).toThrow(/already committed or aborted/);
  });
});
