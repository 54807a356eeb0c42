/**
 * Split text into the units the language check judges one by one.
 *
 * Summaries are Markdown: every block with inline text (paragraph, list item, heading,
 * table cell) is one unit, as plain text. Source texts are split at blank lines.
 */
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

const parser = new MarkdownIt({ html: false }).use(cjkFriendly);

// The language, fidelity and readability checks all read the same summary in a row: parse it once.
let lastSource: string | undefined;
let lastParagraphs: readonly string[] = [];

export function markdownParagraphs(source: string): string[] {
  if (source === lastSource) return [...lastParagraphs];
  const out: string[] = [];
  for (const token of parser.parse(source, {})) {
    if (token.type !== 'inline') continue;
    const text = (token.children ?? [])
      .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : ''))
      .join('')
      .trim();
    if (text) out.push(text);
  }
  lastSource = source;
  lastParagraphs = out;
  return [...out];
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
