/**
 * Find the numbers a reader sees in a text: digits in the locale's format, and number words.
 *
 *   en  'Of 1,500 people, 8 of 15 (53%) …'   → [1500, 8, 15, 53]
 *   de  '112 ± 47 Tage, 2,5 mg, fünfzehn'     → [112, 47, 2.5, 15]
 *   zh  '十五名患者中，8名'                    → [15, 8]
 *
 * "One" words (one, eins, 一) are left out: they are articles and idioms far more often than counts.
 */
import type { LanguageInfo } from '../i18n/index.js';
import { digitShape, DigitShapeMemo, keptBy, type TextShape } from '../memo/index.js';

export interface FoundNumber {
  value: number;
  /** The text as written, e.g. `1,500` or `fünfzehn`. */
  text: string;
}

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 十五 → 15, 二十九 → 29, 一百一十二 → 112. */
export function parseHanNumeral(text: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in HAN_DIGITS) digit = HAN_DIGITS[c]!;
    else {
      const unit = HAN_UNITS[c]!;
      if (unit === 10000) {
        total += (section + digit) * unit;
        section = 0;
      } else section += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + section + digit;
}

const ONE_WORDS = new Set(['one', 'ein', 'eins', 'eine']);

/**
 * A number word, also compound: `twenty-one` → 21, `einundzwanzig` → 21, `fifteen` → 15.
 * A lone "one" word is no number (see the module comment); inside a compound it counts.
 */
function numberWordValue(token: string, words: Record<string, number>): number | undefined {
  const lookup = (w: string) => words[w] ?? words[w.toLowerCase()];
  const parts = token.split('-');
  if (parts.length > 1) {
    const values = parts.map(lookup);
    if (values.every((v) => v !== undefined)) return values.reduce((a, b) => a! + b!, 0);
    return undefined;
  }
  const german = /^(\p{L}+?)und(\p{L}+)$/u.exec(token.toLowerCase());
  if (german) {
    const [units, tens] = [lookup(german[1]!), lookup(german[2]!)];
    if (units !== undefined && tens !== undefined && units < 10 && tens >= 20) return units + tens;
  }
  if (ONE_WORDS.has(token.toLowerCase())) return undefined;
  return lookup(token);
}

