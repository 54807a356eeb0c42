/**
 * The browser that prints PDFs. A missing one is named with LAYSUM_CHROMIUM when that variable
 * chose the path (`--pdf auto` used to answer it with the apt package, which would not put a
 * browser there). Which browser printed is part of an incremental build's settings, as
 * SOURCE_DATE_EPOCH is: after Chromium is upgraded, or LAYSUM_CHROMIUM names another browser,
 * every PDF is printed again (the last build's PDFs used to be kept, "up to date").
 *
 * No real browser is needed: the "browser" is a shell script that answers `--version` from a file
 * beside it and logs each run, and the printing itself (`printPdfs`, which would launch it) is
 * replaced by one that writes a one-page PDF and records what it was given. The build's decision
 * — print again, or keep — is the real one. test/browser/cli-pdf.test.ts does the same with Chromium.
 */
import { chmodSync, copyFileSync, existsSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../src/index.js';
import { BrowserIdentityError, browserIdentity, BrowserNotFoundError, type PdfJob } from '../src/outputs/pdf.js';
import { errorLines, expectSameTree, FIXTURES, readTree, runCli, tempDir } from './helpers.js';

const printed = vi.hoisted(() => ({ runs: [] as string[][] }));
vi.mock('../src/outputs/pdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/outputs/pdf.js')>();
  return {
    ...real,
    printPdfs: async (jobs: readonly PdfJob[]) => {
      printed.runs.push(jobs.map((job) => job.pdfPath));
      for (const job of jobs) writeFileSync(job.pdfPath, '%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n');
      return jobs.map((job) => ({ pdfPath: job.pdfPath, pages: 1 }));
    },
  };
});

afterEach(() => {
  vi.unstubAllEnvs();
  printed.runs.length = 0;
});

/** A "browser" in a fresh folder: `--version` prints `version` (kept in a file beside it, so it can be upgraded in place); each run is logged. */
function fakeBrowser(version: string): { path: string; upgrade: (to: string) => void; runs: () => number } {
  const dir = tempDir('laysum-browser-');
  const path = join(dir, 'chromium');
  writeFileSync(path, `#!/bin/sh\necho "$*" >> "${dir}/runs.log"\ncat "${dir}/version"\n`);
  chmodSync(path, 0o755);
  const upgrade = (to: string) => writeFileSync(join(dir, 'version'), `${to}\n`);
  upgrade(version);
  return { path, upgrade, runs: () => (existsSync(join(dir, 'runs.log')) ? readFileSync(join(dir, 'runs.log'), 'utf8').split('\n').filter(Boolean).length : 0) };
}

