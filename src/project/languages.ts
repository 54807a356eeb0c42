/**
 * `locales/languages.json`, validated: the languages laysum renders and what each needs for Intl,
 * HTML, language detection and the number check.
 *
 *   parseLanguages({ zh: { …, script: 'Cyrillic' } })
 *   → throws LanguagesError "invalid languages:\n  zh.script: expected one of Latin, Han"
 *
 * Every field is checked because none has a safe default: a locale Intl does not know formats
 * numbers and dates as the runtime's own language, an unknown script judges no paragraph, and a
 * digit-group mark the number check cannot read (or the decimal mark) misstates every large number.
 */
import { z } from 'zod';
import { DIGIT_GROUP_MARKS, type LanguageInfo } from '../i18n/index.js';

export class LanguagesError extends Error {
  /** `path` as a message shows it (`zh.script`), `keys` as the file has it (`['zh', 'script']`). */
  constructor(readonly issues: { path: string; keys: PropertyKey[]; message: string }[]) {
    super(`invalid languages:\n${issues.map((i) => `  ${i.path || '(top)'}: ${i.message}`).join('\n')}`);
    this.name = 'LanguagesError';
  }
}

/** A language code names folders and appears in facts files: `en`, `de`, `zh`, `zh-Hant`. */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const isLanguageTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/** A tag this Node's Intl has data for, so numbers, dates and lists come out in that language. */
const isKnownLocale = (tag: string) => isLanguageTag(tag) && Intl.NumberFormat.supportedLocalesOf(tag).length === 1;

/** A mark as a message shows it: visible ASCII as itself, anything else (spaces) by its code point. */
export const markName = (mark: string) =>
  /^[!-~]$/.test(mark) ? `"${mark}"` : [...mark].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** A pattern of `partOfWhole`: a regular expression that compiles and names both numbers. */
function isPartOfWholePattern(source: string): boolean {
  try {
    const groups = new RegExp(`${source}|`, 'u').exec('')?.groups;
    return !!groups && 'part' in groups && 'whole' in groups;
  } catch {
    return false;
  }
}

const decimalMark = (intl: string) => new Intl.NumberFormat(intl).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';

/** A string field, whose message says what it should hold, whether it is missing or of another type. */
const text = (what: string) => z.string({ error: (issue) => `${issue.input === undefined ? 'missing' : `is ${JSON.stringify(issue.input)}`}; expected ${what}` });

const FIELDS = ['name', 'intl', 'html', 'franc', 'script', 'digitGroup', 'markers', 'numberWords', 'partOfWhole'];

const LanguageSchema = z
  .strictObject(
    {
      name: text('the language’s own name for itself').min(1, 'expected the language’s own name for itself'),
      intl: text('a BCP 47 locale for Intl (e.g. `de-DE`)').refine(isKnownLocale, 'expected a BCP 47 locale this Node’s Intl has data for (e.g. `de-DE`)'),
      digitGroup: text('a digit-group mark').optional(),
      html: text('a BCP 47 language tag for `<html lang>`').refine(isLanguageTag, 'expected a BCP 47 language tag for `<html lang>` (e.g. `de`, `zh-Hans`)'),
      franc: text('the ISO 639-3 code franc reports (e.g. `deu`)').regex(/^[a-z]{3}$/, 'expected the ISO 639-3 code franc reports (e.g. `deu`)'),
      script: z.enum(['Latin', 'Han'], 'expected one of Latin, Han'),
      markers: z.strictObject({ words: z.array(z.string().min(1)).min(1), letters: z.string().min(1).optional() }).optional(),
      numberWords: z.record(z.string().min(1), z.number('expected a whole number').int('expected a whole number').nonnegative('expected a whole number')).optional(),
      partOfWhole: z.array(z.string().refine(isPartOfWholePattern, 'expected a regular expression with the groups `(?<part>…)` and `(?<whole>…)`')).optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown ${issue.keys.map((k) => `\`${k}\``).join(', ')}; expected ${FIELDS.join(', ')}`
          : `expected an object with ${FIELDS.slice(0, 5).join(', ')}`,
    },
  )
  .superRefine((info, ctx) => {
    if (info.digitGroup === undefined || !isKnownLocale(info.intl)) return;
    const decimal = decimalMark(info.intl);
    const allowed = DIGIT_GROUP_MARKS.filter((mark) => mark !== decimal);
    if ((allowed as readonly string[]).includes(info.digitGroup)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['digitGroup'],
      message: `is ${markName(info.digitGroup)}; expected one of ${allowed.map(markName).join(', ')} (a group mark the fidelity check reads, other than the decimal mark ${markName(decimal)})`,
    });
  });

const LanguagesSchema = z.record(z.string(), LanguageSchema, 'expected an object of languages by code').superRefine((languages, ctx) => {
  const codes = Object.keys(languages);
  if (codes.length === 0) ctx.addIssue({ code: 'custom', message: 'expected at least one language' });
  for (const code of codes) {
    if (!LANGUAGE_CODE.test(code)) ctx.addIssue({ code: 'custom', path: [code], message: 'expected a language code such as `en` or `zh-Hant` (it names folders and appears in facts files)' });
  }
});

/** Validate the parsed `locales/languages.json`; throws LanguagesError naming each bad path. */
export function parseLanguages(json: unknown): Record<string, LanguageInfo> {
  const result = LanguagesSchema.safeParse(json);
  if (!result.success) {
    throw new LanguagesError(result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), keys: issue.path, message: issue.message })));
  }
  return Object.fromEntries(Object.entries(result.data).map(([code, info]) => [code, { code, ...info }]));
}
