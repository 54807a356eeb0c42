/**
 * A summary's results as short texts, the same in the terminal table and the HTML page, and which
 * errors belong to which summary.
 *
 *   summaryCells(s) → ['✓ de 15/29 judged, min score 0.4', '✓ fleschAmstad 72.86 ≥ 70, …', '✓ 31/31 numbers match', '✓ 10 covered, 0 missing, 0 unknown']
 */
import type { StudyReport, SummaryReport } from '../pipeline/index.js';
import type { Diagnostic } from '../diagnostics/index.js';

/** The checks every summary goes through, in the order of the table's columns. */
export const CHECKS = ['language', 'readability', 'fidelity', 'coverage'] as const;
export type CheckName = (typeof CHECKS)[number];

export function languageCell(s: SummaryReport): string {
  return `${s.language.failed ? '✗' : '✓'} ${s.lang} ${s.language.judged}/${s.language.paragraphs} judged, min score ${s.language.minScore}`;
}

const limitText = (c: { limit: { min?: number; max?: number } }) => `${c.limit.max !== undefined ? ` ≤ ${c.limit.max}` : ''}${c.limit.min !== undefined ? ` ≥ ${c.limit.min}` : ''}`;

export function readabilityCell(s: SummaryReport): string {
  if (!s.readability) return '–';
  const parts = s.readability.checks.map((c) => `${c.ok ? '' : '✗ '}${c.figure} ${c.value}${limitText(c)}`);
  const ok = s.readability.checks.every((c) => c.ok);
  return `${ok ? '✓' : '✗'} ${parts.join(', ') || 'reported, not limited'}`;
}

export function fidelityCell(s: SummaryReport): string {
  return `${s.fidelity.unmatched ? '✗' : '✓'} ${s.fidelity.numbers - s.fidelity.unmatched}/${s.fidelity.numbers} numbers match`;
}

/** Annex V elements of a summary by state. */
export function coverageCounts(s: SummaryReport): { covered: number; missing: number; unknown: number } {
  const counts = { covered: 0, missing: 0, unknown: 0 };
  for (const row of s.coverage) counts[row.state]++;
  return counts;
}

export function coverageCell(s: SummaryReport): string {
  const { covered, missing, unknown } = coverageCounts(s);
  return `${missing ? '✗' : '✓'} ${covered} covered, ${missing} missing, ${unknown} unknown`;
}

/** A summary's four results, in the order of CHECKS. */
export function summaryCells(s: SummaryReport): string[] {
  return [languageCell(s), readabilityCell(s), fidelityCell(s), coverageCell(s)];
}

/** The checks a summary's own results fail (its errors say why). */
export function failedChecks(s: SummaryReport): CheckName[] {
  const failed: CheckName[] = [];
  if (s.language.failed) failed.push('language');
  if (s.readability?.checks.some((c) => !c.ok)) failed.push('readability');
  if (s.fidelity.unmatched) failed.push('fidelity');
  if (s.coverage.some((c) => c.state === 'missing')) failed.push('coverage');
  return failed;
}

/** The readability limits of a summary's level and language: `fleschKincaidGrade ≤ 6`; `not limited`. */
export function readabilityLimits(s: SummaryReport): string {
  return s.readability?.checks.length ? s.readability.checks.map((c) => `${c.figure}${limitText(c)}`).join(', ') : 'not limited';
}

/** The values of a summary's limited readability figures: `4.3`, `72.86 / 4.02`; `–` where none is limited. */
export function readabilityValues(s: SummaryReport): string {
  return s.readability?.checks.length ? s.readability.checks.map((c) => String(c.value)).join(' / ') : '–';
}

/**
 * Each study's errors, found once: a row looks only at its own study's (filtering every finding
 * for every row was quadratic: 10,000 studies are 90,000 rows and some 30,000 findings).
 */
export function errorsByStudy(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const errorsOf = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.place.study === undefined) continue;
    const list = errorsOf.get(d.place.study);
    if (list) list.push(d);
    else errorsOf.set(d.place.study, [d]);
  }
  return errorsOf;
}

/** Whether a finding of a row's study concerns the row's language and level. */
export const concerns = (d: Diagnostic, lang: string, level: string) => (d.place.lang === undefined || d.place.lang === lang) && (d.place.level === undefined || d.place.level === level);

/** A study's own findings, by study id: what `keepStudy` needs of a whole report's (see reportHtml). */
export function findingsByStudy(diagnostics: readonly Diagnostic[], studies: readonly StudyReport[]): Map<string, Diagnostic[]> {
  const of = new Map<string, Diagnostic[]>(studies.map((s) => [s.id, []]));
  for (const d of diagnostics) if (d.place.study !== undefined) of.get(d.place.study)?.push(d);
  return of;
}
