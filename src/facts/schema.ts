/**
 * The facts format: one file per study, YAML or JSON.
 *
 * The zod schema is the single source of truth: the exported TypeScript types are
 * inferred from it and `schema/study-facts.schema.json` is generated from it
 * (`npm run schema`), so editors autocomplete the same shape the validator enforces.
 *
 * Conditions, measures, events, designs, … are *keys into the locales*
 * (`sle`, `doris_remission`, `crs`), never free text: wording lives in `locales/`.
 */
import { z } from 'zod';
import { hiddenCharacterMessage } from './characters.js';
import { COUNTRY_CODES } from './countries.js';

/** Names Windows reserves for devices: a folder called `con` or `nul` cannot be created there. */
const RESERVED_NAMES = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;
const MAX_SLUG = 80;

/**
 * A folder-safe identifier: lower-case letters, digits, single hyphens. A study id becomes a
 * folder name in every output, so it can never hold `/`, `..`, a dot, a space or a capital, is
 * at most 80 characters, and is not a device name Windows reserves.
 */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug: lower-case letters, digits and single hyphens, e.g. `mueller-2024`')
  .refine((s) => s.length <= MAX_SLUG, { error: (iss) => `expected a slug of at most ${MAX_SLUG} characters, got ${String(iss.input).length}` })
  .refine((s) => !RESERVED_NAMES.test(s), { error: (iss) => `\`${String(iss.input)}\` is a device name on Windows and cannot be a folder name; expected another slug` });

/** A key into a locale term table, e.g. `sle`, `doris_remission`. */
export const TermKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'expected a term key: lower-case letters, digits and underscores, e.g. `doris_remission`');

/** A language code of a configured language (`en`, `de`, `zh`); checked against `locales/languages.json`. */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as `en`, `de` or `zh`');

/** Longest free text accepted: a title, a name or a quote, never a whole document. */
export const MAX_TEXT_LENGTH = 2000;

/** Rejects bidi controls, zero-width characters and control characters, naming the first (see `Text`). */
function rejectHiddenCharacters(text: string, ctx: z.core.$RefinementCtx<string>): void {
  const message = hiddenCharacterMessage(text);
  if (message) ctx.addIssue({ code: 'custom', message, input: text });
}

/**
 * Free text written by a person (titles, names, quotes, funders); trimmed, never empty.
 *
 * What happens to hostile text, by class (test/hostile.test.ts and test/fixtures/bad/ show each):
 * - Rejected here, with a message naming the character as U+XXXX and its position
 *   (characters.ts has the full list):
 *   - bidi controls (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C):
 *     they reorder how text is displayed, so a dose or a side effect can read differently from
 *     what the file says ("Trojan Source");
 *   - zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF): they hide
 *     or split words, so a check or a search misses a word a reader sees (U+200D is allowed
 *     between two emoji, where it joins them into one);
 *   - control characters (U+0000–U+001F except tab and line feed, U+007F–U+009F): not text;
 *     in a message printed on a terminal they could rewrite the screen.
 * - Rejected here: text longer than 2000 characters (the message gives the length).
 * - Escaped, never rejected: HTML (`<script>`, `<img onerror>`, entities such as `&lt;`),
 *   Markdown (`[x](javascript:…)`, `![img](…)`, `<https://…>`, `# heading`, `| a | b |`, `---`,
 *   list markers) and Handlebars (`{{…}}`). Facts text is Markdown-escaped once when the template
 *   data is built (render/escape.ts), markdown-it runs with raw HTML off, the leaflet and the
 *   site escape for HTML, and facts text is data to a template, never compiled as one.
 * - Passed through: emoji and every other printable character.
 */
export const Text = z
  .string()
  .superRefine(rejectHiddenCharacters)
  .trim()
  .min(1, 'expected text, got an empty string')
  .max(MAX_TEXT_LENGTH, {
    error: (iss) =>
      `text is ${typeof iss.input === 'string' ? [...iss.input].length : 'too many'} characters long; expected at most ${MAX_TEXT_LENGTH} characters (a title, a name or a quote, not a whole document)`,
  });

/** Text given once per language: `{ en: …, de: …, zh: … }`. */
export const LocalizedText = z.record(LanguageCode, Text);

