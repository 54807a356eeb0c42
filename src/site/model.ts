/**
 * Pages in, a checked site plan out: which studies there are, where each page lives.
 *
 *   4 studies × [en, de, zh] × [easy, standard, expert] pages → 4 SiteStudy entries, each with 9 pages;
 *   studyFile('de', 'mueller-2024', 'easy') → 'de/mueller-2024/easy.html'
 *   studyUrl(site, 'de', 'mueller-2024', 'standard') → 'de/mueller-2024/' (the folder's index.html)
 *
 * The site links every study to every language and level, so a missing page would be a broken
 * link: the plan refuses incomplete input instead of writing a site with holes.
 */
import type { StudyFacts } from '../facts/index.js';
import type { LanguageInfo, TranslateOptions, Translator } from '../i18n/index.js';
import { normalizeBaseUrl, SiteInputError, type SitePath } from './urls.js';

export interface SitePage {
  /** Validated facts of the study. */
  facts: StudyFacts;
  /** Language code: `en`, `de`, `zh`. */
  lang: string;
  /** Reading level: `easy`, `standard`, `expert`. */
  level: string;
  /** Plain-text title of the summary (not escaped). */
  title: string;
  /** The summary rendered by markdown-it: a safe HTML fragment that starts with `<h1>`. */
  bodyHtml: string;
}

export interface SiteOptions {
  /** In the order of the language switcher. */
  languages: LanguageInfo[];
  /** In the order of the level switcher. */
  levels: string[];
  /** One translator per language code; every word on a page comes from its `site` namespace. */
  translators: Record<string, Translator>;
  /** Absolute URL of the site root, e.g. `https://example.org/laysum/`. */
  baseUrl: string;
  /** The language whose page is `x-default` for a study. */
  defaultLang: string;
  /**
   * The languages whose study pages are made (default: all). An incremental build makes only the
   * languages whose locale changed; the pages still link every language (switcher, hreflang),
   * whose words come from `languages.json`, not from the other locales.
   */
  pageLanguages?: string[];
}

/**
 * What the index pages (homes, sitemap) know of a study: enough to list and link it. A batch build
 * keeps only these, never the pages, and `laysum site --merge` reads them from each shard's output.
 */
export interface SiteEntry {
  id: string;
  /** Condition keys, in the order of the facts, each once. */
  conditions: string[];
  /** Publication year. */
  year: number;
  /** Plain-text title per language, of the index-level summary. */
  titles: Record<string, string>;
}

export interface SiteStudy {
  id: string;
  facts: StudyFacts;
  /** Page per `lang/level`. */
  pages: Map<string, SitePage>;
}

/** Options checked and normalised, and the studies sorted by id. */
export interface SitePlan {
  baseUrl: string;
  languages: LanguageInfo[];
  levels: string[];
  translators: Record<string, Translator>;
  defaultLang: LanguageInfo;
  /** The languages whose study pages are made (see SiteOptions). */
  pageLanguages: LanguageInfo[];
  /** The level a study folder's `index.html` shows: `standard`, or the first level without it. */
  indexLevel: string;
  studies: SiteStudy[];
  /** The studies as the index pages list them. */
  entries: SiteEntry[];
}

export const INDEX_LEVEL = 'standard';

export const studyKey = (lang: string, level: string) => `${lang}/${level}`;
/** The locale key of a level's name on the site (switcher, titles, the homes' intro): one per level the project has. */
export const levelNameKey = (level: string) => `site:levels.${level}`;

/**
 * Every other word of the site: the keys of the `site` namespace its pages say, whatever the
 * project's levels. The pages ask for them through siteText, typed by this list, so it is the one
 * list of what every language must have (missingSiteKeys checks it before any study is rendered).
 */
export const SITE_KEYS = ['name', 'chooseLanguage', 'skipLink', 'nav.language', 'nav.level', 'nav.conditions', 'home.heading', 'home.documentTitle', 'home.intro', 'home.conditions', 'home.published', 'home.studyCount', 'nav.pages', 'pages.heading', 'pages.range', 'pages.number', 'pages.previous', 'pages.next', 'study.documentTitle', 'study.back', 'footer.generated', 'footer.advice'] as const;
export type SiteKey = (typeof SITE_KEYS)[number];
export const siteKey = (key: SiteKey) => `site:${key}`;
/** A word of the site in the translator's language. */
export const siteText = (tr: Translator, key: SiteKey, options?: TranslateOptions) => tr.t(siteKey(key), options);
export const homeFile = (lang: string) => `${lang}/index.html`;
export const studyFile = (lang: string, id: string, level: string) => `${lang}/${id}/${level}.html`;
export const studyIndexFile = (lang: string, id: string) => `${lang}/${id}/index.html`;
/**
 * Page `page` (from 1) of a condition's list on a large site (see home.ts): beside the home, where
 * no study folder can be (a study id has no dot). The first page keeps the name it had before lists
 * were paged, so links to it stay valid; a later one adds its number, which no other condition's
 * name can end in (a condition key has no `-`).
 */
