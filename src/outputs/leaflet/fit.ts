/**
 * How tall a leaflet prints, estimated from its HTML without a browser: enough to choose a
 * layout that fits two A4 pages before anything is printed (see renderLeaflet).
 *
 *   estimatePrintedHeight(html, 'Latin') → 1,840 (CSS px; an A4 page less its margins holds 1,009)
 *
 * The estimate adds the icon arrays' own heights (a pair set side by side counts once, as its
 * taller array) and the lines of text, each block's width guessed with estimateTextWidth; the
 * glossary box is set in two columns. Its weights were fitted to the heights Chromium laid out
 * for 132 leaflets (the 4 samples and 40 generated studies, 1–58 people, 0–8 side effects, each in
 * en, de and zh): the estimate was off by 29 px in the median and by 86 px at most.
 */
import { estimateTextWidth } from './icon-array.js';
import { visibleText } from './text.js';

/** Fitted weights: a constant, icon arrays, body text, glossary text. */
const FIT = { base: 441, arrays: 0.747, text: 0.506, glossary: 1.043 } as const;
/** Line heights of 12 pt text in the template: Latin 1.32, Chinese 1.55; the glossary 1.28 (fitted as Chinese's for Chinese). */
const LINE = { Latin: 21.1, Han: 24.8 } as const;
const GLOSSARY_LINE = { Latin: 20.5, Han: 24.8 } as const;
/** Text widths in CSS px: the page's text column, a column of a pair of arrays, a glossary column. */
const WIDTH = { page: 680, pair: 325, glossaryColumn: 320 } as const;
const FONT = 16;

const SVG_HEIGHT = /<svg\b[^>]*\sheight="([\d.]+)"/g;
const heights = (html: string) => [...html.matchAll(SVG_HEIGHT)].map((m) => Number(m[1]));
const lines = (text: string, width: number) => text.split('\n').reduce((n, block) => n + Math.ceil(estimateTextWidth(block, FONT) / width), 0);

export function estimatePrintedHeight(html: string, script: 'Latin' | 'Han'): number {
  let body = html.replace(/<head\b[\s\S]*?<\/head>/i, '');
  let arrays = 0;
  const pairs = /<div class="arrays side-by-side">[\s\S]*?<\/div>/.exec(body);
  if (pairs) {
    const pair = heights(pairs[0]);
    for (let i = 0; i < pair.length; i += 2) arrays += Math.max(pair[i]!, pair[i + 1] ?? 0);
  }
  const glossary = /<section class="box glossary">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  body = body.replace(glossary, '');
  arrays += heights(pairs ? body.replace(pairs[0], '') : body).reduce((sum, h) => sum + h, 0);
  const captions = [...body.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)].map((m) => visibleText(m[1]!)).join('\n');
  const text = lines(visibleText(body.replace(/<figcaption>[\s\S]*?<\/figcaption>/g, '')), WIDTH.page) + (captions ? lines(captions, pairs ? WIDTH.pair : WIDTH.page) : 0);
  const glossaryLines = lines(visibleText(glossary.replace(/<h2>[\s\S]*?<\/h2>/, '')), WIDTH.glossaryColumn) / 2;
  return Math.round(FIT.base + FIT.arrays * arrays + FIT.text * text * LINE[script] + FIT.glossary * glossaryLines * GLOSSARY_LINE[script]);
}
