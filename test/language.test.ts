import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, checkLocaleParity, checkSourceLanguage, detectLanguage, formatDiagnostic, loadProject, type ProjectData } from '../src/index.js';
import { FIXTURES, SAMPLES } from './helpers.js';

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
    const text = 'Gefördert von: Deutsche Forschungsgemeinschaft, European Research Council and the Bavarian State Foundation.';
    expect(detectLanguage(text, LANGS, ['European Research Council and the Bavarian State Foundation', 'Deutsche Forschungsgemeinschaft']).judged).toBe(false);
  });
});

describe('summary language check', () => {
  it('catches an English paragraph inside a German summary, naming study, language, level and paragraph', async () => {
    const changed: ProjectData = structuredClone(project);
    const easy = changed.locales.de!.summary!.easy as Record<string, Record<string, string>>;
    easy.meaning!.doctor = 'Please talk to your doctor before you decide anything about your own treatment.';
    changed.diagnostics = checkLocaleParity(changed.locales);
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['de'], levels: ['easy'], write: false, project: changed });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'language/summary');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.place).toMatchObject({ study: 'mueller-2024', lang: 'de', level: 'easy' });
    expect(errors[0]!.message).toMatch(/paragraph \d+ reads as `en`.*expected `de`: “Please talk to your doctor/);
    expect(report.exitCode).toBe(1);
  });

  it('judges most paragraphs of every bundled summary', async () => {
    const report = await check({ inputs: [SAMPLES] });
    for (const study of report.studies) {
      for (const summary of study.summaries) {
        expect(summary.language.failed, `${study.id}/${summary.lang}/${summary.level}`).toBe(0);
        expect(summary.language.judged, `${study.id}/${summary.lang}/${summary.level}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('source and facts language checks', () => {
  it('catches a source text declared in the wrong language', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'sources', 'mislabelled.yaml')] });
    const messages = report.diagnostics.filter((d) => d.ruleId === 'language/source').map((d) => d.message);
    expect(messages.some((m) => /source `german-text` is declared `en` but paragraph \d reads as `de`/.test(m))).toBe(true);
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
});