export const conditionFile = (lang: string, key: string, page = 1) => (page === 1 ? `${lang}/condition-${key}.html` : `${lang}/condition-${key}-${page}.html`);

/** The canonical URL of a study page: the study folder for the index level, else the level's file. */
export function studyUrl(plan: SitePlan, lang: string, id: string, level: string): SitePath {
  return level === plan.indexLevel ? `${lang}/${id}/` : studyFile(lang, id, level);
}

function unique(what: string, values: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new SiteInputError(`${what} \`${v}\` is given twice`);
    seen.add(v);
  }
  if (values.length === 0) throw new SiteInputError(`no ${what}s given`);
}

export function planSite(pages: readonly SitePage[], options: SiteOptions): SitePlan {
  const codes = options.languages.map((l) => l.code);
  unique('language', codes);
  unique('level', options.levels);
  for (const code of codes) {
    if (!options.translators[code]) throw new SiteInputError(`no translator for language \`${code}\``);
  }
  const defaultLang = options.languages.find((l) => l.code === options.defaultLang);
  if (!defaultLang) throw new SiteInputError(`default language \`${options.defaultLang}\` is not one of the site's languages (${codes.join(', ')})`);

  const pageLanguages = options.pageLanguages ? options.languages.filter((l) => options.pageLanguages!.includes(l.code)) : options.languages;
  const pageCodes = pageLanguages.map((l) => l.code);
  const byId = new Map<string, SiteStudy>();
  for (const page of pages) {
    const where = `${page.facts.id} ${page.lang} ${page.level}`;
    if (!pageCodes.includes(page.lang)) throw new SiteInputError(`page ${where}: language \`${page.lang}\` is not one of the site's languages (${pageCodes.join(', ')})`);
    if (!options.levels.includes(page.level)) throw new SiteInputError(`page ${where}: level \`${page.level}\` is not one of the site's levels (${options.levels.join(', ')})`);
    // The summary's own <h1> is the page's only one: the frame adds none.
    if (!/^\s*<h1[\s>]/.test(page.bodyHtml)) throw new SiteInputError(`page ${where}: the summary HTML must start with its <h1>`);
    let study = byId.get(page.facts.id);
    if (!study) byId.set(page.facts.id, (study = { id: page.facts.id, facts: page.facts, pages: new Map() }));
    const key = studyKey(page.lang, page.level);
    if (study.pages.has(key)) throw new SiteInputError(`page ${where} is given twice`);
    study.pages.set(key, page);
  }
  const studies = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const study of studies) {
    const missing = pageCodes.flatMap((lang) => options.levels.filter((level) => !study.pages.has(studyKey(lang, level))).map((level) => studyKey(lang, level)));
    if (missing.length > 0) throw new SiteInputError(`study ${study.id} has no page for ${missing.join(', ')}; the site links every study in every language and level`);
  }
  const indexLevel = options.levels.includes(INDEX_LEVEL) ? INDEX_LEVEL : options.levels[0]!;
  return {
    baseUrl: normalizeBaseUrl(options.baseUrl),
    languages: options.languages,
    levels: options.levels,
    translators: options.translators,
    defaultLang,
    pageLanguages,
    indexLevel,
    studies,
    entries: studies.map((study) => siteEntry(study, pageCodes, indexLevel)),
  };
}

export function siteEntry(study: SiteStudy, langs: readonly string[], indexLevel: string): SiteEntry {
  return {
    id: study.id,
    conditions: [...new Set(study.facts.population.groups.map((g) => g.condition))],
    year: study.facts.citation.year,
    titles: Object.fromEntries(langs.map((lang) => [lang, pageOf(study, lang, indexLevel).title])),
  };
}

/** The page of a study in a language and level (the plan guarantees it exists). */
export function pageOf(study: SiteStudy, lang: string, level: string): SitePage {
  const page = study.pages.get(studyKey(lang, level));
  if (!page) throw new SiteInputError(`study ${study.id} has no page for ${studyKey(lang, level)}`);
  return page;
}

export function translator(plan: SitePlan, lang: string): Translator {
  return plan.translators[lang]!;
}
