/**
 * Split text into the units the language check judges one by one.
 *
 * Summaries are Markdown: every block with inline text (paragraph, list item, heading,
 * table cell) is one unit, as plain text. Source texts are split at blank lines.
 */
import { inlineText, parseMarkdown } from '../markdown/index.js';

let lastSource: string | undefined;
let lastParagraphs: readonly string[] = [];

/** The judged units of a Markdown text. The last text's are kept: three checks read each text in a row. */
export function markdownParagraphs(source: string): readonly string[] {
  if (source !== lastSource) {
    lastParagraphs = splitMarkdown(source);
    lastSource = source;
  }
  return lastParagraphs;
}

function splitMarkdown(source: string): string[] {
  const out: string[] = [];
  for (const token of parseMarkdown(source)) {
    if (token.type !== 'inline') continue;
    const text = inlineText(token).trim();
    if (text) out.push(text);
  }
  return out;
}

export function plainParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^#+\s*/gm, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The first words of a paragraph, for a message. */
export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
