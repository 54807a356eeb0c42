/**
 * The benchmark's generated studies are realistic where a summary shows it: a study of one person
 * is a case report with one follow-up time and no mean ± SD (one person's values have no spread; it
 * rendered "106 ± 27 days (mean ± SD)" and "On average, …" for one person), and no quote about "a
 * small group of patients". Studies of several people keep their measurement, as before.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStudies } from '../bench/generate.js';
import { loadFacts, tempDir } from './helpers.js';

describe('bench/generate.ts', () => {
  // Seed 1 draws its first study of one person as study 240.
  const dir = join(tempDir(), 'facts');
  generateStudies(dir, 260, 1);
  const studies = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => loadFacts(join(dir, name)));
  const single = studies.filter((f) => f.population.total === 1);

  it('draws studies of one person and of several', () => {
    expect(single.length).toBeGreaterThan(0);
    expect(studies.length - single.length).toBeGreaterThan(200);
  });

  it('gives a study of one person no mean ± SD, one follow-up time, the design of a case report and no quote about a group', () => {
    for (const f of single) {
      expect(f.measurements, f.id).toEqual([]);
      expect(new Set([f.followUp!.median, f.followUp!.min, f.followUp!.max]).size, f.id).toBe(1);
      expect(f.design, f.id).toBe('case_report');
      for (const quote of f.quotes) expect(quote.text.en, f.id).not.toMatch(/small group/);
      const source = readFileSync(join(dir, 'sources', `${f.id}.en.md`), 'utf8');
      expect(source, f.id).not.toMatch(/±|on average|median|range/);
    }
  });

  it('keeps a measurement with its SD for a study of several people', () => {
    for (const f of studies.filter((s) => s.population.total > 1)) {
      expect(f.measurements, f.id).toHaveLength(1);
      expect(f.measurements[0]!.sd, f.id).toBeGreaterThan(0);
    }
  });
});
