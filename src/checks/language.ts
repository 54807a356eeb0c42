/**
 * Language checks: every judged paragraph must be in the language it claims to be.
 *
 *   de summary with an English paragraph → error `language/summary`:
 *     "paragraph 7 reads as `en` (eng, score 0.52), expected `de`: “The researchers …”"
 *
 * Paragraphs too short to judge (see DETECTOR_SETTINGS) are counted, not failed.
 */
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics/index.js';
import type { LanguageInfo } from '../i18n/index.js';
import type { StudyFacts } from '../facts/index.js';
import { detectByMarkers, detectLanguage, nothingToStrip, withoutNames, type Detection } from './detect.js';
import { digitShape, DigitShapeMemo, type TextShape } from '../memo/index.js';
import { excerpt, markdownUnits, plainParagraphs } from './paragraphs.js';
import { splitSentences } from './readability/sentences.js';

export interface LanguageStats {
  paragraphs: number;
  judged: number;
  /** Lowest score among judged paragraphs in the target language (1 when none judged). */
  minScore: number;
  failed: number;
}

export interface LanguageCheckResult {
  diagnostics: Diagnostic[];
  stats: LanguageStats;
}

export interface SummaryPlace {
  study: string;
  lang: string;
  level: string;
  file?: string;
}

/** Proper names from the facts that stay untranslated (authors, journal, funders, …). */
export function untranslatedNames(facts: StudyFacts): string[] {
  const c = facts.citation;
  const names = [...(c.authors ?? []), c.group, c.title, c.journal, c.doi, facts.intervention.target, facts.sponsor?.name, facts.sponsor?.contact, ...facts.funding, ...facts.quotes.map((q) => q.author)];
  // Longest first, so a name is removed before any shorter name inside it.
  return [...new Set(names.filter((n): n is string => !!n))].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

function tally(detections: Detection[], target: string): LanguageStats {
  const judged = detections.filter((d) => d.judged);
  const ok = judged.filter((d) => d.lang === target);
  return {
    paragraphs: detections.length,
    judged: judged.length,
    minScore: ok.length ? Math.min(...ok.map((d) => d.score)) : 1,
    failed: judged.length - ok.length,
  };
}

export function checkSummaryLanguage(markdown: string, target: LanguageInfo, candidates: readonly LanguageInfo[], place: SummaryPlace, exempt: readonly string[]): LanguageCheckResult {
  const { paragraphs, shapes } = markdownUnits(markdown);
  // Whether a paragraph has a name to take out, worked out once for both of its checks.
  const plain = paragraphs.map((p) => nothingToStrip(p, exempt));
  const detections = paragraphs.map((p, i) => detectLanguage(p, candidates, exempt, shapes[i], plain[i]));
  const diagnostics: Diagnostic[] = [];
  const fail = (what: string, d: Detection, text: string) =>
    diagnostics.push(
      diagnostic({
        ruleId: 'language/summary',
        kind: 'check',
        severity: 'error',
        message: `${what} reads as \`${d.lang}\` (${d.code}, score ${d.score}), expected \`${target.code}\`: “${excerpt(text)}”`,
        place: { ...place },
        expected: target.code,
        actual: d.lang,
      }),
    );
  let failedSentences = 0;
  const memo = foreignMemo(target, candidates);
  detections.forEach((d, i) => {
    if (d.judged && d.lang !== target.code) {
      fail(`paragraph ${i + 1}`, d, paragraphs[i]!);
      return;
    }
    // A paragraph is judged by what most of it says: one English sentence a translator left among
    // German ones ("… Blut. The changed cells look for cells that carry a marker called CD19.")
    // reads as German. So each sentence is judged too, by its marker words.
    const wrong = foreignSentence(paragraphs[i]!, plain[i]! ? shapes[i] : undefined, d.judged, target, candidates, exempt, memo);
    if (wrong) {
      failedSentences++;
      fail(wrong.sentence === paragraphs[i] ? `paragraph ${i + 1}` : `a sentence of paragraph ${i + 1}`, wrong.detection, wrong.sentence);
    }
  });
  const stats = tally(detections, target.code);
  return { diagnostics, stats: { ...stats, failed: stats.failed + failedSentences } };
}

/** A paragraph's foreign sentence: which one (by its index among the paragraph's sentences) and how it was detected; false: none. */
type ForeignSentence = { index: number; detection: Detection } | false;

/**
 * Foreign sentences by target, candidates and the digit shape of the paragraph's text without its
 * proper names: summaries repeat paragraphs but for their figures and the study's own names (the
 * target of its cells, its authors), and judging a paragraph's sentences reads each of them.
 * Detection ignores digits and names, so the shape of what is left decides. Bounded.
 */
const foreignByShape = new Map<string, DigitShapeMemo<ForeignSentence>>();

function foreignMemo(target: LanguageInfo, candidates: readonly LanguageInfo[]): DigitShapeMemo<ForeignSentence> {
  const key = `${target.code}|${candidates.map((c) => c.code).join(',')}`;
  let memo = foreignByShape.get(key);
  if (!memo) foreignByShape.set(key, (memo = new DigitShapeMemo()));
  return memo;
}

/**
 * The first sentence of a paragraph that reads as another language than the target, if any. A
 * sentence is judged by its marker words (detectByMarkers): "It was mild." (it, was) or "The
 * changed cells look for cells that carry a marker called CD19." (the, that) in a German paragraph.
 * Trigrams, which judge paragraphs, cost more and need 40 letters. A paragraph of one sentence
 * has had its trigrams read; where they could not judge it (a heading), its markers are read.
 */
/** `shape`: the paragraph's digit shape when it has no name to take out. */
function foreignSentence(
  paragraph: string,
  shape: TextShape | undefined,
  judged: boolean,
  target: LanguageInfo,
  candidates: readonly LanguageInfo[],
  exempt: readonly string[],
  memo: DigitShapeMemo<ForeignSentence>,
): { sentence: string; detection: Detection } | undefined {
  const split = (text: string) => splitSentences(text, target.script === 'Han' ? 'zh' : target.code);
  const text = shape !== undefined ? paragraph : withoutNames(paragraph, exempt);
  const key = shape ? undefined : digitShape(text);
  let found = shape ? memo.getShape(shape) : memo.get(key!);
  if (found === undefined) {
    found = findForeign(split(text), judged, target, candidates);
    if (shape) memo.setShape(shape, found);
    else memo.set(key!, found);
  }
  if (found === false) return undefined;
  // Said as the paragraph says it, names and all, where taking them out left its sentences as they were.
  const [own, judgedOnes] = [split(paragraph), split(text)];
  return { sentence: (own.length === judgedOnes.length ? own : judgedOnes)[found.index]!, detection: found.detection };
}

function findForeign(sentences: readonly string[], judged: boolean, target: LanguageInfo, candidates: readonly LanguageInfo[]): ForeignSentence {
  if (sentences.length < 2 && judged) return false;
  for (let index = 0; index < sentences.length; index++) {
    const detection = detectByMarkers(sentences[index]!, candidates);
    if (detection.judged && detection.lang !== target.code) return { index, detection };
  }
  return false;
}

export interface SourceLanguageReport {
  id: string;
  path: string;
  declared: string[];
  /** Share of judged text per detected language, e.g. `{ en: 0.62, zh: 0.38 }`. */
  shares: Record<string, number>;
  paragraphs: { index: number; lang: string; score: number; size: number }[];
}

export function checkSourceLanguage(
  text: string,
  source: { id: string; path: string; declared: string[] },
  candidates: readonly LanguageInfo[],
  place: { study: string; file: string },
): { diagnostics: Diagnostic[]; report: SourceLanguageReport } {
  const paragraphs = plainParagraphs(text);
  const detections = paragraphs.map((p) => detectLanguage(p, candidates));
  const judgedSize = detections.reduce((s, d) => s + (d.judged ? d.size : 0), 0);
  const shares: Record<string, number> = {};
  for (const d of detections) if (d.judged) shares[d.lang] = (shares[d.lang] ?? 0) + d.size;
  for (const lang of Object.keys(shares)) shares[lang] = Math.round((shares[lang]! / judgedSize) * 1000) / 1000;
  const report: SourceLanguageReport = {
    ...source,
    shares,
    paragraphs: detections.map((d, index) => ({ index: index + 1, lang: d.lang, score: d.score, size: d.size })),
  };
  const diagnostics: Diagnostic[] = [];
  const where = { study: place.study, file: source.path };
  const shareText = Object.entries(shares)
    .map(([lang, share]) => `${lang} ${Math.round(share * 100)}%`)
    .join(', ');
  detections.forEach((d, i) => {
    if (!d.judged || source.declared.includes(d.lang)) return;
    diagnostics.push(
      diagnostic({
        ruleId: 'language/source',
        kind: 'check',
        severity: 'error',
        message: `source \`${source.id}\` is declared \`${source.declared.join('+')}\` but paragraph ${i + 1} reads as \`${d.lang}\` (${d.code}, score ${d.score}): “${excerpt(paragraphs[i]!)}”; languages found: ${shareText}`,
        place: where,
        expected: source.declared.join('+'),
        actual: d.lang,
        data: { shares },
      }),
    );
  });
  for (const lang of source.declared) {
    if (judgedSize > 0 && !shares[lang]) {
      diagnostics.push(
        diagnostic({
          ruleId: 'language/source',
          kind: 'check',
          severity: 'error',
          message: `source \`${source.id}\` is declared to contain \`${lang}\`, but no paragraph reads as \`${lang}\`; languages found: ${shareText}`,
          place: where,
          expected: lang,
          data: { shares },
        }),
      );
    }
  }
  if (judgedSize === 0) {
    diagnostics.push(diagnostic({ ruleId: 'language/source', kind: 'check', severity: 'warning', message: `source \`${source.id}\` has no paragraph long enough to judge its language`, place: where }));
  } else if (source.declared.length > 1 && diagnostics.length === 0) {
    diagnostics.push(
      diagnostic({ ruleId: 'language/source-mixed', kind: 'check', severity: 'info', message: `source \`${source.id}\` is mixed as declared: ${shareText}`, place: where, data: { shares } }),
    );
  }
  return { diagnostics, report };
}

/** Titles, quotes and roles given per language in the facts must be in that language. */
export function checkFactsLanguage(
  facts: StudyFacts,
  languages: Record<string, LanguageInfo>,
  file: string,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined = () => undefined,
): Diagnostic[] {
  const candidates = Object.values(languages);
  const exempt = untranslatedNames(facts);
  const texts: [PropertyKey[], string, string][] = [];
  for (const [lang, text] of Object.entries(facts.title)) texts.push([['title', lang], lang, text]);
  facts.quotes.forEach((q, i) => {
    for (const [lang, text] of Object.entries(q.text)) texts.push([['quotes', i, 'text', lang], lang, text]);
    for (const [lang, text] of Object.entries(q.role ?? {})) texts.push([['quotes', i, 'role', lang], lang, text]);
  });
  const out: Diagnostic[] = [];
  for (const [path, lang, text] of texts) {
    if (!languages[lang]) continue;
    const d = detectLanguage(text, candidates, exempt);
    if (d.judged && d.lang !== lang) {
      out.push(
        diagnostic({
          ruleId: 'language/facts',
          kind: 'check',
          severity: 'error',
          message: `text for \`${lang}\` reads as \`${d.lang}\` (${d.code}, score ${d.score}): “${excerpt(text)}”`,
          place: { file, path: formatPath(path), study: facts.id, ...(locate(path) ?? {}) },
          expected: lang,
          actual: d.lang,
        }),
      );
    }
  }
  return out;
}
