import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedNumbers, build, check, checkFidelity, deriveFacts, findNumbers, formatDiagnostic, loadProject, parseHanNumeral, parseStudyFacts, untranslatedNames } from '../src/index.js';
import { FIXTURES, loadFacts, projectWith, sampleSummaries, SAMPLES } from './helpers.js';

const project = loadProject();
const [en, de, zh] = [project.languages.en!, project.languages.de!, project.languages.zh!];
const values = (text: string, lang = en) => findNumbers(text, lang).map((n) => n.value);

describe('reading numbers', () => {
  it('reads digits in each locale format', () => {
    expect(values('Of 1,500 people, 8 of 15 (53%) had 2.5 mg for 4–29 months')).toEqual([1500, 8, 15, 53, 2.5, 4, 29]);
    expect(values('112 ± 47 Tage, 2,5 mg, 1.500 Personen, 53 %', de)).toEqual([112, 47, 2.5, 1500, 53]);
    expect(values('中位随访时间15个月（范围4～29个月），B细胞缺失（112±47）天', zh)).toEqual([15, 4, 29, 112, 47]);
  });

  it('reads number words, but not "one" words', () => {
    expect(values('fifteen people, one idea, twenty days')).toEqual([15, 20]);
    expect(values('fünfzehn Personen, eine Idee, beide Gruppen', de)).toEqual([15, 2]);
    expect(values('十五名患者，一次输注，二十九个月，两名', zh)).toEqual([15, 29, 2]);
  });

  it('reads figures as the regular expression for a figure matches them, whatever the marks around them', () => {
    // The reference: every match of the expression, a value where its marks read as one number, else each piece.
    const FIGURE = /\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?/g;
    const reference = (text: string, decimal: string, group: RegExp) =>
      [...text.matchAll(FIGURE)].flatMap(([raw]) => {
        const value = Number(raw.split(decimal).map((part, i) => (i === 0 ? part.replace(group, '') : part)).join('.'));
        return Number.isFinite(value) ? [value] : raw.split(/[.,\u00a0\u202f]/).map(Number);
      });
    const texts = fc.array(fc.constantFrom('1', '2', '0', '9', '12', '345', '.', ',', '\u00a0', '\u202f', ' ', '%', '–', '±', '(', ')'), { maxLength: 24 }).map((t) => t.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        expect(values(text)).toEqual(reference(text, '.', /[,\u00a0\u202f]/g));
        expect(values(text, de)).toEqual(reference(text, ',', /[.\u00a0\u202f]/g));
      }),
      { seed: 11, numRuns: 2_000 },
    );
  });

  it('parses Chinese numerals', () => {
    expect([parseHanNumeral('十五'), parseHanNumeral('二十九'), parseHanNumeral('一百一十二'), parseHanNumeral('两')]).toEqual([15, 29, 112, 2]);
  });
});

describe('checking numbers against the facts (Müller 2024)', () => {
  const file = join(SAMPLES, 'mueller-2024.yaml');
  const facts = loadFacts(file);
  const allowed = allowedNumbers(facts, deriveFacts(facts));
  const unmatched = (text: string, lang = en, level = 'standard') =>
    checkFidelity(text, lang, allowed, { study: 'mueller-2024', lang: lang.code, level }, untranslatedNames(facts)).diagnostics.map((d) => d.actual);

  it('accepts facts, derived percentages as displayed, ranges and natural frequencies', () => {
    expect(unmatched('8 of 15 people (53%) had lupus; follow-up 4–29 months, B cells absent for 112 ± 47 days.')).toEqual([]);
    expect(unmatched('8 von 15 Personen (53,3 %) hatten Lupus, fünfzehn insgesamt.', de)).toEqual([]);
    expect(unmatched('十五名患者中，8名（53%）患有红斑狼疮，随访4到29个月。', zh)).toEqual([]);
  });

  it('fails a percentage that is not derived from the facts, and digits, number words and Chinese numerals that are not facts', () => {
    expect(unmatched('8 of 15 people (54%) had lupus.')).toEqual(['54']);
    // (20 is a derived value here: 3 of 15 = 20 %; 30 is not a number of this study.)
    expect(unmatched('Thirty people took part, 8 of them with lupus.')).toEqual(['Thirty']);
    expect(unmatched('Dreißig Personen nahmen teil.', de)).toEqual(['Dreißig']);
    expect(unmatched('共有三十名患者参加。', zh)).toEqual(['三十']);
    expect(unmatched('Follow-up was 4–31 months.')).toEqual(['31']);
  });

  it('reads numbers inside proper names (the CD19 target, the DOI) as names, not counts', () => {
    expect(facts.intervention.target).toBe('CD19');
    expect(unmatched('The cells attack CD19 on B cells; see https://doi.org/10.1056/NEJMoa2308917 and 10.1056/NEJMoa2308917.')).toEqual([]);
    // The same digits outside a name are counts, and 19 is not one of this study.
    expect(unmatched('19 people took part.')).toEqual(['19']);
    // A name takes only itself out: a wrong count after it, in the same sentence, still fails.
    expect(unmatched('The cells attack CD19 on B cells, and 19 people took part.')).toEqual(['19']);
    expect(unmatched('Geld gab die Deutsche Forschungsgemeinschaft; 21 Menschen nahmen teil.', de)).toEqual(['21']);
  });
});

