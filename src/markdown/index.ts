/**
 * The one Markdown parser every stage shares: markdown-it with raw HTML off (`<script>` in any
 * input comes out as text) and markdown-it-cjk-friendly, so emphasis next to Chinese punctuation
 * works.
 *
 *   parseMarkdown('# Title\n\nText') → markdown-it tokens (heading_open, inline, …)
 *   renderTokens(tokens)            → '<h1>Title</h1>\n<p>Text</p>\n'
 *
 * A summary is read by the HTML output, the page title and three checks in a row; parsing was
 * as costly as rendering. `readMarkdown` gives all three at once, block by block (see below).
 * `parseMarkdown` keeps the tokens of the last text it parsed, so a text read several times in a
 * row is parsed once. Tokens are shared: callers must not change them.
 */
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { digitShape, DigitShapeMemo, TextMemo } from '../memo/index.js';

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

/** What the outputs and checks read from a Markdown text. */
export interface MarkdownRead {
  /** markdown-it's HTML of the text. */
  html: string;
  /** The plain text of the first heading (text and code, escapes undone); '' without a heading. */
  title: string;
  /** The plain text of every block with inline content (paragraph, list item, heading, table cell), trimmed, empty ones left out. */
  paragraphs: readonly string[];
  /** Each paragraph's `digitShape`, for the checks' memos. Paragraphs of one shape share one string, so a memo finds it without reading it again. */
  shapes: readonly string[];
}

/** A run of blocks read: `title` only when it has a heading. */
interface BlockRead {
  html: string;
  title?: string;
  paragraphs: readonly string[];
  shapes: readonly string[];
}

/** A run read in its digit shape, and whether another run of that shape can be read by putting its digits in. */
interface ShapeRead extends BlockRead {
  /** The digits (all 0) come out in the HTML and in the paragraphs once each, in the order of the source. */
  fillable: boolean;
  /** Digits in the paragraphs before the title's. */
  titleAt: number;
}

/**
 * Texts are read in runs of blocks: a batch's summaries share most of them but for their figures
 * (headings, explanations, "- 8 of 19 people (42%) had …"), and a run's HTML does not depend on
 * its neighbours when the text is cut only where no block can continue (`markdownBlocks`). A run
 * without links, entities, raw `<` or ordered lists keeps its digits as text, in order, so it
 * is read once per digit shape and its digits put back into the HTML and paragraphs; other runs
 * are read by their text. Both bounded, so memory stays flat: runs are large, and most of a
 * study's runs of figures are its own (a list of its conditions or side effects), so a run's
 * reading is kept from its second sight on, and few texts are kept.
 */
const byShape = new DigitShapeMemo<ShapeRead>(4_000, true);
const byText = new TextMemo<BlockRead>(2_000, 500);

/** What can move, drop or add digits in markdown-it's output: links and images (their addresses are percent-encoded), entities, autolinks, ordered list markers. */
const DIGITS_MAY_MOVE = /[[&<]|^[ \t>]*\d+[.)]/m;
const DIGIT = /[0-9]/g;

let lastRead: { source: string; read: MarkdownRead } | undefined;

/** HTML, title and paragraphs of a Markdown text; the same as reading markdown-it's tokens of the whole text. */
export function readMarkdown(source: string): MarkdownRead {
  if (lastRead?.source === source) return lastRead.read;
  const parts = markdownBlocks(source);
  let read: MarkdownRead;
  if (parts.length === 1) {
    const block = readRun(parts[0]!);
    read = { html: block.html, title: block.title ?? '', paragraphs: block.paragraphs, shapes: block.shapes };
  } else {
    let html = '';
    let title: string | undefined;
    const paragraphs: string[] = [];
    const shapes: string[] = [];
    for (const part of parts) {
      const block = readRun(part);
      html += block.html;
      if (title === undefined && block.title !== undefined) title = block.title;
      for (const p of block.paragraphs) paragraphs.push(p);
      for (const p of block.shapes) shapes.push(p);
    }
    read = { html, title: title ?? '', paragraphs, shapes };
  }
  lastRead = { source, read };
  return read;
}

function readRun(source: string): BlockRead {
  if (!DIGITS_MAY_MOVE.test(source)) {
    const shape = digitShape(source);
    let read = byShape.get(shape);
    if (!read) {
      read = readShape(shape);
      byShape.set(shape, read);
    }
    if (shape === source) return read;
    if (read.fillable) return fillDigits(read, source.match(DIGIT)!);
  }
  let read = byText.get(source);
  if (!read) {
    read = readTokens(markdown.parse(source, {}));
    byText.set(source, read);
  }
  return read;
}

