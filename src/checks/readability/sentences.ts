/**
 * Sentence splitting for readability formulas, in English, German and Chinese.
 *
 *   splitSentences('Das hilft z. B. bei Lupus. Dr. Roth sah am 22. Februar 8 Personen.', 'de')
 *     → ['Das hilft z. B. bei Lupus.', 'Dr. Roth sah am 22. Februar 8 Personen.']
 *   splitSentences('研究在德国开展。患者病情很重！\n词语解释', 'zh') → ['研究在德国开展。', '患者病情很重！', '词语解释']
 *
 * Our own splitter, not Intl.Segmenter: ICU's sentence mode breaks after every "z.", "B.",
 * "Dr." and "22." followed by a capital (de, en) and never at "；" (zh), and its abbreviation
 * suppressions (`ss=standard`) are not reachable from JavaScript.
 *
 * Input is plain text; every line is a block (paragraph, list item, heading, table row), so a
 * line without final punctuation is still one sentence, and no sentence spans two lines.
 * Leading list markers ("- ", "1. ", "a) ", "一、") are dropped.
 */

/** Abbreviations that never end a sentence. "etc."/"usw." are left out on purpose: they often do.
 *  A space inside an entry also matches no space ("z. B." finds "z.B."); a capitalised variant
 *  is added for each, for sentence starts ("Z. B. …", "E.g. …"). */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  en: ['e. g.', 'i. e.', 'et al.', 'vs.', 'cf.', 'ca.', 'approx.', 'incl.', 'resp.', 'Dr.', 'Drs.', 'Prof.', 'Mr.', 'Mrs.', 'Ms.', 'St.', 'Jr.', 'Sr.', 'No.', 'Nos.', 'Fig.', 'Figs.', 'Tab.', 'Vol.', 'vol.', 'pp.', 'U. S.', 'U. K.', 'a. m.', 'p. m.', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'],
  de: [
    'z. B.', 'd. h.', 'u. a.', 'u. U.', 'o. Ä.', 'u. Ä.', 'v. a.', 's. o.', 's. u.', 'z. T.', 'i. d. R.', 'z. Zt.', 'u. v. m.',
    'bzw.', 'ca.', 'Nr.', 'Dr.', 'Prof.', 'vs.', 'ggf.', 'evtl.', 'inkl.', 'exkl.', 'sog.', 'vgl.', 'Abb.', 'Tab.', 'Std.', 'Min.', 'Mio.', 'Mrd.',
    'et al.', 'max.', 'min.', 'gem.', 'lt.', 'zzgl.', 'Hr.', 'Fr.', 'St.', 'Jh.', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.',
  ],
};

/** German ordinals ("am 22. Februar", "nach der 2. Infusion") end in a period too. After a number, a
 *  period does not end the sentence when a month follows, or when the number follows one of these
 *  words, which take an ordinal; "im Jahr 2024. Die …" still ends. */
const DE_MONTHS = /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/u;
const DE_ORDINAL_LEAD = new Set(['am', 'im', 'vom', 'zum', 'zur', 'beim', 'der', 'die', 'das', 'dem', 'den', 'des', 'ab', 'bis', 'seit', 'jede', 'jeder', 'jedem', 'jeden', 'ihrem', 'ihrer', 'seinem', 'seiner']);

/** A number of up to three digits at the end, with the word before it (group 1). */
const ORDINAL_BEFORE = /(?:^|\s)(?:(\S+)\s+)?\d{1,3}$/u;

const LIST_MARKER = /^\s*(?:[-*+•‣◦–—]\s+|\(?\d{1,3}[.)]\s+|\(?[a-zA-Z]\)\s+|[(（]\d{1,3}[)）]\s*|[一二三四五六七八九十\d]{1,3}、\s*|[①-⑳]\s*)/u;

/** A sentence end in Latin script: . ! ? … (runs of them), then closing quotes or brackets, then a space or the line end. */
const LATIN_END = /[.!?…]+["'”“’‘»«›‹)\]]*(?=\s|$)/gu;
/** A sentence end in Chinese: 。！？； and their ASCII forms; a Latin "." is not one (decimals, Latin citations). */
const HAN_END = /[。！？；!?;]+[”’」』）)】〉》"']*/gu;

const OPENERS = /^["'„“‘«»‹›([（【]+/u;
const LOWER = /^\p{Ll}/u;

const abbreviationPatterns = new Map<string, RegExp | null>();

/** One regex per language, compiled once, matching every abbreviation with its periods. */
function abbreviationPattern(lang: string): RegExp | null {
  if (abbreviationPatterns.has(lang)) return abbreviationPatterns.get(lang)!;
  const list = ABBREVIATIONS[lang];
  let pattern: RegExp | null = null;
  if (list?.length) {
    const variants = new Set<string>();
    for (const a of list) {
      variants.add(a);
      variants.add(a.charAt(0).toUpperCase() + a.slice(1));
    }
    // Longest first, so "i. d. R." wins over any shorter entry starting alike.
    const alternatives = [...variants]
      .sort((a, b) => b.length - a.length)
      .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\. /g, '\\.\\s*'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'gu');
  }
  abbreviationPatterns.set(lang, pattern);
  return pattern;
}

/** Split plain text into sentences (trimmed, in order). Lines without text yield nothing. */
export function splitSentences(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r\n?|\n/)) {
    const line = rawLine.replace(LIST_MARKER, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (lang === 'zh') splitHanLine(line, out);
    else splitLatinLine(line, lang, out);
  }
  return out;
}

function splitHanLine(line: string, out: string[]): void {
  let start = 0;
  for (const m of line.matchAll(HAN_END)) {
    const end = m.index + m[0].length;
    push(out, line.slice(start, end));
    start = end;
  }
  push(out, line.slice(start));
}

function splitLatinLine(line: string, lang: string, out: string[]): void {
  const protectedDots = new Set<number>();
  const abbreviations = abbreviationPattern(lang);
  if (abbreviations) {
    for (const m of line.matchAll(abbreviations)) {
      for (let i = 0; i < m[0].length; i++) if (m[0][i] === '.') protectedDots.add(m.index + i);
    }
  }
  let start = 0;
  for (const m of line.matchAll(LATIN_END)) {
    const end = m.index + m[0].length;
    if (end >= line.length) break;
    if (!endsSentence(line, m.index, m[0], end, lang, protectedDots)) continue;
    push(out, line.slice(start, end));
    start = end;
  }
  push(out, line.slice(start));
}

function endsSentence(line: string, at: number, terminator: string, end: number, lang: string, protectedDots: Set<number>): boolean {
  const next = line.slice(end).trimStart().replace(OPENERS, '');
  // A lower-case continuation means the period belonged to an abbreviation we do not know ("approx. three").
  if (LOWER.test(next)) return false;
  if (/[!?…]/u.test(terminator) || terminator.startsWith('..')) return true;
  if (protectedDots.has(at)) return false;
  if (lang === 'de') {
    const ordinal = ORDINAL_BEFORE.exec(line.slice(0, at));
    if (ordinal && (DE_MONTHS.test(next) || DE_ORDINAL_LEAD.has((ordinal[1] ?? '').toLowerCase()))) return false;
  }
  return true;
}

function push(out: string[], sentence: string): void {
  const s = sentence.trim();
  if (s) out.push(s);
}
