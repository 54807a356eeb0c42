/**
 * Render stage: (facts, language, level) → Markdown.
 *
 * Handlebars holds the structure of each reading level (`templates/<level>.hbs`, shared by
 * all languages); every word comes from the locale through the `t` and `term` helpers.
 * Templates are compiled once per renderer. Text from facts files is data in the model,
 * never compiled as a template.
 */
import Handlebars from 'handlebars';
import type { StudyFacts } from '../facts/index.js';
import type { DerivedFacts } from '../derive/index.js';
import { shownValue, type Translator } from '../i18n/index.js';
import type { ReadingLevel } from '../project/index.js';
import { buildSummaryModel, countContext, gradeSentence, GRAMMATICAL_CASES, termHeadword, termName, type GrammaticalCase, type SafetyEvent, type SummaryModel } from './model.js';
import type { PressConfig } from '../outputs/press.js';

export { buildSummaryModel, countContext, countryPlaces, countryWords, gradeSentence, safetyEvents, studyView, studySizeOf, termHeadword, termName, withFullStop, SMALL_STUDY_UP_TO, type StudySize, type CountContext, type SafetyEvent, type StudyView, type SummaryModel, type SummaryOutcome, type GlossaryEntry } from './model.js';
export { escapeMarkdown, escapeUrlPath } from './escape.js';
export { templateProblems, type TemplateEnvironment, type TemplateProblem } from './template-check.js';

export class TemplateError extends Error {
  constructor(
    readonly level: string,
    message: string,
  ) {
    super(`templates/${level}.hbs: ${message}`);
    this.name = 'TemplateError';
  }
}

/**
 * A Handlebars error while rendering, as a message: where in the template (`137:3`) and what went
 * wrong in the template's terms. Strict mode reports a name that is neither a field nor a helper
 * as `"x" not defined in [object Object] - 137:2`.
 */
export function describeTemplateError(error: unknown): { at?: string; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  const located = /^([\s\S]*?) - (\d+):(\d+)$/.exec(text);
  // Handlebars counts columns from 0; editors, and templateProblems, from 1.
  const at = located ? `${located[2]}:${Number(located[3]) + 1}` : undefined;
  const what = located ? located[1]! : text;
  const undefinedName = /^"(.+)" not defined in /.exec(what);
  const missingHelper = /^Missing helper: "(.+)"$/.exec(what);
  const message = undefinedName
    ? `\`${undefinedName[1]}\` is neither a value the template is given here nor a helper`
    : missingHelper
      ? `\`${missingHelper[1]}\` is not a helper`
      : what;
  return at ? { at, message } : { message };
}

export interface RenderData {
  tr: Translator;
  level: ReadingLevel;
  /** Annex V elements the template said (`{{#cover "id"}}` blocks that rendered text). */
  covered: Set<string>;
}

/** A rendered summary and the lay-summary elements it covers. */
export interface RenderedSummary {
  markdown: string;
  covered: Set<string>;
}

type HelperOptions = Handlebars.HelperOptions & { data: { root: SummaryModel; renderData: RenderData } };

function ctx(options: HelperOptions): RenderData {
  return options.data.renderData;
}

/**
 * A helper's translation options: the hash arguments, which must all be defined (a template asking
 * for a missing fact is a bug, not a blank), and the level as i18next context unless the template
 * gives one. Handlebars makes a hash for each call, so it is used as it is, not copied.
 */
function translateOptions(name: string, level: ReadingLevel, hash: Record<string, unknown>): Record<string, unknown> {
  for (const k in hash) {
    const v = hash[k];
    if (v === undefined || v === null) throw new Error(`helper \`${name}\` got no value for \`${k}\``);
  }
  if (!('context' in hash)) hash.context = level;
  return hash;
}

function number(name: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`helper \`${name}\` expected a number, got \`${String(value)}\``);
  return value;
}

