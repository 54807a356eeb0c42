/**
 * The outreach site: checked summaries → a static website, as a list of files.
 *
 *   buildSite(4 studies × 3 languages × 3 levels of SitePage, { baseUrl: 'https://example.org/laysum/', … })
 *   → [{ path: 'assets/site.css' }, { path: 'de/index.html' }, { path: 'de/mueller-2024/easy.html' },
 *      { path: 'de/mueller-2024/index.html' }, …, { path: 'index.html' }, { path: 'robots.txt' }, { path: 'sitemap.xml' }]
 *
 * Pure: no files are read or written here (the caller hands the result to `writeOutputs`), and
 * the same input gives the same bytes, sorted by path. Pages link to each other and to the
 * stylesheet with relative links, so the site works under any subpath and from file://; the
 * only absolute URLs are the canonical and hreflang links search engines need. No scripts,
 * fonts or anything else from another host.
 */
import type { Translator } from '../i18n/index.js';
import { wholeFile, type OutputFile, type StreamedFile } from '../outputs/index.js';
import { SITE_CSS } from './css.js';
import { homePageEntries, homePages } from './home.js';
import { STYLESHEET_PATH } from './layout.js';
import { levelNameKey, planSite, SITE_KEYS, siteKey, type SiteEntry, type SitePage, type SiteOptions } from './model.js';
import { mergedInUrlOrder, robotsTxt, ROBOTS_FILE, sitemapFiles } from './sitemap.js';
import { studyPageEntriesInUrlOrder, studyPages } from './study.js';
import { byCodeUnits, SiteInputError } from './urls.js';

export { planSite, SITE_KEYS, type SiteEntry, type SitePage, type SiteOptions, type SitePlan, type SiteStudy } from './model.js';
export { SiteInputError, normalizeBaseUrl, relativeHref, type Alternate, type PageEntry } from './urls.js';
export { PALETTE, CONTRAST_PAIRS, SITE_CSS, type PaletteColour } from './css.js';
export { groupByCondition, conditionPageCount, HOME_LISTS_STUDIES_UP_TO, STUDIES_PER_CONDITION_PAGE } from './home.js';
export { sitePage } from './page.js';

export function buildSite(pages: SitePage[], options: SiteOptions): OutputFile[] {
  const plan = planSite(pages, options);
  const files = [...[...siteIndexFiles(plan.entries, options)].map(wholeFile), ...plan.studies.flatMap((study) => studyPages(plan, study).files)];
  return sortedUnique(files);
}

/**
 * The pages of one study (every language × level), and what the index pages need to list it.
 * A batch build makes these study by study, in parallel, and keeps only the entry.
 */
export function siteStudyFiles(pages: SitePage[], options: SiteOptions): { files: OutputFile[]; entry: SiteEntry } {
  const plan = planSite(pages, options);
  const study = plan.studies[0];
  if (!study || plan.studies.length > 1) throw new SiteInputError(`expected the pages of one study, got ${plan.studies.length}`);
  return { files: sortedUnique(studyPages(plan, study).files), entry: plan.entries[0]! };
}

/**
 * The site's words a language lacks: every key of SITE_KEYS, and the name of each level built (the
 * one wording that depends on the project's levels, `level` set). Found before any study is
 * rendered, and in every language, where a study's pages stop at the first gap of the first one.
 */
export function missingSiteKeys(translators: Readonly<Record<string, Translator>>, levels: readonly string[]): { lang: string; key: string; level?: string }[] {
  const wanted = [...SITE_KEYS.map((key) => ({ key: siteKey(key) })), ...levels.map((level) => ({ key: levelNameKey(level), level }))];
  // A count's sentence is there in its plural forms (`home.studyCount_other`; every language has `other`).
  const has = (tr: Translator, key: string) => tr.has(key) || tr.has(`${key}_other`);
  return Object.entries(translators).flatMap(([lang, tr]) => wanted.filter(({ key }) => !has(tr, key)).map((gap) => ({ lang, ...gap })));
}

/**
 * The index pages of a site: stylesheet, robots.txt, the root chooser, the language homes (and
 * condition pages), sitemap.xml. Made one at a time, as the writer takes them, the sitemap in
 * pieces: all at once, 10,000 studies' index pages were 70 MB of text, most of what a site build
 * held at its end. The same bytes in any order the entries come; the files come in no set order.
 */
export function* siteIndexFiles(entries: readonly SiteEntry[], options: SiteOptions): Generator<OutputFile | StreamedFile> {
  const plan = planSite([], options);
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new SiteInputError(`study \`${sorted[i]!.id}\` is listed twice`);
  }
  yield { path: STYLESHEET_PATH, content: SITE_CSS };
  yield { path: ROBOTS_FILE, content: robotsTxt(plan.baseUrl) };
  yield* homePages(plan, sorted);
  const indexPages = homePageEntries(plan, sorted).sort((a, b) => byCodeUnits(a.url, b.url));
  const ids = sorted.map((entry) => entry.id);
  yield* sitemapFiles(plan.baseUrl, () => mergedInUrlOrder(indexPages, studyPageEntriesInUrlOrder(plan, ids)));
}

function sortedUnique(files: OutputFile[]): OutputFile[] {
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < files.length; i++) {
    // A level named `index` would overwrite the study folder's index.html: refuse rather than lose a page.
    if (files[i]!.path === files[i - 1]!.path) throw new SiteInputError(`two site files at ${files[i]!.path}`);
  }
  return files;
}
