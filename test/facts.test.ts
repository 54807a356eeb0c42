import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostic, parseStudyFacts } from '../src/index.js';
import { errorLines, errorsOf, FIXTURES, SAMPLES, tempDir } from './helpers.js';

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
  it('has a fixture for every expected message and an expected message for every fixture', () => {
    const expected = readdirSync(badDir).filter((f) => f.endsWith('.expected.txt')).map((f) => f.replace(/\.expected\.txt$/, ''));
    expect(badFiles.map((f) => f.replace(/\.(ya?ml|json)$/, '')).sort()).toEqual(expected.sort());
    // Guards the it.each below against passing vacuously over an emptied folder.
    expect(badFiles.length).toBeGreaterThanOrEqual(28);
  });

  it.each(badFiles)('%s', async (name) => {
    const file = join(badDir, name);
    const expected = readFileSync(join(badDir, `${basename(name).replace(/\.(ya?ml|json)$/, '')}.expected.txt`), 'utf8');
    const report = await check({ inputs: [file] });
    const errors = errorLines(report);
    expect(`${errors.join('\n')}\n`.replaceAll(`${badDir}/`, '').replaceAll('test/fixtures/bad/', '')).toBe(expected);
    expect(report.exitCode).toBe(2);
  });
});

describe('finding and reading facts files', () => {
  const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
  const withId = (id: string) => minimal.replace('id: minimal-study', `id: ${id}`);

  it('searches folders recursively for .yaml, .yml and .json, skipping dot-folders, node_modules and *.config.yaml', async () => {
    const dir = tempDir();
    const put = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    put('a.yml', withId('study-a'));
    put('nested/deeper/b.json', JSON.stringify(parseStudyFacts(withId('study-b'), 'b.yaml').facts));
    put('c.yaml', withId('study-c'));
    // None of these is a study: each would fail (duplicate id or bad facts) if it were read.
    put('.hidden/d.yaml', withId('study-a'));
    put('node_modules/pkg/e.yaml', withId('study-a'));
    put('press.config.yaml', 'organisation: X\n');
    put('notes.md', 'not a facts file');
    const report = await check({ inputs: [dir] });
    expect(errorLines(report)).toEqual([]);
    expect(report.studies.map((s) => [s.id, relative(dir, s.file)])).toEqual([
      ['study-a', 'a.yml'],
      ['study-c', 'c.yaml'],
      ['study-b', join('nested', 'deeper', 'b.json')],
    ]);
    expect(report.exitCode).toBe(0);
  });

  it('rejects two files with the same study id as bad input, naming the other file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.yaml'), withId('same-id'));
    writeFileSync(join(dir, 'two.yaml'), withId('same-id'));
    const report = await check({ inputs: [dir] });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'facts/duplicate-id');
    expect(errors.map((d) => [relative(dir, d.place.file!), d.place.line, d.message])).toEqual([
      ['two.yaml', 2, expect.stringMatching(/^study id `same-id` is also used by .*one\.yaml; expected one file per study id$/)],
    ]);
    expect(report.studies.map((s) => s.id)).toEqual(['same-id']);
    expect(report.exitCode).toBe(2);
  });

  it('reports a source text that does not exist as bad input, with its path and the facts file', async () => {
    const file = join(FIXTURES, 'input', 'missing-source-file.yaml');
    const report = await check({ inputs: [file] });
    const errors = errorsOf(report);
    expect(errors.map((d) => [d.ruleId, d.message])).toEqual([
      ['input/read', `cannot read source text \`report\`: no such file or folder (${file}, sources[0].path)`],
    ]);
    expect(errors[0]!.place.file).toBe('test/fixtures/input/texts/no-such-report.md');
    expect(report.exitCode).toBe(2);
  });

  it('reports paths that give no facts file at all', async () => {
    const empty = tempDir();
    const report = await check({ inputs: [empty] });
    expect(report.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['input/none', `no facts files (.yaml, .yml, .json) in ${empty}`]]);
    expect(report.exitCode).toBe(2);
  });
});

describe('JSON Schema for editors', () => {
  it('is the committed file generated from the zod schema (npm run schema)', async () => {
    const { studyFactsJsonSchema } = await import('../src/facts/json-schema.js');
    expect(readFileSync(join(SAMPLES, '..', 'schema', 'study-facts.schema.json'), 'utf8')).toBe(studyFactsJsonSchema());
  });
});
