import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, checkSourceLanguage, detectLanguage, formatDiagnostic, loadProject } from '../src/index.js';
import { FIXTURES, projectWith, sampleSummaries, SAMPLES } from './helpers.js';

const project = loadProject();
const LANGS = Object.values(project.languages);

describe('detector', () => {
  it('leaves text too short to judge undetermined', () => {
    expect(detectLanguage('Lupus: 8 von 15', LANGS)).toMatchObject({ lang: 'und', judged: false });
    expect(detectLanguage('治疗组患者', LANGS)).toMatchObject({ lang: 'und', judged: false });
  });

  it('tells English from German', () => {
    expect(detectLanguage('The doctors gave each person one infusion of changed immune cells from their own blood.', LANGS).lang).toBe('en');
    expect(detectLanguage('Die Ärztinnen und Ärzte gaben jeder Person eine Infusion mit veränderten Abwehrzellen.', LANGS).lang).toBe('de');
  });

  it('judges Chinese by script even with Latin abbreviations in it', () => {
    expect(detectLanguage('CAR-T细胞疗法治疗SLE、IIM和SSc患者，DORIS缓解率很高。', LANGS).lang).toBe('zh');
  });

  it('ignores proper names it is told about', () => {
    // A German sentence naming English-named funders reads as English …
    const text = 'Geld gab es vom Medical Research Council of the United Kingdom and the Foundation for the National Institutes of Health, und alle in der Gruppe bekamen Zellen.';
    expect(detectLanguage(text, LANGS)).toMatchObject({ lang: 'en', judged: true });
    // … until the names are taken out; what is left is too short to judge, so it cannot fail.
    expect(detectLanguage(text, LANGS, ['Medical Research Council of the United Kingdom', 'Foundation for the National Institutes of Health'])).toMatchObject({ lang: 'und', judged: false });
  });

  it('does not let trigrams overrule the only function word: a German title of names and terms', () => {
    // Found by the 10,000-study benchmark: trigrams said English (margin 0.416), "bei" is German.
    const title = 'Fallserie: CAR-T-Zell-Therapie bei 1 Person – Colitis ulcerosa (CU).';
    const d = detectLanguage(title, LANGS);
    expect(d.lang).not.toBe('en');
    expect(d.judged).toBe(false);
    // An English line of the same kind, with its own function word, is still judged English.
    expect(detectLanguage('Case series: CAR T-cell therapy in 1 person with ulcerative colitis and lupus', LANGS)).toMatchObject({ lang: 'en', judged: true });
  });
  it('judges from 40 Latin letters, not below', () => {
    const letters = (t: string) => t.match(/\p{Script=Latin}/gu)!.length;
    const short = 'The doctors gave the people all their own cells';
    const enough = 'The doctors gave the people their own cells back';
    expect([letters(short), letters(enough)]).toEqual([39, 40]);
    expect(detectLanguage(short, LANGS)).toMatchObject({ lang: 'und', judged: false, size: 39 });
    expect(detectLanguage(enough, LANGS)).toMatchObject({ lang: 'en', judged: true, size: 40 });
    // Numbers, DOIs and links do not count as letters.
    expect(detectLanguage(`${short} 15 10.1056/NEJMoa2308917 https://example.org/abc`, LANGS)).toMatchObject({ judged: false, size: 39 });
  });

  it('judges Chinese from 10 Han characters that make up at least half the text (three Latin letters count as one)', () => {
    expect(detectLanguage('治疗组患者共有九名', LANGS)).toMatchObject({ lang: 'und', judged: false, size: 9 });
    expect(detectLanguage('治疗组患者共有十名人', LANGS)).toMatchObject({ lang: 'zh', judged: true });
    // 10 Han + 30 Latin letters (= 10): exactly half, Chinese.
    expect(detectLanguage('治疗组患者共有十名人 with cells from donors blood and the', LANGS)).toMatchObject({ lang: 'zh', score: 0.5 });
    // One more letter tips it below half; 31 Latin letters are too few for English: not judged.
    expect(detectLanguage('治疗组患者共有十名人 with cells from donors blood and more', LANGS)).toMatchObject({ lang: 'und', judged: false });
  });

  it('counts characters, not UTF-16 units: a Han character outside the BMP is one', () => {
    // 𠀀 and 𪚥 (CJK extensions B, C) are two units each; nine characters are too few, ten enough.
    expect(detectLanguage('𠀀𪚥组患者共有九名', LANGS)).toMatchObject({ lang: 'und', judged: false, size: 9 });
    expect(detectLanguage('𠀀𪚥组患者共有十名人', LANGS)).toMatchObject({ lang: 'zh', judged: true, size: 10 });
    // Letters of every kind count once each, with marks and numbers between them left out.
    expect(detectLanguage('Ärzte, Bürger & Straße: 15 𝐀 Ÿ ǅ ﬀ', LANGS).size).toBe('Ärzte, Bürger & Straße: 15 𝐀 Ÿ ǅ ﬀ'.match(/\p{Script=Latin}/gu)!.length);
  });
});