/** A calendar date `YYYY-MM-DD`, or a month `YYYY-MM`, or a year `YYYY`. */
const DATE_EXPECTED = 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY';
export const IsoDate = z.union(
  [
    z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, DATE_EXPECTED),
    // A bare year is read by YAML as a number; keep it as the string it was written as.
    z.number().int().min(1900, DATE_EXPECTED).max(2100, DATE_EXPECTED).transform(String),
  ],
  { error: DATE_EXPECTED },
);

export const Count = z.number().int('expected a whole number').nonnegative('expected a number ≥ 0');
export const PositiveCount = z.number().int('expected a whole number').positive('expected a number ≥ 1');
export const Quantity = z.number().nonnegative('expected a number ≥ 0');
export const TimeUnit = z.enum(['day', 'week', 'month', 'year']);

/** Where a fact comes from: a source text of this study and the words in it that state the fact. */
export const FactSource = z.strictObject({
  text: Slug.describe('id of an entry in `sources`'),
  quote: Text.describe('the words of the source text that state this fact'),
});

const MAX_DOI_LENGTH = 300;

export const Citation = z.strictObject({
  authors: z.array(Text).min(1).optional().describe('authors as printed, e.g. `Müller F`; `et al.` is added when the list is long'),
  group: Text.optional().describe('the research group or institution, when no author list is known'),
  title: Text.optional().describe('the original title of the publication'),
  titleLanguage: LanguageCode.optional().describe('language of the original title'),
  journal: Text.optional(),
  year: z.number().int().min(1900, 'expected a year from 1900').max(2100, 'expected a year up to 2100'),
  volume: PositiveCount.optional(),
  issue: PositiveCount.optional(),
  pages: z.string().regex(/^[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?$/, 'expected pages like `687-700`').optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/[^\s]+$/, 'expected a DOI like `10.1056/NEJMoa2308917`')
    .superRefine(rejectHiddenCharacters)
    .refine((s) => s.length <= MAX_DOI_LENGTH, { error: `expected a DOI of at most ${MAX_DOI_LENGTH} characters` })
    .optional(),
  published: IsoDate.optional(),
}).refine((c) => c.authors !== undefined || c.group !== undefined, {
  message: 'expected `authors` or `group`: who published the study',
});

export const Intervention = z.strictObject({
  name: TermKey.describe('the treatment, e.g. `car_t`'),
  kind: TermKey.describe('where the cells come from, e.g. `autologous`, `donor_derived`'),
  target: z.string().regex(/^[A-Za-z0-9-]{2,20}$/, 'expected an antigen name like `CD19`').optional(),
  schedule: TermKey.optional().describe('e.g. `single_infusion`'),
  pretreatment: z.array(TermKey).optional().describe('drugs given before, e.g. `[fludarabine, cyclophosphamide]`'),
});

export const ConditionGroup = z.strictObject({
  condition: TermKey,
  n: PositiveCount,
});

export const AgeSummary = z
  .strictObject({
    median: Quantity.optional(),
    mean: Quantity.optional(),
    sd: Quantity.optional(),
    min: Quantity.optional(),
    max: Quantity.optional(),
  })
  .refine((a) => a.median !== undefined || a.mean !== undefined || a.min !== undefined, {
    message: 'expected at least one of `median`, `mean` or `min`/`max` (age in years)',
  });

export const Population = z.strictObject({
  total: PositiveCount,
  groups: z.array(ConditionGroup).min(1, 'expected at least one condition group'),
  sex: z.strictObject({ female: Count, male: Count }).optional(),
  age: AgeSummary.optional(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 country code like `DE`').refine((code) => COUNTRY_CODES.has(code), 'expected an ISO 3166 country code in use, like `DE` (not a former one such as `DD`)')).optional(),
  traits: z.array(TermKey).optional().describe('what all participants had in common, e.g. `[severe, treatment_resistant]`'),
});

export const FollowUp = z.strictObject({
  median: Quantity,
  min: Quantity,
  max: Quantity,
  unit: TimeUnit,
  source: FactSource.optional(),
});

export const Outcome = z.strictObject({
  condition: TermKey,
  measure: TermKey,
  responders: Count,
  assessed: PositiveCount,
  source: FactSource.optional(),
});

export const Measurement = z
  .strictObject({
    measure: TermKey,
    mean: Quantity.optional().describe('of a group: its mean, with `sd`'),
    sd: Quantity.optional(),
    value: Quantity.optional().describe('of one person (a study of one): the value, instead of `mean` and `sd`'),
    unit: TimeUnit,
    source: FactSource.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.value !== undefined) {
      if (m.mean !== undefined || m.sd !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'expected either `value` (one person) or `mean` and `sd` (a group), not both' });
      return;
    }
    for (const field of ['mean', 'sd'] as const) {
      if (m[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'expected `mean` and `sd` of the group (or `value`, of one person)' });
    }
  });

