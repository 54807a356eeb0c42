/**
 * i18next behind a small adapter: one strict translator per language.
 *
 * Strict means: a key missing in the language throws `MissingLocaleKeyError` naming the
 * language and the key — there is no fallback language, so a German summary can never
 * silently contain an English sentence. A `{{value}}` the caller did not supply throws too.
 * Numbers interpolated into a sentence are formatted with `Intl` for the locale.
 */
import i18next, { type i18n, type FormatterModule } from 'i18next';

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
  formatPercent(part: number, whole: number): string;
  formatList(items: readonly string[]): string;
}

/** Formats every interpolated number for the locale, so translators never write `{{n, number}}`. */
/** Grouping only from five digits (10,000 / 10.000), so years and four-digit counts stay 2024, 1500. */
export function numberFormat(intl: string): Intl.NumberFormat {
  return new Intl.NumberFormat(intl, { maximumFractionDigits: 1, useGrouping: 'min2' } as Intl.NumberFormatOptions);
}

function intlFormatter(intl: string): FormatterModule {
  const numbers = numberFormat(intl);
  return {
    type: 'formatter',
    init() {},
    format: (value: unknown) => (typeof value === 'number' ? numbers.format(value) : value),
    add() {},
    addCached() {},
  } as unknown as FormatterModule;
}

export function createTranslator(language: LanguageInfo, resources: LocaleResources): Translator {
  const lang = language.code;
  let currentKey = '';
  const instance: i18n = i18next.createInstance();
  instance.use(intlFormatter(language.intl)).init({
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
      throw new MissingLocaleKeyError(lang, key.includes(':') ? key : `summary:${key}`);
    },
    missingInterpolationHandler: (_text: string, value: unknown) => {
      const variable = Array.isArray(value) ? String(value[1]) : String(value);
      throw new MissingInterpolationError(lang, currentKey, variable.trim());
    },
  });
  const t = instance.getFixedT(lang);
  const numbers = numberFormat(language.intl);
  const percent = new Intl.NumberFormat(language.intl, { style: 'percent', maximumFractionDigits: 0 });
  const list = new Intl.ListFormat(language.intl, { style: 'long', type: 'conjunction' });
  // Translations by key and options. A translation depends on nothing else (the resources are
  // fixed once loaded), and a batch build asks for the same few thousand sentences again and again:
  // i18next's lookup, plural and interpolation work was a quarter of a build's time. Failures
  // (missing keys) throw and are not kept. Bounded, so a batch build's memory stays flat.
  const memo = new Map<string, string>();
  const translate = (key: string, options: TranslateOptions): string => {
    // A `_single` variant, where a language has one, is used for a count of exactly 1:
    // Chinese has no plural forms but still words one patient differently from several.
    const single = options.count === 1 && instance.exists(`${key}_single`, options) ? `${key}_single` : key;
    currentKey = single;
    const out: unknown = t(single, options);
    if (typeof out !== 'string') throw new MissingLocaleKeyError(lang, key);
    return out;
  };
  return {
    language,
    t(key, options = {}) {
      const id = memoKey(key, options);
      if (id === undefined) return translate(key, options);
      const known = memo.get(id);
      if (known !== undefined) return known;
      const out = translate(key, options);
      if (memo.size >= TRANSLATION_MEMO_LIMIT) memo.clear();
      memo.set(id, out);
      return out;
    },
    has(key) {
      return instance.exists(key, { lng: lang });
    },
    formatNumber: (value) => numbers.format(value),
    formatPercent: (part, whole) => percent.format(whole === 0 ? 0 : part / whole),
    formatList: (items) => list.format(items),
  };
}

const TRANSLATION_MEMO_LIMIT = 100_000;

/** Key + options as one string, when every option is a string, number or boolean (else: not memoised). */
function memoKey(key: string, options: TranslateOptions): string | undefined {
  let id = key;
  for (const name in options) {
    const value = options[name];
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean' && value !== undefined) return undefined;
    // \u0000 and \u0001 never occur in keys or in facts text (control characters are refused at load).
    id += `\u0000${name}\u0001${type[0]}${String(value)}`;
  }
  return id;
}

/** Plural and context suffixes that i18next adds to a base key. */
const VARIANT_SUFFIX = /_(zero|one|two|few|many|other|single|easy|standard|expert|female|male|mixed|role)$/;

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
