/**
 * Markdown-escape text that comes from a facts file, once, before it enters a template.
 *
 *   'Lupus <script>' → 'Lupus \\<script\\>'      '# not a heading' → '\\# not a heading'
 *
 * Whitespace runs (including newlines) collapse to one space, so facts text can never start
 * a new block (heading, list, table) inside a summary.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&#$]/g;
/** Characters that start a block (list, quote, setext line) when they open a line. */
const BLOCK_START = /^([-+=>:]|\d+(?=[.)]))/;

export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(BLOCK_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Escape for text that never starts a line (link text, table cells after the first). */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/** Escape for a URL path segment inside a Markdown link target. */
export function escapeUrlPath(text: string): string {
  return encodeURI(text).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
