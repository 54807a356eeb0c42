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
import type { OutputFile } from '../outputs/index.js';
import { absoluteUrl, type PageEntry } from './urls.js';

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
 */
export function sitemapFiles(baseUrl: string, entries: Iterable<PageEntry>, limits: { urls: number; bytes: number } = SITEMAP_LIMITS): OutputFile[] {
  const url = (path: string) => escapeHtml(absoluteUrl(baseUrl, path));
  // Each page's lines are made as it comes, so its entry (a few objects per alternate) is not
  // kept: the 90,000 entries of 10,000 studies took 107 MB at once, their lines 42 MB.
  const pages: { url: string; block: string }[] = [];
  for (const entry of entries) {
    pages.push({
      url: entry.url,
      block: `<url>
<loc>${url(entry.url)}</loc>
${entry.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeHtml(a.hreflang)}" href="${url(a.url)}"/>`).join('\n')}
</url>
`,
    });
  }
  pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const frame = Buffer.byteLength(URLSET_OPEN) + Buffer.byteLength(URLSET_CLOSE);
  const parts: string[][] = [[]];
  let bytes = frame;
  for (const { block } of pages) {
    const size = Buffer.byteLength(block);
    let part = parts.at(-1)!;
    if (part.length > 0 && (part.length >= limits.urls || bytes + size > limits.bytes)) {
      parts.push((part = []));
      bytes = frame;
    }
    part.push(block);
    bytes += size;
  }
  const urlset = (blocks: readonly string[]) => `${URLSET_OPEN}${blocks.join('')}${URLSET_CLOSE}`;
  if (parts.length === 1) return [{ path: SITEMAP_FILE, content: urlset(parts[0]!) }];
  const files = parts.map((blocks, i) => ({ path: sitemapPartFile(i + 1), content: urlset(blocks) }));
  const index = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((f) => `<sitemap><loc>${url(f.path)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
  return [{ path: SITEMAP_FILE, content: index }, ...files];
}

export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, SITEMAP_FILE)}\n`;
}
