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
import { digitShape, DigitShapeMemo, TextMemo, TextShape } from '../memo/index.js';

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
  /** Each paragraph's `digitShape`, for the checks' memos. Paragraphs of one shape read from one run shape share one object, on which the memos keep their results. */
  shapes: readonly TextShape[];
}

/** A run of blocks read: `title` only when it has a heading. */
interface BlockRead {
  html: string;
  title?: string;
  paragraphs: readonly string[];
  shapes: readonly TextShape[];
}

/** A run read in its digit shape, and whether another run of that shape can be read by putting its digits in. */
interface ShapeRead extends BlockRead {
  /** The digits (all 0) come out in the HTML and in the paragraphs once each, in the order of the source. */
  fillable: boolean;
  /** Digits in the paragraphs before the title's. */
  titleAt: number;
  /** HTML, paragraphs and title cut at their zeros (where the digits go), when fillable. */
  pieces?: { html: string[]; paragraphs: string[][]; title?: string[] };
}

/**
 * Texts are read in runs of blocks: a batch's summaries share most of them but for their figures
 * (headings, explanations, "- 8 of 19 people (42%) had …"), and a run's HTML does not depend on
 * its neighbours when the text is cut only where no block can continue (`markdownBlocks`). A run
 * without links, entities, raw `<` or ordered lists keeps its digits as text, in order, so it
 * is read once per digit shape and its digits put back into the HTML and paragraphs; other runs
 * are read by their text. A tight list is read item by item and a table row by row (`readList`,
 * `readTable`): a study's lists are its own mix of items that recur across studies. All bounded,
 * so memory stays flat. Short runs (an item, a row, a heading, a paragraph) are kept from their
 * first sight, in two generations, so the recurring ones survive when the memo turns over (with
 * 2,000 in a generation, 1,000 studies read 15 % slower); long runs mostly occur once, so they
 * are kept from their second sight on; few texts are kept (texts with digits recur within a
 * study's outputs, if at all: 100 of them find as many as 500 did, 5,000 of 9,000 pages).
 */
const byShape = new DigitShapeMemo<ShapeRead>(4_000, { secondSight: true, generations: false });
const shortByShape = new DigitShapeMemo<ShapeRead>(3_000);
/** Longest run, in UTF-16 units, kept from its first sight. */
const SHORT_RUN = 320;
const byText = new TextMemo<BlockRead>(2_000, 100);

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
    const shapes: TextShape[] = [];
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
  const lines = source.split('\n');
  while (lines.at(-1) === '') lines.pop();
  if (lines.length >= 2) {
    if (lines.every((line) => PLAIN_ITEM.test(line))) return readList(source, lines);
    if (lines.length >= 3 && lines.every((line) => line[0] === '|') && TABLE_DELIMITER.test(lines[1]!) && lines.length * lines[0]!.length <= MAX_TABLE_CELLS) return readTable(source, lines);
  }
  return readBlocks(source);
}

/**
 * A list item line that is a whole item on its own: `- ` and text that opens no block inside the
 * item (no heading, quote, rule, nested or ordered list, code). A run of such lines is a tight
 * list whose items render alone as they do together.
 */
