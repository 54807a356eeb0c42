/**
 * sitemap.xml and robots.txt, for search engines.
 *
 *   [{ url: 'de/', alternates: [{ hreflang: 'en', url: 'en/' }, …] }], 'https://example.org/laysum/'
 *   → <url><loc>https://example.org/laysum/de/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/laysum/en/"/>…</url>
 *   robots.txt → 'User-agent: *\nAllow: /\n\nSitemap: https://example.org/laysum/sitemap.xml\n'
 *
 * The sitemap lists each page once, by its canonical URL (a study's index level is its folder,
 * not also its `standard.html`), with its whole hreflang cluster, as Google asks for; a large
 * site's in several files under one index (sitemapFiles).
 * Crawlers read robots.txt only at a host's root: under a subpath it is there to be copied up.
 */
import { escapeHtml } from '../outputs/html.js';
import type { OutputFile, StreamedFile } from '../outputs/index.js';
import { absoluteUrl, SiteInputError, type PageEntry } from './urls.js';

export const SITEMAP_FILE = 'sitemap.xml';
export const ROBOTS_FILE = 'robots.txt';

/**
 * What one sitemap file may hold (sitemaps.org): 50,000 URLs and 50 MB (52,428,800 bytes)
 * uncompressed; search engines refuse a larger file whole. With three languages a site reaches
 * 50,000 pages at about 5,600 studies.
 */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 52_428_800 } as const;

const URLSET_OPEN = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
`;
const URLSET_CLOSE = '</urlset>\n';

/** The name of the `n`th sitemap (from 1) when the pages need more than one. */
export const sitemapPartFile = (n: number) => `sitemap-${n}.xml`;

/**
 * The sitemap of a site's pages: `sitemap.xml` alone while the pages fit one file's limits;
 * beyond them the pages go, in URL order, into `sitemap-1.xml`, `sitemap-2.xml`, … each within
 * the limits, and `sitemap.xml` becomes their index, so robots.txt names the same file either way.
 *
 * `pagesInUrlOrder` gives the pages sorted by URL, each once, anew at each call: they are gone
 * through once to find where the files split, then once per file as it is written. So no file is
 * ever whole in memory (a part of 50,000 pages is 23 MB), nor are the pages (their lines took
 * 43 MB at 10,000 studies, the entries themselves 107 MB).
 */
export function* sitemapFiles(baseUrl: string, pagesInUrlOrder: () => Iterable<PageEntry>, limits: { urls: number; bytes: number } = SITEMAP_LIMITS): Generator<OutputFile | StreamedFile> {
  const url = (path: string) => escapeHtml(absoluteUrl(baseUrl, path));
  const lines = (entry: PageEntry) => `<url>
<loc>${url(entry.url)}</loc>
${entry.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeHtml(a.hreflang)}" href="${url(a.url)}"/>`).join('\n')}
</url>
`;
  // The files are cut in this order, so a page out of it would be in the wrong file, or twice.
  function* ordered(): Generator<PageEntry> {
    let last: string | undefined;
    for (const entry of pagesInUrlOrder()) {
      if (last !== undefined && !(last < entry.url)) throw new SiteInputError(`sitemap pages out of URL order: \`${entry.url}\` after \`${last}\``);
      last = entry.url;
      yield entry;
    }
  }
  const frame = Buffer.byteLength(URLSET_OPEN) + Buffer.byteLength(URLSET_CLOSE);
  // How many pages each file takes.
  const counts: number[] = [0];
  let bytes = frame;
  for (const entry of ordered()) {
    const size = Buffer.byteLength(lines(entry));
    if (counts.at(-1)! > 0 && (counts.at(-1)! >= limits.urls || bytes + size > limits.bytes)) {
      counts.push(0);
      bytes = frame;
    }
    counts[counts.length - 1]!++;
    bytes += size;
  }
  function* urlset(first: number, count: number): Generator<string> {
    yield URLSET_OPEN;
    let index = 0;
    for (const entry of ordered()) {
      if (index >= first + count) break;
      if (index++ >= first) yield lines(entry);
    }
    yield URLSET_CLOSE;
  }
  if (counts.length === 1) {
    yield { path: SITEMAP_FILE, pieces: urlset(0, counts[0]!) };
    return;
  }
  const parts = counts.map((_, i) => sitemapPartFile(i + 1));
  yield {
    path: SITEMAP_FILE,
    content: `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${parts.map((path) => `<sitemap><loc>${url(path)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`,
  };
  let first = 0;
  for (const [i, count] of counts.entries()) {
    yield { path: parts[i]!, pieces: urlset(first, count) };
    first += count;
  }
}

/** Pages in URL order from two lists each in URL order (the index pages, the study pages). */
export function* mergedInUrlOrder(a: Iterable<PageEntry>, b: Iterable<PageEntry>): Generator<PageEntry> {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  let x = left.next();
  let y = right.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.url < y.value.url)) {
      yield x.value;
      x = left.next();
    } else {
      yield y.value;
      y = right.next();
    }
  }
}

export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, SITEMAP_FILE)}\n`;
}
