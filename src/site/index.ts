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
import type { OutputFile } from '../outputs/index.js';
import { SITE_CSS } from './css.js';
import { homePages } from './home.js';
import { STYLESHEET_PATH } from './layout.js';
import { planSite, type SitePage, type SiteOptions } from './model.js';
import { robotsTxt, ROBOTS_FILE, sitemapXml, SITEMAP_FILE } from './sitemap.js';
import { studyPages } from './study.js';
import { SiteInputError } from './urls.js';

export { planSite, type SitePage, type SiteOptions, type SitePlan, type SiteStudy } from './model.js';
export { SiteInputError, normalizeBaseUrl, relativeHref, type Alternate, type PageEntry } from './urls.js';
export { PALETTE, CONTRAST_PAIRS, SITE_CSS, type PaletteColour } from './css.js';
export { groupByCondition } from './home.js';
export { sitePage } from './page.js';

export function buildSite(pages: SitePage[], options: SiteOptions): OutputFile[] {
  const plan = planSite(pages, options);
  const homes = homePages(plan);
  const studies = plan.studies.map((study) => studyPages(plan, study));
  const entries = [...homes.entries, ...studies.flatMap((s) => s.entries)];
  const files: OutputFile[] = [
    { path: STYLESHEET_PATH, content: SITE_CSS },
    { path: ROBOTS_FILE, content: robotsTxt(plan.baseUrl) },
    { path: SITEMAP_FILE, content: sitemapXml(plan.baseUrl, entries) },
    ...homes.files,
    ...studies.flatMap((s) => s.files),
  ];
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < files.length; i++) {
    // A level named `index` would overwrite the study folder's index.html: refuse rather than lose a page.
    if (files[i]!.path === files[i - 1]!.path) throw new SiteInputError(`two site files at ${files[i]!.path}`);
  }
  return files;
}
