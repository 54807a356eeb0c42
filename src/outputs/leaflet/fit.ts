/**
 * How tall a leaflet prints, estimated from its HTML without a browser: enough to choose a
 * layout that fits two A4 pages before anything is printed (see renderLeaflet).
 *
 *   estimatePrintedHeight(html, 'Latin') → 1,840 (CSS px; an A4 page less its margins holds 1,009)
 *
 * The estimate lays the leaflet out as the template's CSS sets it: the figures (a strip or a row
 * of full arrays as tall as the taller of its caption and its icons, a pair side by side as its
 * taller figure), each heading, paragraph and list item at its font size, line height and width,
 * and the glossary's entries balanced in two columns. Lines are filled word by word with the
 * widths of the template's font (LATIN_WIDTHS), so a caption in the narrow column beside a wide
 * array breaks where Chromium breaks it. Its weights (a constant for the space between blocks and
 * boxes, and about 1 for each term) were fitted by scripts/fit-leaflet-height.ts to the heights
 * Chromium laid out for 1,488 leaflets: the 4 samples, the long and the three large test
 * fixtures, and 40 generated studies (seed 3) at their own size, 7, 43 and 311 times as large and
 * with 5 to 8 side effects, each in en, de and zh, with full arrays and with strips. Off by 1 px
 * in the median and 22 px at most; on the same kinds of leaflet for 80 other generated studies
 * (seeds 11 and 23), by 1 px in the median and 22 px at most. What is left is a line of a caption
 * or a glossary entry that ends within a pixel of its column's edge.
 *
 * Before (the lines of each block counted as its width at 0.6 em a character over the column's,
 * the glossary's headwords a line of their own, weighted 0.75 to 0.93), the same leaflets were
 * off by 21–24 px in the median and 132–147 px at most; the large fixtures by 117 px.
 */
import { visibleText } from './text.js';

/** Fitted weights: a constant, icon arrays, body text, glossary text. */
const FIT = { base: 37, figures: 1.007, text: 1.016, glossary: 0.99 } as const;

/** CSS px per mm; the template's font size (12 pt) in px. */
const MM = 96 / 25.4;
const FONT = 16;
/**
 * The text column (the template's `main`: at most 180 mm, A4 less 15 mm margins each side) as the
 * fit and the browser test lay it out, in a 680 px viewport; printed it is 0.3 px wider.
 */
const PAGE = 680;
/** Line heights (px) of the template: body text 1.32 (Chinese 1.55) at 12 pt, headings 1.25, the glossary 1.28 in every language. */
const LINE = { Latin: 1.32 * FONT, Han: 1.55 * FONT } as const;
const GLOSSARY_LINE = 1.28 * FONT;

/**
 * Widths of the template's font (Noto Sans CJK SC, whose Latin glyphs the leaflet uses in every
 * language; its middle dot comes from the next font) at regular weight, in thousandths of an em:
 * letters fitted by least squares to the widths Chromium gives 1,500 words of the leaflets (so
 * with their usual kerning; off by 0.2 px a word), other characters measured one by one. Han and
 * other full-width characters take 1 em; a Latin character not listed 0.6 em; bold text 6.3 % more.
 */
const LATIN_WIDTHS = [
  'a556 b618 c501 d622 e550 f317 g556 h618 i281 j282 k544 l286 m927 n612 o602 p617 q604 r384 s466 t364 u610 v522 w795 x498 y518 z469',
  'ä551 ö601 ü620 ß642 à556 á556 é550 è550 ç501',
  'A594 B663 C629 D694 E587 F526 G692 H746 I288 J544 K637 L537 M812 N729 O743 P621 Q740 R615 S589 T547 U710 V568 W881 X573 Y531 Z575 Ä594 Ö743 Ü710',
  '0555 1555 2555 3555 4555 5555 6555 7555 8555 9555',
  `.274 ,274 :285 ;278 !323 ?463 -315 –536 —820 /392 (338 )338 [338 ]338 '278 "474 ’510 ‘510 “510 ”510 „474 ·276 %921 &680 +555 =555 <555 >555 *467 #555 @946 _559 |270 ~555 ×1000 ≥1000 ≤1000 …1000`,
].join(' ');
const GLYPH = new Map(LATIN_WIDTHS.split(' ').map((entry) => [entry[0]!, Number(entry.slice(1)) / 1000] as const));
const SPACE = 0.224;
const BOLD = 1.063;
const FULL_WIDTH = '\\u1100-\\u115F\\u2E80-\\uA4CF\\uAC00-\\uD7A3\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFF60\\uFFE0-\\uFFE6';
const IS_FULL_WIDTH = new RegExp(`[${FULL_WIDTH}]`, 'u');
/** Punctuation a line may not start with (it stays with the character before it). */
const NO_LINE_START = '、。，．：；？！）」』】》〉”’…';
/**
 * Where a line may break: between Han characters (closing punctuation kept with the one before),
 * at spaces, and after a hyphen.
 */
