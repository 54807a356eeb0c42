/**
 * Fact fidelity: every number a summary states must be a number of the study.
 *
 *   facts: total 15, groups 8/3/4 → allowed {15: ['population.total'], 8: [...], 53: ['population.groups[0].percent'], …}
 *   'In 9 of 15 people …' → error "number 9 in “In 9 of 15 people …” is not a fact of the study"
 *
 * Allowed are the facts' own numbers (counts, grades, years, pages, dates, ages) and the
 * derived values (percentages, sums) from derive/, each also as displayed (rounded). Numbers
 * inside proper names (CD19, the DOI, a journal's name) are removed first: they are names.
 */
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics/index.js';
import type { DerivedFacts, DerivedValue } from '../derive/index.js';
import { termFields, type StudyFacts } from '../facts/index.js';
import { shownValue, type LanguageInfo } from '../i18n/index.js';
import { findNumbers } from './numbers.js';
import { excerpt, markdownUnits } from './paragraphs.js';

/** Number value → the fact paths (or derived names) it can come from. */
export type AllowedNumbers = Map<number, string[]>;

function allow(map: AllowedNumbers, value: number, from: string): void {
  const list = map.get(value);
  if (list) {
    if (!list.includes(from)) list.push(from);
  } else map.set(value, [from]);
}

/**
 * Every number of the facts and of the derived values, with where it comes from. `output`: the
 * output being checked; a derived value stated only in another output (`onlyIn`) is left out.
 */
export function allowedNumbers(facts: StudyFacts, derived: DerivedFacts, output?: DerivedValue['onlyIn']): AllowedNumbers {
  const map: AllowedNumbers = new Map();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') {
      allow(map, value, path);
      // A fact with more decimals than a summary shows (a mean of 112.25) is stated as shown (112.3).
      const shown = shownValue(value);
      if (shown !== value) allow(map, shown, `${path} (rounded)`);
    }
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'source' && k !== 'quotes' && k !== 'title') walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(facts, '');
  // Numbers written inside strings that are facts themselves: pages and dates.
  const numericStrings: [string, string | undefined][] = [
    ['citation.pages', facts.citation.pages],
    ['citation.published', facts.citation.published],
    ['dates.start', facts.dates?.start],
    ['dates.end', facts.dates?.end],
    ['dates.published', facts.dates?.published],
  ];
  for (const [path, text] of numericStrings) for (const m of text?.match(/\d+/g) ?? []) allow(map, Number(m), path);
  for (const d of derived.values) {
    if (d.onlyIn && d.onlyIn !== output) continue;
    allow(map, d.value, d.name);
    // As displayed: whole percent (summaries) and one decimal (expert text may show it) — but a
    // percentage of some is never shown as 0 (nor of not all as 100): 5 of 10,000 is "under 1%".
    const some = d.name.endsWith('.percent') && d.value > 0 && d.value < 100;
    for (const shown of [Math.round(d.value), Math.round(d.value * 10) / 10]) {
      if (some && (shown === 0 || shown === 100)) continue;
      allow(map, shown, `${d.name} (rounded)`);
    }
    if (some && d.value < 0.5) allow(map, 1, `${d.name} (under 1)`);
    if (some && d.value >= 99.5) allow(map, 99, `${d.name} (over 99)`);
  }
  return map;
}

export interface FidelityStats {
  numbers: number;
  unmatched: number;
}

/**
 * Digits written onto Latin letters are part of a name, not a count: CD19, IL-6, COVID-19,
 * HLA-B27, Typ-1-Diabetes (in a title, a quote, a project's term). So is a type: type 2 diabetes,
 * Typ 2, 2型糖尿病. laysum's own wording never writes a count that way ("Grad 1", "15 people").
 */
const NAME_WITH_DIGITS = /\p{Script=Latin}+-?\d+(?:-?\p{Script=Latin}+\d*)*|\b(?:[Tt]ype|Typ)\s\d+\b|\d+(?=型)/gu;
const HAS_LETTER_DIGIT = /\p{Script=Latin}-?\d|\b(?:[Tt]ype|Typ)\s\d|\d型/u;

/** Removes links, DOIs and proper names, which may hold digits that are names, not counts. */
function stripNames(text: string, names: readonly string[]): string {
  let out = text;
  if (out.includes('http')) out = out.replace(/https?:\/\/\S+/g, ' ');
  if (out.includes('10.')) out = out.replace(/\b10\.\d{4,9}\/\S+/g, ' ');
  for (const name of names) if (name.length >= 2 && out.includes(name)) out = out.split(name).join(' ');
  if (HAS_LETTER_DIGIT.test(out)) out = out.replace(NAME_WITH_DIGITS, ' ');
  return out;
}

