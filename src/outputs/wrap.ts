/**
 * Line wrapping for plain-text mail (press.txt): display width by East Asian Width, breaks at
 * spaces in Latin text and between ideographs in Chinese and Japanese, with the usual
 * line-breaking rules (kinsoku): no line starts with closing punctuation or ends with opening
 * punctuation.
 *
 *   wrapText('Eight of 15 people (53 %) had lupus.', { width: 20 }) → ['Eight of 15 people', '(53 %) had lupus.']
 *   wrapText('15名患者中，8名（53%）患有红斑狼疮。', { width: 16 })   → ['15名患者中，8名', '（53%）患有红斑', '狼疮。']
 *
 * Never broken: a word (German compounds are not hyphenated), a number and the unit, percent
 * sign or word after it ("15 mg", "53 %", "1 Person": a count read alone at the end of a line
 * says nothing), a number and the characters either side of it in Chinese, a URL, a grapheme
 * cluster (emoji sequences, combining marks). No line starts with "From ", ">" or a lone dash.
 *
 * The lines give the text back: joined with a space where neither character either side of the
 * break is ideographic (a Latin break takes the place of one space), and with nothing otherwise
 * (a break next to an ideograph takes no space; a space next to one is never a break, so this
 * holds). The one exception is a token that cannot fit in a mail line at all (see
 * MAX_LINE_OCTETS): its pieces join with nothing.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Columns of a press.txt line. 72 is the usual width of plain-text mail: below the 78 that
 * RFC 5322 §2.1.1 recommends, with room for the "> " a reply puts before each quoted line.
 */
export const MAIL_LINE_WIDTH = 72;

/**
 * Octets a line may have (RFC 5322 §2.1.1, without CRLF). Mail servers fold longer lines at
 * arbitrary points, even inside a UTF-8 sequence. A token longer than this (only possible from
 * a facts field of some 250 emoji or 1,000 letters with no space) is cut here instead, into
 * pieces of the line width at grapheme boundaries: a URL that long is unusable either way, and a
 * cut we choose never splits a character. A token that fits in this many octets stays whole on
 * a line of its own, however wide.
 */
export const MAX_LINE_OCTETS = 998;

export interface WrapOptions {
  /** Columns of a line, prefixes included. Default: MAIL_LINE_WIDTH. */
  width?: number;
  /** Put before the first line: a list marker ('- ', '1. '), a quote marker ('> '). Default: none. */
  firstPrefix?: string;
  /** Put before every other line: a hanging indent ('  ') or the quote marker. Default: firstPrefix. */
  restPrefix?: string;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Characters that join the one before into a grapheme cluster (marks, joiners, emoji modifiers,
 * flags, tags, Hangul jamo, prepended marks) or are a CR. Text without any is one cluster per
 * code point, and is split without Intl.Segmenter, which costs about 0.5 µs a character.
 */
const CLUSTER_JOINING = /[\p{M}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Cf}\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{e0020}-\u{e007f}\r]/u;

/** A grapheme cluster and where it starts in its text. */
interface Cluster {
  segment: string;
  index: number;
}

/** The grapheme clusters of a text, in order. */
function clustersOf(text: string): Cluster[] {
  if (CLUSTER_JOINING.test(text)) return [...graphemes.segment(text)];
  const clusters: Cluster[] = [];
  let index = 0;
  for (const segment of text) {
    clusters.push({ segment, index });
    index += segment.length;
  }
  return clusters;
}

/** Octets of a text in UTF-8 (a lone surrogate as the 3 of U+FFFD, as an encoder writes it). */
function octets(text: string): number {
  let count = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    count += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return count;
}

/** Characters that take no column of their own: combining marks, format characters (joiners, variation selectors), controls, default-ignorables, Hangul vowel and final jamo. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}\u1160-\u11ff\ud7b0-\ud7ff]/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}/u;
const EMOJI = /^\p{Emoji}/u;
const VARIATION_EMOJI = '\ufe0f';

/**
 * Columns of one grapheme cluster: 2 for East Asian Wide and Fullwidth characters and for emoji
 * shown as emoji (by default or with U+FE0F), 0 for combining and zero-width characters, 1 for
 * the rest. Ambiguous characters (“”, …, ü) count 1, as UAX #11 says where the context is unknown.
 */
export function clusterWidth(cluster: string): number {
  const codePoint = cluster.codePointAt(0);
  // Printable ASCII, most of a Latin text, needs no lookup.
  if (cluster.length === 1 && codePoint! >= 0x20 && codePoint! < 0x7f) return 1;
  if (codePoint === undefined || ZERO_WIDTH.test(cluster)) return 0;
  if (EMOJI_PRESENTATION.test(cluster) || (cluster.includes(VARIATION_EMOJI) && EMOJI.test(cluster))) return 2;
  return eastAsianWidth(codePoint);
}