/**
 * The template helpers every laysum template uses (`t`, `term`, `headword`, `unit`, `num`,
 * `percent`, `cover`, …). They read the translator and level from `data.renderData`; the
 * leaflet's HTML environment registers the same helpers.
 */
export function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('t', function (key: unknown, options: HelperOptions) {
    if (typeof key !== 'string') throw new Error(`helper \`t\` expected a key, got \`${String(key)}\``);
    const { tr, level } = ctx(options);
    return tr.t(key, translateOptions('t', level, options.hash));
  });
  // {{term "conditions" key}} names a term at the current level; {{term "conditions" key "definition"}} reads a field;
  // {{term "events" key form="negated"}} names it in a form (GrammaticalCase) where the language has one, else as it is.
  hb.registerHelper('term', function (namespace: unknown, key: unknown, ...rest: unknown[]) {
    const options = rest.pop() as HelperOptions;
    const field = rest[0];
    if (typeof namespace !== 'string' || typeof key !== 'string') throw new Error(`helper \`term\` expected a namespace and a key, got \`${String(namespace)}\`, \`${String(key)}\``);
    const { tr, level } = ctx(options);
    const form = options.hash.form;
    if (form !== undefined && !(GRAMMATICAL_CASES as readonly unknown[]).includes(form)) throw new Error(`helper \`term\` expected a form of ${GRAMMATICAL_CASES.join(', ')}, got \`${String(form)}\``);
    if (field === undefined) return termName(tr, level, namespace, key, form as GrammaticalCase | undefined);
    if (typeof field !== 'string') throw new Error('helper `term` expected a field name');
    return tr.t(`terms:${namespace}.${key}.${field}`, translateOptions('term', level, options.hash));
  });
  // Glossary headword: a term's `headword` where the locale has one (no article), else its name.
  hb.registerHelper('headword', function (namespace: unknown, key: unknown, options: HelperOptions) {
    const { tr, level } = ctx(options);
    return termHeadword(tr, level, String(namespace), String(key));
  });
  // The plural form of the number as shown: a median of 0.96 months is shown as "1", so "1 month", not "1 months".
  // A value given with its spread (`spread=sd`) is several values, so plural whatever it shows: "1 ± 0.5 days".
  hb.registerHelper('unit', function (unit: unknown, count: unknown, options: HelperOptions) {
    const shown = shownValue(number('unit', count));
    const spread = options.hash.spread === undefined ? 0 : number('unit', options.hash.spread);
    const { tr } = ctx(options);
    return spread !== 0 ? tr.t(`terms:units.${String(unit)}_other`) : tr.t(`terms:units.${String(unit)}`, { count: shown });
  });
  hb.registerHelper('num', function (value: unknown, options: HelperOptions) {
    return ctx(options).tr.formatNumber(number('num', value));
  });
  // A share of some that rounds to 0 or 100 in the level's words: "under 1%" in lay text, "<1%" in the expert register.
  hb.registerHelper('percent', function (part: unknown, whole: unknown, options: HelperOptions) {
    const { tr, level } = ctx(options);
    return tr.formatPercent(number('percent', part), number('percent', whole), level);
  });
  hb.registerHelper('cover', function (this: unknown, id: unknown, options: HelperOptions) {
    const content = options.fn(this);
    if (NOT_BLANK.test(content)) ctx(options).covered.add(String(id));
    return content;
  });
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // {{#if (or a b)}}: either is non-empty (arrays count by length, as #if does).
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some((a) => (Array.isArray(a) ? a.length > 0 : !!a)));
  hb.registerHelper('roleContext', (role: unknown) => (role ? 'role' : ''));
  hb.registerHelper('countContext', (part: unknown, whole: unknown) => countContext(number('countContext', part), number('countContext', whole)));
  // {{gradeSentence "easy" this}} inside {{#each safetyEvents}}: how severe it was, in that level's words
  // (their i18next context is the kind of side effect, not the level: the level is in the key).
  hb.registerHelper('gradeSentence', function (wording: unknown, event: unknown, options: HelperOptions) {
    return gradeSentence(ctx(options).tr, String(wording), event as SafetyEvent);
  });
}

