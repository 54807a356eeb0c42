/**
 * i18next behind a small adapter: one strict translator per language.
 *
 * Strict means: a key missing in the language throws `MissingLocaleKeyError` naming the
 * language and the key — there is no fallback language, so a German summary can never
 * silently contain an English sentence. A `{{value}}` the caller did not supply throws too.
 * Numbers interpolated into a sentence are formatted with `Intl` for the locale.
 */
import i18next, { type i18n, type FormatterModule } from 'i18next';
import { keptBy } from '../memo/index.js';

/** The locale files of one language: namespace → nested key/value tree. */
export type LocaleResources = Record<string, Record<string, unknown>>;

/** One entry of `locales/languages.json`. */
export interface LanguageInfo {
  /** Short code used in paths and facts (`en`, `de`, `zh`). */
  code: string;
  /** The language's own name for itself. */
  name: string;
  /** BCP 47 tag for `Intl` (numbers, percentages, lists, country names). */
  intl: string;
  /** The mark between groups of three digits where the language's house style is not Intl's:
   *  German writes 10 000 (DIN 5008; a no-break space so the number never breaks), Intl 10.000. */
  digitGroup?: string;
  /** Value of `<html lang>`. */
  html: string;
  /** ISO 639-3 code as franc reports it (`eng`, `deu`, `cmn`). */
  franc: string;
  /** Main script, which decides how the language check counts text. */
  script: 'Latin' | 'Han';
  /** Evidence for the language check when trigrams are unsure: common function words and
   *  letters that other candidate languages do not use. */
  markers?: { words: string[]; letters?: string };
  /** Number words the fidelity check reads as numbers (`fifteen` → 15). Chinese numerals are parsed. */
  numberWords?: Record<string, number>;
  /**
   * How the language writes a part of a whole ("8 of 15", "8 von 15", "15人中，有8"): regular
   * expressions with the groups `part` and `whole`, each a number. The fidelity check fails a part
   * greater than its whole, which every number being a fact cannot catch ("15 of 11 people", from a
   * translation that swapped its placeholders).
   */
  partOfWhole?: string[];
}

export class MissingLocaleKeyError extends Error {
  constructor(
    readonly lang: string,
    readonly key: string,
  ) {
    super(`missing locale key \`${key}\` in language \`${lang}\` (locales/${lang}/${key.split(':')[0]}.json)`);
    this.name = 'MissingLocaleKeyError';
  }
}

export class MissingInterpolationError extends Error {
  constructor(
    readonly lang: string,
    readonly key: string,
    readonly variable: string,
  ) {
    super(`locale key \`${key}\` in language \`${lang}\` uses \`{{${variable}}}\`, which the template does not pass`);
    this.name = 'MissingInterpolationError';
  }
}

export type TranslateOptions = Record<string, unknown>;

export interface Translator {
  readonly language: LanguageInfo;
  /** Translate `ns:key` (default namespace `summary`). Throws on a missing key. */
  t(key: string, options?: TranslateOptions): string;
  /** Does the key exist (in any plural/context form)? */
  has(key: string): boolean;
  formatNumber(value: number): string;
  /**
   * A whole percent in the locale's form; above 0 and below 100 it never rounds to either ("under 1%",
   * "over 99%"). `context` (a reading level) chooses the locale's words for that: `format.percentUnder_expert`
   * ("<1%") where the locale has them, else `format.percentUnder`.
   */
  formatPercent(part: number, whole: number, context?: string): string;
  formatList(items: readonly string[]): string;
  /**
   * Clauses that each say something ("mild for 10", "轻度10人"), joined as the locale's
   * `format.clauseList` says: an `Intl.ListFormat` style, `long` ("… and …") by default; Chinese
   * sets clauses apart with 、 (`narrow`), not with 和, which joins nouns.
   */
  formatClauses(items: readonly string[]): string;
  /** An ISO date of the facts (`2021`, `2021-03`, `2021-03-04`) for the locale, to the precision it was given. */
  formatDate(iso: string): FormattedDate;
}

/** How precisely a facts file gives a date: a sentence says "in 2021", "in March 2021" or "on 4 March 2021". */
export type DatePrecision = 'year' | 'month' | 'day';

export interface FormattedDate {
  text: string;
  precision: DatePrecision;
}

const DATE_PARTS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
};

