import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, loadProject, type ProjectData } from '../src/index.js';
import { SAMPLES } from './helpers.js';

describe('readability bands in build and check', () => {
  it('holds every bundled easy and standard summary to its band', async () => {
    const report = await check({ inputs: [SAMPLES] });
    for (const study of report.studies) {
      for (const s of study.summaries) {
        const where = `${study.id}/${s.lang}/${s.level}`;
        expect(s.readability?.checks.filter((c) => !c.ok), where).toEqual([]);
        if (s.level !== 'expert') expect(s.readability?.checks.length, where).toBeGreaterThan(0);
      }
    }
  });

  it('fails a too-hard easy text with its figures', async () => {
    const project: ProjectData = structuredClone(loadProject());
    const easy = project.locales.en!.summary!.easy as Record<string, unknown>;
    easy.intro =
      'Notwithstanding considerable methodological heterogeneity, investigators characterised immunological reconstitution subsequent to lymphodepleting chemotherapeutic conditioning, acknowledging substantial interindividual variability concerning pharmacokinetic determinants.';
    const report = await build({ inputs: [join(SAMPLES, 'first-patient-2021.yaml')], langs: ['en'], levels: ['easy'], write: false, project });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'readability/band');
    expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(/^outside the `easy` band for `en`: fleschKincaidGrade \d+(\.\d+)?, expected ≤ 6/)]);
    expect(errors[0]!.place).toMatchObject({ study: 'first-patient-2021', lang: 'en', level: 'easy' });
    expect(report.exitCode).toBe(1);
  });

  it('reports but does not limit the expert level', async () => {
    const report = await check({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], levels: ['expert'] });
    for (const s of report.studies[0]!.summaries) {
      expect(s.readability?.checks).toEqual([]);
      expect(s.readability?.figures.sentences).toBeGreaterThan(5);
    }
  });
});
