/**
 * Readability measurement: the public face of the module.
 *
 *   const figures = measureReadability(plainText, 'de', { glossaryTerms })
 *     → { lang: 'de', sentences: 41, words: 389, fleschAmstad: 71.3, wienerSachtextformel1: 5.2, … }
 *   compareWithBand(figures, bandFor(parseBands(bandsJson), 'easy', 'de'))
 *     → [{ figure: 'fleschAmstad', value: 71.3, limit: { min: 70 }, ok: true }, …]
 *
 * Pure functions over plain text (the caller strips Markdown); the only I/O is reading the
 * Chinese common-word list once, on first use. Formulas: Flesch (1948), Kincaid et al. (1975),
 * Amstad (1978), Bamberger & Vanecek (1984), Wang et al. (2020).
 */
export { measureReadability, measureReadabilityOfLines, formulaLanguage, type ReadabilityFigures, type MeasureOptions } from './measure.js';
export { parseBands, bandFor, compareWithBand, BandsError, BANDABLE_FIGURES, type Bands, type Band, type Limit, type BandCheck, type ReadabilityFigureName } from './bands.js';
export { splitSentences, ABBREVIATIONS } from './sentences.js';
export { latinWords, wordLetters, wordParts, countNumbers } from './words.js';
export { germanSyllables, GERMAN_SYLLABLE_EXCEPTIONS } from './syllables-de.js';
export { englishSyllables, fleschReadingEase, fleschKincaidGrade, type SyllableCounts } from './english.js';
export { fleschAmstad, wienerSachtextformel1, type WienerCounts } from './german.js';
export { countChinese, chineseDifficulty, CHINESE_SETTINGS, type ChineseCounts, type ChineseOptions } from './chinese.js';
export { commonChineseWords, chineseWordsByFrequency } from './common-words-zh.js';