/** Dates as the locale writes them ("4 March 2021", "4. März 2021", "2021年3月4日"); the facts' dates are validated ISO dates. */
function dateFormatter(intl: string): (iso: string) => FormattedDate {
  const formats = Object.fromEntries(Object.entries(DATE_PARTS).map(([p, o]) => [p, new Intl.DateTimeFormat(intl, o)])) as Record<DatePrecision, Intl.DateTimeFormat>;
  return (iso) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number?, number?];
    const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
    return { text: formats[precision].format(new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1))), precision };
  };
}

/** The marks `digitGroup` may name: the fidelity check reads numbers grouped with these (src/checks/numbers). */
export const DIGIT_GROUP_MARKS = ['\u00a0', '\u202f', '.', ','] as const;

/** Decimals a number is shown with (numberFormat); the fidelity check allows a fact as shown. */
export const SHOWN_FRACTION_DIGITS = 1;

/** A value as numberFormat shows it, as a number (34.25 → 34.3), rounded by Intl itself so the two never disagree. */
const shownFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: SHOWN_FRACTION_DIGITS, useGrouping: false });
export const shownValue = (value: number): number => (Number.isInteger(value) ? value : Number(shownFormat.format(value)));

/** Formats numbers as the language writes them: at most one decimal, grouping only from five
 *  digits (10,000 / 10 000), so years and four-digit counts stay 2024, 1500. */
export function numberFormat(language: Pick<LanguageInfo, 'intl' | 'digitGroup'>): (value: number) => string {
  const format = new Intl.NumberFormat(language.intl, { maximumFractionDigits: SHOWN_FRACTION_DIGITS, useGrouping: 'min2' } as Intl.NumberFormatOptions);
  const group = language.digitGroup;
  if (group === undefined) return (value) => format.format(value);
  return (value) => (Math.abs(value) < 10_000 ? format.format(value) : format.formatToParts(value).map((p) => (p.type === 'group' ? group : p.value)).join(''));
}

/** Formats every interpolated number for the locale, so translators never write `{{n, number}}`. */
function intlFormatter(formatNumber: (value: number) => string): FormatterModule {
  return {
    type: 'formatter',
    init() {},
    format: (value: unknown) => (typeof value === 'number' ? formatNumber(value) : value),
    add() {},
    addCached() {},
  } as unknown as FormatterModule;
}

