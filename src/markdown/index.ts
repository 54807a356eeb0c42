/**
 * The one Markdown parser every stage shares: markdown-it with raw HTML off (`<script>` in any
 * input comes out as text) and markdown-it-cjk-friendly, so emphasis next to Chinese punctuation
 * works.
 *
 *   parseMarkdown('# Title\n\nText') → markdown-it tokens (heading_open, inline, …)
 *   renderTokens(tokens)            → '<h1>Title</h1>\n<p>Text</p>\n'
 *
 * A summary is read by the HTML output, the page title and three checks in a row; parsing was
 * as costly as rendering. `parseMarkdown` keeps the tokens of the last text it parsed, so a text
 * read several times in a row is parsed once. Tokens are shared: callers must not change them.
 */
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

export type MarkdownToken = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);

let lastSource: string | undefined;
let lastTokens: readonly MarkdownToken[] = [];

export function parseMarkdown(source: string): readonly MarkdownToken[] {
  if (source !== lastSource) {
    lastTokens = markdown.parse(source, {});
    lastSource = source;
  }
  return lastTokens;
}

/** HTML of parsed tokens (the same as markdown-it's `render` of their source). */
export function renderTokens(tokens: readonly MarkdownToken[]): string {
  return markdown.renderer.render(tokens as MarkdownToken[], markdown.options, {});
}

/** The plain text of an inline token's children: text and code, line breaks as spaces. */
export function inlineText(token: MarkdownToken): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak') text += ' ';
  }
  return text;
}