function readShape(shape: string): ShapeRead {
  const read = readTokens(markdown.parse(shape, {}));
  const digits = countZeros(shape);
  let inParagraphs = 0;
  let titleAt = 0;
  read.paragraphs.forEach((p, i) => {
    if (i === read.titleIndex) titleAt = inParagraphs;
    inParagraphs += countZeros(p);
  });
  const fillable = countZeros(read.html) === digits && inParagraphs === digits && (read.title === undefined || countZeros(read.title) <= digits - titleAt);
  return { html: read.html, ...(read.title !== undefined ? { title: read.title } : {}), paragraphs: read.paragraphs, shapes: read.paragraphs, fillable, titleAt };
}

function countZeros(text: string): number {
  let n = 0;
  for (let i = text.indexOf('0'); i >= 0; i = text.indexOf('0', i + 1)) n++;
  return n;
}

/** `text` (a shape's output) with its zeros replaced by `digits`, from `from` on. */
function fill(text: string, digits: readonly string[], from: number): string {
  const pieces = text.split('0');
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) out += digits[from + i - 1]! + pieces[i]!;
  return out;
}

function fillDigits(read: ShapeRead, digits: readonly string[]): BlockRead {
  let at = 0;
  const paragraphs = read.paragraphs.map((p) => {
    const filled = fill(p, digits, at);
    at += countZeros(p);
    return filled;
  });
  const out: BlockRead = { html: fill(read.html, digits, 0), paragraphs, shapes: read.shapes };
  if (read.title !== undefined) out.title = fill(read.title, digits, read.titleAt);
  return out;
}

/** `titleIndex`: the paragraph the first heading's text is, when it is one. */
function readTokens(tokens: readonly MarkdownToken[]): BlockRead & { titleIndex?: number } {
  let title: string | undefined;
  let titleIndex: number | undefined;
  const paragraphs: string[] = [];
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && title === undefined) {
      title = (tokens[i + 1]?.children ?? []).filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('');
      titleIndex = paragraphs.length;
    }
    if (token.type !== 'inline') return;
    const text = inlineText(token).trim();
    if (text) paragraphs.push(text);
  });
  const html = renderTokens(tokens);
  const shapes = paragraphs.map(digitShape);
  return title === undefined ? { html, paragraphs, shapes } : { html, title, titleIndex: titleIndex!, paragraphs, shapes };
}

/** A line that starts a block no earlier block can take in after a blank line: not indented, no list item, no lazy continuation. */
const STARTS_OWN_BLOCK = /[^\s\-+*0-9]/;
/** A heading at the line start ends every list and quote before it, so a list after it is a new one. */
const HEADING_LINE = /^#{1,6}(?:[ \t]|$)/;

/**
 * The text cut into runs of blocks at blank lines, so each run renders alone as it does in the
 * text. Cut before a line that starts a block of its own (a heading, a paragraph, a quote); before
 * a list item only when no list can be open: after a heading, or after blocks whose lines all
 * start a block of their own (a list item, an indented line could belong to a list). Not cut at
 * all when a block can span blank lines or reach across the text: code fences and link reference
 * definitions (`[x]: url`). Raw HTML is off.
 */
export function markdownBlocks(source: string): string[] {
  if (source.includes('```') || source.includes('~~~') || source.includes(']:') || source.includes('\r')) return [source];
  const parts: string[] = [];
  let start = 0;
  // Since the last blank line, every line started a block of its own: no list is open.
  let noListOpen = true;
  let lineStart = 0;
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) {
    const line = source.slice(lineStart, at);
    lineStart = at + 1;
    if (line === '') {
      noListOpen = true;
      continue;
    }
    if (!STARTS_OWN_BLOCK.test(line[0]!)) noListOpen = false;
    if (source[at + 1] !== '\n') continue;
    // A blank line follows `line`: may the text be cut after it?
    const next = source[at + 2];
    if (next === undefined || /\s/.test(next)) continue;
    if (STARTS_OWN_BLOCK.test(next) || noListOpen || HEADING_LINE.test(line)) {
      parts.push(source.slice(start, at + 2));
      start = at + 2;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
