/**
 * Readability figures of one plain text in English, German or Chinese.
 *
 *   measureReadability('The cells came from each person. They were given once.', 'en')
 *     → { lang: 'en', sentences: 2, words: 10, syllables: 12, wordsPerSentence: 5, fleschKincaidGrade: 0.52, … }
 *   measureReadability('研究在德国开展。', 'zh') → { lang: 'zh', sentences: 1, words: 4, hanCharacters: 7, charactersPerSentence: 7, … }
 *
 * Input is plain text (Markdown already stripped), one block per line. Ratios are rounded to two
 * decimals, so reports are stable and readable and a band is judged on the figure it shows.
 * A text without sentences has counts of 0 and no ratios.
 */
import { chineseDifficulty, chineseSettingsKey, countedChinese, sumChinese, type ChineseCounts, type CountedChinese } from './chinese.js';
import { englishSyllables, fleschKincaidGrade, fleschReadingEase } from './english.js';
import { fleschAmstad, wienerSachtextformel1 } from './german.js';
import { splitSentences } from './sentences.js';
import { germanSyllables } from './syllables-de.js';
import { countNumbers, latinWords, wordLetters } from './words.js';
import { digitShape, DigitShapeMemo, keptBy, type TextShape } from '../../memo/index.js';

export interface ReadabilityFigures {
  /** The language as asked for. Only `en`, `de` and `zh` (also `en-GB`, `zh-Hans`, …) have formulas;
   *  any other language gets the counts and words per sentence. */
  lang: string;
  /** Sentences with at least one word (en, de) or one Han character (zh); see splitSentences. */
  sentences: number;
  /** Words: tokens with a letter (en, de; a hyphenated compound is one), word-like segments of
   *  Intl.Segmenter (zh; numbers and Latin words included). */
  words: number;
  /** Words per sentence (ASL, SL). */
  wordsPerSentence?: number;
  /** Number tokens ("15", "1,5"), not counted as words (en, de). */
  numbers?: number;
  /** Syllables of all words (en: `syllable`; de: germanSyllables). */
  syllables?: number;
  /** Syllables per word (ASW). */
  syllablesPerWord?: number;
  /** en: Flesch Reading Ease (Flesch 1948); higher is easier, 60–70 plain English. */
  fleschReadingEase?: number;
  /** en: Flesch–Kincaid grade (Kincaid et al. 1975), a US school grade. */
  fleschKincaidGrade?: number;
  /** de: Flesch–Amstad (Amstad 1978); higher is easier, 0–100. */
  fleschAmstad?: number;
  /** de: Wiener Sachtextformel 1 (Bamberger & Vanecek 1984), about a German school grade (4–15). */
  wienerSachtextformel1?: number;
  /** de: % of words with 3 or more syllables (MS). */
  polysyllablePercent?: number;
  /** de: % of words with more than 6 letters (IW). */
  longWordPercent?: number;
  /** de: % of words with one syllable (ES). */
  monosyllablePercent?: number;
  /** zh: Han characters (no punctuation, digits or Latin letters). */
  hanCharacters?: number;
  /** zh: Han characters per sentence. */
  charactersPerSentence?: number;
  /** zh: word-like segments with Han characters outside the common words (CHINESE_SETTINGS), glossary terms left out. */
  difficultWords?: number;
  /** zh: difficult words per 100 words. */
  difficultWordsPer100?: number;
  /** zh: wordsPerSentence + difficultWordsPer100 (after Wang et al. 2020: 20–30 intermediate, above 30 difficult). */
  difficulty?: number;
  /** zh: difficult words not counted because they are inside a glossary term passed in the options. */
  excludedGlossaryTerms?: number;
}

export interface MeasureOptions {
  /** zh: terms the text explains in its glossary; difficult words inside them are not counted. Ignored for en, de. */
  glossaryTerms?: readonly string[];
  /** zh: size of the common-word list (default CHINESE_SETTINGS.commonWords). */
  commonWords?: number;
  /** zh: count segments that split into common words as common (default CHINESE_SETTINGS.composedOfCommonWords). */
  composedOfCommonWords?: boolean;
}

/** `en-GB` → `en`, `zh-Hans` → `zh`. */
export function formulaLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

