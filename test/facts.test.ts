import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostic, parseStudyFacts } from '../src/index.js';
import { FIXTURES, SAMPLES } from './helpers.js';

const sampleFiles = readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml') && !f.endsWith('.config.yaml'));
const badDir = join(FIXTURES, 'bad');
const badFiles = readdirSync(badDir).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('facts schema', () => {
  it('has the four bundled samples', () => {
    expect(sampleFiles.sort()).toEqual(['crispr-donor-2024.yaml', 'first-patient-2021.yaml', 'mueller-2024.yaml', 'shanghai-donor-2025.yaml']);
  });

  it.each(sampleFiles)('accepts samples/%s with no error, warning only for facts the seeds do not give', async (name) => {
    const report = await check({ inputs: [join(SAMPLES, name)] });
    expect(report.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && d.ruleId !== 'coverage/unknown')).map(formatDiagnostic)).toEqual([]);
    expect(report.studies).toHaveLength(1);
  });

  it('reads the Müller 2024 figures as written', () => {
    const file = join(SAMPLES, 'mueller-2024.yaml');
    const { facts } = parseStudyFacts(readFileSync(file, 'utf8'), file);
    expect(facts?.population.groups.map((g) => [g.condition, g.n])).toEqual([['sle', 8], ['iim', 3], ['ssc', 4]]);
    expect(facts?.followUp).toMatchObject({ median: 15, min: 4, max: 29, unit: 'month' });
    expect(facts?.measurements[0]).toMatchObject({ measure: 'b_cell_aplasia', mean: 112, sd: 47, unit: 'day' });
    expect(facts?.safety?.map((e) => [e.event, e.grade ?? null, e.count])).toEqual([['crs', 1, 10], ['crs', 2, 1], ['icans', 1, 1], ['pneumonia_hospital', null, 1]]);
  });

  it('reads a JSON facts file like a YAML one', () => {
    const yamlFile = join(FIXTURES, 'valid', 'minimal.yaml');
    const { facts } = parseStudyFacts(readFileSync(yamlFile, 'utf8'), yamlFile);
    const fromJson = parseStudyFacts(JSON.stringify(facts), 'minimal.json');
    expect(fromJson.diagnostics).toEqual([]);
    expect(fromJson.facts).toEqual(facts);
  });
});

describe('bad facts files give the expected message (test/fixtures/bad/*.expected.txt)', () => {
  it.each(badFiles)('%s', async (name) => {
    const file = join(badDir, name);
    const expected = readFileSync(join(badDir, `${basename(name).replace(/\.(ya?ml|json)$/, '')}.expected.txt`), 'utf8');
    const report = await check({ inputs: [file] });
    const errors = report.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(`${errors.join('\n')}\n`.replaceAll(`${badDir}/`, '').replaceAll('test/fixtures/bad/', '')).toBe(expected);
    expect(report.exitCode).toBe(2);
  });
});
