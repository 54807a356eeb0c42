import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, checkBandCoverage, loadProject, parseBands, type ProjectData } from '../src/index.js';
import { checkSamples, projectCopyWithLevel, runCli, SAMPLES } from './helpers.js';

describe('readability bands in build and check', () => {
  it('holds every bundled easy and standard summary to its band', async () => {
    const report = await checkSamples();
    const bands = loadProject().bands;
    // Every figure of the level's band for the language is checked: en 1, de 2, zh 2.
    const figures = { en: ['fleschKincaidGrade'], de: ['fleschAmstad', 'wienerSachtextformel1'], zh: ['charactersPerSentence', 'difficulty'] } as Record<string, string[]>;
    let checked = 0;
    for (const study of report.studies) {
      for (const s of study.summaries) {
        const where = `${study.id}/${s.lang}/${s.level}`;
        expect(s.readability?.checks.filter((c) => !c.ok), where).toEqual([]);
        const expected = s.level === 'expert' ? [] : figures[s.lang]!;
        expect(s.readability?.checks.map((c) => c.figure), where).toEqual(expected);
        expect(Object.keys(bands[s.level]![s.lang]!), where).toEqual(expected);
        checked += expected.length;
      }
    }
    expect(checked).toBe(4 * 2 * (1 + 2 + 2));
  });

  it('fails a too-hard easy text with its figures', async () => {
    const project: ProjectData = structuredClone(loadProject());
    const easy = project.locales.en!.summary!.easy as Record<string, unknown>;
    // Twice: one such sentence among the summary's many short ones would not be enough.
    easy.intro = Array(2)
      .fill(
        'Notwithstanding considerable methodological heterogeneity, investigators characterised immunological reconstitution subsequent to lymphodepleting chemotherapeutic conditioning, acknowledging substantial interindividual variability concerning pharmacokinetic determinants.',
      )
      .join(' ');
    const report = await build({ inputs: [join(SAMPLES, 'first-patient-2021.yaml')], langs: ['en'], levels: ['easy'], write: false, project });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'readability/band');
    expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(/^outside the `easy` band for `en`: fleschKincaidGrade \d+(\.\d+)?, expected ≤ 6/)]);
    expect(errors[0]!.place).toMatchObject({ study: 'first-patient-2021', lang: 'en', level: 'easy' });
    expect(report.exitCode).toBe(1);
  });

  it('fails a too-hard German standard text on both German figures', async () => {
    const project: ProjectData = structuredClone(loadProject());
    const standard = project.locales.de!.summary!.standard as Record<string, unknown>;
    const hard =
      'Ungeachtet erheblicher methodologischer Heterogenität charakterisierten Wissenschaftlerinnen immunologische Rekonstitutionsprozesse nachfolgend lymphodepletierender chemotherapeutischer Konditionierungsbehandlungen, unter Berücksichtigung interindividueller pharmakokinetischer Variabilitätsdeterminanten.';
    for (const key of Object.keys(standard)) {
      const section = standard[key];
      if (section && typeof section === 'object') for (const k of Object.keys(section)) if (typeof (section as Record<string, unknown>)[k] === 'string' && !/\{\{/.test((section as Record<string, string>)[k]!)) (section as Record<string, string>)[k] = hard;
    }
    const report = await build({ inputs: [join(SAMPLES, 'first-patient-2021.yaml')], langs: ['de'], levels: ['standard'], write: false, project });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'readability/band');
    expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(/^outside the `standard` band for `de`: fleschAmstad -?\d+(\.\d+)?, expected ≥ 50; wienerSachtextformel1 \d+(\.\d+)?, expected ≤ 10/)]);
    expect(errors[0]!.place).toMatchObject({ study: 'first-patient-2021', lang: 'de', level: 'standard' });
    expect(report.exitCode).toBe(1);
  });

  it('reports but does not limit the expert level', async () => {
    const report = await check({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], levels: ['expert'] });
    expect(report.studies[0]!.summaries.map((s) => s.lang)).toEqual(['en', 'de', 'zh']);
    for (const s of report.studies[0]!.summaries) {
      expect(s.readability?.checks).toEqual([]);
      expect(s.readability?.figures.sentences).toBeGreaterThan(5);
    }
  });
});

describe('a level or language without a band in templates/bands.json', () => {
  // Before, such summaries were measured and reported, never limited, and a build said nothing about it.
  it('is a warning naming the level, the language and the file; `{}` or null says "no limits" and is not', () => {
    const bands = parseBands({ easy: { en: { fleschKincaidGrade: { max: 6 } }, de: {} }, standard: { en: { fleschKincaidGrade: { max: 9 } } }, expert: null });
    expect(checkBandCoverage(bands, ['easy', 'standard', 'expert', 'simple'], ['en', 'de']).map((d) => `${d.severity} ${d.ruleId} ${d.place.level}/${d.place.lang} ${d.place.file}`)).toEqual([
      'warning readability/no-band standard/de templates/bands.json',
      'warning readability/no-band simple/en templates/bands.json',
      'warning readability/no-band simple/de templates/bands.json',
    ]);
    // A regional language takes its formula language's band (zh-Hant: zh), as the check does.
    expect(checkBandCoverage(parseBands({ easy: { zh: {} } }), ['easy'], ['zh-Hant'])).toEqual([]);
    expect(loadProject().diagnostics).toEqual([]);
  });

  it('laysum check with a level added without a band: one warning per language, exit 0; with a band, none', () => {
    const project = projectCopyWithLevel('simple');
    const args = ['check', join(SAMPLES, 'mueller-2024.yaml'), '--project', project, '--level', 'simple'];
    const without = runCli(args);
    expect(without.code, without.stderr).toBe(0);
    expect(without.stderr.split('\n').filter((l) => l.includes('[readability/no-band]'))).toEqual(
      ['en', 'de', 'zh'].map((lang) => `warning: templates/bands.json ${lang}/simple: no readability band for level \`simple\` in language \`${lang}\`: its summaries are measured and reported, not limited; add \`"simple": { "${lang}": { … } }\` (\`{}\` for no limits) [readability/no-band]`),
    );
    // Not a warning about levels not built.
    expect(runCli(['check', join(SAMPLES, 'mueller-2024.yaml'), '--project', project, '--level', 'easy', '-q']).stderr).toBe('');
    const bandsFile = join(project, 'templates', 'bands.json');
    const bandsJson = JSON.parse(readFileSync(bandsFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(bandsFile, JSON.stringify({ ...bandsJson, simple: bandsJson.standard }));
    const banded = runCli(args);
    expect(banded.code, banded.stderr).toBe(0);
    expect(banded.stderr).not.toContain('readability/no-band');
    expect(banded.stdout).toMatch(/mueller-2024\s+en\s+simple\s+.*fleschKincaidGrade [\d.]+ ≤ 9/);
  });
});