const PLAIN_ITEM = /^- (?:\*\*[^\s*]|[^\s#>\-+*_=|<`~\d]|\d+(?![\d.)])|\d+[.)](?![ \t]|$))/;
/** A table's delimiter row (`|---|:-:|`). */
const TABLE_DELIMITER = /^\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;
/** markdown-it stops a table after 65,536 cells it had to fill in; far below that, rows render alone. */
const MAX_TABLE_CELLS = 65_536;

/** Parts read alone joined into one run: `open` and `close` around each part's HTML are the run's own, once; undefined if a part does not have them. */
function joinParts(parts: readonly BlockRead[], open: string, close: string, skip: number): BlockRead | undefined {
  let html = open;
  const paragraphs: string[] = [];
  const shapes: TextShape[] = [];
  for (const part of parts) {
    if (!part.html.startsWith(open) || !part.html.endsWith(close)) return undefined;
    html += part.html.slice(open.length, part.html.length - close.length);
    for (let i = skip; i < part.paragraphs.length; i++) {
      paragraphs.push(part.paragraphs[i]!);
      shapes.push(part.shapes[i]!);
    }
  }
  return { html: html + close, paragraphs, shapes };
}

/** A tight list, item by item: a batch's lists are its own mixes of the same items (glossary entries, side effects). */
function readList(source: string, lines: readonly string[]): BlockRead {
  return (
    joinParts(
      lines.map((line) => readBlocks(`${line}\n`)),
      '<ul>\n',
      '</ul>\n',
      0,
    ) ?? readBlocks(source)
  );
}

/** A table, row by row, each read under the same head: a batch's tables are its own mixes of the same rows. */
function readTable(source: string, lines: readonly string[]): BlockRead {
  const headSource = `${lines[0]}\n${lines[1]}\n`;
  const head = readBlocks(headSource);
  const close = '</table>\n';
  if (!head.html.startsWith('<table>\n') || !head.html.endsWith(`</thead>\n${close}`)) return readBlocks(source);
  const rows = lines.slice(2).map((line) => readBlocks(`${headSource}${line}\n`));
  const body = joinParts(rows, `${head.html.slice(0, -close.length)}<tbody>\n`, `</tbody>\n${close}`, head.paragraphs.length);
  if (!body) return readBlocks(source);
  return { html: body.html, paragraphs: [...head.paragraphs, ...body.paragraphs], shapes: [...head.shapes, ...body.shapes] };
}

function readBlocks(source: string): BlockRead {
  if (!DIGITS_MAY_MOVE.test(source)) {
    const shape = digitShape(source);
    const memo = shape.length <= SHORT_RUN ? shortByShape : byShape;
    let read = memo.get(shape);
    if (!read) {
      read = readShape(shape);
      memo.set(shape, read);
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
  const read = readTokens(markdown.parse(shape, {}), true);
  const digits = countZeros(shape);
  let inParagraphs = 0;
  let titleAt = 0;
  read.paragraphs.forEach((p, i) => {
    if (i === read.titleIndex) titleAt = inParagraphs;
    inParagraphs += countZeros(p);
  });
  const fillable = countZeros(read.html) === digits && inParagraphs === digits && (read.title === undefined || countZeros(read.title) <= digits - titleAt);
  const title = read.title !== undefined ? { title: read.title } : {};
  if (!fillable || digits === 0) return { html: read.html, ...title, paragraphs: read.paragraphs, shapes: read.shapes, fillable, titleAt };
  const pieces = { html: read.html.split('0'), paragraphs: read.paragraphs.map((p) => p.split('0')), ...(read.title !== undefined ? { title: read.title.split('0') } : {}) };
  return { html: read.html, ...title, paragraphs: read.paragraphs, shapes: read.shapes, fillable, titleAt, pieces };
}

function countZeros(text: string): number {
  let n = 0;
  for (let i = text.indexOf('0'); i >= 0; i = text.indexOf('0', i + 1)) n++;
  return n;
}

/** A shape's output, cut at its zeros, with `digits` put in from `from` on. */
function fill(pieces: readonly string[], digits: readonly string[], from: number): string {
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) out += digits[from + i - 1]! + pieces[i]!;
  return out;
}

function fillDigits(read: ShapeRead, digits: readonly string[]): BlockRead {
  const pieces = read.pieces;
  if (!pieces) return read;
  let at = 0;
  const paragraphs = pieces.paragraphs.map((p) => {
    const filled = fill(p, digits, at);
    at += p.length - 1;
    return filled;
  });
  const out: BlockRead = { html: fill(pieces.html, digits, 0), paragraphs, shapes: read.shapes };
  if (pieces.title) out.title = fill(pieces.title, digits, read.titleAt);
  return out;
}

/**
 * `titleIndex`: the paragraph the first heading's text is, when it is one. `ofShape`: the tokens are
 * of a digit shape, so each paragraph is its own shape (a copy of each would be kept with the read).
 */
function readTokens(tokens: readonly MarkdownToken[], ofShape = false): BlockRead & { titleIndex?: number } {
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
  const shapes = paragraphs.map((p) => new TextShape(ofShape ? p : digitShape(p)));
  return title === undefined ? { html, paragraphs, shapes } : { html, title, titleIndex: titleIndex!, paragraphs, shapes };
}

/** A line that starts a block no earlier block can take in after a blank line: not indented, no list item, no lazy continuation. */
const STARTS_OWN_BLOCK = /[^\s\-+*0-9]/;
/** A line that starts a list item (`- `, `* `, `+ `, `1. `, `1) `), or could (a marker alone). */
const LIST_ITEM_START = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A heading at the line start ends every list and quote before it, so a list after it is a new one. */
const HEADING_LINE = /^#{1,6}(?:[ \t]|$)/;

/**
 * The text cut into runs of blocks at blank lines, so each run renders alone as it does in the
 * text. Cut before a line that starts a block of its own (a heading, a paragraph, a quote); before
 * a list item only when no list can be open: after a heading, or after blocks none of whose lines
 * starts a list item or is indented (an indented line could belong to a list). Not cut at
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
    // An indented line may belong to a list item; "15 people took part." does not open a list, "15. …" does.
    if (line[0] === ' ' || line[0] === '\t' || LIST_ITEM_START.test(line)) noListOpen = false;
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