/** The text with each of the words taken out (a space in their place). */
function withoutWords(text: string, words: readonly string[]): string {
  let out = text;
  for (const word of words) if (out.includes(word)) out = out.split(word).join(' ');
  return out;
}

function sentenceAround(paragraph: string, text: string): string {
  const sentences = paragraph.split(/(?<=[.!?。！？；])\s*/u);
  return excerpt(sentences.find((s) => s.includes(text)) ?? paragraph, 120);
}

const PLAIN_DIGITS = /^[0-9]{1,15}$/;

/** Each language's `partOfWhole` patterns, compiled once. */
const partPatterns = new WeakMap<LanguageInfo, RegExp[]>();

/** The one number a text is, as the language writes it ("10 000"), or undefined. */
function numberIn(text: string, language: LanguageInfo): number | undefined {
  // Most parts and wholes are plain digits ("8", "15").
  if (PLAIN_DIGITS.test(text)) return Number(text);
  const found = findNumbers(text, language);
  return found.length === 1 ? found[0]!.value : undefined;
}

/** Every "N of M" (as the language's `partOfWhole` says it) whose part is greater than its whole: [part, whole, the words]. */
function partsOverWholes(text: string, language: LanguageInfo): [number, number, string][] {
  if (!language.partOfWhole) return [];
  let patterns = partPatterns.get(language);
  if (!patterns) partPatterns.set(language, (patterns = language.partOfWhole.map((source) => new RegExp(source, 'gu'))));
  const out: [number, number, string][] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const part = numberIn(match.groups?.part ?? '', language);
      const whole = numberIn(match.groups?.whole ?? '', language);
      if (part !== undefined && whole !== undefined && part > whole) out.push([part, whole, match[0]]);
    }
  }
  return out;
}

export function checkFidelity(
  markdown: string,
  language: LanguageInfo,
  allowed: AllowedNumbers,
  place: { study: string; lang: string; level: string; file?: string },
  names: readonly string[],
  /**
   * The study's own sentences in this language (its title, its quotes): an author's words, which
   * laysum's part-of-whole patterns do not read — "wurden 2024 von 15 Zentren erhoben" in a quote is
   * no part of a whole, and a quote cannot be reworded to please a check. Their numbers are still read.
   */
  authorsWords: readonly string[] = [],
): { diagnostics: Diagnostic[]; stats: FidelityStats } {
  const diagnostics: Diagnostic[] = [];
  let numbers = 0;
  const { paragraphs, shapes } = markdownUnits(markdown);
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    // Easy-read numbers are natural frequencies ("8 of 15 people"), never percentages.
    const text = stripNames(paragraph, names);
    // (Links are stripped first: a DOI URL may hold %-escapes.)
    if (place.level === 'easy' && /[%％‰]|\b(?:percent|per cent|Prozent)\b|百分之/i.test(text)) {
      diagnostics.push(
        diagnostic({
          ruleId: 'fidelity/natural-frequency',
          kind: 'check',
          severity: 'error',
          message: `a percentage in an easy-read summary; state it as "8 of 15 people" instead: “${excerpt(paragraph, 120)}”`,
          place: { ...place },
        }),
      );
    }
    const found = findNumbers(text, language, text === paragraph ? shapes[i] : undefined);
    // A part and its whole are two of the numbers read here: a paragraph with fewer has none to swap.
    for (const [part, whole, said] of found.length >= 2 ? partsOverWholes(withoutWords(text, authorsWords), language) : []) {
      diagnostics.push(
        diagnostic({
          ruleId: 'fidelity/part-of-whole',
          kind: 'check',
          severity: 'error',
          message: `“${said}” says a part (${part}) greater than its whole (${whole}); expected at most ${whole} (numbers swapped in the wording?): “${sentenceAround(paragraph, said)}”`,
          place: { ...place },
          actual: said,
        }),
      );
    }
    for (const number of found) {
      numbers++;
      if (allowed.has(number.value)) continue;
      diagnostics.push(
        diagnostic({
          ruleId: 'fidelity/number',
          kind: 'check',
          severity: 'error',
          message: `number ${number.text} is not a fact of the study (nor derived from one) in “${sentenceAround(paragraph, number.text)}”`,
          place: { ...place },
          actual: number.text,
        }),
      );
    }
  }
  return { diagnostics, stats: { numbers, unmatched: diagnostics.length } };
}

