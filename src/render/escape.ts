/**
 * Markdown-escape text that comes from a facts file, once, before it enters a template.
 *
 *   'Lupus <script>' → 'Lupus \\<script\\>'      '# not a heading' → '\\# not a heading'
 *
 * Whitespace runs (including newlines) collapse to one space, so facts text can never start
 * a new block (heading, list, table) inside a summary; no-break spaces stay, for they hold a
 * number together ("10 000") and cannot open a block. What each escape stops:
 * - `<` `>`: raw HTML (`<script>`, `<img onerror>`) and autolinks (`<https://…>`, `<javascript:…>`);
 * - `[` `]`: links, images (`![x](…)`), reference definitions and footnotes;
 * - `&`: entity references (`&lt;` stays the four characters it is);
 * - `` ` `` `*` `_` `~` `$` `\\`: code, emphasis, strikethrough, math, and a backslash that would escape
 *   what the template puts after it;
 * - `|`: table cells; `#`: headings;
 * - at the start: `-` `+` `=` `>` `:` and `1.`/`1)`, which open a list, a quote or a setext
 *   underline (`---`, `===`) when the text begins a line.
 * Handlebars syntax needs no escape: the text is data to a compiled template, never compiled.
 * test/hostile.test.ts builds each class in every output format and compares the tags with a
 * plain twin's.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&#$]/g;
/** Characters that start a block (list, quote, setext line) when they open a line. */
const BLOCK_START = /^([-+=>:]|\d+(?=[.)]))/;

const BREAKABLE_SPACE = /[^\S\u00a0\u202f]+/g;

export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(BLOCK_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Escape for text that never starts a line (link text, table cells after the first). */
export function escapeInline(text: string): string {
  return text.replace(BREAKABLE_SPACE, ' ').trim().replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/** Escape for a URL path segment inside a Markdown link target. */
export function escapeUrlPath(text: string): string {
  // encodeURI keeps `#` and `?`, which would end the path (a DOI may contain both).
  return encodeURI(text).replace(/[()#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
