/**
 * Icon arrays: "10 of 15 people" drawn as 15 person icons, 10 of them marked.
 *
 *   iconArray({ total: 15, groups: [{ count: 10, label: '10 people with this problem' }],
 *               title: '10 of 15 people had a strong immune reaction with fever.', description: '…', id: 'a1' })
 *   → '<svg … role="img" aria-labelledby="a1-title a1-desc"><title id="a1-title">10 of 15 …</title>…
 *      <path class="person" data-group="0" …/> ×10 <path class="person" data-group="none" …/> ×5 … legend …</svg>'
 *
 * Why it looks the way it does (risk-communication practice, see README "Numbers"):
 * - rows of 10, with a gap after the fifth icon, so a reader can count without effort (strips,
 *   for a long list of side effects: rows of 20 smaller icons, a gap after every fifth);
 * - groups are filled in order, one block each, so a group reads as one area;
 * - colour is never the only cue: the first group is solid, further groups carry a pattern
 *   (stripes, dots, …) and unmarked people are outlines, so the array survives greyscale print;
 * - colours are Okabe–Ito (safe for the common colour-vision deficiencies), grey for unmarked;
 * - the text alternative is the full natural-frequency sentence, in the reader's language;
 * - the legend is part of the picture, so it is visible wherever the picture is;
 * - a figure may stand for several people (`peoplePerFigure`, for a large study): a figure shared
 *   by two groups, or the last one holding fewer, is cut into parts whose areas are their shares
 *   (figure-parts.ts), so every person is still drawn and none twice.
 *
 * The output is deterministic: ids come from `id` (or from the content when none is given),
 * never from a counter or a random number, so the same facts give byte-identical files.
 */

import { cutAt, figureParts, type FigurePart } from './figure-parts.js';

export interface IconGroup {
  /** Number of people in this group (icons marked with the group's colour and pattern). */
  count: number;
  /** Legend text for the group, in the target language (plain text; escaped here). */
  label: string;
}

export interface IconArrayOptions {
  /** Number of icons: the denominator (the same for every array of one leaflet). */
  total: number;
  /** Marked groups, drawn in this order; together at most `total`. */
  groups: IconGroup[];
  /** Accessible name: the full natural-frequency sentence ("10 of 15 people had …"). */
  title: string;
  /** Accessible description: what the picture shows and how to read it. */
  description: string;
  /** Legend text for the unmarked icons; without it they get no legend entry. */
  otherLabel?: string;
  /** Prefix for the SVG's ids, unique within the document (e.g. `leaflet-mueller-2024-who`). */
  id?: string;
  /** Where the legend goes: under the icons (default; entries flow and wrap), beside them, one entry a line, or nowhere (a key printed once for several strips). */
  legend?: 'below' | 'right' | 'none';
  /** `full` (default): rows of 10 icons about 4 × 6 mm; `strip`: rows of 20 icons about 2.6 × 4 mm, for many arrays on one page. */
  size?: 'full' | 'strip';
  /** People one figure stands for (default 1); the caller prints the key that says so. */
  peoplePerFigure?: number;
}

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;
export const UNMARKED = '#BBBBBB';

/** Non-colour cue per group: solid first, then patterns that stay apart in greyscale. */
const PATTERNS = ['solid', 'diagonal', 'dots', 'horizontal', 'cross', 'vertical'] as const;
type PatternKind = (typeof PATTERNS)[number];

/** How big the icons are and how many go in a row. */
interface GridLayout {
  /** Scale of the 20 × 30 person path. */
  scale: number;
  cellW: number;
  cellH: number;
  perRow: number;
  /** Extra space after every fifth icon of a row: blocks of five are counted at a glance. */
  gap: number;
}

const GRIDS: Record<NonNullable<IconArrayOptions['size']>, GridLayout> = {
  // About 4 × 6 mm in print, 10 to a row in half a page width.
  full: { scale: 0.8, cellW: 20, cellH: 28, perRow: 10, gap: 6 },
  // About 2.6 × 4 mm, 20 to a row in a third of a page width: a side effect's line, not a block.
  strip: { scale: 0.5, cellW: 12, cellH: 17, perRow: 20, gap: 4 },
};
const PAD = 2;
/** 16 user units = 12 pt: the SVG is printed at its natural size (its width attribute), so legends stay ≥ 12 pt. */
const LEGEND_FONT = 16;
const LEGEND_ROW = 22;
/** Legend icons, as a fraction of the 20 × 30 path. */
const LEGEND_SWATCH = 0.6;
const LEGEND_MIN_WIDTH = 320;

