/**
 * The project's own data: languages, locale files and level templates.
 *
 * Levels are the `templates/<level>.hbs` files and languages are the entries of
 * `locales/languages.json`, so adding either is a data change, not a code change.
 * This module reads files (it is an edge); everything it returns is plain data.
 */
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseKeys, EVENT_KINDS, placeholderGaps, type LanguageInfo, type LocaleResources } from '../i18n/index.js';
import { ConfigError, diagnostic, readErrorReason, type Diagnostic, type Place } from '../diagnostics/index.js';
import { describeJsonError, lazyLocator, type Locator } from '../facts/index.js';
import { bandFor, BandsError, parseBands, type Bands } from '../checks/readability/index.js';
import { LanguagesError, parseLanguages } from './languages.js';

/** Where laysum's own templates/ and locales/ live (the package root). */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export type ReadingLevel = string;

export interface ProjectData {
  root: string;
  languages: Record<string, LanguageInfo>;
  /** Locale resources per language code. */
  locales: Record<string, LocaleResources>;
  /** Template source per level, in a stable order (easy, standard, expert first). */
  templates: Record<ReadingLevel, string>;
  partials: Record<string, string>;
  /** Templates of the publishable formats (templates/formats/<name>.hbs: leaflet, press). */
  formats: Record<string, string>;
  levels: ReadingLevel[];
  /** Readability bands per level and language (templates/bands.json). */
  bands: Bands;
  /** Locale problems found at load: keys present in one language and missing in another. */
  diagnostics: Diagnostic[];
}

const LEVEL_ORDER = ['easy', 'standard', 'expert'];

/** A project file (locale, template, bands) that cannot be read or used: bad configuration, exit 2, one diagnostic per problem. */
export class ProjectConfigError extends ConfigError {
  override name = 'ProjectConfigError';
}

/** One problem of a project file: bad input (exit 2), at `place` in `file`. */
export function projectProblem(ruleId: string, file: string, message: string, place: Omit<Place, 'file'> = {}): Diagnostic {
  return diagnostic({ ruleId, kind: 'input', severity: 'error', message, place: { file, ...place } });
}

/** Reads a project file or folder: one that cannot be read (a folder without locales/) is bad configuration too, said in words. */
function readOrFail<T>(path: string, read: (path: string) => T): T {
  try {
    return read(path);
  } catch (error) {
    throw new ProjectConfigError([projectProblem('input/read', path, `cannot read: ${readErrorReason(error)}`)]);
  }
}

/** A JSON project file's data, and where its fields are (for the messages about them). */
function readJson(path: string): { json: unknown; locate: Locator } {
  const text = readOrFail(path, (p) => readFileSync(p, 'utf8'));
  try {
    return { json: JSON.parse(text), locate: lazyLocator(text) };
  } catch (error) {
    const { message, position } = describeJsonError(text, error);
    throw new ProjectConfigError([projectProblem('project/json', path, `invalid JSON: ${message}`, position ?? {})]);
  }
}

/** The problems a validator found in a JSON project file, one diagnostic each, at the field's line and column. */
/** A validator's complaint about a field of a project file: its path as shown, its keys as in the file. */
interface FieldIssue {
  path: string;
  keys: PropertyKey[];
  message: string;
}

function fieldProblems(ruleId: string, path: string, locate: Locator, issues: readonly FieldIssue[]): ProjectConfigError {
  return new ProjectConfigError(issues.map((issue) => projectProblem(ruleId, path, issue.message, { ...locate(issue.keys), ...(issue.path ? { path: issue.path } : {}) })));
}

/** Collects the problems of every project file, so one run names them all (a bad languages.json and a bad bands.json alike). */
class ProblemList {
  readonly diagnostics: Diagnostic[] = [];

  /** Runs `read`; a ProjectConfigError it throws is kept and gives undefined. */
  attempt<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ProjectConfigError)) throw error;
      this.diagnostics.push(...error.diagnostics);
      return undefined;
    }
  }
}

function hbsFiles(dir: string, problems: ProblemList): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of problems.attempt(() => readOrFail(dir, (d) => readdirSync(d)).sort()) ?? []) {
    if (!name.endsWith('.hbs')) continue;
    const path = join(dir, name);
    const source = problems.attempt(() => {
      const text = readOrFail(path, (p) => readFileSync(p, 'utf8'));
      checkTemplateSyntax(path, text);
      return text;
    });
    if (source !== undefined) out[basename(name, '.hbs')] = source;
  }
  return out;
}

/**
 * A template that does not parse is bad configuration, found when the project loads (Handlebars
 * itself parses on first use, once per study and language): one line with the file and line.
 */
