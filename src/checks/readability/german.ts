/**
 * German readability: Flesch–Amstad and the first Wiener Sachtextformel.
 *
 *   fleschAmstad({ sentences: 2, words: 20, syllables: 36 }) → 64.7   (180 − 10 − 58.5·1.8)
 *   wienerSachtextformel1({ sentences: 2, words: 20, polysyllables: 4, longWords: 6, monosyllables: 10 })
 *     → 6.923  (0.1935·20 + 0.1672·10 + 0.1297·30 − 0.0327·50 − 0.875)
 *
 * Sources: Amstad T. Wie verständlich sind unsere Zeitungen? Dissertation, Universität Zürich,
 * 1978 (Flesch's formula refitted to German; higher is easier, 0–100). Bamberger R, Vanecek E.
 * Lesen – Verstehen – Lernen – Schreiben. Wien: Jugend und Volk, 1984 (WSTF1; about a German
 * school grade, meaningful from 4 to 15).
 *
 * WSTF1 takes percentages (MS 20 for 20 %), not proportions as koRpus's `nWS` does with ×100
 * coefficients; the two conventions give the same number and must not be mixed.
 */
import type { SyllableCounts } from './english.js';

export interface WienerCounts {
  sentences: number;
  words: number;
  /** Words with 3 or more syllables (MS counts these). */
  polysyllables: number;
  /** Words with more than 6 letters (IW). */
  longWords: number;
  /** Words with one syllable (ES). */
  monosyllables: number;
}

/** Amstad (1978): 180 − ASL − 58.5·ASW. */
export function fleschAmstad({ sentences, words, syllables }: SyllableCounts): number {
  return 180 - words / sentences - 58.5 * (syllables / words);
}

/** Bamberger & Vanecek (1984): 0.1935·MS + 0.1672·SL + 0.1297·IW − 0.0327·ES − 0.875. */
export function wienerSachtextformel1(c: WienerCounts): number {
  const ms = (100 * c.polysyllables) / c.words;
  const sl = c.words / c.sentences;
  const iw = (100 * c.longWords) / c.words;
  const es = (100 * c.monosyllables) / c.words;
  return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875;
}
