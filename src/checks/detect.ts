/**
 * Language detection behind one adapter (franc-min), with the settings in one place.
 *
 *   detectLanguage('15 Personen nahmen an der Studie teil …', LANGS) → { lang: 'de', code: 'deu', judged: true, … }
 *   detectLanguage('Lupus: 8 von 15', LANGS)                     → { lang: 'und', judged: false }  (too short)
 *
 * franc compares trigrams within the script that has the most characters, so a Chinese
 * sentence with many Latin abbreviations can come back as English. Han text is therefore
 * decided by script share first; franc only chooses among the Latin-script candidates.
 */
import { francAll } from 'franc-min';
import type { LanguageInfo } from '../i18n/index.js';
import { digitShape, DigitShapeMemo, type TextShape } from '../memo/index.js';

/** The detector's settings; documented in the README ("Language checks"). */
export const DETECTOR_SETTINGS = {
  /** Fewer Latin letters than this (after removing numbers, names and links) is too short to judge. */
  minLatinLetters: 40,
  /** Fewer Han characters than this is too short to judge as Chinese. */
  minHanCharacters: 10,
  /** Text is Chinese when Han characters are at least this share of Han + Latin letters / 3
   *  (a Han character carries about as much as a short Latin word). */
  minHanShare: 0.5,
  /** franc's margin to the runner-up below which its answer needs support from markers. */
  minTrigramMargin: 0.4,
  /** How many more marker hits (function words; 2 per marker letter found) one language needs. */
  minMarkerLead: 2,
} as const;

export interface Detection {
  /** Language code (`en`, `de`, `zh`) or `und` when the text is too short or unknown. */
  lang: string;
  /** ISO 639-3 code as franc reports it, or `und`. */
  code: string;
  /** Confidence 0–1: margin to the runner-up (franc) or the Han share (Chinese). */
  score: number;
  judged: boolean;
  /** What decided: Han script share, franc's trigrams, or marker words and letters. */
  method: 'script' | 'trigrams' | 'markers' | 'none';
  /** Letters that counted: Latin letters + Han characters. */
  size: number;
}

const HAN = /\p{Script=Han}+/gu;
const LATIN = /\p{Script=Latin}+/gu;
const SURROGATE = /[\ud800-\udbff]/;

/** Characters of a script in `text` (`runs`: HAN or LATIN), counted by the runs they come in: a match per character was most of the check's allocation. */
function countScript(text: string, runs: RegExp): number {
  let n = 0;
  for (const run of text.match(runs) ?? []) {
    n += run.length;
    // A character outside the BMP (most Han of the extensions) is two UTF-16 units.
    if (SURROGATE.test(run)) for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 0xd800 && run.charCodeAt(i) <= 0xdbff) n--;
  }
  return n;
}

/** The text without the given proper names, links and DOIs, whose words are no language's (sentence marks are kept). */
export function withoutNames(text: string, exempt: readonly string[] = []): string {
  let out = text;
  for (const name of exempt) {
    if (name.length >= 2 && out.includes(name)) out = out.split(name).join(' ');
  }
  if (out.includes('http')) out = out.replace(/https?:\/\/\S+/g, ' ');
  if (out.includes('10.')) out = out.replace(/\b10\.\d{4,9}\/\S+/g, ' ');
  return out;
}

