/**
 * The frame every page shares: head (canonical, hreflang alternates, relative stylesheet),
 * skip link, header, main, footer.
 *
 *   pageDocument({ path: 'de/mueller-2024/easy.html', canonical: 'de/mueller-2024/easy.html', … })
 *   → '<!doctype html>\n<html lang="de">\n<head>…<link rel="stylesheet" href="../../assets/site.css">…'
 *
 * Text arguments are plain text and escaped here; `header`, `main` and `footer` are HTML built
 * by the page modules (which escape what they insert). The page's only `<h1>` is inside `main`:
 * on a study page it is the summary's own heading, so the header uses no headings at all.
 */
import { escapeHtml } from '../outputs/html.js';
import type { LanguageInfo } from '../i18n/index.js';
import { absoluteUrl, relativeHref, type Alternate, type SitePath } from './urls.js';

export const STYLESHEET_PATH = 'assets/site.css';
export const MAIN_ID = 'main';

export interface PageDocument {
  /** This file, site-relative (`de/mueller-2024/easy.html`): relative links start here. */
  path: string;
  language: LanguageInfo;
  /** Plain text. */
  title: string;
  canonical: SitePath;
  alternates: Alternate[];
  baseUrl: string;
  /** Plain text of the skip link. */
  skipLink: string;
  header: string;
  main: string;
  footer: string;
}

export function pageDocument(page: PageDocument): string {
  const url = (path: SitePath) => escapeHtml(absoluteUrl(page.baseUrl, path));
  const alternates = page.alternates.map((a) => `<link rel="alternate" hreflang="${escapeHtml(a.hreflang)}" href="${url(a.url)}">`);
  return `<!doctype html>
<html lang="${escapeHtml(page.language.html)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="canonical" href="${url(page.canonical)}">
${alternates.join('\n')}
<link rel="stylesheet" href="${escapeHtml(relativeHref(page.path, STYLESHEET_PATH))}">
</head>
<body>
<a class="skip-link" href="#${MAIN_ID}">${escapeHtml(page.skipLink)}</a>
<header class="site-header">
<div class="site-header-inner">
${page.header.trimEnd()}
</div>
</header>
<main id="${MAIN_ID}" tabindex="-1">
${page.main.trimEnd()}
</main>
<footer class="site-footer">
${page.footer.trimEnd()}
</footer>
</body>
</html>
`;
}

/** One link of a switcher. */
export interface SwitcherItem {
  /** Relative link. */
  href: string;
  /** Plain text. */
  label: string;
  /** `lang` of the link text (the language it is written in). */
  lang: string;
  /** `hreflang`: the language of the page it leads to, when that differs by item. */
  hreflang?: string;
  current: boolean;
}

/** A labelled list of links (languages, reading levels) with the current one marked. */
export function switcher(kind: string, label: string, items: SwitcherItem[]): string {
  const links = items.map((item) => {
    const attrs = [`href="${escapeHtml(item.href)}"`, `lang="${escapeHtml(item.lang)}"`];
    if (item.hreflang) attrs.push(`hreflang="${escapeHtml(item.hreflang)}"`);
    if (item.current) attrs.push('aria-current="page"');
    return `<li><a ${attrs.join(' ')}>${escapeHtml(item.label)}</a></li>`;
  });
  // The visible label repeats the nav's accessible name for sighted readers; hidden from
  // assistive technology so it is not announced twice.
  return `<nav class="switcher switcher-${kind}" aria-label="${escapeHtml(label)}">
<p class="switcher-label" aria-hidden="true">${escapeHtml(label)}</p>
<ul>
${links.join('\n')}
</ul>
</nav>`;
}

/** The footer: how the summaries were made, and that they are not medical advice. */
export function footerHtml(paragraphs: { text: string; lang?: string }[]): string {
  return paragraphs.map((p) => `<p${p.lang ? ` lang="${escapeHtml(p.lang)}"` : ''}>${escapeHtml(p.text)}</p>`).join('\n');
}
