/**
 * Chinese readability indicators: characters and words per sentence, difficult words, and a
 * difficulty figure after Wang et al.
 *
 *   countChinese(['医生试用了CAR-T细胞疗法。'])
 *     → { sentences: 1, hanCharacters: 9, words: 7, difficultWords: 2, … }   (试用, 疗法 are not common)
 *   chineseDifficulty({ sentences: 2, words: 30, difficultWords: 3 }) → 25   (30/2 + 100·3/30)
 *
 * Source: Wang et al., BMJ Open 2020;10:e038091 (https://bmjopen.bmj.com/content/10/10/e038091),
 * on Chinese lupus leaflets: difficulty = average sentence length + difficult words per 100 words;
 * 20–30 intermediate, above 30 difficult, no band defined below 20. Their difficult words are
 * grades 3–4 and "superclass" of the old HSK graded vocabulary. No HSK list is packaged, so here
 * a difficult word is one outside the most frequent words of a subtitle corpus (CHINESE_SETTINGS):
 * the figures compare our summaries with each other and with our bands, not with the paper.
 *
 * No canonical Chinese formula exists, so these are indicators: sentence length in Han characters
 * (Jun Da's measure) and the difficulty figure. Words come from Intl.Segmenter (ICU dictionary
 * segmentation), counting its word-like segments, numbers and Latin words included.
 */
import { commonChineseWords } from './common-words-zh.js';
import { digitShape } from '../../memo/index.js';

export const CHINESE_SETTINGS = {
  /**
   * A word-like segment with Han characters outside the first `commonWords` words of the list is
   * difficult. 5000, because Wang et al.'s easy words, HSK grades 1–2, are about 3,000 words, and a
   * subtitle list needs more places for the same everyday vocabulary: about 400 of its first 5000
   * entries are English, and more are names, interjections and traditional duplicates. At 5000,
   * 医生 (rank 358), 治疗 (1649), 药物 (3375) and 细胞 (4876) are common; 患者 (5382), 医学 (5553),
   * 症状 (6344) and 副作用 (8969) are difficult: the medical register an easy text should explain
   * or avoid. It is also close to the HSK 3.0 vocabulary up to level 5 (4,316 words).
   */
  commonWords: 5000,
  /**
   * Also count as common a segment that splits into common words (的是 = 的 + 是, 不知道 = 不 + 知道).
   * ICU segments differently from the subtitle list, so such joins look rare; on the bundled
   * summaries this rule lowers the difficulty figure by about 10. On: a word a reader can read
   * as two everyday words is not a hard word; the cost is that it also forgives transparent
   * terms (副作用 = 副 + 作用, 住院 = 住 + 院), which lay readers mostly know anyway.
   */
  composedOfCommonWords: true,
} as const;

export interface ChineseOptions {
  /** Override CHINESE_SETTINGS.commonWords. */
  commonWords?: number;
  /** Override CHINESE_SETTINGS.composedOfCommonWords. */
  composedOfCommonWords?: boolean;
  /** Terms the text explains in a glossary; difficult words inside them are not counted. */
  glossaryTerms?: readonly string[];
}

export interface ChineseCounts {
  /** Sentences with at least one Han character; a Latin-only line (a citation, a DOI) is none. */
  sentences: number;
  /** Han characters (not punctuation, digits or Latin letters). */
  hanCharacters: number;
  /** Word-like segments (Intl.Segmenter), numbers and Latin words included. */
  words: number;
  /** Word-like segments with Han characters outside the common words, glossary terms excluded. */
  difficultWords: number;
  /** Difficult words left out because they are part of a glossary term. */
  excludedGlossaryTerms: number;
}

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Wang et al. (2020): words per sentence + difficult words per 100 words. */
export function chineseDifficulty({ sentences, words, difficultWords }: Pick<ChineseCounts, 'sentences' | 'words' | 'difficultWords'>): number {
  return words / sentences + (100 * difficultWords) / words;
}

/** What one sentence adds: Han characters, words, and where its difficult words are. */
interface ChineseSentence {
  han: number;
  words: number;
  /** Start and end (UTF-16) of each difficult word. */
  difficult: [number, number][];
}

/**
 * Segmentations by sentence: a batch repeats the same sentences across studies and segmenting
 * was most of a Chinese check's time. Keyed with every ASCII digit as 0: in Unicode word
 * segmentation (UAX #29, which ICU follows) all digits are one class, so "15名" and "00名" split
 * alike, and digits are never Han, never difficult. Bounded, so memory stays flat.
 */
const sentenceMemos = new Map<string, Map<string, ChineseSentence>>();
const SENTENCE_MEMO_LIMIT = 50_000;

/** The memo of sentences segmented with these settings. */
function sentenceMemoFor(commonWords: number, composed: boolean): Map<string, ChineseSentence> {
  const settings = chineseSettingsKey({ commonWords, composedOfCommonWords: composed });
  let memo = sentenceMemos.get(settings);
  if (!memo) sentenceMemos.set(settings, (memo = new Map()));
  return memo;
}