export const SafetyEvent = z.strictObject({
  event: TermKey,
  grade: z.number().int().min(1, 'expected a grade from 1 to 5').max(5, 'expected a grade from 1 to 5').optional(),
  count: Count,
  source: FactSource.optional(),
});

export const MedicationChange = z.strictObject({
  change: TermKey.describe('e.g. `stopped_immunosuppressants`, `low_dose_steroids`'),
  count: Count,
  of: PositiveCount,
  source: FactSource.optional(),
});

export const Quote = z.strictObject({
  author: Text,
  role: LocalizedText.optional(),
  kind: z.enum(['direct', 'paraphrase']).describe('`paraphrase` renders as reported speech, without quotation marks'),
  text: LocalizedText,
});

const MAX_PATH_LENGTH = 1000;

/**
 * A source text's path, relative to the facts file. Where it may lead (inside the facts file's
 * folder tree, not through a link that leads out) is checked when it is read (pipeline/load.ts).
 */
export const SourcePath = z
  .string()
  .min(1, 'expected a path, got an empty string')
  .superRefine(rejectHiddenCharacters)
  .refine((s) => s.length <= MAX_PATH_LENGTH, { error: `expected a path of at most ${MAX_PATH_LENGTH} characters` });

export const SourceText = z.strictObject({
  id: Slug,
  path: SourcePath.describe('path of the source text, relative to the facts file'),
  lang: z.union([LanguageCode, z.array(LanguageCode).min(2)]).describe('declared language, or all languages of a mixed text in order'),
});

export const StudyFacts = z.strictObject({
  id: Slug,
  title: LocalizedText,
  citation: Citation,
  design: TermKey.describe('e.g. `case_series`, `case_report`, `pilot_study`'),
  status: TermKey.optional().describe('e.g. `completed`, `ongoing`'),
  dates: z.strictObject({ start: IsoDate.optional(), end: IsoDate.optional(), published: IsoDate.optional() }).optional(),
  aim: TermKey.optional().describe('what the study set out to find out, e.g. `safety_and_effect`, `feasibility_safety_effect`, `describe_case`'),
  rationale: TermKey.optional().describe('why the study was done, e.g. `reset_immune_system`, `off_the_shelf`'),
  sponsor: z.strictObject({ name: Text, contact: Text.optional() }).optional(),
  intervention: Intervention,
  population: Population,
  followUp: FollowUp.optional(),
  outcomes: z.array(Outcome).default([]),
  measurements: z.array(Measurement).default([]),
  safety: z.array(SafetyEvent).optional().describe('leave out when the sources say nothing about safety; `[]` means none were reported'),
  medication: z.array(MedicationChange).default([]),
  funding: z.array(Text).default([]),
  quotes: z.array(Quote).default([]),
  sources: z.array(SourceText).default([]),
  furtherTrials: TermKey.optional().describe('what comes next, e.g. `controlled_trials_needed`, `trials_ongoing`'),
});

/** One study, as validated. Arrays are always present (empty when the file leaves them out). */
export type StudyFacts = z.infer<typeof StudyFacts>;
export type StudyFactsInput = z.input<typeof StudyFacts>;
export type Citation = z.infer<typeof Citation>;
export type Intervention = z.infer<typeof Intervention>;
export type Population = z.infer<typeof Population>;
export type ConditionGroup = z.infer<typeof ConditionGroup>;
export type FollowUp = z.infer<typeof FollowUp>;
export type Outcome = z.infer<typeof Outcome>;
export type Measurement = z.infer<typeof Measurement>;
export type SafetyEvent = z.infer<typeof SafetyEvent>;
export type MedicationChange = z.infer<typeof MedicationChange>;
export type Quote = z.infer<typeof Quote>;
export type SourceText = z.infer<typeof SourceText>;
export type FactSource = z.infer<typeof FactSource>;
export type TimeUnit = z.infer<typeof TimeUnit>;
