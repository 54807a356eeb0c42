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
import { detectLanguage, type Detection } from './detect.js';
import { excerpt, markdownUnits, plainParagraphs } from './paragraphs.js';

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
  const detections = paragraphs.map((p, i) => detectLanguage(p, candidates, exempt, shapes[i]));
  const diagnostics: Diagnostic[] = [];
  detections.forEach((d, i) => {
    if (!d.judged || d.lang === target.code) return;
    diagnostics.push(
      diagnostic({
        ruleId: 'language/summary',
        kind: 'check',
        severity: 'error',
        message: `paragraph ${i + 1} reads as \`${d.lang}\` (${d.code}, score ${d.score}), expected \`${target.code}\`: “${excerpt(paragraphs[i]!)}”`,
        place: { ...place },
        expected: target.code,
        actual: d.lang,
      }),
    );
  });
  return { diagnostics, stats: tally(detections, target.code) };
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