export function measureReadability(text: string, lang: 'en' | 'de' | 'zh' | (string & {}), options: MeasureOptions = {}): ReadabilityFigures {
  return measureReadabilityOfLines(text.split(/\r\n?|\n/), lang, options);
}

/**
 * The same for a text given as its lines (blocks), with, where the caller has them, each line's
 * `digitShape` (src/markdown gives them): lines of a shape share one string, so the counts kept
 * by shape are found without reading the line again.
 */
export function measureReadabilityOfLines(lines: readonly string[], lang: string, options: MeasureOptions = {}, shapes?: readonly TextShape[]): ReadabilityFigures {
  const base = formulaLanguage(lang);
  if (base === 'zh') {
    const byShape = (options.glossaryTerms ?? []).every((term) => !HAS_DIGIT.test(term));
    const counts = byShape ? countChineseLines(lines, shapes, options) : sumChinese([countedChinese(splitSentences(lines.join('\n'), base), options)], options);
    return chineseFigures(lang, counts);
  }
  return measureLatin(lang, base, lines, shapes);
}

const HAS_DIGIT = /[0-9]/;

/**
 * Chinese lines counted by line shape (sentences never cross a line), per settings. The counts
 * depend on a sentence's shape only (see chineseSentence), and so do the glossary matches when no
 * glossary term has a digit: a term without digits matches a text where it matches its shape. A
 * line's counts are kept (with the sentences that have difficult words), so a line seen before is
 * neither split nor its sentences looked up again. Bounded.
 */
const chineseLines = new Map<string, DigitShapeMemo<CountedChinese>>();

function countChineseLines(lines: readonly string[], shapes: readonly TextShape[] | undefined, options: MeasureOptions): ChineseCounts {
  const settings = chineseSettingsKey(options);
  let memo = chineseLines.get(settings);
  if (!memo) chineseLines.set(settings, (memo = new DigitShapeMemo()));
  const counted: CountedChinese[] = [];
  for (let i = 0; i < lines.length; i++) {
    const shape = shapes?.[i];
    const text = shape ? shape.text : digitShape(lines[i]!);
    let line = shape ? memo.getShape(shape) : memo.get(text);
    if (!line) {
      line = countedChinese(splitSentences(text, 'zh'), options);
      if (shape) memo.setShape(shape, line);
      else memo.set(text, line);
    }
    counted.push(line);
  }
  return sumChinese(counted, options);
}

function chineseFigures(lang: string, c: ChineseCounts): ReadabilityFigures {
  const figures: ReadabilityFigures = { lang, sentences: c.sentences, words: c.words, hanCharacters: c.hanCharacters, difficultWords: c.difficultWords, excludedGlossaryTerms: c.excludedGlossaryTerms };
  if (c.sentences === 0) return figures;
  return {
    ...figures,
    wordsPerSentence: round(c.words / c.sentences),
    charactersPerSentence: round(c.hanCharacters / c.sentences),
    difficultWordsPer100: round((100 * c.difficultWords) / c.words),
    difficulty: round(chineseDifficulty(c)),
  };
}

/** What one sentence adds to a Latin-script text's counts. */
interface LatinSentence {
  numbers: number;
  words: number;
  syllables: number;
  polysyllables: number;
  monosyllables: number;
  longWords: number;
}

/**
 * Counts by language and sentence shape: summaries of a batch repeat the same sentences
 * (headings, explanations, glossary entries) across studies, and the rest mostly differ in their
 * figures ("8 of 19 people (42%)"). Counting syllables was most of a check's time. The counts
 * depend on the sentence's letters and the number of digits in each figure, not on the digits'
 * values (numbers are no words; a word with digits, "CD19", has the syllables of its letters), so
 * they are kept by `digitShape`. Bounded, so a batch build's memory stays flat.
 */
const latinSentences = new Map<string, DigitShapeMemo<LatinSentence>>();
const WORD_MEMO_LIMIT = 50_000;

function memoOf<V>(memos: Map<string, DigitShapeMemo<V>>, base: string): DigitShapeMemo<V> {
  let memo = memos.get(base);
  if (!memo) memos.set(base, (memo = new DigitShapeMemo<V>()));
  return memo;
}