describe('summary language check', () => {
  it('catches an English paragraph inside a German summary, naming study, language, level and paragraph', async () => {
    const changed = projectWith((p) => {
      const easy = p.locales.de!.summary!.easy as Record<string, Record<string, string>>;
      easy.meaning!.doctor = 'Please talk to your doctor before you decide anything about your own treatment.';
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['de'], levels: ['easy'], write: false, project: changed });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'language/summary');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.place).toMatchObject({ study: 'mueller-2024', lang: 'de', level: 'easy' });
    expect(errors[0]!.message).toMatch(/paragraph \d+ reads as `en`.*expected `de`: “Please talk to your doctor/);
    expect(report.exitCode).toBe(1);
  });

  it('catches a paragraph in the wrong language in an English and in a Chinese summary too', async () => {
    const changed = projectWith((p) => {
      (p.locales.en!.summary!.easy as Record<string, Record<string, string>>).meaning!.doctor = 'Bitte sprechen Sie mit Ihrer Ärztin oder Ihrem Arzt, bevor Sie etwas an Ihrer eigenen Behandlung ändern.';
      (p.locales.zh!.summary!.easy as Record<string, Record<string, string>>).meaning!.doctor = 'Please talk to your doctor before you decide anything about your own treatment.';
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['en', 'zh'], levels: ['easy'], write: false, project: changed });
    expect(report.diagnostics.filter((d) => d.ruleId === 'language/summary').map((d) => [d.place.lang, d.actual])).toEqual([
      ['en', 'de'],
      ['zh', 'en'],
    ]);
  });

  it('judges most paragraphs of every bundled summary', async () => {
    const summaries = await sampleSummaries();
    // 4 samples × 3 languages × 3 levels: an empty list would pass the loop.
    expect(summaries).toHaveLength(36);
    for (const { where, summary } of summaries) {
      expect(summary.language.failed, where).toBe(0);
      expect(summary.language.judged, where).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('source and facts language checks', () => {
  it('catches a source text declared in the wrong language', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'sources', 'mislabelled.yaml')] });
    const messages = report.diagnostics.filter((d) => d.ruleId === 'language/source').map((d) => d.message);
    // The heading is too short to judge; both body paragraphs are German; English never occurs.
    expect(messages).toEqual([
      expect.stringMatching(/^source `german-text` is declared `en` but paragraph 2 reads as `de` .*“Fünf Menschen mit Lupus/),
      expect.stringMatching(/^source `german-text` is declared `en` but paragraph 3 reads as `de` .*“Bei vier von ihnen/),
      'source `german-text` is declared to contain `en`, but no paragraph reads as `en`; languages found: de 100%',
    ]);
    expect(report.exitCode).toBe(1);
  });

  it('reports the mixed sample source as English and Chinese with their shares', async () => {
    const report = await check({ inputs: [join(SAMPLES, 'mueller-2024.yaml')] });
    const source = report.studies[0]!.sources.find((s) => s.id === 'mueller-2024-bilingual')!;
    expect(Object.keys(source.shares).sort()).toEqual(['en', 'zh']);
    expect(source.shares.en! + source.shares.zh!).toBeCloseTo(1, 2);
    expect(source.paragraphs.filter((p) => p.lang !== 'und').map((p) => p.lang)).toEqual(['en', 'en', 'zh', 'zh']);
    const info = report.diagnostics.find((d) => d.ruleId === 'language/source-mixed');
    expect(info?.message).toMatch(/mixed as declared: en \d+%, zh \d+%/);
  });

  it('fails a mixed source when a declared language is absent', () => {
    const english = 'The doctors treated fifteen people with changed immune cells and followed them for more than a year.';
    const result = checkSourceLanguage(english, { id: 'x', path: 'x.md', declared: ['en', 'zh'] }, LANGS, { study: 's', file: 'f.yaml' });
    expect(result.diagnostics.map((d) => d.message)).toContain('source `x` is declared to contain `zh`, but no paragraph reads as `zh`; languages found: en 100%');
  });

  it('catches a facts title that is not in its declared language', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'check-fail', 'wrong-title-language.yaml')] });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'language/facts');
    expect(errors.map(formatDiagnostic)).toEqual([expect.stringMatching(/title\.de: text for `de` reads as `en`/)]);
    expect(report.exitCode).toBe(1);
  });

  it('catches a quote that is not in the language it is given for', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'check-fail', 'wrong-quote-language.yaml')] });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'language/facts');
    expect(errors.map(formatDiagnostic)).toEqual([expect.stringMatching(/quotes\[0\]\.text\.zh: text for `zh` reads as `en`/)]);
    expect(report.exitCode).toBe(1);
  });
});
