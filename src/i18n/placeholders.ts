/**
 * Number placeholders every translation of a sentence must keep.
 *
 *   en  easy.safety.event  "{{count}} of {{total}} people had {{event}}."
 *   de  easy.safety.event_other  "{{total}} Menschen hatten {{event}}."
 *   → gap: `summary:easy.safety.event_other` in `de` leaves out {{count}}, which `en` states
 *
 * A translator who drops `{{count}}` there makes the summary say that all 15 people had a side
 * effect 1 of them had, and no output check can see it: every number left is a fact. Words
 * around the numbers may differ (Chinese needs no {{years}}, a date phrase may be worded with
 * {{start}} instead of {{from}}), so only the placeholders templates fill with numbers are
 * compared, each variant with the reference language's own (`_one` with `_one`, a context with
 * the same context, else the plain or `_other` form).
 */
import type { LocaleResources } from './index.js';

/** The placeholders laysum's templates and outputs fill with figures (counts, percentages, ages, dates' years, the leaflet's key). */
export const NUMBER_PLACEHOLDERS: ReadonlySet<string> = new Set(['count', 'total', 'responders', 'assessed', 'of', 'percent', 'median', 'min', 'max', 'mean', 'sd', 'age', 'people', 'year', 'female', 'male']);

/** Plural forms for one (or none, or two): the count may be written as a word there ("Eine Person …"). */
const SINGULAR_FORM = /_(?:zero|one|two|single)$/;

export interface PlaceholderGap {
  lang: string;
  /** `ns:path` of the variant, as in the locale file (`summary:easy.safety.event_other`). */
  key: string;
  /** The reference language's variant it was compared with. */
  reference: string;
  missing: string[];
}

function leaves(node: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) leaves(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, out);
  } else if (typeof node === 'string') out.set(prefix, node);
  return out;
}

const variables = (text: string) => new Set([...text.matchAll(/\{\{\s*([^\s},]+)[^}]*\}\}/g)].map((m) => m[1]!));

/** The reference's variant a key is to be compared with: the same key, else (one suffix off at a time) its `_one`, `_other` or plain form. */
function referenceKey(key: string, reference: Map<string, string>): string | undefined {
  for (let k = key; ; ) {
    const candidates = [k, k.replace(/_single$/, '_one'), k.replace(/_(?:zero|one|two|few|many|other|single)$/, '_other'), `${k}_other`];
    const found = candidates.find((c) => reference.has(c));
    if (found) return found;
    const shorter = k.replace(/_[A-Za-z]+$/, '');
    if (shorter === k) return undefined;
    k = shorter;
  }
}

/** Every variant of every other language that leaves out a number placeholder the reference language's matching variant states. */
export function placeholderGaps(locales: Record<string, LocaleResources>, reference = 'en'): PlaceholderGap[] {
  const ref = locales[reference];
  if (!ref) return [];
  const refLeaves = new Map<string, string>();
  for (const [ns, tree] of Object.entries(ref)) leaves(tree, `${ns}:`, refLeaves);
  const gaps: PlaceholderGap[] = [];
  for (const [lang, resources] of Object.entries(locales)) {
    if (lang === reference) continue;
    for (const [ns, tree] of Object.entries(resources)) {
      for (const [key, text] of leaves(tree, `${ns}:`, new Map())) {
        const refKey = referenceKey(key, refLeaves);
        if (!refKey) continue; // a key the reference lacks is the parity check's
        const have = variables(text);
        const missing = [...variables(refLeaves.get(refKey)!)].filter((v) => NUMBER_PLACEHOLDERS.has(v) && !have.has(v) && !(v === 'count' && SINGULAR_FORM.test(key)));
        if (missing.length) gaps.push({ lang, key, reference: refKey, missing });
      }
    }
  }
  return gaps;
}
