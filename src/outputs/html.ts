/**
 * Markdown → a full HTML document, with the shared parser of src/markdown (raw HTML off).
 */
import { readMarkdown } from '../markdown/index.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function markdownToHtml(source: string): string {
  return readMarkdown(source).html;
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
