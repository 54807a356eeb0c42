/**
 * Words of Latin-script text (English, German) for readability formulas.
 *
 *   latinWords('CAR-T-Zell·therapie: 8 von 15 (53 %), z. B. e.g.') → ['CAR-T-Zell·therapie', 'von', 'z', 'B', 'e.g.']
 *   wordLetters('Zell·therapie') → 'Zelltherapie'
 *
 * A word is a token with at least one letter. Numbers ("15", "112", "1,5", "2.024") and symbols
 * ("±", "%") are not words: they carry no syllables a formula could count, and sentences of an
 * expert summary full of figures would otherwise look easier than they read. Hyphenated compounds
 * ("CAR-T-Zell-Therapie", "follow-up") are one word, as Flesch counted them. The Mediopunkt of
 * easy German ("Zell·therapie", U+00B7) and soft hyphens join a word too, and are no letters.
 */

/** Letters, digits and combining marks joined by hyphens, apostrophes, Mediopunkt or soft hyphens,
 *  or a dotted abbreviation written without spaces ("e.g.", "U.S.", "z.B."). */
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-‐‑'’·\u00AD][\p{L}\p{M}\p{N}]+)*/gu;
const LETTER = /\p{L}/u;
const NOT_LETTER = /[^\p{L}\p{M}]/gu;

/** The words of a text, in order (tokens with at least one letter). */
export function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) if (LETTER.test(m[0])) out.push(m[0]);
  return out;
}

/** Tokens that are numbers (digits, possibly with decimal or group separators), reported alongside words. */
export function countNumbers(text: string): number {
  let n = 0;
  for (const m of text.matchAll(TOKEN)) if (!LETTER.test(m[0])) n++;
  return n;
}

/** The letters of a word: hyphens, Mediopunkt, apostrophes, periods and digits removed. */
export function wordLetters(word: string): string {
  return word.replace(NOT_LETTER, '');
}

/** The parts of a hyphenated word, with Mediopunkt and soft hyphens removed ("Zell·therapie" is one part). */
export function wordParts(word: string): string[] {
  return word
    .replace(/[·\u00AD]/gu, '')
    .split(/[-‐‑]/u)
    .filter((part) => part.length > 0);
}