/** Columns a text takes in a monospaced font (a terminal, a plain-text mail client). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of clustersOf(text)) width += clusterWidth(segment);
  return width;
}

/**
 * Scripts written without spaces, where a line may break between any two characters: Han,
 * kana, bopomofo, CJK punctuation and symbols, fullwidth and halfwidth forms. Hangul is not
 * among them: Korean puts spaces between words.
 */
const IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2e80-\u2fdf\u3000-\u30ff\u3190-\u31ff\u3200-\u33ff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]/u;

/** No line starts with these (closing punctuation, small kana, iteration and prolonged-sound marks). */
const NO_BREAK_BEFORE = new Set([
  ...'!%),.:;?]}¢°·’”‰′″℃…‥⋯、。〃〆々〉》」』】〕〗〙〛〜〞〟〻ぁぃぅぇぉっゃゅょゎゕゖゝゞ゠ァィゥェォッャュョヮヵヶ・ーヽヾㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ！％），．：；？］｝～｡｣､･ｰﾞﾟ￠',
  // Straight quotes do not say whether they open or close: keep them with both neighbours.
  '"',
  "'",
]);

/** No line ends with these (opening punctuation, currency signs before an amount). */
const NO_BREAK_AFTER = new Set([...'([{£¥‘“〈《「『【〔〖〘〚〝（［｛｢￡￥＄', '"', "'"]);

/**
 * What a wrapped line must not start with: a dash standing alone (it stays at the end of the line
 * before, and "- " would read as a list item), ">" (mail clients show the line as quoted) and
 * "From " (mbox mailboxes rewrite it to ">From ").
 */
const NO_LINE_START = /(?:[-–—](?= |$)|>|From )/uy;

const DIGIT = /^\p{Nd}/u;
const LETTER = /^\p{L}/u;

/**
 * Unit symbols kept on the line of the number before them ("15 mg", "37 °C"); the space between
 * is usually a no-break space already, this also covers a plain one.
 */
const UNIT_AFTER_NUMBER = /(?:%|‰|‱|°[CF]?|℃|×|mmHg|kcal|kDa|mol|[µμnmcdk]?[glLm]|[µμnm]mol|IU|I\.E\.|U|min|ms|h|s|Gy|Hz)(?![\p{L}\p{N}])/uy;

/** Where a URL is in a text: no line breaks inside it. It ends at a space, at <>, or at CJK punctuation. */
const URL = /\b(?:https?|ftp):\/\/[^\s<>\u3000-\u303f\uff00-\uffef]+|\bwww\.[^\s<>\u3000-\u303f\uff00-\uffef]+|\bmailto:[^\s<>\u3000-\u303f\uff00-\uffef]+/giu;

/** Whether a sticky pattern matches the text at an index. */
function matchesAt(sticky: RegExp, text: string, index: number): boolean {
  sticky.lastIndex = index;
  return sticky.test(text);
}

/** A run of text with no break inside it, and what separates it from the run before. */
interface Atom {
  text: string;
  /** ' ' after a break at a space (the space goes when the line breaks there), '' after a break between ideographs. */
  gap: '' | ' ';
  width: number;
  octets: number;
}

/** Splits one line of text (no '\n') into atoms at its break opportunities. */
function atoms(text: string): Atom[] {
  const clusters = clustersOf(text);
  const inUrl = new Uint8Array(clusters.length);
  // Most paragraphs have no URL: skip the search there.
  for (const match of text.includes(':') || text.includes('www.') ? text.matchAll(URL) : []) {
    const end = match.index + match[0].length;
    clusters.forEach((c, i) => {
      if (c.index > match.index && c.index < end) inUrl[i] = 1;
    });
  }
  const at = (i: number) => clusters[i]?.segment ?? '';
  // Nothing below U+2E80 is ideographic: Latin text needs no pattern.
  const ideographic = (i: number) => at(i).charCodeAt(0) >= 0x2e80 && IDEOGRAPHIC.test(at(i));
  const isSpace = (i: number) => at(i) === ' ';

  /** A break at the space at i: Latin on both sides, not between a number and its unit or word, not before what must not start a line. */
  const spaceBreak = (i: number): boolean =>
    i > 0 &&
    i + 1 < clusters.length &&
    !isSpace(i - 1) &&
    !isSpace(i + 1) &&
    !ideographic(i - 1) &&
    !ideographic(i + 1) &&
    !(DIGIT.test(at(i - 1)) && (LETTER.test(at(i + 1)) || matchesAt(UNIT_AFTER_NUMBER, text, clusters[i + 1]!.index))) &&
    !matchesAt(NO_LINE_START, text, clusters[i + 1]!.index);

  /** A break between the clusters at i - 1 and i, with no space: next to an ideograph, kinsoku kept, numbers and URLs whole. */
  const directBreak = (i: number): boolean =>
    !isSpace(i - 1) &&
    !isSpace(i) &&
    (ideographic(i - 1) || ideographic(i)) &&
    !NO_BREAK_AFTER.has(at(i - 1)) &&
    !NO_BREAK_BEFORE.has(at(i)) &&
    !DIGIT.test(at(i - 1)) &&
    !DIGIT.test(at(i)) &&
    !inUrl[i] &&
    !matchesAt(NO_LINE_START, text, clusters[i]!.index);

  const out: Atom[] = [];
  let current: Atom = { text: '', gap: '', width: 0, octets: 0 };
  const close = (gap: Atom['gap']) => {
    if (current.text) out.push(current);
    current = { text: '', gap, width: 0, octets: 0 };
  };
  for (let i = 0; i < clusters.length; i++) {
    if (isSpace(i) && spaceBreak(i)) close(' ');
    else {
      if (i > 0 && directBreak(i)) close('');
      const cluster = at(i);
      current.text += cluster;
      current.width += clusterWidth(cluster);
      current.octets += octets(cluster);
    }
  }
  close('');
  return out;
}

