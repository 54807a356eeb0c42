/**
 * Markdown → a full HTML document, with the shared parser of src/markdown (raw HTML off).
 */
import type { StudyFacts } from '../facts/index.js';
import { readMarkdown } from '../markdown/index.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Text of a page that is in another language than the page, marked with `lang` so screen readers switch voice (WCAG 3.1.2). */
export interface ForeignText {
  /** The text as the facts give it (plain, unescaped). */
  text: string;
  /** BCP 47 tag of its language. */
  lang: string;
}

/** The language of the cited title where the facts give it and it is not the page's; names and terms are not marked (WCAG 3.1.2 exempts proper names). */
export function citationTitleLanguage(facts: StudyFacts, pageLang: string): string | undefined {
  const { title, titleLanguage } = facts.citation;
  return title && titleLanguage && titleLanguage !== pageLang ? titleLanguage : undefined;
}

/** The parts of a study's page in `pageLang` that are in another language. */
export function foreignTexts(facts: StudyFacts, pageLang: string): ForeignText[] {
  const lang = citationTitleLanguage(facts, pageLang);
  return lang ? [{ text: facts.citation.title!, lang }] : [];
}

/** Text as markdown-it writes it into HTML (it escapes these four, not the apostrophe). */
const asMarkdownItText = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * Markdown → HTML, with the foreign parts wrapped in `<span lang>`. Markdown has no way to say a
 * span's language, so they are found in the HTML by their text: the facts' text comes out of
 * markdown-it exactly as it went in (escaped for Markdown on the way in, for HTML on the way out).
 */
export function markdownToHtml(source: string, foreign: readonly ForeignText[] = []): string {
  let html = readMarkdown(source).html;
  for (const { text, lang } of foreign) {
    const found = asMarkdownItText(text);
    if (found.trim()) html = html.split(found).join(`<span lang="${escapeHtml(lang)}">${found}</span>`);
  }
  return html;
}

/** The plain text of the first heading (for `<title>`), with Markdown escapes undone. */
export function plainTitle(source: string): string {
  return readMarkdown(source).title;
}

export interface HtmlPageOptions {
  /** `<html lang>` value, e.g. `de` or `zh-Hans`. */
  htmlLang: string;
  /** Plain text; escaped here. */
  title: string;
  body: string;
}

const STYLE = `body{font:1.125rem/1.6 system-ui,"Noto Sans","Noto Sans CJK SC",sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.75rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem}
table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}
blockquote{border-left:4px solid #0b6e99;margin-left:0;padding-left:1rem}a{color:#0b5c80}`;

export function htmlDocument({ htmlLang, title, body }: HtmlPageOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.trimEnd()}
</main>
</body>
</html>
`;
}
