import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lengthCause } from '../../src/checks/pages.js';
import { estimateLeafletRoom } from '../../src/outputs/leaflet/fit.js';
import { expectSameTree, readTree, ROOT, runCli, tempDir } from '../helpers.js';
import { CHROMIUM } from './browser.js';

const laysum = (args: string[], env: Record<string, string> = {}) => runCli(args, ROOT, env);

describe('laysum build --format leaflet --pdf', () => {
  it('writes an HTML leaflet and a PDF per study × language', () => {
    const out = join(tempDir(), 'out');
    const r = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // Only the facts' warnings: the leaflets fit two pages, so none about pages (see the last test for those that do not).
    expect(r.stderr.trimEnd().split('\n').map((line) => /\[[\w/-]+\]$/.exec(line)?.[0])).toEqual(Array(4).fill('[coverage/unknown]'));
    expect([...readTree(out).keys()].filter((f) => !f.startsWith('.')).sort()).toEqual(
      ['de', 'en', 'zh'].flatMap((lang) => [`${lang}/first-patient-2021/leaflet.html`, `${lang}/first-patient-2021/leaflet.pdf`]),
    );
    for (const lang of ['en', 'de', 'zh']) {
      const html = readFileSync(join(out, lang, 'first-patient-2021', 'leaflet.html'), 'utf8');
      expect(html.startsWith('<!doctype html>\n'), lang).toBe(true);
      const pdf = join(out, lang, 'first-patient-2021', 'leaflet.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1'), lang).toBe('%PDF-');
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info.status, info.stderr).toBe(0);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
      expect(pages, lang).toBeGreaterThanOrEqual(1);
      expect(pages, lang).toBeLessThanOrEqual(2);
      expect(info.stdout, lang).toMatch(/Page size:.*\(A4\)/);
    }
  });

  it('prints the same PDF bytes every time, whatever the time or time zone (the dates are fixed; SOURCE_DATE_EPOCH sets them)', () => {
    const print = (env: Record<string, string>) => {
      const out = join(tempDir(), 'out');
      expect(laysum(['build', 'samples/first-patient-2021.yaml', '--lang', 'en', '--format', 'leaflet', '--pdf', '--out', out, '-q'], env).code).toBe(0);
      return readFileSync(join(out, 'en', 'first-patient-2021', 'leaflet.pdf'));
    };
    const first = print({ TZ: 'UTC' });
    const second = print({ TZ: 'Asia/Shanghai' });
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain("/CreationDate (D:20000101000000+00'00')");
    expect(print({ SOURCE_DATE_EPOCH: '1700000000' }).toString('latin1')).toContain("/ModDate (D:20231114221320+00'00')");
  });

  it('a rebuild with another SOURCE_DATE_EPOCH prints the PDFs again: the output is what a build from scratch makes, not the dates of the last build', () => {
    const out = join(tempDir(), 'out');
    const args = ['build', 'samples/first-patient-2021.yaml', '--lang', 'en', '--format', 'leaflet', '--pdf', '--out', out, '-q'];
    const dates = () => /\/CreationDate \(D:(\d{14})/.exec(readFileSync(join(out, 'en', 'first-patient-2021', 'leaflet.pdf'), 'latin1'))?.[1];
    expect(laysum(args, { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0);
    expect(dates()).toBe('20231114221320');
    const unset = laysum(args, { SOURCE_DATE_EPOCH: '' });
    expect(unset.code, unset.stderr).toBe(2); // set but empty is not "unset"
    const { SOURCE_DATE_EPOCH: _, ...withoutEpoch } = process.env;
    const rebuilt = spawnSync(process.execPath, [join(ROOT, 'bin', 'laysum.js'), ...args.slice(0, -1)], { cwd: ROOT, encoding: 'utf8', env: withoutEpoch });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).not.toContain('up to date');
    expect(dates()).toBe('20000101000000');
  });

  it('a rebuild with another browser prints the PDFs again: Chromium upgraded (the same path, another --version) or another LAYSUM_CHROMIUM; the same browser through a link is up to date', () => {
    const dir = tempDir();
    // Chromium as an upgrade leaves it: the same path, another version (its --version kept in a file, to be changed).
    const browser = join(dir, 'chromium');
    writeFileSync(browser, `#!/bin/sh\nif [ "$1" = --version ]; then cat "${dir}/version"; exit 0; fi\nexec "${CHROMIUM}" "$@"\n`);
    chmodSync(browser, 0o755);
    writeFileSync(join(dir, 'version'), 'Chromium 120.0.6099.224\n');
    const out = join(tempDir(), 'out');
    const args = ['build', 'samples/first-patient-2021.yaml', '--lang', 'en', '--format', 'leaflet', '--pdf', '--out', out];
    const pdf = join(out, 'en', 'first-patient-2021', 'leaflet.pdf');
    const summary = (env: Record<string, string>) => {
      const r = laysum(args, env);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      return r.stdout;
    };
    expect(summary({ LAYSUM_CHROMIUM: browser })).toContain('2 files written');
    symlinkSync(browser, join(dir, 'link'));
    expect(summary({ LAYSUM_CHROMIUM: join(dir, 'link') })).toContain('is up to date');
    writeFileSync(join(dir, 'version'), 'Chromium 121.0.6167.85\n');
    expect(summary({ LAYSUM_CHROMIUM: browser })).toContain('2 files written');
    expect(summary({ LAYSUM_CHROMIUM: browser })).toContain('is up to date');
    expect(summary({ LAYSUM_CHROMIUM: CHROMIUM })).toContain('2 files written');
  });

  it('exits 2 when LAYSUM_CHROMIUM names no file, naming the variable and its path (not the apt package: that would not put a browser there), and --pdf auto only warns, the same way', () => {
    const missing = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', '--out', join(tempDir(), 'out')], { LAYSUM_CHROMIUM: '/nonexistent/chromium' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: no Chromium at \/nonexistent\/chromium \(LAYSUM_CHROMIUM\); set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for \/usr\/bin\/chromium \[output\/pdf\]$/m);
    const autoDir = join(tempDir(), 'out');
    const auto = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', 'auto', '--out', autoDir], { LAYSUM_CHROMIUM: '/nonexistent/chromium' });
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(/^warning: no Chromium at \/nonexistent\/chromium \(LAYSUM_CHROMIUM\): leaflets written as HTML only; for PDFs, set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for \/usr\/bin\/chromium \[output\/pdf\]$/m);
    expect(auto.stderr).not.toContain('apt-get');
    // Said again by a build with nothing to do: the leaflets are still HTML only.
    const again = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', 'auto', '--out', autoDir], { LAYSUM_CHROMIUM: '/nonexistent/chromium' });
    expect(again.stdout).toContain('is up to date');
    expect(again.stderr.split('\n').filter((line) => line.includes('[output/pdf]'))).toEqual(auto.stderr.split('\n').filter((line) => line.includes('[output/pdf]')));
    const autoOut = [...readTree(autoDir).keys()].filter((f) => !f.startsWith('.'));
    expect(autoOut.sort()).toEqual(['de', 'en', 'zh'].map((lang) => `${lang}/first-patient-2021/leaflet.html`));
  });

  it('with no browser, --pdf fails before writing: the previous output stays as it was', () => {
    const out = join(tempDir(), 'out');
    expect(laysum(['build', 'samples/first-patient-2021.yaml', '--out', out, '-q']).code).toBe(0);
    const before = readTree(out);
    const r = laysum(['build', 'samples/first-patient-2021.yaml', '--format', 'leaflet', '--pdf', '--out', out, '-q'], { LAYSUM_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(2);
    expectSameTree(out, before);
  });

  it('--pdf without the leaflet format is a usage error', () => {
    const r = laysum(['build', 'samples', '--pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pdf prints leaflets; add --format leaflet');
  });

  it('warns, naming the PDF, its page count and what makes it long, for a leaflet that prints on more than two pages; also when the build is up to date', () => {
    const out = join(tempDir(), 'out');
    // (That a leaflet which fits two pages gets no warning is the first test's.)
    const args = ['build', 'test/fixtures/leaflet-long', 'test/fixtures/leaflet-pages', '--format', 'leaflet', '--pdf', '--out', out];
    const first = laysum(args);
    expect(first.code, first.stderr).toBe(0);
    const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.includes('[leaflet/pages]'));
    const pagesOf = (study: string, lang: string) => {
      const pdf = join(out, lang, study, 'leaflet.pdf');
      return { pdf, pages: Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]) };
    };
    // Six groups and eight kinds of side effect of 45 people, nineteen glossary terms: even with the side
    // effects as strips, more than two pages in English and German (Chinese too, as of now); the warning
    // blames what it says. 100 people drawn one figure each, with five side effects: three pages in every
    // language, and the warning blames the number of participants.
    expect(pagesOf('many-side-effects', 'en').pages).toBeGreaterThan(2);
    expect(pagesOf('many-side-effects', 'de').pages).toBeGreaterThan(2);
    for (const lang of ['de', 'en', 'zh']) expect(pagesOf('participants-100', lang).pages).toBeGreaterThan(2);
    const expected = ['de', 'en', 'zh'].flatMap((lang) =>
      ['many-side-effects', 'participants-100'].flatMap((study) => {
        const { pdf, pages } = pagesOf(study, lang);
        const room = estimateLeafletRoom(readFileSync(pdf.replace(/\.pdf$/, '.html'), 'utf8'), lang === 'zh' ? 'Han' : 'Latin');
        return pages > 2 ? [`warning: ${pdf} ${study}/${lang}: prints on ${pages} A4 pages, more than the 2 a leaflet is made for${lengthCause(room)}; look at the PDF before it is handed out [leaflet/pages]`] : [];
      }),
    );
    expect(warnings(first.stderr)).toEqual(expected);
    // One line written out whole, not put together with the code that writes it (the room is laysum's
    // estimate from the HTML; the 3 pages are Chromium's).
    expect(warnings(first.stderr)).toContain(
      `warning: ${join(out, 'en', 'participants-100', 'leaflet.pdf')} participants-100/en: prints on 3 A4 pages, more than the 2 a leaflet is made for, because of the number of participants: pictures of up to 100 figures, one for each person, take about 481 px more than one row each would (it also has 3 groups, 5 side effects and 14 glossary terms); look at the PDF before it is handed out [leaflet/pages]`,
    );
    for (const line of warnings(first.stderr)) {
      if (line.includes('participants-100/')) expect(line).toContain('because of the number of participants: pictures of up to 100 figures, one for each person');
      if (/many-side-effects\/(en|de)/.test(line)) expect(line).toContain('because of how much it says: 6 groups, 8 side effects');
    }
    const again = laysum(args);
    expect(again.stdout + again.stderr).toContain('is up to date');
    expect(warnings(again.stderr)).toEqual(expected);
  });
});
