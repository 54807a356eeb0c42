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
}

export interface DerivedFacts {
  /** Sum of the condition groups (must equal `population.total`). */
  groupTotal: number;
  /** Participants per safety event, summed over grades (e.g. CRS grade 1 + 2). */
  eventTotals: Record<string, number>;
  values: DerivedValue[];
}

// Kept to four decimals, not to the one a summary shows: rounding twice (43.478 → 43.5 → 44)
// would disagree with Intl's one rounding (43.478 → 43).
const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1_000_000) / 10_000);

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
  return { groupTotal, eventTotals, values };
}