describe('fact fidelity', () => {
  it('passes every bundled summary with every number matched', async () => {
    const summaries = await sampleSummaries();
    // 4 samples × 3 languages × 3 levels: an empty list would pass the loop.
    expect(summaries).toHaveLength(36);
    for (const { where, summary } of summaries) {
      expect(summary.fidelity.unmatched, where).toBe(0);
      expect(summary.fidelity.numbers, where).toBeGreaterThan(3);
    }
  });

  it('fails a number added to a template, naming output, sentence and number', async () => {
    const changed = projectWith((p) => {
      (p.locales.de!.summary!.standard as Record<string, Record<string, string>>).safety!.caution = 'Bei 37 Personen ist unklar, ob die Behandlung die Probleme verursacht hat.';
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['de'], levels: ['standard'], write: false, project: changed });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'fidelity/number').map(formatDiagnostic);
    expect(errors).toEqual(['error: de/mueller-2024/standard.md mueller-2024/de/standard: number 37 is not a fact of the study (nor derived from one) in “Bei 37 Personen ist unklar, ob die Behandlung die Probleme verursacht hat.” [fidelity/number]']);
    expect(report.exitCode).toBe(1);
  });

  it('fails when a number is taken out of the facts but the summary still says it', async () => {
    const changed = projectWith((p) => {
      // The locale states the follow-up maximum as a fixed number instead of {{max}} …
      const standard = p.locales.en!.summary!.standard as Record<string, Record<string, string>>;
      standard.results!.followUp = standard.results!.followUp!.replace('{{max}}', '29');
    });
    // … which is right for Müller 2024 (max 29) and wrong for a study with another follow-up.
    const ok = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['en'], levels: ['standard'], write: false, project: changed });
    expect(ok.diagnostics.filter((d) => d.ruleId === 'fidelity/number')).toEqual([]);
    const bad = await build({ inputs: [join(FIXTURES, 'fidelity', 'follow-up-12.yaml')], langs: ['en'], levels: ['standard'], write: false, project: changed });
    expect(bad.diagnostics.filter((d) => d.ruleId === 'fidelity/number').map((d) => d.message)).toEqual([expect.stringMatching(/^number 29 is not a fact/)]);
  });

  it('allows no percentages in an easy-read summary', async () => {
    const changed = projectWith((p) => {
      // Müller 2024: all 15 stopped their medicines, said with the sentence for everyone.
      (p.locales.en!.summary!.easy as Record<string, Record<string, string>>).results!.medication_all = 'All {{of}} people (100%) {{change}}.';
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['en'], levels: ['easy'], write: false, project: changed });
    expect(report.diagnostics.filter((d) => d.ruleId === 'fidelity/natural-frequency').map((d) => d.message)).toEqual([
      'a percentage in an easy-read summary; state it as "8 of 15 people" instead: “All 15 people (100%) stopped taking medicines that slow down the immune system.”',
    ]);
  });

  it('accepts a source quote found in its text, folding case and line breaks', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'fidelity', 'quote-in-source.yaml')] });
    expect(report.diagnostics.filter((d) => d.ruleId.startsWith('fidelity/')).map(formatDiagnostic)).toEqual([]);
  });

  it('fails a source quote that is not in the source text', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'fidelity', 'quote-not-in-source.yaml')] });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'fidelity/source-quote').map(formatDiagnostic);
    expect(errors).toEqual([expect.stringMatching(/quote-not-in-source\.yaml:\d+:\d+ quote-not-in-source outcomes\[0\]\.source\.quote: quote “the disease calmed down in 3 of the 5 people” is not in source `report`/)]);
    expect(report.exitCode).toBe(1);
  });

  it('fails a source quote that does not contain the fact’s number', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'fidelity', 'quote-without-number.yaml')] });
    expect(report.diagnostics.filter((d) => d.ruleId === 'fidelity/source-quote').map((d) => d.message)).toEqual(['quote “After the treatment, the disease calmed down” does not state the fact\'s number 4']);
  });
});

describe('compound number words', () => {
  it('reads twenty-one and einundzwanzig as 21, and never a lone "one" word', () => {
    expect(values('Twenty-one people, one idea, fifteen days')).toEqual([21, 15]);
    expect(values('Einundzwanzig Menschen, eine Idee, ein Team, dreiundachtzig', de)).toEqual([21, 83]);
  });
});

describe('percent rounding', () => {
  it('accepts a percentage as Intl shows it, rounded once (10 of 23 = 43.48 → 43 %, not 44 %)', () => {
    const yaml = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8').replace('  total: 5\n  groups:\n    - condition: sle\n      n: 5', '  total: 23\n  groups:\n    - condition: sle\n      n: 10\n    - condition: ssc\n      n: 13');
    const { facts, diagnostics } = parseStudyFacts(yaml, 'mixed.yaml');
    expect(diagnostics).toEqual([]);
    const allowed = allowedNumbers(facts!, deriveFacts(facts!));
    expect(new Intl.NumberFormat('en', { style: 'percent' }).format(10 / 23)).toBe('43%');
    expect(allowed.has(43)).toBe(true);
    expect(allowed.has(44)).toBe(false);
  });
});