/**
 * The words of the terms a study uses (every text of `terms:<namespace>.<key>` in the language)
 * that carry figures of their own — "stage 3 kidney disease", "grade 2 or higher" — for the number
 * check to read as names, not counts: a project's vocabulary is wording, not a fact of the study.
 * Longest first, as names are. Only for the number check: a term's words still count for the
 * language check.
 */
export function termsWithFigures(facts: StudyFacts, terms: Record<string, unknown> | undefined): string[] {
  const out = new Set<string>();
  for (const use of termFields(facts)) {
    const term = (terms?.[use.namespace] as Record<string, unknown> | undefined)?.[use.key];
    if (term && typeof term === 'object') for (const piece of figuresOfTerm(term)) out.add(piece);
    else if (typeof term === 'string') for (const piece of figuresOf(term)) out.add(piece);
  }
  return out.size ? [...out].sort((a, b) => b.length - a.length) : [];
}

/** A term's texts with figures, worked out once per term of a loaded locale (a batch asks for the same terms in every study). */
const termFigures = new WeakMap<object, readonly string[]>();

function figuresOfTerm(term: object): readonly string[] {
  let found = termFigures.get(term);
  if (!found) {
    const pieces: string[] = [];
    const walk = (node: unknown) => {
      if (typeof node === 'string') pieces.push(...figuresOf(node));
      else if (node && typeof node === 'object') for (const value of Object.values(node)) walk(value);
    };
    walk(term);
    termFigures.set(term, (found = pieces));
  }
  return found;
}

/** The pieces of a term's text that carry figures: placeholders are filled with facts, which the check reads; the rest is the term's. */
function figuresOf(text: string): string[] {
  if (!/\d/.test(text)) return [];
  return text
    .split(/\{\{[^}]*\}\}/)
    .filter((piece) => /\d/.test(piece) && piece.trim().length >= 2)
    .map((piece) => piece.trim());
}

/** Case- and whitespace-folded, so a quote survives line breaks and capitalisation. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A fact's `source.quote` must occur in the named source text and contain the fact's number.
 */
export function checkFactSources(facts: StudyFacts, texts: Map<string, string>, language: Record<string, LanguageInfo>, file: string, locate: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined = () => undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const declared = new Map(facts.sources.map((s) => [s.id, Array.isArray(s.lang) ? s.lang : [s.lang]]));
  // The numbers a quote must state: all of them for a range or a mean ± SD, the count otherwise.
  type Cited = [PropertyKey[], { text: string; quote: string } | undefined, number[]];
  const cited: Cited[] = [
    [['followUp', 'source'], facts.followUp?.source, facts.followUp ? [facts.followUp.median, facts.followUp.min, facts.followUp.max] : []],
    ...facts.outcomes.map((o, i): Cited => [['outcomes', i, 'source'], o.source, [o.responders]]),
    ...facts.measurements.map((m, i): Cited => [['measurements', i, 'source'], m.source, m.value !== undefined ? [m.value] : [m.mean!, m.sd!]]),
    ...(facts.safety ?? []).map((e, i): Cited => [['safety', i, 'source'], e.source, [e.count]]),
    ...facts.medication.map((m, i): Cited => [['medication', i, 'source'], m.source, [m.count]]),
  ];
  // Each source folded once, however many facts cite it.
  const folded = new Map<string, string>();
  for (const [path, source, values] of cited) {
    if (!source) continue;
    const text = texts.get(source.text);
    if (text === undefined) continue; // unknown or unreadable source: reported by consistency / load
    let foldedText = folded.get(source.text);
    if (foldedText === undefined) folded.set(source.text, (foldedText = fold(text)));
    const fail = (message: string) =>
      out.push(diagnostic({ ruleId: 'fidelity/source-quote', kind: 'check', severity: 'error', message, place: { file, study: facts.id, path: formatPath([...path, 'quote']), ...(locate([...path, 'quote']) ?? {}) } }));
    if (!foldedText.includes(fold(source.quote))) {
      fail(`quote “${excerpt(source.quote)}” is not in source \`${source.text}\`; copy the words exactly as the source has them`);
      continue;
    }
    const langs = declared.get(source.text) ?? [];
    const quoted = langs.flatMap((l) => (language[l] ? findNumbers(source.quote, language[l]!) : [])).map((n) => n.value);
    const missing = values.filter((v) => !quoted.includes(v));
    if (missing.length) {
      fail(`quote “${excerpt(source.quote)}” does not state the fact's ${missing.length > 1 ? 'numbers' : 'number'} ${missing.join(', ')}`);
    }
  }
  return out;
}
