/**
 * The --report page of a batch build: 56 generated studies (bench/generate.ts, seeded) and 6 with
 * errors (test/fixtures: a wrong title language ×4, a wrong quote language, hostile HTML), 62 in all —
 * past DETAILED_STUDIES, so the page has its large layout: totals, every error in full with the
 * summaries that have them (as the terminal table orders them), then one row per study.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStudies } from '../bench/generate.js';
import { check, type BuildReport, type Diagnostic, type StudyReport } from '../src/index.js';
import { escapeHtml } from '../src/outputs/index.js';
import { DETAILED_STUDIES, keepStudy, reportBook, reportHtml, reportPage, summaryCells } from '../src/report/index.js';
import { FIXTURES, runCli, SAMPLES, tempDir } from './helpers.js';

const GENERATED = 56;
/** The studies with errors, by file (read in path order, so they come between the generated ones). */
const FAILING: Record<string, { from: string; id: string }> = {
  'study-00005-w.yaml': { from: 'check-fail/wrong-title-language.yaml', id: 'wrong-title-language-1' },
  'study-00012-w.yaml': { from: 'check-fail/wrong-title-language.yaml', id: 'wrong-title-language-2' },
  'study-00020-q.yaml': { from: 'check-fail/wrong-quote-language.yaml', id: 'wrong-quote-language' },
  'study-00031-h.yaml': { from: 'report/html-failing.yaml', id: 'html-failing' },
  'study-00040-w.yaml': { from: 'check-fail/wrong-title-language.yaml', id: 'wrong-title-language-3' },
  'study-00052-w.yaml': { from: 'check-fail/wrong-title-language.yaml', id: 'wrong-title-language-4' },
};
const STUDIES = GENERATED + Object.keys(FAILING).length;

let dir: string;
/** `laysum check facts --report <name>` in the test folder (exit 1: some studies fail), and the page it wrote. */
function checkWithReport(name: string, ...args: string[]): { stdout: string; stderr: string; page: string } {
  const result = runCli(['check', 'facts', '--report', name, ...args], dir);
  expect(result.code, result.stderr).toBe(1);
  return { stdout: result.stdout, stderr: result.stderr, page: readFileSync(join(dir, name), 'utf8') };
}

beforeAll(() => {
  dir = tempDir('laysum-report-');
  generateStudies(join(dir, 'facts'), GENERATED, 5);
  for (const [file, { from, id }] of Object.entries(FAILING)) {
    const text = readFileSync(join(FIXTURES, from), 'utf8');
    writeFileSync(join(dir, 'facts', file), text.replace(/^id: .*$/m, `id: ${id}`));
  }
  copyFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), join(dir, 'facts', 'study-00060-m.yaml'));
});

/** The study ids in the order built: their files' path order. */
function builtOrder(): string[] {
  const files = [...Array.from({ length: GENERATED }, (_, i) => `study-${String(i + 1).padStart(5, '0')}.yaml`), ...Object.keys(FAILING), 'study-00060-m.yaml'].sort();
  return files.map((f) => FAILING[f]?.id ?? (f === 'study-00060-m.yaml' ? 'minimal-study' : f.replace('.yaml', '')));
}

/** What a cell shows as text: tags dropped, entities read. */
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The page's rows with errors: `study/lang/level`, in order. */
const failingRows = (page: string) => [...page.matchAll(/<tr class="fail" id="([^"]+)">/g)].map((m) => m[1]!);

