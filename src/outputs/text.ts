/**
 * Markdown → plain text for email: headings underlined, list items with "- ", links as
 * "text <url>", emphasis dropped, one blank line between blocks.
 *
 *   '# Title\n\nSee [the paper](https://doi.org/x).' → 'Title\n=====\n\nSee the paper <https://doi.org/x>.\n'
 */
import { parseMarkdown, type MarkdownToken as Token } from '../markdown/index.js';

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
  return out;
}

export function markdownToText(markdown: string): string {
  const blocks: string[] = [];
  let heading = 0;
  let listDepth = 0;
  let quote = false;
  for (const token of parseMarkdown(markdown)) {
    if (token.type === 'heading_open') heading = Number(token.tag.slice(1));
    else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') listDepth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') listDepth--;
    else if (token.type === 'blockquote_open') quote = true;
    else if (token.type === 'blockquote_close') quote = false;
    else if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      if (heading) {
        const width = [...text].reduce((w, c) => w + (/\p{Script=Han}|[，。：；（）“”、！？]/u.test(c) ? 2 : 1), 0);
        blocks.push(`${text}\n${(heading === 1 ? '=' : '-').repeat(width)}`);
        heading = 0;
      } else if (listDepth) blocks.push(`${'  '.repeat(listDepth - 1)}- ${text}`);
      else blocks.push(quote ? `> ${text}` : text);
    }
  }
  // List items of one list stay together; other blocks are separated by a blank line.
  return `${blocks.reduce((acc, block, i) => (i === 0 ? block : `${acc}${block.trimStart().startsWith('- ') && blocks[i - 1]!.trimStart().startsWith('- ') ? '\n' : '\n\n'}${block}`), '')}\n`;
}