export function createTranslator(language: LanguageInfo, resources: LocaleResources): Translator {
  const lang = language.code;
  let currentKey = '';
  const instance: i18n = i18next.createInstance();
  const numbers = numberFormat(language);
  instance.use(intlFormatter(numbers)).init({
    lng: lang,
    fallbackLng: false,
    ns: Object.keys(resources),
    defaultNS: 'summary',
    resources: { [lang]: resources },
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    returnObjects: false,
    interpolation: { escapeValue: false, alwaysFormat: true, skipOnVariables: true },
    parseMissingKeyHandler: (key: string) => {
      // i18next passes the key without its namespace: the one asked for has it (`site:levels.simple`, not `summary:levels.simple`).
      throw new MissingLocaleKeyError(lang, key.includes(':') ? key : currentKey.endsWith(`:${key}`) ? currentKey : `summary:${key}`);
    },
    missingInterpolationHandler: (_text: string, value: unknown) => {
      const variable = Array.isArray(value) ? String(value[1]) : String(value);
      throw new MissingInterpolationError(lang, currentKey, variable.trim());
    },
  });
  const t = instance.getFixedT(lang);
  const percent = new Intl.NumberFormat(language.intl, { style: 'percent', maximumFractionDigits: 0 });
  const list = new Intl.ListFormat(language.intl, { style: 'long', type: 'conjunction' });
  // An unknown style is reported with the project's checks (project/checkLocaleSettings).
  const clauseStyle = instance.exists('format.clauseList', { lng: lang }) ? t('format.clauseList') : 'long';
  const clauses = new Intl.ListFormat(language.intl, { style: clauseStyle === 'short' || clauseStyle === 'narrow' ? clauseStyle : 'long', type: 'conjunction' });
  // A batch build asks for the same few thousand sentences again and again, with different
  // facts in them: i18next's lookup, plural and interpolation work was a quarter of a build's
  // time. So a sentence's *shape* is asked of i18next once — with a placeholder for every value
  // that is only interpolated — and the values are put in here. Options i18next resolves by
  // (context, …) stay real and choose among a key's kept sentences; a count, by its plural
  // category (see countCategory). Values are never read as templates (as with skipOnVariables).
  // Failures (missing keys) throw and are not kept. Bounded.
  const kept = new Map<string, KeptSentence[]>();
  let keptCount = 0;
  // Which keys exist: the resources never change after the translator is made.
  const has = keptBy((key: string) => instance.exists(key, { lng: lang }), SHAPE_MEMO_LIMIT);
  const formatNumber = keptBy(numbers, SHAPE_MEMO_LIMIT);
  // A count other than 0 and 1 chooses a sentence by its plural category alone (i18next's own
  // rules; 0 and 1 can have sentences of their own, `_zero` and `_single`), so a sentence is kept
  // per category with the count as one more value put in.
  const plurals = new Intl.PluralRules(lang);
  const pluralCategory = keptBy((count: number) => plurals.select(count), SHAPE_MEMO_LIMIT);
  /** The count's plural category, or undefined where the count itself chooses (0, 1, not a whole number). */
  const countCategory = (count: number): string | undefined =>
    count === 0 || count === 1 || !Number.isSafeInteger(count) || count < 0 ? undefined : pluralCategory(count);
  /** How an option takes part in choosing the sentence; undefined for a value i18next must see itself (an object, a function). */
  const roleOf = (name: string, value: unknown, options: TranslateOptions): OptionRole | undefined => {
    const type = typeof value;
    if ((type === 'string' || type === 'number') && !RESOLVING_OPTIONS.has(name)) return SLOT_ROLE;
    if (type !== 'string' && type !== 'number' && type !== 'boolean' && value !== undefined) return undefined;
    const category = name === 'count' && type === 'number' && options.ordinal === undefined ? countCategory(value as number) : undefined;
    return category === undefined ? { slot: false, value } : { slot: false, value: undefined, category };
  };
  /** Do the options choose this kept sentence (the same names in the same order, each in the same role)? */
  const chooses = (sentence: KeptSentence, options: TranslateOptions): boolean => {
    let i = 0;
    for (const name in options) {
      if (name !== sentence.names[i]) return false;
      const role = sentence.roles[i++]!;
      const value = options[name];
      if (role.slot) {
        if (typeof value !== 'string' && typeof value !== 'number') return false;
      } else if (role.category !== undefined) {
        // (The `ordinal` option, which turns categories off, is compared as an option of its own.)
        if (typeof value !== 'number' || countCategory(value) !== role.category) return false;
      } else if (!Object.is(value, role.value)) {
        return false;
      }
    }
    return i === sentence.names.length;
  };
  const translate = (key: string, options: TranslateOptions): string => {
    // A `_single` variant, where a language has one, is used for a count of exactly 1:
    // Chinese has no plural forms but still words one patient differently from several.
    const single = options.count === 1 && instance.exists(`${key}_single`, options) ? `${key}_single` : key;
    currentKey = single;
    const out: unknown = t(single, options);
    if (typeof out !== 'string') throw new MissingLocaleKeyError(lang, key.includes(':') ? key : `summary:${key}`);
    return out;
  };
  return {
    language,
    t(key, options = {}) {
      const sentences = kept.get(key);
      let sentence: KeptSentence | undefined;
      if (sentences) {
        for (const candidate of sentences) {
          if (chooses(candidate, options)) {
            sentence = candidate;
            break;
          }
        }
      }
      if (!sentence) {
        const names: string[] = [];
        const roles: OptionRole[] = [];
        for (const name in options) {
          const role = roleOf(name, options[name], options);
          if (!role) return translate(key, options);
          names.push(name);
          roles.push(role);
        }
        const slots = roles.some((r) => r.slot);
        const countSlot = roles.some((r) => r.category !== undefined);
        const asked = slots || countSlot ? withPlaceholders(options) : options;
        // i18next chooses the plural form by `count`, and puts in the values of `replace`.
        if (countSlot) asked.replace = { ...asked, count: `${SLOT_OPEN}count${SLOT_CLOSE}` };
        sentence = { names, roles, shape: sentenceShape(translate(key, asked)) };
        if (keptCount >= SHAPE_MEMO_LIMIT) {
          kept.clear();
          keptCount = 0;
        }
        const list = kept.get(key);
        // A key asked with ever new exact values (a count of 2.5, 3.7, …) keeps only its latest few: the lookup reads the list.
        if (list && list.length < SENTENCES_PER_KEY) list.push(sentence);
        else kept.set(key, [sentence]);
        keptCount++;
      }
      const shape = sentence.shape;
      if (shape.slots.length === 0) return shape.parts[0]!;
      let out = shape.parts[0]!;
      for (let i = 0; i < shape.slots.length; i++) {
        const value = options[shape.slots[i]!] as string | number;
        out += (typeof value === 'number' ? formatNumber(value) : value) + shape.parts[i + 1]!;
      }
      return out;
    },
    has,
    formatNumber: (value) => formatNumber(value),
    formatPercent: (part, whole, context) => {
      const ratio = whole === 0 ? 0 : part / whole;
      const options = context === undefined ? {} : { context };
      // A whole percent must not say "none" or "all" of a group when it is not: 5 of 10,000 is "under 1%", not "0%".
      if (ratio > 0 && ratio < 0.005) return t('format.percentUnder', { ...options, percent: percent.format(0.01) });
      if (ratio < 1 && ratio >= 0.995) return t('format.percentOver', { ...options, percent: percent.format(0.99) });
      return percent.format(ratio);
    },
    formatList: (items) => list.format(items),
    formatClauses: (items) => clauses.format(items),
    formatDate: dateFormatter(language.intl),
  };
}