function checkTemplateSyntax(path: string, source: string): void {
  try {
    Handlebars.parse(source);
  } catch (error) {
    const e = error as Error & { lineNumber?: number };
    const parse = /^Parse error on line (\d+):\n[^\n]*\n[^\n]*\n(.*)$/s.exec(e.message);
    const line = parse ? Number(parse[1]) : e.lineNumber;
    const what = parse ? parse[2]!.replace(/\s+/g, ' ') : e.message.replace(/ - \d+:\d+$/, '');
    throw new ProjectConfigError([projectProblem('project/template', path, `the template does not parse: ${what}`, line ? { line } : {})]);
  }
}

/** Every base key of the reference language must exist in every other language. */
/**
 * A translation that leaves out a number placeholder English states (placeholderGaps): without its
 * number a sentence can say something false that no check of the output can see, for every number
 * left in it is a fact ("15 Menschen hatten …" where 1 of 15 had it).
 */
export function checkNumberPlaceholders(locales: Record<string, LocaleResources>, reference = 'en'): Diagnostic[] {
  return placeholderGaps(locales, reference).map((gap) => {
    const [ns] = gap.key.split(':');
    const missing = gap.missing.map((v) => `{{${v}}}`).join(', ');
    return diagnostic({
      ruleId: 'locale/number-placeholder',
      kind: 'check',
      severity: 'error',
      message: `locale key \`${gap.key}\` in language \`${gap.lang}\` leaves out ${missing}, which \`${reference}\` states (\`${gap.reference}\`); expected every number the sentence is given`,
      place: { file: `locales/${gap.lang}/${ns}.json`, lang: gap.lang, path: gap.key },
    });
  });
}

/** Words of two letters or more a text says besides its `{{placeholders}}`. */
const wordsOf = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}{2,}/gu) ?? [];

/** A text of at least this many words, the same in a language as in the reference, was left untranslated. */
const UNTRANSLATED_FROM_WORDS = 3;

/**
 * A sentence another language took over from the reference word for word ("All of them were
 * women." in German): too short for the language check of the output to judge, it would reach
 * readers in the wrong language. Names, abbreviations and settings the languages share ("SLE",
 * "Sponsor", "et al.", "clinical") are shorter.
 */
export function checkUntranslated(locales: Record<string, LocaleResources>, reference = 'en'): Diagnostic[] {
  const ref = locales[reference];
  if (!ref) return [];
  const out: Diagnostic[] = [];
  const walk = (lang: string, ns: string, node: unknown, refNode: unknown, path: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const refTree = (refNode ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(node)) walk(lang, ns, value, refTree[key], path ? `${path}.${key}` : key);
    } else if (typeof node === 'string' && node === refNode && wordsOf(node).length >= UNTRANSLATED_FROM_WORDS) {
      out.push(
        diagnostic({
          ruleId: 'locale/untranslated',
          kind: 'check',
          severity: 'error',
          message: `locale key \`${ns}:${path}\` in language \`${lang}\` is the same as in \`${reference}\` (“${node}”); expected a translation`,
          place: { file: `locales/${lang}/${ns}.json`, lang, path: `${ns}:${path}` },
        }),
      );
    }
  };
  for (const [lang, resources] of Object.entries(locales)) {
    if (lang === reference) continue;
    for (const [ns, tree] of Object.entries(resources)) walk(lang, ns, tree, ref[ns], '');
  }
  return out;
}

/** Every check of a project's locales and bands: loadProject runs them, and so may a caller that changed a loaded project. */
export function checkProjectData(project: Pick<ProjectData, 'languages' | 'locales' | 'levels' | 'bands'>): Diagnostic[] {
  const { languages, locales, levels, bands } = project;
  return [
    ...checkLocaleParity(locales),
    ...checkNumberPlaceholders(locales),
    ...checkUntranslated(locales),
    ...checkCaseForms(locales, levels),
    ...checkLocaleSettings(locales),
    ...checkEventKinds(locales),
    ...checkLocaleValues(locales),
    ...checkBandCoverage(bands, levels, Object.keys(languages)),
  ];
}

export function checkLocaleParity(locales: Record<string, LocaleResources>, reference = 'en'): Diagnostic[] {
  const ref = locales[reference];
  if (!ref) return [];
  const refKeys = baseKeys(ref);
  const out: Diagnostic[] = [];
  for (const [lang, resources] of Object.entries(locales)) {
    if (lang === reference) continue;
    const have = baseKeys(resources);
    for (const key of refKeys) {
      if (have.has(key)) continue;
      const [ns] = key.split(':');
      out.push(
        diagnostic({
          ruleId: 'locale/missing-key',
          kind: 'check',
          severity: 'error',
          message: `missing locale key \`${key}\` in language \`${lang}\` (present in \`${reference}\`)`,
          place: { file: `locales/${lang}/${ns}.json`, lang, path: key },
        }),
      );
    }
  }
  return out;
}

/** The grammatical cases a term name may have a form for (see termName in src/render). */
const CASES = ['dative', 'negated'];