const TOKEN = new RegExp(`[${FULL_WIDTH}][${NO_LINE_START}]*|[^\\s${FULL_WIDTH}]+?(?:-|(?=[\\s${FULL_WIDTH}])|$)|\\s+`, 'gu');

type Script = 'Latin' | 'Han';

/** A font of the template: its size in px, bold or not. */
interface Font {
  size: number;
  bold: boolean;
}
const BODY: Font = { size: FONT, bold: false };
const STRONG: Font = { size: FONT, bold: true };

/** Width of a run of text in px, in the template's font. */
function textWidth(text: string, script: Script, font: Font): number {
  let ems = 0;
  for (const ch of text) ems += IS_FULL_WIDTH.test(ch) || (script === 'Han' && ch === '·') ? 1 : (ch === ' ' ? SPACE : (GLYPH.get(ch) ?? 0.6)) * (font.bold ? BOLD : 1);
  return ems * font.size;
}

/** A word (or Han character) as wide as it prints, and the space before it (none at a line's start). */
interface Word {
  width: number;
  space: number;
}

function words(text: string, script: Script, font: Font): Word[] {
  const out: Word[] = [];
  let space = 0;
  for (const token of text.match(TOKEN) ?? []) {
    if (/^\s/.test(token)) space = textWidth(' ', script, font);
    else {
      out.push({ width: textWidth(token, script, font), space });
      space = 0;
    }
  }
  return out;
}

/** Lines a paragraph takes in a column `width` px wide, filled word by word as a browser fills them. */
function wrap(paragraph: readonly Word[], width: number): number {
  let n = 0;
  let used = 0;
  for (const { width: w, space } of paragraph) {
    if (n && used + space + w <= width) used += space + w;
    else {
      n++;
      used = w;
      // A word wider than the column is broken inside it (overflow-wrap: anywhere).
      for (; used > width; used -= width) n++;
    }
  }
  return n;
}

/** Lines a text takes in a column `width` px wide, each block ("\n") from a new line. */
function lines(text: string, width: number, script: Script, font: Font = BODY): number {
  return text.split('\n').reduce((n, block) => n + wrap(words(block, script, font), width), 0);
}

export function estimatePrintedHeight(html: string, script: Script): number {
  const terms = printedHeightTerms(html, script);
  return Math.round(FIT.base + FIT.figures * terms.figures + FIT.text * terms.text + FIT.glossary * terms.glossary);
}

/** What the estimate weighs, in CSS px: the figures (icon arrays with their captions), the body text's blocks and the glossary's columns, each laid out as the template sets them. */
export interface PrintedHeightTerms {
  figures: number;
  text: number;
  glossary: number;
}

/** The gap between a caption and its icons (5 mm); a caption's space below it (1 mm); a figure's own space below it in each layout. */
const CAPTION_GAP = 5 * MM;
const CAPTION_BELOW = 1 * MM;
const BELOW = { strip: 2 * MM, row: 2 * MM, pair: 2 * MM, alone: 2.5 * MM } as const;
/** A column of a pair of arrays: half the page less the 6 mm between them. */
const PAIR_COLUMN = (PAGE - 6 * MM) / 2;

interface Figure {
  caption: string;
  width: number;
  height: number;
}

