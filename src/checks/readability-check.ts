/**
 * Readability check: measure a rendered summary and hold it to its level's band.
 *
 *   de/easy, Amstad 52.3 (band ≥ 70) → error "Flesch–Amstad 52.3, expected ≥ 70 (band easy/de) …"
 *
 * The text measured is the summary's plain text, one block (paragraph, list item, heading,
 * table cell) per line, so a heading without a full stop is its own sentence.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { StudyFacts } from '../facts/index.js';
import type { Translator } from '../i18n/index.js';
import { termName } from '../render/index.js';
import { markdownUnits } from './paragraphs.js';
import { bandFor, compareWithBand, formulaLanguage, measureReadabilityOfLines, type BandCheck, type Bands, type ReadabilityFigures } from './readability/index.js';
import { digitShape, TextShape } from '../memo/index.js';

export interface ReadabilityResult {
  figures: ReadabilityFigures;
  checks: BandCheck[];
}

/** The medical terms a summary explains (its glossary, or definitions at first use). */
export function glossaryTerms(facts: StudyFacts, level: string, tr: Translator): string[] {
  const names = [
    ['treatments', facts.intervention.name],
    ...facts.population.groups.map((g) => ['conditions', g.condition]),
    ...facts.outcomes.map((o) => ['measures', o.measure]),
    ...facts.measurements.map((m) => ['measures', m.measure]),
    ...(facts.safety ?? []).map((e) => ['events', e.event]),
  ] as [string, string][];
  return [...new Set(names.map(([ns, key]) => termName(tr, level, ns, key)))];
}

/**
 * The paragraphs with the facts' proper names left out, for English and German: a funder's legal
 * name or a contact address is not the summary's wording, and one long name must not push a short
 * text out of its band (the language check leaves names out too). Chinese is measured by its Han
 * words, which names in Latin letters do not add to, so it is measured as written.
 */
function withoutNames(units: { paragraphs: readonly string[]; shapes: readonly TextShape[] }, lang: string, names: readonly string[]): { paragraphs: readonly string[]; shapes: readonly TextShape[] } {
  if (names.length === 0 || formulaLanguage(lang) === 'zh') return units;
  let paragraphs: string[] | undefined;
  let shapes: TextShape[] | undefined;
  units.paragraphs.forEach((paragraph, i) => {
    let text = paragraph;
    for (const name of names) if (name.length >= 2 && text.includes(name)) text = text.split(name).join(' ');
    if (text === paragraph) return;
    paragraphs ??= [...units.paragraphs];
    shapes ??= [...units.shapes];
    paragraphs[i] = text;
    shapes[i] = new TextShape(digitShape(text));
  });
  return paragraphs && shapes ? { paragraphs, shapes } : units;
}

export function checkReadability(
  markdown: string,
  lang: string,
  level: string,
  bands: Bands,
  glossary: readonly string[],
  place: { study: string; lang: string; level: string; file?: string },
  /** Proper names and addresses from the facts (funders, sponsor, authors, DOI), longest first. */
  names: readonly string[] = [],
): { diagnostics: Diagnostic[]; result: ReadabilityResult } {
  const { paragraphs, shapes } = withoutNames(markdownUnits(markdown), lang, names);
  const figures = measureReadabilityOfLines(paragraphs, lang, { glossaryTerms: [...glossary] }, shapes);
  const checks = compareWithBand(figures, bandFor(bands, level, lang));
  const failed = checks.filter((c) => !c.ok);
  const diagnostics = failed.length
    ? [
        diagnostic({
          ruleId: 'readability/band',
          kind: 'check',
          severity: 'error',
          message: `outside the \`${level}\` band for \`${lang}\`: ${failed.map((c) => `${c.figure} ${c.value}, expected ${c.limit.min !== undefined ? `≥ ${c.limit.min}` : ''}${c.limit.min !== undefined && c.limit.max !== undefined ? ' and ' : ''}${c.limit.max !== undefined ? `≤ ${c.limit.max}` : ''}`).join('; ')} (templates/bands.json); rewrite the wording in locales/${lang}/`,
          place,
        }),
      ]
    : [];
  return { diagnostics, result: { figures, checks } };
}
