/**
 * Derived values: every number a summary may state that is not written in the facts
 * file itself (sums, percentages), computed in one place with the facts it came from.
 *
 *   groups SLE 8, IIM 3, SSc 4  →  { name: 'population.groups[0].percent', value: 53.3, from: ['population.groups[0].n', 'population.total'] }
 */
import type { StudyFacts } from '../facts/index.js';

export interface DerivedValue {
  /** Field-path-like name of the derived value. */
  name: string;
  value: number;
  /** Paths of the facts it was computed from. */
  from: string[];
  /** The one output that states it (the leaflet's picture key); absent: any output may. */
  onlyIn?: 'leaflet';
}

export interface DerivedFacts {
  /** Sum of the condition groups (must equal `population.total`). */
  groupTotal: number;
  /** Participants per safety event, summed over grades (e.g. CRS grade 1 + 2). */
  eventTotals: Record<string, number>;
  /** People one figure of the leaflet's icon arrays stands for (see peoplePerFigure). */
  peoplePerFigure: number;
  values: DerivedValue[];
}

// Kept to four decimals, not to the one a summary shows: rounding twice (43.478 → 43.5 → 44)
// would disagree with Intl's one rounding (43.478 → 43).
const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1_000_000) / 10_000);

/** Most people drawn one figure each: the classic icon array of 100 (10 rows of 10). */
export const ONE_FIGURE_EACH_UP_TO = 100;
/** Most figures in a picture where each figure stands for several people. */
export const MOST_SCALED_FIGURES = 40;

/**
 * How many people one figure of an icon array stands for: 1 up to 100 people, above that the
 * smallest of 10, 20, 50, 100, 200, 500, … that needs at most 40 figures.
 *
 *   peoplePerFigure(15) → 1 · peoplePerFigure(150) → 10 (15 figures) · peoplePerFigure(1000) → 50 (20 figures)
 *
 * A function of the total alone, so every language's leaflet draws the same pictures, and every
 * picture of one leaflet the same key. Round steps (1-2-5), so the key is easy to read; at most
 * 40 figures, so a picture takes no more room than that of a small study (a strip of two rows, a
 * who-took-part picture of four): a large study's leaflet is as long as a small one's that says as much.
 */
export function peoplePerFigure(total: number): number {
  if (total <= ONE_FIGURE_EACH_UP_TO) return 1;
  for (let decade = 10; ; decade *= 10) {
    for (const step of [1, 2, 5]) if (Math.ceil(total / (step * decade)) <= MOST_SCALED_FIGURES) return step * decade;
  }
}

export function deriveFacts(facts: StudyFacts): DerivedFacts {
  const values: DerivedValue[] = [];
  const total = facts.population.total;
  const groupTotal = facts.population.groups.reduce((sum, g) => sum + g.n, 0);
  values.push({ name: 'population.groupTotal', value: groupTotal, from: facts.population.groups.map((_, i) => `population.groups[${i}].n`) });
  facts.population.groups.forEach((g, i) =>
    values.push({ name: `population.groups[${i}].percent`, value: percentOf(g.n, total), from: [`population.groups[${i}].n`, 'population.total'] }),
  );
  facts.outcomes.forEach((o, i) =>
    values.push({ name: `outcomes[${i}].percent`, value: percentOf(o.responders, o.assessed), from: [`outcomes[${i}].responders`, `outcomes[${i}].assessed`] }),
  );
  const eventTotals: Record<string, number> = {};
  (facts.safety ?? []).forEach((e, i) => {
    values.push({ name: `safety[${i}].percent`, value: percentOf(e.count, total), from: [`safety[${i}].count`, 'population.total'] });
    eventTotals[e.event] = (eventTotals[e.event] ?? 0) + e.count;
  });
  for (const [event, count] of Object.entries(eventTotals)) {
    const from = (facts.safety ?? []).flatMap((e, i) => (e.event === event ? [`safety[${i}].count`] : []));
    if (from.length > 1) {
      values.push({ name: `safety.${event}.total`, value: count, from });
      values.push({ name: `safety.${event}.percent`, value: percentOf(count, total), from: [...from, 'population.total'] });
    }
  }
  facts.medication.forEach((m, i) =>
    values.push({ name: `medication[${i}].percent`, value: percentOf(m.count, m.of), from: [`medication[${i}].count`, `medication[${i}].of`] }),
  );
  const perFigure = peoplePerFigure(total);
  // Said only in the leaflet's key ("Each figure stands for 10 people"): no summary draws figures.
  if (perFigure > 1) values.push({ name: 'population.peoplePerFigure', value: perFigure, from: ['population.total'], onlyIn: 'leaflet' });
  return { groupTotal, eventTotals, peoplePerFigure: perFigure, values };
}