const NOT_BLANK = /\S/;

export interface RenderOptions {
  /** Render a format template (templates/formats/<name>.hbs, e.g. `press`) at this level instead of the level's own. */
  format?: string;
  press?: PressConfig;
}

export interface SummaryRenderer {
  readonly levels: ReadingLevel[];
  renderSummary(facts: StudyFacts, derived: DerivedFacts, level: ReadingLevel, tr: Translator, options?: RenderOptions): RenderedSummary;
}

export function createRenderer(templates: Record<ReadingLevel, string>, partials: Record<string, string> = {}, formats: Record<string, string> = {}): SummaryRenderer {
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const [name, source] of Object.entries(partials)) hb.registerPartial(name, source);
  const compiled = new Map<ReadingLevel, Handlebars.TemplateDelegate>();
  for (const [level, source] of Object.entries(templates)) {
    // noEscape: the model is Markdown-escaped already; HTML escaping belongs to markdown-it.
    compiled.set(level, hb.compile(source, { strict: true, noEscape: true, knownHelpers: KNOWN_HELPERS }));
  }
  const compiledFormats = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, source] of Object.entries(formats)) {
    if (name !== 'leaflet') compiledFormats.set(name, hb.compile(source, { strict: true, noEscape: true, knownHelpers: KNOWN_HELPERS }));
  }
  return {
    levels: [...compiled.keys()],
    renderSummary(facts, derived, level, tr, options = {}) {
      const template = options.format ? compiledFormats.get(options.format) : compiled.get(level);
      if (!template) throw new TemplateError(options.format ?? level, `no template for ${options.format ? `format \`${options.format}\`` : `level \`${level}\``}`);
      const model = buildSummaryModel(facts, derived, level, tr, options.press);
      const renderData: RenderData = { tr, level, covered: new Set() };
      const markdown = template(model, { data: { renderData } });
      return { markdown: tidyMarkdown(tr.language.script === 'Han' ? closeHanSpacing(markdown) : markdown), covered: renderData.covered };
    },
  };
}

/** Chinese sets no space after full-width punctuation; templates join sentences with one. */
export function closeHanSpacing(markdown: string): string {
  return markdown.replace(/([。！？；：，、）”](?:\*\*)?)[ \t]+(?=\S)/g, '$1');
}

/** A space or tab at a line's end (lines are cut at `\n` only). */
const TRAILING_BLANK = /[ \t](?:\n|$)/;

/** Collapse the blank lines that template conditionals leave behind; end with one newline. */
export function tidyMarkdown(markdown: string): string {
  // Line by line only where a line ends in blanks (a regex over the whole text would be quadratic on long runs of spaces).
  const trimmed = TRAILING_BLANK.test(markdown)
    ? markdown
        .split('\n')
        .map((line) => line.replace(/[ \t]+$/, ''))
        .join('\n')
    : markdown;
  return `${trimmed.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Helpers the compiler may call directly (no lookup in the context first). */
const KNOWN_HELPERS = { t: true, term: true, headword: true, unit: true, num: true, percent: true, cover: true, concat: true, eq: true, or: true, roleContext: true, countContext: true, gradeSentence: true };

/** Handlebars' own fallbacks, not helpers a template calls by name. */
const FALLBACKS = new Set(['helperMissing', 'blockHelperMissing']);

/** The helpers a template may call in `env` (laysum's and Handlebars' own, such as `if` and `each`). */
export function helperNames(env: typeof Handlebars): string[] {
  return Object.keys(env.helpers).filter((name) => !FALLBACKS.has(name));
}

/** The helpers a level or press template may call. */
export function summaryHelperNames(): string[] {
  const hb = Handlebars.create();
  registerHelpers(hb);
  return helperNames(hb);
}
