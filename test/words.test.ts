/**
 * The words of the lay levels (writing.md): easy uses no abbreviation but "CAR-T"; a glossary heads
 * its entries alike (the term as the text says it, capitalised, no article, no explanation in
 * brackets); the standard level explains a measure where it first appears, then only names it.
 * One fixture names every condition, measure and side effect the locales know.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, useFixtureBuild } from './helpers.js';

const fixtures = useFixtureBuild(join(FIXTURES, 'words'), 1);
const read = (path: string) => fixtures.read(path);
const LANGS = ['en', 'de', 'zh'] as const;

/**
 * A leaflet's text as a reader meets it: no styles, no tags — but, unlike the checks' visibleText
 * (src/outputs/leaflet/text.ts), with the pictures' <title> and <desc>, which a screen reader reads
 * out: an abbreviation there is one too. (Written here on purpose, not taken from the code under test.)
 */
const leafletText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');

/** Runs of two or more capitals, once "CAR-T" (the one abbreviation easy uses, explained) is taken out. */
const abbreviations = (text: string) => text.replaceAll('CAR-T', '').match(/[A-Z]{2,}/g) ?? [];

/** The glossary headwords of an easy summary: `- **Lupus:** …` (en, de) or `- **红斑狼疮**：…` (zh). */
function easyHeadwords(markdown: string): string[] {
  const glossary = markdown.slice(markdown.lastIndexOf('\n## '));
  return [...glossary.matchAll(/^- \*\*(.+?)(?::\*\*|\*\*：)/gm)].map((m) => m[1]!);
}

const leafletHeadwords = (html: string) => [...html.matchAll(/<dt>(.+?)[:：]?<\/dt>/g)].map((m) => m[1]!);

const terms = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'terms.json'), 'utf8')) as Record<string, Record<string, Record<string, string>>>;

describe('the words of the lay levels', () => {
  it.each(LANGS)('%s: easy and the leaflet use no abbreviation but CAR-T', (lang) => {
    expect(abbreviations(read(`${lang}/every-term/easy.md`))).toEqual([]);
    expect(abbreviations(leafletText(read(`${lang}/every-term/leaflet.html`)))).toEqual([]);
    // The standard level does use them, explained: the check above can find one.
    expect(abbreviations(read(`${lang}/every-term/standard.md`)).length).toBeGreaterThan(0);
  });

  it.each(LANGS)('%s: glossary headwords are alike — one per term, capitalised, no article, nothing in brackets', (lang) => {
    const fromEasy = easyHeadwords(read(`${lang}/every-term/easy.md`));
    const fromLeaflet = leafletHeadwords(read(`${lang}/every-term/leaflet.html`));
    // The treatment, 6 conditions, 7 measures, 8 side effects and the design.
    expect(fromEasy).toHaveLength(23);
    expect(fromLeaflet).toEqual(fromEasy);
    expect(new Set(fromEasy).size).toBe(fromEasy.length);
    for (const headword of fromEasy) {
      expect(headword, headword).not.toMatch(/[()（）]/);
      if (lang === 'zh') continue;
      expect(headword[0], headword).toBe(headword[0]!.toUpperCase());
      expect(headword, headword).not.toMatch(lang === 'en' ? /^(a|an|the) /i : /^(ein|eine|der|die|das) /i);
    }
  });

  it.each(LANGS)('%s: standard and press explain each measure once, where it first appears', (lang) => {
    const measures = terms(lang).measures!;
    for (const format of ['standard', 'press']) {
      const text = read(`${lang}/every-term/${format}.md`);
      for (const measure of ['remission', 'doris_remission', 'acr_eular_major_response', 'eustar_decrease', 'drug_free_remission', 'symptoms_resolved']) {
        const definition = measures[measure]!.definition!;
        expect(text.split(definition).length - 1, `${format} ${measure}`).toBe(1);
      }
      // Remission is reached by people with lupus and with systemic sclerosis: explained at the first (lupus) only.
      const lines = text.split('\n').filter((line) => line.includes(measures.remission!.definition!));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(terms(lang).conditions!.sle!.patients_other!);
    }
  });
});