const separatorsCache = new Map<string, { group: string; decimal: string; groups: RegExp }>();
function separators(intl: string) {
  let s = separatorsCache.get(intl);
  if (!s) {
    const parts = new Intl.NumberFormat(intl).formatToParts(12345.6);
    const group = parts.find((p) => p.type === 'group')?.value ?? ',';
    s = { group, decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', groups: new RegExp(`[${group === '.' ? '\\.' : group}\u00a0\u202f]`, 'g') };
    separatorsCache.set(intl, s);
  }
  return s;
}

/** Number-word values by language and word: a batch reads the same words again and again. Bounded. */
const wordValues = new WeakMap<LanguageInfo, (token: string) => number | undefined>();
const WORD_MEMO_LIMIT = 50_000;

function wordValueOf(language: LanguageInfo, words: Record<string, number>): (token: string) => number | undefined {
  let valueOf = wordValues.get(language);
  if (!valueOf) {
    valueOf = keptBy((token: string) => numberWordValue(token, words), WORD_MEMO_LIMIT);
    wordValues.set(language, valueOf);
  }
  return valueOf;
}

const HAS_ASCII_DIGIT = /[0-9]/;
const SEPARATOR = /[.,\u00a0\u202f]/;
const HAN_NUMERAL = /[零〇一二两三四五六七八九十百千万]+/g;
/**
 * Everyday words written with numerals that are no numbers, as "one" words are not (a patient's
 * quote: "我现在感觉十分好"): 十分 "very" (not 十分钟 "ten minutes", 十分之一 "a tenth"), 千万
 * "by all means" before a verb (not 三千万 "thirty million"), 万一 "in case". Blanked before
 * numerals are read.
 */
const HAN_NOT_NUMBERS = /(?<![零〇一二两三四五六七八九十百千万\d])(?:十分(?![钟鐘之])|千万(?=[别不要记务])|万一(?![零〇一二两三四五六七八九十百千万\d]))/gu;

/**
 * Number words by language and text shape: a batch's summaries repeat most paragraphs but for
 * their figures, and finding number words means reading every word. Which words are number words
 * does not depend on the digits, so they are kept by `digitShape`; the digits themselves are read
 * each time (one regular expression). Bounded. The arrays are shared: read, never change.
 */
const wordsByShape = new WeakMap<LanguageInfo, DigitShapeMemo<readonly FoundNumber[]>>();

/** `shape`: the text's digit shape, where the caller has it (src/markdown gives one object per shape). */
export function findNumbers(text: string, language: LanguageInfo, shape?: TextShape): readonly FoundNumber[] {
  let known = wordsByShape.get(language);
  if (!known) wordsByShape.set(language, (known = new DigitShapeMemo()));
  const key = shape ? undefined : digitShape(text);
  let words = shape ? known.getShape(shape) : known.get(key!);
  if (!words) {
    words = scanNumberWords(text, language);
    if (shape) known.setShape(shape, words);
    else known.set(key!, words);
  }
  if (!HAS_ASCII_DIGIT.test(text)) return words;
  const digits = scanDigits(text, language);
  return words.length === 0 ? digits : [...digits, ...words];
}

const isDigit = (code: number) => code >= 48 && code <= 57;
/** A mark between groups of three digits, or a decimal mark. */
const isSeparator = (code: number) => code === 46 || code === 44 || code === 0xa0 || code === 0x202f;

function nextDigit(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * Where the figure that starts at `start` ends: what `/\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?/`
 * matches there, read by hand (that expression's matches were 5 % of a build's allocation).
 * Digits; then groups of a mark and three digits, as many as follow; then a decimal mark (`.` or
 * `,`) and digits.
 */
function figureEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  while (isSeparator(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1)) && isDigit(text.charCodeAt(end + 2)) && isDigit(text.charCodeAt(end + 3))) end += 4;
  const mark = text.charCodeAt(end);
  if ((mark === 46 || mark === 44) && isDigit(text.charCodeAt(end + 1))) {
    end += 2;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}

function scanDigits(text: string, language: LanguageInfo): FoundNumber[] {
  const { decimal, groups } = separators(language.intl);
  const found: FoundNumber[] = [];
  for (let start = nextDigit(text, 0); start >= 0; ) {
    const end = figureEnd(text, start);
    const raw = text.slice(start, end);
    start = nextDigit(text, end);
    // Most figures are whole numbers without separators ("15"): nothing to normalise.
    if (!SEPARATOR.test(raw)) {
      found.push({ value: Number(raw), text: raw });
      continue;
    }
    // A group separator only counts as one when followed by exactly three digits.
    const normalised = raw
      .split(decimal)
      .map((part, i) => (i === 0 ? part.replace(groups, '') : part))
      .join('.');
    const value = Number(normalised);
    if (Number.isFinite(value)) found.push({ value, text: raw });
    else for (const piece of raw.split(/[.,\u00a0\u202f]/)) found.push({ value: Number(piece), text: piece });
  }
  return found;
}

/** Number words and Han numerals, in that order. */
function scanNumberWords(text: string, language: LanguageInfo): FoundNumber[] {
  const found: FoundNumber[] = [];
  const words = language.numberWords;
  if (words) {
    const valueOf = wordValueOf(language, words);
    for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const value = valueOf(match[0]);
      if (value !== undefined) found.push({ value, text: match[0] });
    }
  }
  if (language.script === 'Han') {
    const counted = text.replace(HAN_NOT_NUMBERS, (word) => '\u3000'.repeat(word.length));
    for (const match of counted.matchAll(HAN_NUMERAL)) {
      if (match[0] === '一' || match[0] === '万') continue;
      found.push({ value: parseHanNumeral(match[0]), text: match[0] });
    }
  }
  return found;
}