/** Remove what is not language: links, DOIs, numbers and the given proper names. */
export function stripForDetection(text: string, exempt: readonly string[] = []): string {
  return withoutNames(text, exempt)
    .replace(/[\d.,:;±–—%·-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Detections by text: summaries repeat the same sentences (headings, explanations) across
 * studies, levels and formats, and detection depends only on the cleaned text and the candidates.
 * Cleaning removes numbers, so a paragraph with nothing else to strip is kept by its
 * `digitShape` ("8 of 19 people (42%) …" finds "5 of 16 people (31%) …"). Bounded, so a batch
 * build's memory stays flat.
 */
const cache = new Map<string, DigitShapeMemo<Detection>>();

/** The memo's key of a list of candidates, made once per list (a study's checks pass one list for every paragraph). */
const candidateCodes = new WeakMap<readonly LanguageInfo[], string>();

/** True when stripping would leave the text's letters as they are: no names, links or DOIs in it. */
export function nothingToStrip(text: string, exempt: readonly string[]): boolean {
  if (text.includes('http') || text.includes('10.')) return false;
  for (const name of exempt) if (name.length >= 2 && text.includes(name)) return false;
  return true;
}

/**
 * `shape`: the text's digitShape, where the caller has it (src/markdown gives one string per shape);
 * `plain`: whether nothingToStrip(text, exempt), where the caller has worked it out.
 */
export function detectLanguage(text: string, candidates: readonly LanguageInfo[], exempt: readonly string[] = [], shape?: TextShape, plain = nothingToStrip(text, exempt)): Detection {
  let codes = candidateCodes.get(candidates);
  if (codes === undefined) candidateCodes.set(candidates, (codes = candidates.map((c) => c.code).join(',')));
  let known = cache.get(codes);
  if (!known) cache.set(codes, (known = new DigitShapeMemo()));
  const plainKey = plain && !shape ? digitShape(text) : undefined;
  if (plain) {
    const found = shape ? known.getShape(shape) : known.get(plainKey!);
    if (found) return found;
  }
  const clean = stripForDetection(text, exempt);
  // Cleaned texts have no digits; the prefix keeps them apart from the shapes.
  const key = `\u0000${clean}`;
  let detection = known.get(key);
  if (!detection) {
    detection = detectClean(clean, candidates);
    known.set(key, detection);
  }
  if (plain) {
    if (shape) known.setShape(shape, detection);
    else known.set(plainKey!, detection);
  }
  return detection;
}

function detectClean(clean: string, candidates: readonly LanguageInfo[]): Detection {
  const han = countScript(clean, HAN);
  const latin = countScript(clean, LATIN);
  const size = han + latin;
  const hanLanguage = candidates.find((l) => l.script === 'Han');
  if (hanLanguage && han >= DETECTOR_SETTINGS.minHanCharacters) {
    const share = han / (han + latin / 3);
    if (share >= DETECTOR_SETTINGS.minHanShare) return { lang: hanLanguage.code, code: hanLanguage.franc, score: round(share), judged: true, method: 'script', size };
  }
  const latinLanguages = candidates.filter((l) => l.script === 'Latin');
  if (latin < DETECTOR_SETTINGS.minLatinLetters || latinLanguages.length === 0) {
    return { lang: 'und', code: 'und', score: 0, judged: false, method: 'none', size };
  }
  if (latinLanguages.length === 1) {
    const only = latinLanguages[0]!;
    return { lang: only.code, code: only.franc, score: 1, judged: true, method: 'script', size };
  }
  const ranked = francAll(clean, { only: latinLanguages.map((l) => l.franc), minLength: 1 });
  const [best, second] = ranked;
  const trigramPick = latinLanguages.find((l) => l.franc === best?.[0]);
  const margin = round(1 - (second?.[1] ?? 0));
  // Short, term-heavy paragraphs (Latin-Greek medical words) fool trigrams; function words
  // and language-specific letters settle them, and with neither the paragraph is not judged.
  const evidence = markerEvidence(clean, latinLanguages);
  const [lead, runnerUp] = [...evidence].sort((a, b) => b.hits - a.hits);
  const markerPick = lead && lead.hits - (runnerUp?.hits ?? 0) >= DETECTOR_SETTINGS.minMarkerLead ? lead.language : undefined;
  const trigramHits = evidence.find((e) => e.language === trigramPick)?.hits ?? 0;
  // Trigrams decide alone only when no other language has more marker words: a one-line,
  // name-heavy German title ("Fallserie: CAR-T-Zell-Therapie bei … Colitis ulcerosa") can look
  // English to trigrams with a fair margin while its only function word is German.
  const contradicted = evidence.some((e) => e.language !== trigramPick && e.hits > trigramHits);
  const pick = trigramPick && margin >= DETECTOR_SETTINGS.minTrigramMargin && !contradicted ? trigramPick : markerPick;
  if (!pick) return { lang: 'und', code: 'und', score: margin, judged: false, method: 'none', size };
  const byTrigrams = pick === trigramPick && margin >= DETECTOR_SETTINGS.minTrigramMargin && !contradicted;
  // A marker decision reports the marker lead as its score (0–1, saturating at 5 hits).
  const score = byTrigrams ? margin : round(Math.min(1, ((lead?.hits ?? 0) - (runnerUp?.hits ?? 0)) / 5));
  return { lang: pick.code, code: pick.franc, score, judged: true, method: byTrigrams ? 'trigrams' : 'markers', size };
}

/**
 * A sentence judged by marker words alone: the language whose markers lead every other
 * candidate's by `minMarkerLead`, else not judged. For the sentences of a summary, where the
 * wording is laysum's own and names are stripped (on 332,000 sentences of 300 generated studies
 * and the samples, it judged none wrong): "It was mild." (it, was) in a German paragraph is
 * English, "Sie heißt CAR-T." (sie, ß) German, "Alle waren Frauen." not judged.
 */
export function detectByMarkers(text: string, candidates: readonly LanguageInfo[], exempt: readonly string[] = []): Detection {
  const clean = stripForDetection(text, exempt);
  const size = countScript(clean, HAN) + countScript(clean, LATIN);
  const evidence = markerEvidence(clean, candidates).sort((a, b) => b.hits - a.hits);
  const [lead, runnerUp] = evidence;
  const margin = (lead?.hits ?? 0) - (runnerUp?.hits ?? 0);
  if (!lead || margin < DETECTOR_SETTINGS.minMarkerLead) return { lang: 'und', code: 'und', score: 0, judged: false, method: 'none', size };
  return { lang: lead.language.code, code: lead.language.franc, score: round(Math.min(1, margin / 5)), judged: true, method: 'markers', size };
}

/** Each language's marker words as a set, made once per loaded language. */
const markerWords = new WeakMap<LanguageInfo, ReadonlySet<string>>();

function markerEvidence(text: string, languages: readonly LanguageInfo[]): { language: LanguageInfo; hits: number }[] {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  return languages.map((language) => {
    let markers = markerWords.get(language);
    if (!markers) markerWords.set(language, (markers = new Set(language.markers?.words ?? [])));
    let hits = 0;
    for (const word of words) if (markers.has(word)) hits++;
    const letters = language.markers?.letters;
    if (letters && [...letters].some((c) => text.includes(c))) hits += 2;
    return { language, hits };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
