/**
 * The check report: every summary's results (language, readability, fidelity, coverage), summaries
 * with errors first — as a self-contained HTML page, and as a short terminal table.
 *
 *   reportHtml(report)  → '<!doctype html>…Totals…Errors and warnings…mueller-2024 | de | easy | ✓ de 15/29 judged …'
 *   reportTable(report) → 'study  lang level language readability fidelity coverage\n…'
 *
 * A batch build makes the page without holding every study's report: `keepStudy` keeps what the
 * page needs of each study as it comes (book.ts), `reportPage` writes it (page.ts).
 */
import type { BuildReport, StudyReport, SummaryReport } from '../pipeline/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { keepStudy, reportBook, type DetailLimits } from './book.js';
import { concerns, errorsByStudy, findingsByStudy, summaryCells } from './cells.js';
import { reportPage } from './page.js';

export { DETAILED_FAILING_STUDIES, DETAILED_STUDIES, keepStudy, reportBook, type CheckTotals, type DetailLimits, type KeptStudy, type ReportBook, type SummaryKey } from './book.js';
export { CHECKS, summaryCells, type CheckName } from './cells.js';
export { reportPage } from './page.js';

export interface ReportRow {
  study: string;
  summary: SummaryReport;
  /** Errors for this study × language × level. */
  errors: Diagnostic[];
}

/** Rows with errors first, then by study, language and level order as built. */
export function reportRows(report: BuildReport): ReportRow[] {
  const errorsOf = errorsByStudy(report.diagnostics);
  const rows: (ReportRow & { order: number })[] = [];
  let order = 0;
  for (const study of report.studies) {
    const own = errorsOf.get(study.id) ?? [];
    for (const summary of study.summaries) {
      rows.push({ study: study.id, summary, errors: own.filter((d) => concerns(d, summary.lang, summary.level)), order: order++ });
    }
  }
  return rows.sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.order - b.order).map(({ order: _, ...row }) => row);
}

/** One row of the terminal table: a study × language × level, its cells as text. */
export interface TableRow {
  study: string;
  lang: string;
  level: string;
  cells: string[];
}

/** The terminal table's rows of one study: small, so a check of thousands of studies can keep them without the reports. */
export function tableRows(study: StudyReport): TableRow[] {
  return study.summaries.map((s) => ({ study: study.id, lang: s.lang, level: s.level, cells: [study.id, s.lang, s.level, ...summaryCells(s)] }));
}

/** The terminal table: rows with errors first (as `reportRows` and the page's summaries with errors), columns aligned. */
export function formatTable(rows: readonly TableRow[], diagnostics: readonly Diagnostic[]): string {
  const errorsOf = errorsByStudy(diagnostics);
  const failing = (r: TableRow) => (errorsOf.get(r.study) ?? []).some((d) => concerns(d, r.lang, r.level));
  const ordered = rows.map((r, order) => ({ r, order, failing: failing(r) })).sort((a, b) => Number(b.failing) - Number(a.failing) || a.order - b.order);
  const header = ['study', 'lang', 'level', 'language', 'readability', 'fidelity', 'coverage'];
  const all = [header, ...ordered.map(({ r }) => r.cells)];
  const widths = header.map((_, i) => all.reduce((w, r) => Math.max(w, [...(r[i] ?? '')].length), 0));
  return all.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** A short table for the terminal. */
export function reportTable(report: BuildReport): string {
  return formatTable(report.studies.flatMap(tableRows), report.diagnostics);
}

/** The HTML page of a whole report (one that kept its studies, `keepReports`): the same bytes as a build's own, kept as it went. */
export function reportHtml(report: BuildReport, detail: Partial<DetailLimits> = {}): string {
  const book = reportBook(detail);
  const findings = findingsByStudy(report.diagnostics, report.studies);
  for (const study of report.studies) keepStudy(book, study, findings.get(study.id) ?? []);
  return reportPage(book, report);
}
