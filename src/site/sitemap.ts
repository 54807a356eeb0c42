/**
 * sitemap.xml and robots.txt, for search engines.
 *
 *   [{ url: 'de/', alternates: [{ hreflang: 'en', url: 'en/' }, …] }], 'https://example.org/laysum/'
 *   → <url><loc>https://example.org/laysum/de/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/laysum/en/"/>…</url>
 *   robots.txt → 'User-agent: *\nAllow: /\n\nSitemap: https://example.org/laysum/sitemap.xml\n'
 *
 * The sitemap lists each page once, by its canonical URL (a study's index level is its folder,
 * not also its `standard.html`), with its whole hreflang cluster, as Google asks for.
 * Crawlers read robots.txt only at a host's root: under a subpath it is there to be copied up.
 */
import { escapeHtml } from '../outputs/html.js';
import { absoluteUrl, type PageEntry } from './urls.js';

export const SITEMAP_FILE = 'sitemap.xml';
export const ROBOTS_FILE = 'robots.txt';

export function sitemapXml(baseUrl: string, entries: readonly PageEntry[]): string {
  const url = (path: string) => escapeHtml(absoluteUrl(baseUrl, path));
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const urls = sorted.map(
    (entry) => `<url>
<loc>${url(entry.url)}</loc>
${entry.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeHtml(a.hreflang)}" href="${url(a.url)}"/>`).join('\n')}
</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}

export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, SITEMAP_FILE)}\n`;
}