/**
 * A term's case form (`lay_dative`) stands in for its name at every level, so where the name has a
 * level variant (`lay_easy`) the case form needs one too (`lay_dative_easy`): else an easy summary
 * would say the standard name, inflected, after a preposition and the easy name everywhere else.
 */
/** What a locale value is, for a message: the JSON type's name. */
const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

/** Every locale value is text (i18next would otherwise return a list or object as is, or report a number as a missing key). */
export function checkLocaleValues(locales: Record<string, LocaleResources>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (lang: string, ns: string, node: unknown, path: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) walk(lang, ns, value, path ? `${path}.${key}` : key);
    } else if (typeof node !== 'string') {
      out.push(
        diagnostic({
          ruleId: 'locale/value',
          kind: 'check',
          severity: 'error',
          message: `locale key \`${ns}:${path}\` in language \`${lang}\` is ${jsonType(node)}; expected text`,
          place: { file: `locales/${lang}/${ns}.json`, lang, path },
        }),
      );
    }
  };
  for (const [lang, resources] of Object.entries(locales)) for (const [ns, tree] of Object.entries(resources)) walk(lang, ns, tree, '');
  return out;
}

/** The `Intl.ListFormat` styles `format.clauseList` may name (see Translator.formatClauses). */
export const CLAUSE_LIST_STYLES = ['long', 'short', 'narrow'] as const;

/**
 * Settings a locale gives as text must be ones laysum knows: `format.clauseList` an Intl.ListFormat
 * style, `<level>.safety.gradesPerSentence` a whole number.
 */
export function checkLocaleSettings(locales: Record<string, LocaleResources>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fail = (lang: string, path: string, message: string) =>
    out.push(diagnostic({ ruleId: 'locale/setting', kind: 'check', severity: 'error', message, place: { file: `locales/${lang}/summary.json`, lang, path } }));
  for (const [lang, resources] of Object.entries(locales)) {
    const summary = (resources.summary ?? {}) as Record<string, { clauseList?: unknown; safety?: { gradesPerSentence?: unknown } } | null | undefined>;
    const style = summary.format?.clauseList;
    if (style !== undefined && !(CLAUSE_LIST_STYLES as readonly unknown[]).includes(style)) {
      fail(lang, 'format.clauseList', `\`format.clauseList\` is \`${String(style)}\` in language \`${lang}\`; expected ${CLAUSE_LIST_STYLES.join(', ')}`);
    }
    // How many grades one sentence of a level lists at most (render/model gradeSentence).
    for (const [level, sentences] of Object.entries(summary)) {
      const limit = sentences?.safety?.gradesPerSentence;
      if (limit === undefined || (typeof limit === 'string' && /^[1-9]\d*$/.test(limit))) continue;
      fail(lang, `${level}.safety.gradesPerSentence`, `\`${level}.safety.gradesPerSentence\` is \`${String(limit)}\` in language \`${lang}\`; expected a whole number of at least 1, as text ("3")`);
    }
  }
  return out;
}

/**
 * Every side effect (`events.*` in terms.json) has a kind, which chooses how its severity is
 * worded (EVENT_KINDS, render/model gradeSentence): one laysum knows, and the same in every
 * language, since it is a fact about the event, not a choice of words (the reference language's
 * is the one the others must match).
 */
export function checkEventKinds(locales: Record<string, LocaleResources>, reference = 'en'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const eventsOf = (resources: LocaleResources | undefined) => ((resources?.terms ?? {}) as { events?: Record<string, { kind?: unknown } | null> }).events ?? {};
  const referenceEvents = eventsOf(locales[reference]);
  for (const [lang, resources] of Object.entries(locales)) {
    for (const [event, term] of Object.entries(eventsOf(resources))) {
      if (term === null || typeof term !== 'object') continue;
      const path = `events.${event}.kind`;
      const fail = (message: string) =>
        out.push(diagnostic({ ruleId: 'locale/event-kind', kind: 'check', severity: 'error', message, place: { file: `locales/${lang}/terms.json`, lang, path } }));
      const kind = term.kind;
      const expected = referenceEvents[event]?.kind;
      if (kind === undefined) {
        // Where the reference language names the kind, the parity check reports the gap already.
        if (lang !== reference && expected !== undefined) continue;
        fail(`missing locale key \`terms:${path}\` in language \`${lang}\`: every side effect names its kind (${EVENT_KINDS.join(', ')})`);
        continue;
      }
      if (!(EVENT_KINDS as readonly unknown[]).includes(kind)) {
        fail(`\`terms:${path}\` is \`${String(kind)}\` in language \`${lang}\`; expected ${EVENT_KINDS.join(', ')}`);
        continue;
      }
      if (lang !== reference && typeof expected === 'string' && expected !== kind) {
        fail(`\`terms:${path}\` is \`${String(kind)}\` in language \`${lang}\` but \`${expected}\` in \`${reference}\`; a side effect is the same kind in every language`);
      }
    }
  }
  return out;
}

