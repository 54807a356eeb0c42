/**
 * Split text into the units the language check judges one by one.
 *
 * Summaries are Markdown: every block with inline text (paragraph, list item, heading,
 * table cell) is one unit, as plain text. Source texts are split at blank lines.
 */
import { readMarkdown } from '../markdown/index.js';
import type { TextShape } from '../memo/index.js';

/** The judged units of a Markdown text. */
export function markdownParagraphs(source: string): readonly string[] {
  return readMarkdown(source).paragraphs;
}

/** The judged units of a Markdown text with their digit shapes (see src/markdown). */
export function markdownUnits(source: string): { paragraphs: readonly string[]; shapes: readonly TextShape[] } {
  return readMarkdown(source);
}

/** Line breaks and runs of spaces become one space; a no-break space stays, for it is part of a
 *  number ("10 000") or binds a unit ("53 %"). */
const BREAKABLE_SPACE = /[^\S\u00a0\u202f]+/g;

export function plainParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^#+\s*/gm, '').replace(BREAKABLE_SPACE, ' ').trim())
    .filter(Boolean);
}

/** The first words of a paragraph, for a message. */
export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