const SHAPE_MEMO_LIMIT = 20_000;
/** Sentences kept per key (contexts × plural categories × exact counts 0 and 1 are a dozen at most). */
const SENTENCES_PER_KEY = 32;


/** Options i18next itself reads to choose a sentence (plural, context, lookup): never placeholders. */
const RESOLVING_OPTIONS = new Set(['count', 'context', 'ordinal', 'lng', 'lngs', 'ns', 'defaultValue', 'replace', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'keySeparator', 'nsSeparator', 'skipInterpolation']);

// Control characters: refused in facts text at load, absent from locale files.
const SLOT_OPEN = '\u0002';
const SLOT_CLOSE = '\u0003';
const SLOT = /\u0002([^\u0003]*)\u0003/;

/** How an option took part in choosing a kept sentence: put in (a slot), or choosing it by its value, or (a count) by its plural category. */
type OptionRole = { slot: true; value?: undefined; category?: undefined } | { slot: false; value: unknown; category?: string };
const SLOT_ROLE: OptionRole = { slot: true };

/** A sentence kept for a key: the options that chose it (names in order, each one's role) and its shape. */
interface KeptSentence {
  names: string[];
  roles: OptionRole[];
  shape: SentenceShape;
}

/** A translated sentence with placeholders: literal parts around the names of the values that go between them. */
interface SentenceShape {
  parts: string[];
  slots: string[];
}

/** The options with a placeholder for every value that is only interpolated. */
function withPlaceholders(options: TranslateOptions): TranslateOptions {
  const out: TranslateOptions = {};
  for (const name in options) {
    const value = options[name];
    out[name] = (typeof value === 'string' || typeof value === 'number') && !RESOLVING_OPTIONS.has(name) ? `${SLOT_OPEN}${name}${SLOT_CLOSE}` : value;
  }
  return out;
}

function sentenceShape(text: string): SentenceShape {
  const pieces = text.split(SLOT);
  return { parts: pieces.filter((_, i) => i % 2 === 0), slots: pieces.filter((_, i) => i % 2 === 1) };
}

/**
 * What kind of side effect an event is (`kind` of each `events.*` term in terms.json), which
 * chooses the wording of how severe it was: the i18next context of the grade sentences, so a
 * language words a kind its own way only where its general sentence does not fit (German: "Der
 * Verlauf war leicht" for an illness, "Der Mangel war leicht" for too few blood cells).
 * `clinical`: an illness or reaction with symptoms (CRS, ICANS, an infection). `deficiency`: a
 * blood value below normal, graded by how far it is from normal (too few neutrophils, red cells,
 * platelets, antibodies). A value that is too high would be a kind of its own, not `deficiency`.
 */
export const EVENT_KINDS = ['clinical', 'deficiency'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Plural and context suffixes that i18next adds to a base key, and the grammatical forms of a term's
 * name (`lay_dative`, `lay_negated`: render/model GRAMMATICAL_CASES), which a language has only where
 * it needs one (English says "a low number of red blood cells" after a negation, Chinese needs none).
 */
const VARIANT_SUFFIX = new RegExp(`_(zero|one|two|few|many|other|single|easy|standard|expert|female|male|mixed|role|dative|negated|${EVENT_KINDS.join('|')})$`);

/** Base keys (`ns:a.b.c`) of a resource tree, with plural and context suffixes removed. */
export function baseKeys(resources: LocaleResources): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else {
      let key = prefix;
      while (VARIANT_SUFFIX.test(key)) key = key.replace(VARIANT_SUFFIX, '');
      keys.add(key);
    }
  };
  for (const [ns, tree] of Object.entries(resources)) walk(tree, `${ns}:`.replace(/:$/, ':'));
  return new Set([...keys].map((k) => k.replace(/^(\w+):\./, '$1:')));
}
export { placeholderGaps, NUMBER_PLACEHOLDERS, type PlaceholderGap } from './placeholders.js';
