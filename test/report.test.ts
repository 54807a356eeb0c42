/**
 * The check report (src/report): each row carries the errors of its own study, language and level,
 * and failing rows come first, in the order built — in the terminal table and the HTML page alike.
 * What the page keeps of a build as its studies come is small (bounded keeping), and everything
 * from the facts comes out escaped.
 */
import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../src/diagnostics/index.js';
import type { BuildReport, StudyReport, SummaryReport } from '../src/pipeline/index.js';
import { formatTable, keepStudy, reportBook, reportHtml, reportPage, reportRows, summaryCells, tableRows } from '../src/report/index.js';
import { jobOf } from '../src/cli/main.js';

const summary = (lang: string, level: string): SummaryReport => ({
  lang,
  level,
  files: [],
  language: { paragraphs: 1, judged: 1, minScore: 1, failed: 0 },
  fidelity: { numbers: 0, unmatched: 0 },
  coverage: [],
});
const study = (id: string): StudyReport => ({ id, file: `${id}.yaml`, summaries: ['en', 'de'].flatMap((lang) => ['easy', 'expert'].map((level) => summary(lang, level))), sources: [], derived: [] });
const error = (message: string, place: Diagnostic['place']) => diagnostic({ ruleId: 'fidelity/number', kind: 'check', severity: 'error', message, place });

/** What the page shows as text: tags dropped, entities read. */
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The page's rows with errors: study/lang/level and their four result cells, as text. */
function failingRowsOf(html: string): string[] {
  return [...html.matchAll(/<tr class="fail" id="([^"]+)"><td>[^<]*<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>(.*?)<\/td><td>(.*?)(?:<details>.*?)?<\/td><td>(.*?)<\/td><td>(.*?)(?:<details>.*?)?<\/td><td>/g)].map((m) => [m[1], ...m.slice(2, 6).map((cell) => text(cell!))].join(' | '));
}

describe('reportRows', () => {
  it('gives each row the errors of its study, language and level, failing rows first, else in the order built', () => {
    const diagnostics = [
      error('b de easy', { study: 'b', lang: 'de', level: 'easy' }),
      error('a in every en output', { study: 'a', lang: 'en' }),
      diagnostic({ ruleId: 'coverage/unknown', kind: 'check', severity: 'warning', message: 'a warning', place: { study: 'c', lang: 'de', level: 'expert' } }),
      error('the site', { file: 'sitemap.xml' }),
      error('c everywhere', { study: 'c' }),
    ];
    const report = { ok: false, studies: [study('a'), study('b'), study('c'), study('d')], diagnostics } as unknown as BuildReport;
    const rows = reportRows(report).map((r) => `${r.study} ${r.summary.lang} ${r.summary.level}: ${r.errors.map((d) => d.message).join('; ')}`);
    expect(rows).toEqual([
      'a en easy: a in every en output',
      'a en expert: a in every en output',
      'b de easy: b de easy',
      'c en easy: c everywhere',
      'c en expert: c everywhere',
      'c de easy: c everywhere',
      'c de expert: c everywhere',
      'a de easy: ',
      'a de expert: ',
      'b en easy: ',
      'b en expert: ',
      'b de expert: ',
      'd en easy: ',
      'd en expert: ',
      'd de easy: ',
      'd de expert: ',
    ]);
    // The terminal table orders its rows the same way.
    const tableLines = formatTable(report.studies.flatMap(tableRows), diagnostics).split('\n').slice(1);
    const table = tableLines.map((line) => line.split(/\s+/).slice(0, 3).join(' '));
    expect(table).toEqual(rows.map((r) => r.split(':')[0]));
    // The page shows the same rows with errors, in the same order, with the same cells; each row's errors in it, the rest listed once.
    const html = reportHtml(report);
    const failing = rows.filter((r) => !r.endsWith(': '));
    const cellsOf = (line: string) => line.split(/ {2,}/).slice(3);
    expect(failingRowsOf(html)).toEqual(failing.map((r, i) => [r.split(':')[0]!.replaceAll(' ', '/'), ...cellsOf(tableLines[i]!)].join(' | ')));
    expect(html.match(/<li class="bad">b de easy \[fidelity\/number\]<\/li>/g)).toHaveLength(1);
    expect(html.match(/<li class="bad">c everywhere \[fidelity\/number\]<\/li>/g)).toHaveLength(4);
    expect(html).toContain('<li>error: sitemap.xml: the site [fidelity/number]</li>');
    expect(html).toContain('<li>warning: c/de/expert: a warning [coverage/unknown]</li>');
    expect(html).toContain('<p>4 studies, 16 summaries, 4 errors, 1 warning. <span class="bad">Some checks failed: 7 summaries of 3 studies with errors, shown first.</span></p>');
  });
});