describe('the --report page of a build past DETAILED_STUDIES', () => {
  /** The terminal table (check prints it without -q) and the page of one run. */
  let stdout: string;
  let page: string;
  beforeAll(() => ({ stdout, page } = checkWithReport('report.html')));

  it('shows totals, then every summary with errors in full as the terminal table orders them, then one row per study', () => {
    expect(STUDIES + 1).toBeGreaterThan(DETAILED_STUDIES);
    const studies = STUDIES + 1;
    expect(page).toContain(`<p>${studies} studies, ${studies * 9} summaries, `);
    expect(page).toMatch(/<span class="bad">Some checks failed: \d+ summaries of 6 studies with errors, shown first\.<\/span>/);
    // Totals before the errors, the errors before the studies.
    const at = (s: string) => page.indexOf(s);
    expect(at('<h2 id="totals">')).toBeLessThan(at('<h2 id="problems">'));
    expect(at('<h2 id="problems">')).toBeLessThan(at('<tr class="fail"'));
    expect(at('<tr class="fail"')).toBeLessThan(at('<h2 id="passed">Studies</h2>'));
    expect(page).toMatch(/<tr><td>language<\/td><td class="n">\d+<\/td><td class="n bad">\d+<\/td>/);

    // The terminal table's rows with errors (its first rows) are the page's, in the same order.
    const table = stdout.trimEnd().split('\n').slice(1, -1);
    expect(table).toHaveLength(studies * 9);
    const rows = failingRows(page);
    expect(rows.length).toBeGreaterThan(6);
    expect(table.slice(0, rows.length).map((line) => line.split(/\s{2,}/).slice(0, 3).join('/'))).toEqual(rows);
    // With the same results: the page's four cells of each row are the table's.
    const pageCells = [...page.matchAll(/<tr class="fail" id="[^"]+"><td>[^<]*<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>(.*?)<\/td><td>(.*?)(?:<details>.*?)?<\/td><td>(.*?)<\/td><td>(.*?)(?:<details>.*?)?<\/td><td>/g)].map((m) => m.slice(1, 5).map(text));
    expect(pageCells).toEqual(table.slice(0, rows.length).map((line) => line.split(/\s{2,}/).slice(3)));
    expect(rows.every((r) => Object.values(FAILING).some((f) => r.startsWith(`${f.id}/`)))).toBe(true);
    expect(new Set(rows.map((r) => r.split('/')[0]))).toEqual(new Set(Object.values(FAILING).map((f) => f.id)));
    // Every row with errors in full (figures, Annex V); no summary that passed is.
    expect(page.match(/<summary>figures<\/summary>/g)).toHaveLength(rows.length);
    expect(page).not.toContain('<tr class="ok">');

    // One row per study, in the order built (the files' path order); a summary with errors links to its row.
    const studiesTable = page.slice(at('<table class="studies">'), page.indexOf('</table>', at('<table class="studies">')));
    const studyRows = [...studiesTable.matchAll(/<tr><td(?: class="fail")?>([^<]+)<\/td>((?:<td[^>]*>[^\n]*?<\/td>){13})<\/tr>/g)];
    expect(studyRows.map((m) => m[1])).toEqual(builtOrder());
    const links = studyRows.flatMap((m) => [...m[2]!.matchAll(/<a href="#([^"]+)">✗<\/a>/g)].map((l) => l[1]));
    expect(links).toEqual([...rows].sort((a, b) => builtOrder().indexOf(a.split('/')[0]!) - builtOrder().indexOf(b.split('/')[0]!)));
    const generated = studyRows.find((m) => m[1] === 'study-00001')!;
    expect(generated[0]).toMatch(/^<tr><td>study-00001<\/td><td>[\d.]+<\/td><td>[\d.]+<\/td><td>–<\/td><td>[\d.]+ \/ [\d.]+<\/td>/);
  });

  it('is byte-identical from one build to the next, on one thread or two', () => {
    const one = checkWithReport('one.html', '--workers', '1', '-q').page;
    const two = checkWithReport('two.html', '--workers', '2', '-q').page;
    expect(two).toBe(one);
    expect(failingRows(one).length).toBeGreaterThan(0);
  });

  it('is the same page from a full build, from one with nothing changed (its studies read from the manifest), and with --json', () => {
    const build = (report: string, ...args: string[]) => {
      const result = runCli(['build', SAMPLES, '--out', 'samples-out', '--report', report, '-q', ...args], dir);
      expect(result.code, result.stderr).toBe(0);
      return { stdout: result.stdout, page: readFileSync(join(dir, report), 'utf8') };
    };
    const full = build('full.html', '--full').page;
    expect(full.match(/<tr class="ok">/g)).toHaveLength(36);
    expect(build('again.html').page).toBe(full);
    const json = build('json.html', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ upToDate: true, studies: { length: 4 } });
    expect(json.page).toBe(full);
  });

  it('quotes hostile text from the facts escaped: no element comes from it', () => {
    expect(page).toContain('Wir wissen &lt;script&gt;alert(document.cookie)&lt;/script&gt; noch nicht');
    expect(page).not.toMatch(/<script|<img|<svg|<iframe|<[^>]*\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/<[^>]*javascript:/i);
  });
});

describe('a batch build kept for its page as the studies come', () => {
  const DETAIL = { studies: 4, failingStudies: 2 };
  let whole: BuildReport;
  let kept: { report: BuildReport; page: string; findings: Map<string, readonly Diagnostic[]>; order: string[] };
  beforeAll(async () => {
    whole = await check({ inputs: [join(dir, 'facts')] });
    // Room for the first 4 studies (none has errors) and 2 with errors: wrong-title-language-1 and -2.
    const book = reportBook(DETAIL);
    const findings = new Map<string, readonly Diagnostic[]>();
    const order: string[] = [];
    const report = await check({
      inputs: [join(dir, 'facts')],
      keepReports: false,
      onStudy: (study: StudyReport, own: readonly Diagnostic[]) => {
        order.push(study.id);
        findings.set(study.id, own);
        keepStudy(book, study, own);
      },
    });
    kept = { report, page: reportPage(book, report), findings, order };
  });

  it('holds no study reports, and hands over each study with its own findings, in order', () => {
    expect(kept.report.studies).toEqual([]);
    expect(kept.report.studyCount).toBe(STUDIES + 1);
    expect(kept.order).toEqual(whole.studies.map((s) => s.id));
    for (const { id } of Object.values(FAILING)) {
      const errors = whole.diagnostics.filter((d) => d.severity === 'error' && d.place.study === id);
      expect(errors.length).toBeGreaterThan(0);
      expect(kept.findings.get(id)!.filter((d) => d.severity === 'error')).toEqual(errors);
    }
    expect(kept.findings.get('study-00001')).toEqual([]);
  });

  it('gives the page of the whole report; past its room for detail, a summary with errors shows its results and errors, without figures', () => {
    expect(kept.page).toBe(reportHtml(whole, DETAIL));
    expect(kept.page).toContain('<p>Readability figures and Annex V elements are shown for the first 2 of the 6 studies with errors; the summaries of the others show their results and errors.</p>');
    const rowOf = (id: string) => kept.page.match(new RegExp(`<tr class="fail" id="${id}/de/easy">.*?</tr>`))![0];
    // The first two studies with errors, in full; the third on, their cells as the terminal shows them and every error.
    expect(rowOf('wrong-title-language-1')).toContain('<summary>figures</summary>');
    expect(rowOf('wrong-title-language-2')).toContain('<summary>Annex V</summary>');
    const third = rowOf('wrong-title-language-3');
    expect(third).not.toContain('<details>');
    const summary = whole.studies.find((s) => s.id === 'wrong-title-language-3')!.summaries.find((s) => s.lang === 'de' && s.level === 'easy')!;
    for (const cell of summaryCells(summary)) expect(third).toContain(`<td>${escapeHtml(cell)}</td>`);
    for (const d of whole.diagnostics.filter((d) => d.severity === 'error' && d.place.study === 'wrong-title-language-3' && (d.place.lang ?? 'de') === 'de' && (d.place.level ?? 'easy') === 'easy')) expect(third).toContain(escapeHtml(d.message));
  });
});
