/**
 * Markdown → plain text for email: headings underlined as wide as they show, list items with
 * "- " (or "1. ") and a hanging indent, quotes with "> " on every line, links as "text <url>",
 * emphasis dropped, one blank line between blocks (none between the items of a list, a ">" line
 * between the paragraphs of a quote). Every block is wrapped at MAIL_LINE_WIDTH columns
 * (wrap.ts says how).
 *
 *   '# Title\n\nSee [the paper](https://doi.org/x).' → 'Title\n=====\n\nSee the paper <https://doi.org/x>.\n'
 */
import { parseMarkdown, type MarkdownToken as Token } from '../markdown/index.js';
import { displayWidth, MAIL_LINE_WIDTH, wrapText } from './wrap.js';

export interface MarkdownToTextOptions {
  /** Columns of a line. Default: MAIL_LINE_WIDTH. */
  width?: number;
}

/** A block of the plain text: its wrapped lines, and what decides the line between it and the block before. */
interface TextBlock {
  lines: string[];
  /** Which top-level list it is in (0: none); items of one list have no blank line between them. */
  list: number;
  /** Which blockquote it is in (0: none); paragraphs of one quote are separated by a quote-marker line. */
  quote: number;
  quoteDepth: number;
}

/** A list being read: its items' markers, and the current item's marker until its first block is written. */
interface ListState {
  ordered: boolean;
  next: number;
  marker: string;
  markerPending: boolean;
}

function inlineText(tokens: readonly Token[] = []): string {
  let out = '';
  let href: string | undefined;
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n';
    else if (t.type === 'link_open') href = String(t.attrGet('href') ?? '') || undefined;
    else if (t.type === 'link_close' && href) {
      if (!out.endsWith(href)) out += ` <${href}>`;
      href = undefined;
    }
  }
  // Runs of blanks show as one space in any Markdown rendering; a line break stays one.
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

export function markdownToText(markdown: string, options: MarkdownToTextOptions = {}): string {
  const width = options.width ?? MAIL_LINE_WIDTH;
  const blocks: TextBlock[] = [];
  const lists: ListState[] = [];
  let heading = 0;
  let quoteDepth = 0;
  let quote = 0;
  let quotes = 0;
  let listGroup = 0;
  let listGroups = 0;
  for (const token of parseMarkdown(markdown)) {
    if (token.type === 'heading_open') heading = Number(token.tag.slice(1));
    else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      if (lists.length === 0) listGroup = ++listGroups;
      lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1), marker: '', markerPending: false });
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      lists.pop();
      if (lists.length === 0) listGroup = 0;
    } else if (token.type === 'list_item_open') {
      const current = lists.at(-1)!;
      current.marker = current.ordered ? `${current.next++}. ` : '- ';
      current.markerPending = true;
    } else if (token.type === 'blockquote_open') {
      if (quoteDepth++ === 0) quote = ++quotes;
    } else if (token.type === 'blockquote_close') {
      if (--quoteDepth === 0) quote = 0;
    } else if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      if (heading) {
        const lines = wrapText(text, { width });
        const underline = (heading === 1 ? '=' : '-').repeat(Math.max(...lines.map(displayWidth)));
        blocks.push({ lines: [...lines, underline], list: 0, quote, quoteDepth });
        heading = 0;
        continue;
      }
      // Each enclosing list indents by its item's marker; the innermost item shows its marker once, on its first line.
      const quotePrefix = '> '.repeat(quoteDepth);
      const outerIndent = lists.slice(0, -1).map((outer) => ' '.repeat(outer.marker.length)).join('');
      const innermost = lists.at(-1);
      const hanging = `${quotePrefix}${outerIndent}${' '.repeat(innermost?.marker.length ?? 0)}`;
      const firstPrefix = innermost?.markerPending ? `${quotePrefix}${outerIndent}${innermost.marker}` : hanging;
      if (innermost) innermost.markerPending = false;
      blocks.push({ lines: wrapText(text, { width, firstPrefix, restPrefix: hanging }), list: listGroup, quote, quoteDepth });
    }
  }
  let out = '';
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    if (before) {
      if (block.list && before.list === block.list) out += '\n';
      else if (block.quote && before.quote === block.quote) out += `\n${'> '.repeat(Math.min(before.quoteDepth, block.quoteDepth)).trimEnd()}\n`;
      else out += '\n\n';
    }
    out += block.lines.join('\n');
  });
  return `${out}\n`;
}
