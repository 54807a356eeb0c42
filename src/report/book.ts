/**
 * What the report keeps of a build, study by study as the studies come (`keepStudy`), so a batch
 * build does not hold every study's report for the report's sake: of each study a few short
 * strings (its summaries' readability values, its overall results), the totals per check, and the
 * whole report only of the studies the page shows in detail — the first DETAILED_STUDIES (a small
 * build shows every summary in full) and the first DETAILED_FAILING_STUDIES with errors. A study
 * with errors beyond those keeps its summaries' table cells (a few strings each, as `tableRows`).
 *
 *   const book = reportBook();
 *   build({ …, keepReports: false, onStudy: (study, findings) => keepStudy(book, study, findings) });
 *   reportPage(book, report) → '<!doctype html>…'
 */
import type { StudyReport, SummaryReport } from '../pipeline/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { CHECKS, coverageCounts, failedChecks, readabilityLimits, readabilityValues, summaryCells, type CheckName } from './cells.js';

/** A build of up to this many studies shows every summary in detail (figures, Annex V, sources, derived values). */
export const DETAILED_STUDIES = 50;
/** Of a larger build, the studies with errors shown with their figures and Annex V rows: the first this many (their errors are shown for all). */
export const DETAILED_FAILING_STUDIES = 200;

/** A summary's language and level (one object per pair in a book, shared by every study). */
export interface SummaryKey {
  lang: string;
  level: string;
}

/** What the report keeps of one study. */
export interface KeptStudy {
  id: string;
  /** Its summaries' languages and levels, in order (the same array for every study built alike). */
  keys: readonly SummaryKey[];
  /** Per summary, the values of its limited readability figures (see readabilityValues). */
  figures: string[];
  /** Over all its summaries: the lowest language score, the numbers matched, Annex V coverage. */
  overall: [language: string, numbers: string, coverage: string];
  /** The whole report, of a study shown in detail. */
  report?: StudyReport;
  /** Per summary, its results as the table's cells: of a study with errors not kept whole. */
  cells?: string[][];
}

/** The build's results per check, summed over its summaries. */
export interface CheckTotals {
  summaries: number;
  /** Summaries each check looked at: all for language and fidelity; the measured ones for readability; those with Annex V elements for coverage. */
  checked: Record<CheckName, number>;
  /** Summaries whose own results fail each check. */
  failed: Record<CheckName, number>;
  paragraphs: number;
  judged: number;
  /** The lowest language score of any summary; undefined before the first. */
  lowestScore: number | undefined;
  /** Summaries measured against their level's readability limits (the rest are reported, not limited). */
  limited: number;
  numbers: number;
  unmatched: number;
  annex: { covered: number; missing: number; unknown: number };
}

/** How many studies a page shows in detail (DETAILED_STUDIES, DETAILED_FAILING_STUDIES unless given). */
export interface DetailLimits {
  studies: number;
  failingStudies: number;
}

/** What the report keeps of a build's studies: see the top of this file. */
export interface ReportBook {
  studies: KeptStudy[];
  totals: CheckTotals;
  detail: DetailLimits;
  /** Per summary key, its readability limits (the same for every study: they are the build's bands). */
  readabilityLimits: Map<SummaryKey, string>;
  /** Interned keys and key lists, so each study keeps references, not strings of its own. */
  keyOf: Map<string, SummaryKey>;
  keysOf: Map<string, readonly SummaryKey[]>;
  /** Studies with errors kept whole so far. */
  failingWhole: number;
}

const perCheck = (): Record<CheckName, number> => Object.fromEntries(CHECKS.map((c) => [c, 0])) as Record<CheckName, number>;

export function reportBook(detail: Partial<DetailLimits> = {}): ReportBook {
  return {
    studies: [],
    detail: { studies: detail.studies ?? DETAILED_STUDIES, failingStudies: detail.failingStudies ?? DETAILED_FAILING_STUDIES },
    totals: { summaries: 0, checked: perCheck(), failed: perCheck(), paragraphs: 0, judged: 0, lowestScore: undefined, limited: 0, numbers: 0, unmatched: 0, annex: { covered: 0, missing: 0, unknown: 0 } },
    readabilityLimits: new Map(),
    keyOf: new Map(),
    keysOf: new Map(),
    failingWhole: 0,
  };
}

function keysOf(book: ReportBook, summaries: readonly SummaryReport[]): readonly SummaryKey[] {
  const name = summaries.map((s) => `${s.lang}\u0000${s.level}`).join('\u0001');
  let keys = book.keysOf.get(name);
  if (!keys) {
    keys = summaries.map((s) => {
      const one = `${s.lang}\u0000${s.level}`;
      let key = book.keyOf.get(one);
      if (!key) {
        key = { lang: s.lang, level: s.level };
        book.keyOf.set(one, key);
        book.readabilityLimits.set(key, readabilityLimits(s));
      }
      return key;
    });
    book.keysOf.set(name, keys);
  }
  return keys;
}

function count(totals: CheckTotals, s: SummaryReport): void {
  totals.summaries++;
  totals.checked.language++;
  totals.checked.fidelity++;
  if (s.readability) totals.checked.readability++;
  if (s.readability?.checks.length) totals.limited++;
  if (s.coverage.length) totals.checked.coverage++;
  for (const check of failedChecks(s)) totals.failed[check]++;
  totals.paragraphs += s.language.paragraphs;
  totals.judged += s.language.judged;
  totals.lowestScore = totals.lowestScore === undefined ? s.language.minScore : Math.min(totals.lowestScore, s.language.minScore);
  totals.numbers += s.fidelity.numbers;
  totals.unmatched += s.fidelity.unmatched;
  const annex = coverageCounts(s);
  totals.annex.covered += annex.covered;
  totals.annex.missing += annex.missing;
  totals.annex.unknown += annex.unknown;
}

/** A study's results over all its summaries, as three short texts. */
function overall(summaries: readonly SummaryReport[]): KeptStudy['overall'] {
  if (summaries.length === 0) return ['–', '–', '–'];
  const lowest = Math.min(...summaries.map((s) => s.language.minScore));
  const numbers = summaries.reduce((n, s) => n + s.fidelity.numbers, 0);
  const matched = summaries.reduce((n, s) => n + s.fidelity.numbers - s.fidelity.unmatched, 0);
  // Annex V is the study's (unknown where its facts do not say): the same in every summary that has it, or each variant once.
  const annex = [...new Set(summaries.filter((s) => s.coverage.length).map((s) => {
    const c = coverageCounts(s);
    return `${c.covered}/${s.coverage.length} covered${c.missing ? `, ${c.missing} missing` : ''}${c.unknown ? `, ${c.unknown} unknown` : ''}`;
  }))];
  return [String(lowest), `${matched}/${numbers}`, annex.join('; ') || '–'];
}

/**
 * Keeps what the report needs of one study, as it comes. `findings` are the study's own (of its
 * facts, sources and summaries): a study with an error among them may have failing rows, so it is
 * kept in detail while there is room.
 */
export function keepStudy(book: ReportBook, study: StudyReport, findings: readonly Diagnostic[]): void {
  const failing = findings.some((d) => d.severity === 'error');
  const whole = book.studies.length < book.detail.studies || (failing && book.failingWhole < book.detail.failingStudies);
  if (whole && failing) book.failingWhole++;
  for (const s of study.summaries) count(book.totals, s);
  book.studies.push({
    id: study.id,
    keys: keysOf(book, study.summaries),
    figures: study.summaries.map(readabilityValues),
    overall: overall(study.summaries),
    ...(whole ? { report: study } : failing ? { cells: study.summaries.map(summaryCells) } : {}),
  });
}