export function checkCaseForms(locales: Record<string, LocaleResources>, levels: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [lang, resources] of Object.entries(locales)) {
    for (const [namespace, entries] of Object.entries((resources.terms ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [key, term] of Object.entries(entries)) {
        if (term === null || typeof term !== 'object') continue;
        for (const grammaticalCase of CASES) {
          for (const field of Object.keys(term)) {
            if (!field.endsWith(`_${grammaticalCase}`)) continue;
            const name = field.slice(0, -grammaticalCase.length - 1);
            for (const level of levels) {
              if (!(`${name}_${level}` in term) || `${field}_${level}` in term) continue;
              const path = `terms:${namespace}.${key}.${field}_${level}`;
              out.push(
                diagnostic({
                  ruleId: 'locale/missing-key',
                  kind: 'check',
                  severity: 'error',
                  message: `missing locale key \`${path}\` in language \`${lang}\`: \`${name}_${level}\` has a level variant, so its ${grammaticalCase} form \`${field}\` needs one too`,
                  place: { file: `locales/${lang}/terms.json`, lang, path },
                }),
              );
            }
          }
        }
      }
    }
  }
  return out;
}

/**
 * Every level × language has its readability band in templates/bands.json, or says it has none
 * (`{}` or `null` for the language, as `expert` does, or for the whole level). One left out — a level or language added without a band, a
 * level name misspelt — is measured and reported, not limited: a warning says so, not silence.
 */
export function checkBandCoverage(bands: Bands, levels: readonly string[], langs: readonly string[]): Diagnostic[] {
  return levels.flatMap((level) =>
    langs
      // A level given as null or {} says "no limits" for every language.
      .filter((lang) => !(level in bands && Object.keys(bands[level]!).length === 0) && bandFor(bands, level, lang) === undefined)
      .map((lang) =>
        diagnostic({
          ruleId: 'readability/no-band',
          kind: 'check',
          severity: 'warning',
          message: `no readability band for level \`${level}\` in language \`${lang}\`: its summaries are measured and reported, not limited; add \`"${level}": { "${lang}": { … } }\` (\`{}\` for no limits)`,
          place: { file: 'templates/bands.json', lang, level },
        }),
      ),
  );
}

/** A JSON project file read and validated by `parse`; the issues of its `Invalid` error become one problem each, at its field. */
function readValidatedJson<T>(path: string, ruleId: string, parse: (json: unknown) => T, Invalid: abstract new (...args: never[]) => { issues: readonly FieldIssue[] }): T {
  const { json, locate } = readJson(path);
  try {
    return parse(json);
  } catch (error) {
    throw error instanceof Invalid ? fieldProblems(ruleId, path, locate, error.issues) : error;
  }
}

export function loadProject(root: string = PACKAGE_ROOT): ProjectData {
  const problems = new ProblemList();
  const languagesPath = join(root, 'locales', 'languages.json');
  const languages = problems.attempt(() => readValidatedJson(languagesPath, 'project/languages', parseLanguages, LanguagesError));
  // Without languages.json no locale folder is known to be needed: those are read once it is right.
  const locales: Record<string, LocaleResources> = {};
  for (const code of Object.keys(languages ?? {})) {
    const dir = join(root, 'locales', code);
    if (!existsSync(dir)) {
      problems.diagnostics.push(projectProblem('project/languages', dir, `no such folder; ${languagesPath} lists \`${code}\`, so its wording must be there`));
      continue;
    }
    const resources: LocaleResources = {};
    for (const name of problems.attempt(() => readOrFail(dir, (d) => readdirSync(d)).sort()) ?? []) {
      if (!name.endsWith('.json')) continue;
      const json = problems.attempt(() => readJson(join(dir, name)).json);
      if (json !== undefined) resources[basename(name, '.json')] = json as Record<string, unknown>;
    }
    locales[code] = resources;
  }
  const templates = hbsFiles(join(root, 'templates'), problems);
  const partials = hbsFiles(join(root, 'templates', 'partials'), problems);
  const formats = hbsFiles(join(root, 'templates', 'formats'), problems);
  const levels = Object.keys(templates).sort((a, b) => {
    const ia = LEVEL_ORDER.indexOf(a);
    const ib = LEVEL_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  const bandsPath = join(root, 'templates', 'bands.json');
  const bands = problems.attempt(() => readValidatedJson(bandsPath, 'project/bands', parseBands, BandsError));
  if (problems.diagnostics.length || !languages || !bands) throw new ProjectConfigError(problems.diagnostics);
  return { root, languages, locales, templates, partials, formats, levels, bands, diagnostics: checkProjectData({ languages, locales, levels, bands }) };
}