/** One person: head and shoulders, in a 20 × 30 box. */
const PERSON_PATH = 'M5 5.5a5 5 0 1 0 10 0a5 5 0 1 0 -10 0Z M1.5 29.5V19a8.5 7.5 0 0 1 17 0v10.5Z';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A short, stable id from the content (FNV-1a), for callers that give none. */
function contentId(opts: IconArrayOptions): string {
  const text = JSON.stringify([opts.total, opts.groups, opts.title, opts.description, opts.otherLabel ?? '', ...(opts.peoplePerFigure && opts.peoplePerFigure > 1 ? [opts.peoplePerFigure] : [])]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `icons-${hash.toString(36)}`;
}

/**
 * Width of a legend text, estimated without a font: full-width characters (Han, kana, CJK
 * punctuation) take one em, others about 0.6 em (a generous average for sans-serif Latin).
 * Only the SVG's size depends on it; an overestimate leaves some white space.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 1 : 0.6;
  return Math.ceil(ems * fontSize);
}

function patternDef(id: string, kind: PatternKind, colour: string): string {
  const open = `<pattern id="${id}" patternUnits="userSpaceOnUse" width="5" height="5">`;
  const ground = '<rect width="5" height="5" fill="#FFFFFF"/>';
  const line = (d: string) => `<path d="${d}" stroke="${colour}" stroke-width="1.9" fill="none"/>`;
  switch (kind) {
    case 'diagonal':
      return `${open}${ground}${line('M-1 1l2-2M0 5l5-5M4 6l2-2')}</pattern>`;
    case 'dots':
      return `${open}${ground}<circle cx="2.5" cy="2.5" r="1.5" fill="${colour}"/></pattern>`;
    case 'horizontal':
      return `${open}${ground}${line('M0 2.5h5')}</pattern>`;
    case 'cross':
      return `${open}${ground}${line('M0 2.5h5M2.5 0v5')}</pattern>`;
    case 'vertical':
      return `${open}${ground}${line('M2.5 0v5')}</pattern>`;
    default:
      return '';
  }
}

interface Style {
  fill: string;
  stroke: string;
}

function styles(prefix: string, groups: number): { defs: string[]; styles: Style[] } {
  const defs: string[] = [];
  const out: Style[] = [];
  for (let i = 0; i < groups; i++) {
    const colour = OKABE_ITO[i % OKABE_ITO.length]!;
    const kind = PATTERNS[i % PATTERNS.length]!;
    if (kind === 'solid') {
      out.push({ fill: colour, stroke: colour });
    } else {
      const id = `${prefix}-p${i}`;
      defs.push(patternDef(id, kind, colour));
      out.push({ fill: `url(#${id})`, stroke: colour });
    }
  }
  return { defs, styles: out };
}

const OTHER: Style = { fill: '#FFFFFF', stroke: UNMARKED };

const placement = (x: number, y: number, scale: number) => (scale === 1 ? `translate(${x} ${y})` : `translate(${x} ${y}) scale(${scale})`);
const paint = (style: Style) => `d="${PERSON_PATH}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5" stroke-linejoin="round"`;

function icon(x: number, y: number, style: Style, group: string, scale = 1): string {
  const cls = group === 'swatch' ? 'swatch' : 'person';
  const data = group === 'swatch' ? '' : ` data-group="${group}"`;
  return `<path class="${cls}"${data} transform="${placement(x, y, scale)}" ${paint(style)}/>`;
}

/** Clip rectangles for parts of figures, one per distinct cut, named in order of first use. */
class Cuts {
  private readonly ids = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  id(left: number, right: number): string {
    const key = `${left} ${right}`;
    let id = this.ids.get(key);
    if (!id) this.ids.set(key, (id = `${this.prefix}-cut${this.ids.size}`));
    return id;
  }
  defs(): string[] {
    // A little beyond the 20 × 30 box at the figure's own edges, so its outline is not clipped there.
    return [...this.ids].map(([key, id]) => {
      const [left, right] = key.split(' ').map(Number) as [number, number];
      return `<clipPath id="${id}"><rect x="${left}" y="-1" width="${Math.round((right - left) * 100) / 100}" height="32"/></clipPath>`;
    });
  }
}

/**
 * A figure of several parts: the person drawn once per part, each clipped to its share of the
 * area, left to right in the groups' order. A figure holding fewer people than `perFigure` (the
 * last one) ends at its share: part of a figure, as the key says.
 */
function partedFigure(x: number, y: number, scale: number, parts: FigurePart[], perFigure: number, style: (part: FigurePart) => Style, cuts: Cuts): string {
  let people = 0;
  const paths = parts.map((part, i) => {
    const left = i === 0 ? -1 : cutAt(people / perFigure);
    people += part.people;
    const right = people === perFigure ? 21 : cutAt(people / perFigure);
    return `<path class="part" data-group="${part.group}" data-people="${part.people}" clip-path="url(#${cuts.id(left, right)})" ${paint(style(part))}/>`;
  });
  return [`<g class="person" transform="${placement(x, y, scale)}">`, ...paths, `</g>`].join('');
}

interface LegendEntry {
  style: Style;
  label: string;
}

interface LegendLayout {
  items: string[];
  width: number;
  height: number;
}

const SWATCH_W = 20 * LEGEND_SWATCH;

function legendEntry(x: number, y: number, entry: LegendEntry): string[] {
  return [
    icon(x, y + (LEGEND_ROW - 30 * LEGEND_SWATCH) / 2 - 2, entry.style, 'swatch', LEGEND_SWATCH),
    `<text x="${x + SWATCH_W + 8}" y="${y + LEGEND_ROW / 2 + 5}" font-size="${LEGEND_FONT}" fill="#1A1A1A">${escapeXml(entry.label)}</text>`,
  ];
}

const entryWidth = (entry: LegendEntry) => SWATCH_W + 8 + estimateTextWidth(entry.label, LEGEND_FONT);

/** Under the icons, left to right, wrapping at the grid's width (or a minimum, for narrow grids). */
function legendBelow(entries: LegendEntry[], gridWidth: number, gridHeight: number): LegendLayout {
  if (!entries.length) return { items: [], width: gridWidth, height: gridHeight + PAD };
  const maxRow = Math.max(gridWidth, LEGEND_MIN_WIDTH);
  const items: string[] = [];
  let x = PAD;
  let y = gridHeight + 6;
  let width = gridWidth;
  for (const entry of entries) {
    const w = entryWidth(entry);
    if (x > PAD && x + w > maxRow) {
      x = PAD;
      y += LEGEND_ROW;
    }
    items.push(...legendEntry(x, y, entry));
    width = Math.max(width, x + w + PAD);
    x += w + 24;
  }
  return { items, width, height: y + LEGEND_ROW + PAD };
}

/** Beside the icons, one entry a line, centred on the grid's height. */
function legendRight(entries: LegendEntry[], gridWidth: number, gridHeight: number): LegendLayout {
  const x = gridWidth + 20;
  const top = Math.max(0, (gridHeight - entries.length * LEGEND_ROW) / 2);
  const items = entries.flatMap((entry, i) => legendEntry(x, top + i * LEGEND_ROW, entry));
  const width = Math.max(gridWidth, ...entries.map((e) => x + entryWidth(e) + PAD));
  return { items, width, height: Math.max(gridHeight + PAD, top + entries.length * LEGEND_ROW + PAD) };
}

/** Column `c` of a row → x position, with a gap after every fifth icon. */
const columnX = (grid: GridLayout, c: number) => PAD + c * grid.cellW + Math.floor(c / 5) * grid.gap;

export function iconArray(opts: IconArrayOptions): string {
  const { total, groups } = opts;
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`icon array: total must be a whole number ≥ 1, got ${total}`);
  const marked = groups.reduce((sum, g) => sum + g.count, 0);
  if (groups.some((g) => !Number.isInteger(g.count) || g.count < 0) || marked > total) {
    throw new RangeError(`icon array: group counts must be whole numbers ≥ 0 adding up to at most ${total}, got ${groups.map((g) => g.count).join(', ')}`);
  }
  const prefix = opts.id ?? contentId(opts);
  if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new RangeError(`icon array: id must start with a letter and hold only letters, digits, - and _, got \`${prefix}\``);

  const perFigure = opts.peoplePerFigure ?? 1;
  if (!Number.isInteger(perFigure) || perFigure < 1) throw new RangeError(`icon array: peoplePerFigure must be a whole number ≥ 1, got ${perFigure}`);

  const { defs, styles: groupStyles } = styles(prefix, groups.length);
  const grid = GRIDS[opts.size ?? 'full'];
  const figures = figureParts(groups, total, perFigure);
  const columns = Math.min(figures.length, grid.perRow);
  const rows = Math.ceil(figures.length / grid.perRow);
  const gridWidth = columnX(grid, columns - 1) + 20 * grid.scale + PAD;
  const gridHeight = rows * grid.cellH;

  const styleOf = (part: FigurePart) => (part.group === 'none' ? OTHER : groupStyles[part.group]!);
  const cuts = new Cuts(prefix);
  const icons = figures.map((parts, index) => {
    const x = columnX(grid, index % grid.perRow);
    const y = PAD + Math.floor(index / grid.perRow) * grid.cellH;
    const [only] = parts;
    return parts.length === 1 && only!.people === perFigure ? icon(x, y, styleOf(only!), String(only!.group), grid.scale) : partedFigure(x, y, grid.scale, parts, perFigure, styleOf, cuts);
  });
  defs.push(...cuts.defs());

  const entries = groups.map((g, i) => ({ style: groupStyles[i]!, label: g.label }));
  if (opts.otherLabel !== undefined && marked < total) entries.push({ style: OTHER, label: opts.otherLabel });
  const { items: legend, width, height } =
    opts.legend === 'none' ? { items: [], width: gridWidth, height: gridHeight + PAD } : opts.legend === 'right' ? legendRight(entries, gridWidth, gridHeight) : legendBelow(entries, gridWidth, gridHeight);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="icon-array" role="img" aria-labelledby="${prefix}-title ${prefix}-desc"${perFigure > 1 ? ` data-people-per-figure="${perFigure}"` : ''} overflow="visible" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title id="${prefix}-title">${escapeXml(opts.title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(opts.description)}</desc>`,
    ...(defs.length ? [`<defs>${defs.join('')}</defs>`] : []),
    `<g class="icons">`,
    ...icons,
    `</g>`,
    ...(legend.length ? [`<g class="legend">`, ...legend, `</g>`] : []),
    `</svg>`,
  ].join('\n');
}
