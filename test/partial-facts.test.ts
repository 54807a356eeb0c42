import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyFacts, StudyFacts } from '../src/index.js';
import { FIXTURES } from './helpers.js';

// A file that fails validation is still cross-checked on what passed (src/facts/partial.ts).
const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
const partialOf = (text: string) => parseStudyFacts(text, 'study.yaml').partial;

describe('the facts of a file that failed validation', () => {
  it('leave out an optional field that failed, and list it as unknown', () => {
    const partial = partialOf(`${minimal}dates: { start: 2021-13, end: 2022 }\n`);
    expect(partial?.unknown).toEqual(['dates.start']);
    expect(partial?.facts.dates).toEqual({ end: '2022' });
    expect(partial?.facts.outcomes[0]).toMatchObject({ responders: 4, assessed: 5 });
  });

  it('give a required field that failed a stand-in the schema accepts, and list it as unknown', () => {
    const partial = partialOf(minimal.replace('total: 5', 'total: five'));
    expect(partial?.unknown).toEqual(['population.total']);
    // The stand-in is valid, the fields that passed keep their values.
    expect(StudyFacts.safeParse(partial!.facts).success).toBe(true);
    expect(partial?.facts.population.groups).toEqual([{ condition: 'sle', n: 5 }]);
  });

  it('fill a required mapping of the wrong type with stand-ins down to its own required fields', () => {
    const partial = partialOf(minimal.replace(/population:\n(  .*\n)+/, 'population: 5\n'));
    expect(partial?.unknown).toEqual(['population']);
    expect(StudyFacts.safeParse(partial!.facts).success).toBe(true);
    expect(partial?.facts.population.groups).toHaveLength(1);
  });

  it('give a field missing from the file a stand-in too', () => {
    const partial = partialOf(minimal.replace('design: case_series\n', '').replace('  year: 2024\n', ''));
    expect(partial?.unknown.sort()).toEqual(['citation.year', 'design']);
    expect(StudyFacts.safeParse(partial!.facts).success).toBe(true);
  });

  it('are not made when an item of a list failed as a whole (leaving it out would shift the paths of the items after it)', () => {
    expect(partialOf(minimal.replace(/outcomes:\n(  .*\n)+/, 'outcomes: [5]\n'))).toBeUndefined();
  });

  it('are not made for a valid file', () => {
    expect(parseStudyFacts(minimal, 'study.yaml')).toMatchObject({ facts: expect.any(Object) });
    expect(partialOf(minimal)).toBeUndefined();
  });
});
