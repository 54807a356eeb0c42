/**
 * How tall a leaflet prints, estimated from its HTML without a browser: enough to choose a
 * layout that fits two A4 pages before anything is printed (see renderLeaflet).
 *
 *   estimatePrintedHeight(html, 'Latin') → 1,840 (CSS px; an A4 page less its margins holds 1,009)
 *
 * The estimate adds the figures' heights, laid out as the template's CSS sets them (a strip or a
 * row of full arrays as tall as the taller of its caption and its icons, a pair side by side as
 * its taller figure), the lines of body text, each block's width guessed with estimateTextWidth,
 * and the glossary box's lines in two columns. Its weights were fitted by
 * scripts/fit-leaflet-height.ts to the heights Chromium laid out for 270 leaflets (the 4 samples,
 * the long test fixture and 40 generated studies, each in en, de and zh, with full arrays and with
 * strips): off by 18 px in the median and by 115 px at most; on 40 other generated studies (seeds
 * 11 and 23), by 21–24 px in the median and 107–121 px at most.
 */
import { estimateTextWidth } from './icon-array.js';
import { visibleText } from './text.js';

/** Fitted weights: a constant, icon arrays, body text, glossary text. */
const FIT = { base: 352, figures: 0.933, text: 0.748, glossary: 0.906 } as const;
/** Line heights of 12 pt text in the template: Latin 1.32, Chinese 1.55; the glossary 1.28 (fitted as Chinese's for Chinese). */
const LINE = { Latin: 21.1, Han: 24.8 } as const;
const GLOSSARY_LINE = { Latin: 20.5, Han: 24.8 } as const;
/** Text widths in CSS px: the page's text column, a column of a pair of arrays, a glossary column. */
const WIDTH = { page: 680, pair: 325, glossaryColumn: 320 } as const;
const FONT = 16;

const lines = (text: string, width: number) => text.split('\n').reduce((n, block) => n + Math.ceil(estimateTextWidth(block, FONT) / width), 0);

export function estimatePrintedHeight(html: string, script: 'Latin' | 'Han'): number {
  const terms = printedHeightTerms(html, script);
  return Math.round(FIT.base + FIT.figures * terms.figures + FIT.text * terms.text + FIT.glossary * terms.glossary);
}

/** What the estimate weighs, in CSS px: the figures (icon arrays with their captions), the body text's lines and the glossary's lines, each at its line height. */
export interface PrintedHeightTerms {
  figures: number;
  text: number;
  glossary: number;
}

/** CSS px per mm; the gap between a caption and its icons (5 mm); a figure's own space below it in each layout. */
const MM = 96 / 25.4;
const CAPTION_GAP = 5 * MM;
const BELOW = { strip: 1.8 * MM, row: 2 * MM, pair: 2.5 * MM, alone: 2.5 * MM } as const;

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
function figureHeights(html: string, line: number): { height: number; rest: string } {
  let height = 0;
  const captionHeight = (f: Figure, width: number) => (f.caption ? lines(f.caption, Math.max(width, FONT * 4)) * line : 0);
  // Strips: each a row of its own, caption beside its icons, as tall as the taller.
  let rest = html.replace(/<div class="strips">[\s\S]*?<\/div>/g, (block) => {
    for (const f of figuresIn(block)) height += Math.max(f.height, captionHeight(f, WIDTH.page - f.width - CAPTION_GAP)) + BELOW.strip;
    return '';
  });
  // A pair of arrays side by side: caption above icons, each pair as tall as its taller figure.
  rest = rest.replace(/<div class="arrays side-by-side">[\s\S]*?<\/div>/g, (block) => {
    const figures = figuresIn(block);
    const tall = (f: Figure | undefined) => (f ? captionHeight(f, WIDTH.pair) + MM + Math.min(f.height, WIDTH.pair * (f.height / Math.max(f.width, 1))) : 0);
    for (let i = 0; i < figures.length; i += 2) height += Math.max(tall(figures[i]), tall(figures[i + 1])) + BELOW.pair;
    return '';
  });
  // Full arrays: rows of one grid, captions in the column the widest array leaves.
  rest = rest.replace(/<div class="arrays">[\s\S]*?<\/div>/g, (block) => {
    const figures = figuresIn(block);
    const widest = Math.max(0, ...figures.map((f) => f.width));
    for (const f of figures) height += Math.max(f.height, captionHeight(f, WIDTH.page - widest - CAPTION_GAP)) + BELOW.row;
    return '';
  });
  // Any other figure: caption above icons, icons scaled down to the page's width.
  rest = rest.replace(FIGURE, (whole) => {
    for (const f of figuresIn(whole)) height += captionHeight(f, WIDTH.page) + f.height * Math.min(1, WIDTH.page / Math.max(f.width, 1)) + BELOW.alone;
    return '';
  });
  return { height, rest };
}

/** The estimate's terms before weighting (scripts/fit-leaflet-height.ts fits FIT to them). */
export function printedHeightTerms(html: string, script: 'Latin' | 'Han'): PrintedHeightTerms {
  let body = html.replace(/<head\b[\s\S]*?<\/head>/i, '');
  const glossary = /<section class="box glossary">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  body = body.replace(glossary, '');
  const figures = figureHeights(body, LINE[script]);
  const text = lines(visibleText(figures.rest), WIDTH.page);
  const glossaryLines = lines(visibleText(glossary.replace(/<h2>[\s\S]*?<\/h2>/, '')), WIDTH.glossaryColumn) / 2;
  return { figures: figures.height, text: text * LINE[script], glossary: glossaryLines * GLOSSARY_LINE[script] };
}

/**
 * What makes a leaflet long, in the estimate's px (weighted as estimatePrintedHeight weighs them),
 * for a warning that names the cause (checks/pages).
 *
 *   estimateLeafletRoom(html of a study of 100 with 5 side effects, 'Latin')
 *   → { height: 2320, figureRows: 437, figures: 100, peoplePerFigure: 1, groups: 3, sideEffects: 5, glossaryTerms: 12 }
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
  const full = figureHeights(body, LINE[script]).height;
  const folded = figureHeights(oneRowOfFigures(body), LINE[script]).height;
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
