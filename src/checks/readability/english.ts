/**
 * English readability: Flesch Reading Ease and the Flesch–Kincaid grade.
 *
 *   fleschReadingEase({ sentences: 2, words: 20, syllables: 30 })  → 69.785   (206.835 − 1.015·10 − 84.6·1.5)
 *   fleschKincaidGrade({ sentences: 2, words: 20, syllables: 30 }) → 6.01     (0.39·10 + 11.8·1.5 − 15.59)
 *
 * Sources: Flesch R. A new readability yardstick. J Appl Psychol 1948;32(3):221–233 (Reading Ease);
 * Kincaid JP, Fishburne RP, Rogers RL, Chissom BS. Derivation of new readability formulas … for
 * Navy enlisted personnel. Research Branch Report 8-75, 1975 (grade; −15.59 is the standard
 * constant, the R `readability` package's −15.9 is not).
 *
 * Syllables come from `syllable` (dictionary of exceptions plus English rules); a word has at
 * least one syllable, a hyphenated word the sum of its parts.
 */
import { syllable } from 'syllable';
import { wordLetters, wordParts } from './words.js';

export interface SyllableCounts {
  sentences: number;
  words: number;
  syllables: number;
}

/** Flesch (1948): higher is easier; 60–70 is plain English, below 30 very difficult. */
export function fleschReadingEase({ sentences, words, syllables }: SyllableCounts): number {
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}

/** Kincaid et al. (1975): a US school grade. */
export function fleschKincaidGrade({ sentences, words, syllables }: SyllableCounts): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** Syllables of one English word: the sum over its hyphenated parts. A part without vowels is an
 *  abbreviation read letter by letter ("CD" 2, the "T" of "CAR-T" 1), a part without letters
 *  (the "19" of "COVID-19") has none, any other part at least one. */
export function englishSyllables(word: string): number {
  let total = 0;
  for (const part of wordParts(word)) {
    const letters = wordLetters(part);
    if (!letters) continue;
    total += /[aeiouy]/i.test(letters) ? Math.max(1, syllable(part)) : letters.length;
  }
  return Math.max(total, 1);
}
