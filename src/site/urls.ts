/**
 * Where each page lives: file paths, relative links between them and absolute URLs.
 *
 *   relativeHref('en/mueller-2024/standard.html', 'de/mueller-2024/standard.html') → '../../de/mueller-2024/standard.html'
 *   relativeHref('en/index.html', 'assets/site.css')                              → '../assets/site.css'
 *   pageUrl('de/mueller-2024/index.html')                                         → 'de/mueller-2024/'
 *   absoluteUrl('https://example.org/laysum/', 'de/')                             → 'https://example.org/laysum/de/'
 *
 * Links between pages are relative and name the file (`index.html`, not `./`), so the site
 * works under any subpath and straight from the disk (file://), where a folder is not a page.
 * Canonical URLs drop a trailing `index.html`: that is how a web server addresses a folder.
 */
import { posix } from 'node:path';

/** A page's address relative to the site root: `''` (the root), `de/`, `de/mueller-2024/easy.html`. */
export type SitePath = string;

/** One entry of a page's hreflang cluster. */
export interface Alternate {
  /** BCP 47 tag, or `x-default`. */
  hreflang: string;
  /** Site-relative URL of the alternate page. */
  url: SitePath;
}

/** A page as search engines see it: its canonical URL and its translations (for sitemap.xml). */
export interface PageEntry {
  url: SitePath;
  alternates: Alternate[];
}

/** Options or pages that cannot make a site (a bug in the caller, not in the facts). */
export class SiteInputError extends Error {
  override name = 'SiteInputError';
}

/** The site root as an absolute http(s) URL that ends in `/`; a missing final `/` is added. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SiteInputError(`base URL \`${baseUrl}\` is not an absolute URL; expected e.g. https://example.org/laysum/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteInputError(`base URL \`${baseUrl}\` must use http or https`);
  // (A bare `?` or `#` leaves search and hash empty but stays in the URL, and would end every page's path.)
  if (url.search || url.hash || url.href.includes('?') || url.href.includes('#')) throw new SiteInputError(`base URL \`${baseUrl}\` must not have a query or fragment`);
  if (url.username || url.password) throw new SiteInputError(`base URL \`${baseUrl}\` must not hold a user name or password: it is written into every page`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Orders paths and URLs by UTF-16 code units, as `<` does: the order of the sitemap, whatever the locale. */
export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Link from the file at `from` to the file at `to`, both site-relative posix paths. */
export function relativeHref(from: string, to: string): string {
  const href = posix.relative(posix.dirname(from), to);
  return href === '' ? posix.basename(to) : href;
}

/** The URL a server gives a file: `index.html` is its folder. */
export function pageUrl(file: string): SitePath {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

export function absoluteUrl(baseUrl: string, path: SitePath): string {
  return baseUrl + path;
}