/** A summary as big as a real one: its readability figures and the ten Annex V elements. */
const fullSummary = (lang: string, level: string): SummaryReport => ({
  ...summary(lang, level),
  files: [`${lang}/x/${level}.md`, `${lang}/x/${level}.html`],
  language: { paragraphs: 43, judged: 25, minScore: 0.402, failed: 0 },
  fidelity: { numbers: 27, unmatched: 0 },
  coverage: Array.from({ length: 10 }, (_, i) => ({ id: `element-${i + 1}`, annex: i + 1, label: `Annex V element number ${i + 1}`, state: 'covered' as const })),
  readability: { figures: { lang, sentences: 72, words: 593, numbers: 27, wordsPerSentence: 8.24, syllables: 838, syllablesPerWord: 1.41, fleschReadingEase: 78.92, fleschKincaidGrade: 4.3 } as never, checks: [{ figure: 'fleschKincaidGrade', value: 4.3, limit: { max: 6 }, ok: true }] },
});
const fullStudy = (id: string): StudyReport => ({
  id,
  file: `facts/${id}.yaml`,
  summaries: ['en', 'de', 'zh'].flatMap((lang) => ['easy', 'standard', 'expert'].map((level) => fullSummary(lang, level))),
  sources: [{ id: `${id}-en`, path: `sources/${id}.en.md`, declared: ['en'], shares: { en: 1 }, paragraphs: [{ index: 1, lang: 'en', score: 1, size: 215 }] }] as never,
  derived: Array.from({ length: 10 }, (_, i) => ({ name: `outcomes[${i}].percent`, value: 31.5789, from: [`outcomes[${i}].responders`, `outcomes[${i}].assessed`] })),
});

describe('what the page keeps of a build, study by study', () => {
  it('keeps the whole report only of the studies it shows in detail, and a few short strings of every other', () => {
    const book = reportBook({ studies: 3, failingStudies: 2 });
    const failing = new Set([5, 7, 9]);
    for (let i = 0; i < 12; i++) {
      const id = `study-${i}`;
      keepStudy(book, fullStudy(id), failing.has(i) ? [error('wrong', { study: id, lang: 'en', level: 'easy' })] : []);
    }
    const kept = book.studies.map((s, i) => `${i} ${s.report ? 'whole' : s.cells ? 'cells' : 'strings'}`);
    expect(kept).toEqual(['0 whole', '1 whole', '2 whole', '3 strings', '4 strings', '5 whole', '6 strings', '7 whole', '8 strings', '9 cells', '10 strings', '11 strings']);
    // A study not shown in detail: its id, one short string per summary, three for the study; its keys shared with every study built alike.
    const passing = book.studies[10]!;
    expect(passing).toEqual({ id: 'study-10', keys: book.studies[0]!.keys, figures: Array<string>(9).fill('4.3'), overall: ['0.402', '243/243', '10/10 covered'] });
    expect(passing.keys).toBe(book.studies[11]!.keys);
    expect(JSON.stringify({ ...passing, keys: undefined }).length).toBeLessThan(JSON.stringify(fullStudy('study-10')).length / 40);
    // One with errors beyond those shown whole: the table's cells of each summary, as the terminal shows them.
    expect(book.studies[9]!.cells).toEqual(fullStudy('study-9').summaries.map(summaryCells));
  });

  it('makes the same page kept as the studies come as from the whole report', () => {
    const studies = Array.from({ length: 8 }, (_, i) => fullStudy(`study-${i}`));
    const diagnostics = [error('a number not in the facts', { study: 'study-2', lang: 'de', level: 'standard' }), error('another', { study: 'study-6', lang: 'zh', level: 'easy' }), error('the site', { file: 'sitemap.xml' })];
    const report = { ok: false, studies, diagnostics } as unknown as BuildReport;
    for (const detail of [{}, { studies: 2, failingStudies: 1 }]) {
      const book = reportBook(detail);
      for (const s of studies) keepStudy(book, s, diagnostics.filter((d) => d.place.study === s.id));
      expect(reportPage(book, report)).toBe(reportHtml(report, detail));
    }
  });

  it('is asked for by `--report` alone: the build, and a merge, keep no study reports for it (only --json, which prints them, does)', () => {
    expect(jobOf(['facts'], { report: 'r.html' }, { out: 'out' })).toMatchObject({ options: { keepReports: false }, report: true });
    expect(jobOf(['facts'], { report: 'r.html' }, { write: false })).toMatchObject({ options: { keepReports: false }, report: true, table: true });
    expect(jobOf(['facts'], { report: 'r.html', json: true }, { write: false }).options.keepReports).toBe(true);
    expect(jobOf(['part-1', 'part-2'], { report: 'r.html' }, { out: 'site' }, undefined, true)).toMatchObject({ options: { keepReports: false }, report: true, merge: ['part-1', 'part-2'] });
    expect(jobOf(['facts'], {}, { out: 'out' })).not.toHaveProperty('report');
  });
});

describe('escaping', () => {
  it('writes every text of a report as text, in the detailed and in the compact layout', () => {
    const hostile = '<script>alert(1)</script>"\'&';
    const s = { ...fullSummary(hostile, hostile), coverage: [{ id: 'x', annex: 1, label: hostile, state: 'missing' as const }] };
    s.readability!.checks[0]!.figure = hostile;
    const evil: StudyReport = { ...fullStudy(hostile), summaries: [s], sources: [{ id: hostile, path: hostile, declared: [hostile], shares: { [hostile]: 1 }, paragraphs: [] }] as never, derived: [{ name: hostile, value: 1, from: [hostile], onlyIn: hostile as never }] };
    const diagnostics = [error(hostile, { study: hostile, file: hostile, path: hostile }), error(hostile, { file: hostile }), { ...error(hostile, { study: hostile }), severity: 'warning' as const, ruleId: hostile }];
    const report = { ok: false, studies: [evil, fullStudy('plain')], diagnostics } as unknown as BuildReport;
    for (const detail of [{}, { studies: 0, failingStudies: 0 }, { studies: 0, failingStudies: 5 }]) {
      const html = reportHtml(report, detail);
      expect(html).not.toMatch(/<script|"'&/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    }
  });
});