/** A "browser" whose `--version` fails, as a broken install's would. */
function failingBrowser(): string {
  const path = join(tempDir('laysum-browser-'), 'chromium');
  writeFileSync(path, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n');
  chmodSync(path, 0o755);
  return path;
}
const failingMessage = (path: string) => `cannot tell which browser is at ${path} (LAYSUM_CHROMIUM): \`--version\` exited with code 3 (cannot open display); set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for /usr/bin/chromium`;

describe('a missing browser: the remedy for where it was looked for', () => {
  it('laysum\'s own path: the apt package; a path LAYSUM_CHROMIUM gives: that variable (installing Chromium would not put a browser there)', () => {
    vi.stubEnv('LAYSUM_CHROMIUM', undefined);
    expect(new BrowserNotFoundError('/usr/bin/chromium').message).toBe('no Chromium at /usr/bin/chromium; install it with `apt-get install -y chromium fonts-noto-cjk` or set LAYSUM_CHROMIUM to its path');
    vi.stubEnv('LAYSUM_CHROMIUM', '/opt/chromium/chrome');
    const chosen = new BrowserNotFoundError('/opt/chromium/chrome');
    expect(chosen.message).toBe('no Chromium at /opt/chromium/chrome (LAYSUM_CHROMIUM); set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for /usr/bin/chromium');
    expect([chosen.where, chosen.remedy]).toEqual(['/opt/chromium/chrome (LAYSUM_CHROMIUM)', 'set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for /usr/bin/chromium']);
  });
});

describe('browserIdentity: the real path and what `--version` says', () => {
  it('follows links; a browser that cannot say which it is is an error naming LAYSUM_CHROMIUM and its path', () => {
    const browser = fakeBrowser('Chromium 120.0.6099.224');
    expect(browserIdentity(browser.path)).toBe(`${realpathSync(browser.path)}\nChromium 120.0.6099.224`);
    const link = join(tempDir(), 'chromium');
    symlinkSync(browser.path, link);
    expect(browserIdentity(link)).toBe(browserIdentity(browser.path));
    const failing = failingBrowser();
    vi.stubEnv('LAYSUM_CHROMIUM', failing);
    expect(() => browserIdentity()).toThrow(BrowserIdentityError);
    expect(() => browserIdentity()).toThrow(failingMessage(failing));
  });

  it('laysum build --pdf with such a browser: exit 2, one line naming it, before anything is written (the previous output untouched)', () => {
    const out = join(tempDir(), 'out');
    const args = ['build', join(FIXTURES, 'valid', 'minimal.yaml'), '--lang', 'en', '--format', 'leaflet', '--out', out, '-q'];
    expect(runCli(args).code).toBe(0);
    const before = readTree(out);
    const failing = failingBrowser();
    expect(runCli([...args, '--pdf'], undefined, { LAYSUM_CHROMIUM: failing })).toEqual({ code: 2, stdout: '', stderr: `error: ${failingMessage(failing)} [output/pdf]\n` });
    expectSameTree(out, before);
  });
});

describe('an incremental build with --pdf prints again when the browser changes', () => {
  const study = join(FIXTURES, 'valid', 'minimal.yaml');
  const buildPdfs = (out: string, pdf: boolean | 'auto' = true) => build({ inputs: [study], out, langs: ['en'], formats: ['leaflet'], workers: 1, ...(pdf ? { pdf } : {}) });
  /** Per printing run, the PDFs printed, relative to the (staging) folder they were printed in. */
  const printedLeaflets = () => printed.runs.map((run) => run.map((path) => /[^/]+\/[^/]+\/leaflet\.pdf$/.exec(path)?.[0]));

  it('the same browser (also through a link): up to date; upgraded in place, or another one: every PDF printed again', async () => {
    const out = join(tempDir(), 'out');
    const browser = fakeBrowser('Chromium 120.0.6099.224');
    vi.stubEnv('LAYSUM_CHROMIUM', browser.path);
    const first = await buildPdfs(out);
    expect(errorLines(first)).toEqual([]);
    expect(printedLeaflets()).toEqual([['en/minimal-study/leaflet.pdf']]);
    expect(existsSync(join(out, 'en', 'minimal-study', 'leaflet.pdf'))).toBe(true);

    printed.runs.length = 0;
    expect((await buildPdfs(out)).upToDate).toBe(true);
    const link = join(tempDir(), 'chromium');
    symlinkSync(browser.path, link);
    vi.stubEnv('LAYSUM_CHROMIUM', link);
    expect((await buildPdfs(out)).upToDate).toBe(true);
    expect(printed.runs).toEqual([]);

    // Chromium upgraded: the same path, another version.
    vi.stubEnv('LAYSUM_CHROMIUM', browser.path);
    browser.upgrade('Chromium 121.0.6167.85');
    const upgraded = await buildPdfs(out);
    expect(upgraded.upToDate).toBe(false);
    expect(printedLeaflets()).toEqual([['en/minimal-study/leaflet.pdf']]);

    // Another browser of the same version, at another path.
    printed.runs.length = 0;
    const other = join(tempDir(), 'chromium');
    copyFileSync(browser.path, other);
    chmodSync(other, 0o755);
    vi.stubEnv('LAYSUM_CHROMIUM', other);
    const moved = await buildPdfs(out);
    expect(moved.upToDate).toBe(false);
    expect(printedLeaflets()).toEqual([['en/minimal-study/leaflet.pdf']]);
  });

  it('asks the browser once per build that prints, and never one that does not print', async () => {
    const out = join(tempDir(), 'out');
    const browser = fakeBrowser('Chromium 120.0.6099.224');
    vi.stubEnv('LAYSUM_CHROMIUM', browser.path);
    expect(errorLines(await buildPdfs(out, false))).toEqual([]);
    expect(browser.runs()).toBe(0);
    expect(errorLines(await buildPdfs(out))).toEqual([]);
    expect(browser.runs()).toBe(1);
    expect((await buildPdfs(out, 'auto')).upToDate).toBe(true);
    expect(browser.runs()).toBe(2);
  });
});