/** Syllables by word, per language: far fewer distinct words than sentences. Bounded. */
const SYLLABLE_COUNTERS: Record<string, (word: string) => number> = {
  en: keptBy(englishSyllables, WORD_MEMO_LIMIT),
  de: keptBy(germanSyllables, WORD_MEMO_LIMIT),
};

function countLatinSentence(sentence: string, base: string, countSyllables: ((word: string) => number) | undefined): LatinSentence {
  const memo = memoOf(latinSentences, base);
  const shape = digitShape(sentence);
  const known = memo.get(shape);
  if (known) return known;
  const counts: LatinSentence = { numbers: countNumbers(sentence), words: 0, syllables: 0, polysyllables: 0, monosyllables: 0, longWords: 0 };
  const found = latinWords(sentence);
  counts.words = found.length;
  if (countSyllables) {
    for (const word of found) {
      const n = countSyllables(word);
      counts.syllables += n;
      if (n >= 3) counts.polysyllables++;
      if (n === 1) counts.monosyllables++;
      if (wordLetters(word).length > 6) counts.longWords++;
    }
  }
  memo.set(shape, counts);
  return counts;
}

/** What one line (a paragraph, list item or heading) adds: its sentences' counts summed. */
interface LatinLine extends LatinSentence {
  /** Sentences with at least one word. */
  sentences: number;
}

/** Counts by language and line shape: sentences never cross a line, and most lines of a batch recur whole but for their figures. Bounded. */
const latinLines = new Map<string, DigitShapeMemo<LatinLine>>();

function countLatinLine(line: string, shape: TextShape | undefined, base: string, countSyllables: ((word: string) => number) | undefined): LatinLine {
  const memo = memoOf(latinLines, base);
  const key = shape ? undefined : digitShape(line);
  const known = shape ? memo.getShape(shape) : memo.get(key!);
  if (known) return known;
  const sum: LatinLine = { sentences: 0, numbers: 0, words: 0, syllables: 0, polysyllables: 0, monosyllables: 0, longWords: 0 };
  for (const sentence of splitSentences(line, base)) {
    const c = countLatinSentence(sentence, base, countSyllables);
    if (c.words > 0) sum.sentences++;
    addCounts(sum, c);
  }
  if (shape) memo.setShape(shape, sum);
  else memo.set(key!, sum);
  return sum;
}

function addCounts(sum: LatinSentence, c: LatinSentence): void {
  sum.numbers += c.numbers;
  sum.words += c.words;
  sum.syllables += c.syllables;
  sum.polysyllables += c.polysyllables;
  sum.monosyllables += c.monosyllables;
  sum.longWords += c.longWords;
}

function measureLatin(lang: string, base: string, lines: readonly string[], shapes: readonly TextShape[] | undefined): ReadabilityFigures {
  const countSyllables = SYLLABLE_COUNTERS[base];
  const sum: LatinLine = { sentences: 0, numbers: 0, words: 0, syllables: 0, polysyllables: 0, monosyllables: 0, longWords: 0 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const c = countLatinLine(line, shapes?.[i], base, countSyllables);
    sum.sentences += c.sentences;
    addCounts(sum, c);
  }
  const sentenceCount = sum.sentences;
  const { words, numbers, syllables, polysyllables, monosyllables, longWords } = sum;
  const figures: ReadabilityFigures = { lang, sentences: sentenceCount, words, numbers };
  if (sentenceCount === 0) return figures;
  figures.wordsPerSentence = round(words / sentenceCount);
  if (!countSyllables) return figures;
  const counts = { sentences: sentenceCount, words, syllables };
  figures.syllables = syllables;
  figures.syllablesPerWord = round(syllables / words);
  if (base === 'en') {
    figures.fleschReadingEase = round(fleschReadingEase(counts));
    figures.fleschKincaidGrade = round(fleschKincaidGrade(counts));
  } else {
    figures.fleschAmstad = round(fleschAmstad(counts));
    figures.wienerSachtextformel1 = round(wienerSachtextformel1({ sentences: sentenceCount, words, polysyllables, longWords, monosyllables }));
    figures.polysyllablePercent = round((100 * polysyllables) / words);
    figures.longWordPercent = round((100 * longWords) / words);
    figures.monosyllablePercent = round((100 * monosyllables) / words);
  }
  return figures;
}

const round = (x: number) => Math.round(x * 100) / 100;
