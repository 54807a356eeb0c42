/**
 * Characters a facts file's text may not contain, and how to name them in a message.
 *
 *   findHiddenCharacters('Lupus\u202Eevil') → [{ position: 6, codePoint: 0x202e, kind: 'bidi', name: 'RIGHT-TO-LEFT OVERRIDE' }]
 *   hiddenCharacterMessage('Lupus\u202Eevil')
 *   → 'contains U+202E RIGHT-TO-LEFT OVERRIDE at character 6, an invisible bidi control that can reorder how the text is displayed; remove it'
 *   printable('\u001b[31mred') → 'U+001B[31mred'
 *
 * Four classes are rejected (see `Text` in schema.ts for why):
 * - bidi controls: U+202A–U+202E, U+2066–U+2069 and the marks U+200E, U+200F, U+061C;
 * - zero-width and invisible characters: U+200B–U+200D, U+2060–U+2064, U+FEFF, the soft hyphen
 *   U+00AD (a reader sees "45" where the number check read 4 and 5), fillers and tag characters
 *   (U+200D ZERO WIDTH JOINER is allowed between two emoji, where it joins them into one, e.g. 👩‍🔬,
 *   and tag characters inside a flag's tag sequence, e.g. 🏴󠁧󠁢󠁳󠁣󠁴󠁿);
 * - control characters: U+0000–U+001F except tab and line feed, U+007F–U+009F;
 * - digits other than 0–9 (fullwidth ４５, other scripts' digits, superscripts, circled numbers): the
 *   number checks read 0–9, so a number written otherwise would reach readers unchecked.
 */

export type HiddenKind = 'bidi' | 'invisible' | 'control' | 'digit';

export interface HiddenCharacter {
  /** 1-based position in the text, counted in characters (code points) as a reader counts them. */
  position: number;
  codePoint: number;
  kind: HiddenKind;
  /** The Unicode name where it helps (`RIGHT-TO-LEFT OVERRIDE`); empty for the rarer control characters. */
  name: string;
}

const NAMES: Record<number, string> = {
  0x0000: 'NULL',
  0x0007: 'BELL',
  0x0008: 'BACKSPACE',
  0x000b: 'LINE TABULATION',
  0x000c: 'FORM FEED',
  0x000d: 'CARRIAGE RETURN',
  0x001b: 'ESCAPE',
  0x007f: 'DELETE',
  0x0085: 'NEXT LINE',
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
};

const WHY: Record<HiddenKind, string> = {
  bidi: 'an invisible bidi control that can reorder how the text is displayed',
  invisible: 'an invisible character that can hide or split words without a reader seeing it',
  control: 'a control character, not text',
  digit: 'a digit the number checks cannot read',
};

/** Fillers and other characters that print as nothing (beyond the zero-width ones named above). */
const BLANK = new Set([0x00ad, 0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x3164, 0xffa0]);
const OTHER_DIGIT = /^[\p{Nd}\p{No}]$/u;

function kindOf(cp: number): HiddenKind | undefined {
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'bidi';
  if ((cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff || BLANK.has(cp) || (cp >= 0xe0000 && cp <= 0xe007f)) return 'invisible';
  if ((cp <= 0x1f && cp !== 0x09 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if ((cp < 0x30 || cp > 0x39) && cp > 0x7f && OTHER_DIGIT.test(String.fromCodePoint(cp))) return 'digit';
  return undefined;
}

const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
/** Variation selector 16 and skin-tone modifiers may sit between an emoji and its joiner. */
const EMOJI_TRAILER = /^[\uFE0F\u{1F3FB}-\u{1F3FF}]$/u;

/** A zero width joiner between two emoji joins them into one (👩‍🔬, 👨‍👩‍👧): that one is text. */
function joinsEmoji(chars: readonly string[], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && EMOJI_TRAILER.test(chars[before]!)) before--;
  return before >= 0 && PICTOGRAPHIC.test(chars[before]!) && i + 1 < chars.length && PICTOGRAPHIC.test(chars[i + 1]!);
}

/** A tag character (U+E0020–U+E007F) after a black flag 🏴 and other tags spells a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿): that one is text. */
function inFlagTags(chars: readonly string[], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && chars[before]!.codePointAt(0)! >= 0xe0020 && chars[before]!.codePointAt(0)! <= 0xe007e) before--;
  return before >= 0 && chars[before]!.codePointAt(0) === 0x1f3f4;
}

export const codePointLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every rejected character of a text, in order. */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const chars = [...text];
  const found: HiddenCharacter[] = [];
  chars.forEach((c, i) => {
    const cp = c.codePointAt(0)!;
    const kind = kindOf(cp);
    if (!kind || (cp === 0x200d && joinsEmoji(chars, i)) || (cp >= 0xe0020 && cp <= 0xe007f && inFlagTags(chars, i))) return;
    found.push({ position: i + 1, codePoint: cp, kind, name: NAMES[cp] ?? '' });
  });
  return found;
}

/** The message for a text with rejected characters (naming the first), or undefined when it has none. */
export function hiddenCharacterMessage(text: string): string | undefined {
  const found = findHiddenCharacters(text);
  const first = found[0];
  if (!first) return undefined;
  const more = found.length > 1 ? ` (and ${found.length - 1} more such character${found.length > 2 ? 's' : ''})` : '';
  return `contains ${codePointLabel(first.codePoint)}${first.name ? ` ${first.name}` : ''} at character ${first.position}, ${WHY[first.kind]}; ${first.kind === 'digit' ? 'write the number with the digits 0–9' : 'remove it'}${more}`;
}

/**
 * Text from a file made safe to print in a message on a terminal: rejected characters become
 * `U+XXXX`, and long text is cut (a 100 KB key would otherwise fill the screen).
 */
export function printable(text: string, max = 60): string {
  const chars = [...text];
  const cut = chars.length > max ? [...chars.slice(0, max), '…'] : chars;
  return cut.map((c) => (kindOf(c.codePointAt(0)!) || c === '\n' || c === '\t' ? codePointLabel(c.codePointAt(0)!) : c)).join('');
}

/** A field path with its keys made printable, for a message (a key can hold anything a file does). */
export const printablePath = (path: readonly PropertyKey[]): PropertyKey[] => path.map((seg) => (typeof seg === 'string' ? printable(seg) : seg));