/** Cuts a token too long for any mail line into lines of at most `width` columns and `maxOctets` octets, at grapheme boundaries (inside a cluster only if the cluster alone is too long). */
function cutToken(text: string, width: number, maxOctets: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  let pieceOctets = 0;
  const push = (part: string, partWidth: number, partOctets: number) => {
    if (piece && (pieceWidth + partWidth > width || pieceOctets + partOctets > maxOctets)) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
      pieceOctets = 0;
    }
    piece += part;
    pieceWidth += partWidth;
    pieceOctets += partOctets;
  };
  for (const { segment } of clustersOf(text)) {
    const segmentOctets = octets(segment);
    if (segmentOctets <= maxOctets) push(segment, clusterWidth(segment), segmentOctets);
    else for (const codePoint of segment) push(codePoint, displayWidth(codePoint), octets(codePoint));
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Wraps text to lines of at most `width` columns (prefix included) by filling each line with as
 * many atoms as fit. A '\n' in the text is kept as a line break. A token wider than the line
 * (a long URL) gets a line of its own, unbroken; one over MAX_LINE_OCTETS is cut (see there).
 * Lines have no trailing spaces.
 */
export function wrapText(text: string, options: WrapOptions = {}): string[] {
  const width = options.width ?? MAIL_LINE_WIDTH;
  const firstPrefix = options.firstPrefix ?? '';
  const restPrefix = options.restPrefix ?? firstPrefix;
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let lineOctets = 0;
  const prefix = () => (lines.length === 0 ? firstPrefix : restPrefix);
  // A prefix wider than the line (deeply nested lists) still leaves one column per line.
  const rooms = [firstPrefix, restPrefix].map((p) => ({ width: Math.max(1, width - displayWidth(p)), octets: MAX_LINE_OCTETS - octets(p) }));
  const room = () => rooms[lines.length === 0 ? 0 : 1]!.width;
  const octetRoom = () => rooms[lines.length === 0 ? 0 : 1]!.octets;
  const endLine = () => {
    // An empty line (two line breaks in a row) shows the prefix alone, without its trailing space.
    lines.push(line ? `${prefix()}${line}` : prefix().replace(/ +$/, ''));
    line = '';
    lineWidth = 0;
    lineOctets = 0;
  };
  const startLine = (atom: Atom) => {
    if (atom.octets <= octetRoom()) {
      line = atom.text;
      lineWidth = atom.width;
      lineOctets = atom.octets;
      return;
    }
    const pieces = cutToken(atom.text, room(), octetRoom());
    pieces.forEach((piece, i) => {
      line = piece;
      if (i < pieces.length - 1) endLine();
    });
    lineWidth = displayWidth(line);
    lineOctets = octets(line);
  };
  for (const segment of text.split('\n')) {
    const segmentAtoms = atoms(segment);
    if (segmentAtoms.length === 0) {
      endLine();
      continue;
    }
    segmentAtoms.forEach((atom, i) => {
      if (i === 0) return startLine(atom);
      const fits = lineWidth + atom.gap.length + atom.width <= room() && lineOctets + atom.gap.length + atom.octets <= octetRoom();
      if (fits) {
        line += atom.gap + atom.text;
        lineWidth += atom.gap.length + atom.width;
        lineOctets += atom.gap.length + atom.octets;
      } else {
        endLine();
        startLine(atom);
      }
    });
    endLine();
  }
  return lines;
}