const FIGURE = /<figure>([\s\S]*?)<\/figure>/g;
const SVG_SIZE = /<svg\b[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/;

function figuresIn(html: string): Figure[] {
  return [...html.matchAll(FIGURE)].map((m) => {
    const size = SVG_SIZE.exec(m[1]!);
    const caption = /<figcaption>([\s\S]*?)<\/figcaption>/.exec(m[1]!)?.[1];
    return { caption: caption ? visibleText(caption) : '', width: size ? Number(size[1]) : 0, height: size ? Number(size[2]) : 0 };
  });
}

/** The figures' heights, laid out as the template's CSS sets them (see `.arrays`, `.strips` in templates/formats/leaflet.hbs). */
function figureHeights(html: string, script: Script): { height: number; rest: string } {
  let height = 0;
  const captionHeight = (f: Figure, width: number) => (f.caption ? lines(f.caption, Math.max(width, FONT * 4), script) * LINE[script] + CAPTION_BELOW : 0);
  // Strips: each a row of its own, caption beside its icons, as tall as the taller.
  let rest = html.replace(/<div class="strips">[\s\S]*?<\/div>/g, (block) => {
    for (const f of figuresIn(block)) height += Math.max(f.height, captionHeight(f, PAGE - f.width - CAPTION_GAP)) + BELOW.strip;
    return '';
  });
  // A pair of arrays side by side: caption above icons, each pair as tall as its taller figure.
  rest = rest.replace(/<div class="arrays side-by-side">[\s\S]*?<\/div>/g, (block) => {
    const figures = figuresIn(block);
    const tall = (f: Figure | undefined) => (f ? captionHeight(f, PAIR_COLUMN) + f.height * Math.min(1, PAIR_COLUMN / Math.max(f.width, 1)) : 0);
    for (let i = 0; i < figures.length; i += 2) height += Math.max(tall(figures[i]), tall(figures[i + 1])) + BELOW.pair;
    return '';
  });
  // Full arrays: rows of one grid, captions in the column the widest array leaves.
  rest = rest.replace(/<div class="arrays">[\s\S]*?<\/div>/g, (block) => {
    const figures = figuresIn(block);
    const widest = Math.max(0, ...figures.map((f) => f.width));
    for (const f of figures) height += Math.max(f.height, captionHeight(f, PAGE - widest - CAPTION_GAP)) + BELOW.row;
    return '';
  });
  // Any other figure: caption above icons, icons scaled down to the page's width.
  rest = rest.replace(FIGURE, (whole) => {
    for (const f of figuresIn(whole)) height += captionHeight(f, PAGE) + f.height * Math.min(1, PAGE / Math.max(f.width, 1)) + BELOW.alone;
    return '';
  });
  return { height, rest };
}

/** Inner width of a box (`.box`: 4 mm padding and a 0.4 mm border each side, which Chromium draws 1 px wide). */
const BOX_INNER = PAGE - 2 * (4 * MM + 1);

/** Headings: 18 pt (h1) and 14 pt (h2) bold, line height 1.25, and their margins; an h2's dot and the space after it (4.6 mm) come before its text. */
const H1 = { font: { size: 24, bold: true }, line: 30, margin: 2 * MM } as const;
const H2 = { font: { size: 56 / 3, bold: true }, line: (56 / 3) * 1.25, margin: 3.4 * MM, dot: 4.6 * MM } as const;
/** Space below a paragraph and a list item; a list's indent (the questions' check boxes take more); the label's padding each side. */
const BELOW_TEXT = { p: 1.2 * MM, li: 0.3 * MM } as const;
const INDENT = { list: 5.5 * MM, questions: 7.5 * MM, label: 3 * MM } as const;

/**
 * The body text's height: each heading, paragraph and list item of the header and the sections,
 * its lines at its font size, line height and width (a list's indent, a box's padding), and the
 * space below it.
 */
function textHeight(html: string, script: Script): number {
  let height = 0;
  for (const [, , attributes, content] of html.matchAll(/<(header|section)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const column = /class="box/.test(attributes!) ? BOX_INNER : PAGE;
    const indent = /questions/.test(attributes!) ? INDENT.questions : INDENT.list;
    for (const [, tag, blockAttributes, inner] of content!.matchAll(/<(h1|h2|p|li)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      const text = visibleText(inner!);
      if (tag === 'h1') height += lines(text, column, script, H1.font) * H1.line + H1.margin;
      else if (tag === 'h2') height += lines(text, column - H2.dot, script, H2.font) * H2.line + H2.margin;
      else if (tag === 'li') height += lines(text, column - indent, script) * LINE[script] + BELOW_TEXT.li;
      else {
        const width = /class="label"/.test(blockAttributes!) ? column - 2 * INDENT.label : column;
        height += lines(text, width, script, /^\s*<strong>/.test(inner!) ? STRONG : BODY) * LINE[script] + BELOW_TEXT.p;
      }
    }
  }
  return height;
}

/** The glossary's two columns (7 mm apart in the box), entries kept whole, balanced as the browser balances them. */
const GLOSSARY_COLUMN = (BOX_INNER - 7 * MM) / 2;

function glossaryHeight(glossary: string, script: Script): number {
  const entries = [...glossary.matchAll(/<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g)].map(([, headword, definition]) => {
    // The headword (bold) and its definition run on in one paragraph. In Latin script 0.3 em apart
    // but with no space between them, so no line breaks after the headword's colon.
    const head = words(visibleText(headword!), script, STRONG);
    const text = words(visibleText(definition!), script, BODY);
    if (script === 'Latin' && head.length && text.length) {
      const last = head.pop()!;
      head.push({ width: last.width + 0.3 * FONT + text.shift()!.width, space: last.space });
    }
    return wrap([...head, ...text], GLOSSARY_COLUMN) * GLOSSARY_LINE + 1 * MM;
  });
  const total = entries.reduce((sum, h) => sum + h, 0);
  // The lowest column height that holds every entry: the first column takes entries up to a split.
  let best = total;
  let first = 0;
  for (const h of entries) {
    first += h;
    best = Math.min(best, Math.max(first, total - first));
  }
  return best;
}

/** The estimate's terms before weighting (scripts/fit-leaflet-height.ts fits FIT to them). */
export function printedHeightTerms(html: string, script: Script): PrintedHeightTerms {
  let body = html.replace(/<head\b[\s\S]*?<\/head>/i, '');
  const glossary = /<section class="box glossary">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  body = body.replace(glossary, '');
  const figures = figureHeights(body, script);
  return { figures: figures.height, text: textHeight(figures.rest, script), glossary: glossaryHeight(glossary, script) };
}

/**
 * What makes a leaflet long, in the estimate's px (weighted as estimatePrintedHeight weighs them),
 * for a warning that names the cause (checks/pages).
 *
 *   estimateLeafletRoom(html of a study of 100 with 5 side effects, 'Latin')
 *   → { height: 2286, figureRows: 481, figures: 100, peoplePerFigure: 1, groups: 3, sideEffects: 5, glossaryTerms: 14 }
 */
export interface LeafletRoom {
  /** The whole estimate (estimatePrintedHeight). */
  height: number;
  /**
   * How much shorter the leaflet would be with one row of figures in every picture: the room the
   * number of participants takes (up to 100 figures a picture, one per person, or 40 for a large study).
   */
  figureRows: number;
  /** Most figures in one picture, and the people each stands for. */
  figures: number;
  peoplePerFigure: number;
  /** Groups of participants (the who-took-part legend), side-effect pictures, glossary terms. */
  groups: number;
  sideEffects: number;
  glossaryTerms: number;
}

const SVG = /<svg\b[^>]*>[\s\S]*?<\/svg>/g;
const FIGURE_Y = /class="person"[^>]*transform="translate\([\d.]+ ([\d.]+)\)/g;

/** Every picture with its rows of figures folded into one: its height less the rows after the first. */
function oneRowOfFigures(html: string): string {
  return html.replace(SVG, (svg) => {
    const rows = [...new Set([...svg.matchAll(FIGURE_Y)].map((m) => Number(m[1])))].sort((a, b) => a - b);
    if (rows.length < 2) return svg;
    const folded = rows.at(-1)! - rows[0]!;
    return svg.replace(/(<svg\b[^>]*\sheight=")([\d.]+)"/, (_, head: string, height: string) => `${head}${Number(height) - folded}"`);
  });
}

export function estimateLeafletRoom(html: string, script: 'Latin' | 'Han'): LeafletRoom {
  const body = html.replace(/<head\b[\s\S]*?<\/head>/i, '').replace(/<section class="box glossary">[\s\S]*?<\/section>/, '');
  const full = figureHeights(body, script).height;
  const folded = figureHeights(oneRowOfFigures(body), script).height;
  const svgs = html.match(SVG) ?? [];
  const who = svgs.find((svg) => /aria-labelledby="\S*-who-title /.test(svg)) ?? '';
  return {
    height: estimatePrintedHeight(html, script),
    figureRows: Math.round(FIT.figures * (full - folded)),
    figures: Math.max(0, ...svgs.map((svg) => (svg.match(/class="person"/g) ?? []).length)),
    peoplePerFigure: Number(/data-people-per-figure="(\d+)"/.exec(who)?.[1] ?? 1),
    groups: (who.match(/<text\b/g) ?? []).length,
    sideEffects: svgs.filter((svg) => /aria-labelledby="\S*-safety-\d+-title /.test(svg)).length,
    glossaryTerms: (/<section class="box glossary">[\s\S]*?<\/section>/.exec(html)?.[0].match(/<dt>/g) ?? []).length,
  };
}
