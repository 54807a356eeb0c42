/**
 * The facts of a file that failed validation, made whole enough for the cross-checks
 * (consistency.ts) to run on the fields that passed, so `check` lists every problem of the file in
 * one run and not the schema's alone.
 *
 *   population.total: fifteen, outcomes[0].responders 9 > assessed 8
 *   → population.total left out, given the stand-in 0 (it is required), and listed as unknown;
 *     the cross-checks still say "responders 9 is greater than assessed 8", and nothing that
 *     reads population.total.
 *
 * A stand-in is any value the schema accepts at that place, found by trying a short list: its
 * value means nothing, and every path that holds one is listed, so the cross-checks can stay
 * silent where they would read it.
 */
import type { z } from 'zod';
import { formatPath } from '../diagnostics/index.js';
import { printablePath } from './characters.js';
import { StudyFacts } from './schema.js';

/** Facts with some fields unknown: never rendered, only cross-checked. */
export interface PartialFacts {
  facts: StudyFacts;
  /** Paths of the fields left out or given a stand-in (`population.total`, `outcomes[2].assessed`). */
  unknown: string[];
}

/**
 * Values tried in turn where a field is missing or its stand-in is refused: numbers (counts,
 * counts from 1, years), strings (a slug, a term key and a language code alike; a year; a DOI),
 * then a mapping or a list, whose own required fields get stand-ins in the next rounds.
 */
const STAND_INS: readonly unknown[] = [0, 1, 2000, 'xx', '2000', '10.1000/xx', {}, [], [{}], false];

/** Rounds of validation before giving up; each gives stand-ins to the fields it finds missing. */
const MAX_ROUNDS = 200;

function parentOf(root: unknown, path: readonly PropertyKey[]): Record<PropertyKey, unknown> | undefined {
  let node = root;
  for (const step of path.slice(0, -1)) node = (node as Record<PropertyKey, unknown> | undefined)?.[step];
  return node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>) : undefined;
}

/**
 * The data with every field that failed validation left out, and stand-ins for the required ones,
 * validated again; undefined when that cannot be done: an item of a list failed (leaving it out
 * would shift the paths of the items after it in the messages), or no stand-in is accepted (a
 * rule over a whole mapping, such as "authors or group").
 */
export function partialFacts(data: object, issues: readonly z.core.$ZodIssue[]): PartialFacts | undefined {
  const copy = structuredClone(data) as Record<PropertyKey, unknown>;
  const unknown = new Set<string>();
  for (const issue of issues) {
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of fields) {
      const parent = parentOf(copy, path);
      const key = path.at(-1);
      if (!parent || Array.isArray(parent) || typeof key !== 'string') return undefined;
      delete parent[key];
      unknown.add(formatPath(printablePath(path)));
    }
  }
  // Which stand-in each path has had; a path whose last one is refused gives up.
  const tried = new Map<string, number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = StudyFacts.safeParse(copy);
    if (result.success) return { facts: result.data, unknown: [...unknown] };
    const given = new Set<string>();
    for (const issue of result.error.issues) {
      const path = formatPath(printablePath(issue.path));
      // One stand-in per path a round, however many rules refused the last.
      if (given.has(path)) continue;
      given.add(path);
      const next = tried.get(path) ?? 0;
      const parent = parentOf(copy, issue.path);
      const key = issue.path.at(-1);
      if (next >= STAND_INS.length || !parent || key === undefined) return undefined;
      parent[key] = structuredClone(STAND_INS[next]);
      tried.set(path, next + 1);
      // Under a path already unknown (a stand-in mapping's own fields), or a field found missing.
      if (![...unknown].some((u) => within(path, u))) unknown.add(path);
    }
  }
  return undefined;
}

/** Whether path `inner` is `outer` or a field inside it. */
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);

/** Whether a field path is about an unknown field: it, a field inside it, or the mapping that held it. */
export function concernsUnknown(path: string | undefined, unknown: readonly string[]): boolean {
  if (!path) return false;
  return unknown.some((u) => within(path, u) || within(u, path));
}