function chineseSentence(sentence: string, commonWords: number, composed: boolean, sentenceMemo: Map<string, ChineseSentence>): ChineseSentence {
  // A sentence that is a shape already (see measureReadabilityOfLines) comes back as it is: no new key to hash.
  const key = digitShape(sentence);
  const known = sentenceMemo.get(key);
  if (known) return known;
  const common = commonChineseWords(commonWords);
  const result: ChineseSentence = { han: sentence.match(HAN_ALL)?.length ?? 0, words: 0, difficult: [] };
  if (result.han > 0) {
    for (const s of segmenter.segment(sentence)) {
      if (!s.isWordLike) continue;
      result.words++;
      if (!HAN.test(s.segment) || common.has(s.segment) || (composed && splitsIntoCommon(s.segment, common))) continue;
      result.difficult.push([s.index, s.index + s.segment.length]);
    }
  }
  if (sentenceMemo.size >= SENTENCE_MEMO_LIMIT) sentenceMemo.clear();
  sentenceMemo.set(key, result);
  return result;
}

/** Count the sentences (already split) of a Chinese text. */
export function countChinese(sentences: readonly string[], options: ChineseOptions = {}): ChineseCounts {
  return sumChinese([countedChinese(sentences, options)], options);
}

/**
 * What some sentences add to the counts: the sums, and the difficult words of each sentence that
 * has any (a glossary term, known only when summing, may cover them). Lines are kept in this form.
 */
export interface CountedChinese {
  sentences: number;
  hanCharacters: number;
  words: number;
  /** Sentences with difficult words: the sentence and where each difficult word is. */
  difficult: { text: string; spans: [number, number][] }[];
}

/** The sentences counted under the options' settings (the glossary is applied by sumChinese). */
export function countedChinese(sentences: readonly string[], options: ChineseOptions = {}): CountedChinese {
  const commonWords = options.commonWords ?? CHINESE_SETTINGS.commonWords;
  const composed = options.composedOfCommonWords ?? CHINESE_SETTINGS.composedOfCommonWords;
  const memo = sentenceMemoFor(commonWords, composed);
  const counted: CountedChinese = { sentences: 0, hanCharacters: 0, words: 0, difficult: [] };
  for (const text of sentences) {
    const found = chineseSentence(text, commonWords, composed, memo);
    if (found.han === 0) continue;
    counted.sentences++;
    counted.hanCharacters += found.han;
    counted.words += found.words;
    if (found.difficult.length > 0) counted.difficult.push({ text, spans: found.difficult });
  }
  return counted;
}

/** The settings counted sentences depend on, as one string (`5000+`): callers keeping counts keep them per settings. */
export function chineseSettingsKey(options: ChineseOptions = {}): string {
  return `${options.commonWords ?? CHINESE_SETTINGS.commonWords}${(options.composedOfCommonWords ?? CHINESE_SETTINGS.composedOfCommonWords) ? '+' : '-'}`;
}

/** Add up counted sentences; a difficult word inside one of the options' glossary terms is left out. */
export function sumChinese(parts: Iterable<CountedChinese>, options: ChineseOptions = {}): ChineseCounts {
  const terms = [...new Set((options.glossaryTerms ?? []).map((t) => t.trim()).filter(Boolean))];
  const counts: ChineseCounts = { sentences: 0, hanCharacters: 0, words: 0, difficultWords: 0, excludedGlossaryTerms: 0 };
  for (const part of parts) {
    counts.sentences += part.sentences;
    counts.hanCharacters += part.hanCharacters;
    counts.words += part.words;
    for (const { text, spans } of part.difficult) {
      const covered = terms.length ? glossaryCoverage(text, terms) : undefined;
      for (const [start, end] of spans) {
        if (covered && isCovered(covered, start, end)) counts.excludedGlossaryTerms++;
        else counts.difficultWords++;
      }
    }
  }
  return counts;
}

/** Whether a word is a sequence of two or more common words (words are a few characters long). */
function splitsIntoCommon(word: string, common: ReadonlySet<string>, whole = true): boolean {
  if (!whole && common.has(word)) return true;
  for (let i = 1; i < word.length; i++) if (common.has(word.slice(0, i)) && splitsIntoCommon(word.slice(i), common, false)) return true;
  return false;
}

/** Which UTF-16 positions of the sentence lie inside an occurrence of a glossary term. */
function glossaryCoverage(sentence: string, terms: readonly string[]): Uint8Array {
  const covered = new Uint8Array(sentence.length);
  for (const term of terms) {
    for (let at = sentence.indexOf(term); at !== -1; at = sentence.indexOf(term, at + 1)) covered.fill(1, at, at + term.length);
  }
  return covered;
}

function isCovered(covered: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!covered[i]) return false;
  return true;
}
