/**
 * The check report's rows (src/report): each row carries the errors of its own study, language
 * and level, and failing rows come first, in the order built.
 */
import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../src/diagnostics/index.js';
import type { BuildReport, StudyReport, SummaryReport } from '../src/pipeline/index.js';
import { formatTable, reportRows, tableRows } from '../src/report/index.js';

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

describe('reportRows', () => {
  it('gives each row the errors of its study, language and level, failing rows first, else in the order built', () => {
    const diagnostics = [
      error('b de easy', { study: 'b', lang: 'de', level: 'easy' }),
      error('a in every en output', { study: 'a', lang: 'en' }),
      diagnostic({ ruleId: 'coverage/unknown', kind: 'check', severity: 'warning', message: 'a warning', place: { study: 'c', lang: 'de', level: 'expert' } }),
      error('the site', { file: 'sitemap.xml' }),
      error('c everywhere', { study: 'c' }),
    ];
    const report = { studies: [study('a'), study('b'), study('c'), study('d')], diagnostics } as unknown as BuildReport;
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
    const table = formatTable(report.studies.flatMap(tableRows), diagnostics).split('\n').slice(1).map((line) => line.split(/\s+/).slice(0, 3).join(' '));
    expect(table).toEqual(rows.map((r) => r.split(':')[0]));
  });
});
