/**
 * Lay-summary coverage: the ten elements of EU Clinical Trials Regulation 536/2014, Annex V,
 * the facts that feed each, and whether each summary says them.
 *
 *   facts.safety = [...]  and the `easy` template has no {{#cover "adverse-reactions"}} block
 *     → error "adverse reactions: the facts have it, but level `easy` leaves it out"
 *   facts.safety undefined → warning "adverse reactions: not known from the facts"
 *
 * Templates mark what they say with `{{#cover "<element>"}}…{{/cover}}`; a block counts when
 * it renders text.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { StudyFacts } from '../facts/index.js';

export interface CoverageElement {
  /** Id used in templates: `{{#cover "adverse-reactions"}}`. */
  id: string;
  /** Annex V item number. */
  annex: number;
  /** What the regulation asks for, condensed. */
  label: string;
  /** Fact fields that feed it: the element is known from the facts when any of them is given. */
  feeds: string[];
  known(facts: StudyFacts): boolean;
}

export const ANNEX_V: readonly CoverageElement[] = [
  { id: 'identification', annex: 1, label: 'trial identification', feeds: ['title', 'citation'], known: () => true },
  { id: 'sponsor', annex: 2, label: 'sponsor and contact, funding', feeds: ['sponsor', 'funding'], known: (f) => !!f.sponsor || f.funding.length > 0 },
  { id: 'general', annex: 3, label: 'where, when and why', feeds: ['population.countries', 'dates.start', 'dates.end', 'aim', 'rationale'], known: (f) => !!(f.population.countries?.length || f.dates?.start || f.dates?.end || f.aim || f.rationale) },
  { id: 'population', annex: 4, label: 'population: number, age and sex', feeds: ['population'], known: () => true },
  { id: 'medicines', annex: 5, label: 'medicines studied', feeds: ['intervention'], known: () => true },
  { id: 'adverse-reactions', annex: 6, label: 'adverse reactions and how often', feeds: ['safety'], known: (f) => f.safety !== undefined },
  { id: 'results', annex: 7, label: 'overall results', feeds: ['outcomes', 'measurements', 'medication'], known: (f) => f.outcomes.length + f.measurements.length + f.medication.length > 0 },
  { id: 'comments', annex: 8, label: 'comments on the outcome', feeds: ['design', 'quotes'], known: () => true },
  { id: 'follow-up-trials', annex: 9, label: 'follow-up trials planned', feeds: ['furtherTrials'], known: (f) => !!f.furtherTrials },
  { id: 'more-information', annex: 10, label: 'where to find more', feeds: ['citation.doi'], known: (f) => !!f.citation.doi },
];

/** Is a fact field (`dates.start`) given: present, and not an empty list? */
function given(facts: StudyFacts, path: string): boolean {
  let value: unknown = facts;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

export type CoverageState = 'covered' | 'missing' | 'unknown';

export interface CoverageRow {
  id: string;
  annex: number;
  label: string;
  state: CoverageState;
}

/**
 * A summary's coverage rows as their states alone, in ANNEX_V's order: what a build's manifest
 * keeps (the ids, items and labels were two thirds of it). Undefined for rows not in that order.
 */
export function coverageStates(rows: readonly CoverageRow[]): CoverageState[] | undefined {
  if (rows.length !== ANNEX_V.length || rows.some((row, i) => row.id !== ANNEX_V[i]!.id)) return undefined;
  return rows.map((row) => row.state);
}

/** The rows of coverageStates' states, as checkCoverage made them. */
export function coverageRows(states: readonly CoverageState[]): CoverageRow[] {
  return states.map((state, i) => ({ id: ANNEX_V[i]!.id, annex: ANNEX_V[i]!.annex, label: ANNEX_V[i]!.label, state }));
}

/** One summary's coverage: which elements it says, leaves out, or cannot say (facts unknown). */
export function checkCoverage(facts: StudyFacts, covered: ReadonlySet<string>, place: { study: string; lang: string; level: string }): { rows: CoverageRow[]; diagnostics: Diagnostic[] } {
  const rows: CoverageRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const element of ANNEX_V) {
    const known = element.known(facts);
    const state: CoverageState = !known ? 'unknown' : covered.has(element.id) ? 'covered' : 'missing';
    rows.push({ id: element.id, annex: element.annex, label: element.label, state });
    if (state === 'missing') {
      diagnostics.push(
        diagnostic({
          ruleId: 'coverage/missing',
          kind: 'check',
          severity: 'error',
          message: `Annex V ${element.annex} (${element.label}): the facts have it (${element.feeds.filter((f) => given(facts, f)).join(', ')}), but level \`${place.level}\` leaves it out; add a {{#cover "${element.id}"}} section to templates/${place.level}.hbs`,
          place,
        }),
      );
    }
  }
  return { rows, diagnostics };
}

/** Per study: an element the facts simply do not have is a warning, once. */
export function unknownElements(facts: StudyFacts, file: string): Diagnostic[] {
  return ANNEX_V.filter((e) => !e.known(facts)).map((e) =>
    diagnostic({
      ruleId: 'coverage/unknown',
      kind: 'check',
      severity: 'warning',
      message: `Annex V ${e.annex} (${e.label}) is not known from the facts (${e.feeds.join(', ')}); the summaries cannot say it`,
      place: { file, study: facts.id },
    }),
  );
}
