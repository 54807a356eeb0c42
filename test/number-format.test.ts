/**
 * Numbers as each language writes them. Grouping starts at five digits (years and counts such as
 * 2024 and 1500 stay whole); German groups with a no-break space (10 000, writing.md §3), where
 * Intl would write 10.000, which a German reader can also take for ten with three decimals.
 * Chinese keeps the comma (10,000; GB/T 15835-2011 allows it, and next to the decimal point it is
 * unambiguous): see the README, "Adding a language".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../src/checks/index.js';
import { createTranslator } from '../src/i18n/index.js';
import { loadProject } from '../src/project/index.js';
import { FIXTURES, useFixtureBuild } from './helpers.js';

const project = loadProject();
const format = (lang: string) => createTranslator(project.languages[lang]!, project.locales[lang]!).formatNumber;
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it.each([
    ['en', ['1500', '10,000', '1,234,567.3', '1.5', '-12,000']],
    ['de', ['1500', `10${NBSP}000`, `1${NBSP}234${NBSP}567,3`, '1,5', `-12${NBSP}000`]],
    ['zh', ['1500', '10,000', '1,234,567.3', '1.5', '-12,000']],
  ])('%s writes 1500, 10000, 1234567.25, 1.5 and -12000 as %j', (lang, expected) => {
    expect([1500, 10_000, 1_234_567.25, 1.5, -12_000].map(format(lang))).toEqual(expected);
  });

  it('the fidelity check reads each language’s grouped numbers back as the same value', () => {
    for (const lang of ['en', 'de', 'zh']) {
      const text = [10_000, 1_234_567.25, 24_600].map(format(lang)).join(' / ');
      expect(findNumbers(text, project.languages[lang]!).map((n) => n.value), `${lang}: ${text}`).toEqual([10_000, 1_234_567.3, 24_600]);
    }
  });
});

describe('a study of 24,600 people', () => {
  const fixture = useFixtureBuild(join(FIXTURES, 'numbers'), 1);
  const OUTPUTS = ['easy.md', 'standard.md', 'expert.md', 'press.md', 'press.txt', 'leaflet.html'];

  it.each([
    ['en', '24,600', ['24.600', `24${NBSP}600`]],
    ['de', `24${NBSP}600`, ['24.600', '24,600', '24 600']],
    ['zh', '24,600', ['24.600', `24${NBSP}600`]],
  ])('%s outputs write the total as %j, never another way', (lang, written, never) => {
    for (const output of OUTPUTS) {
      const text = fixture.read(`${lang}/participants-24600/${output}`);
      expect(text, `${lang} ${output}`).toContain(written);
      for (const other of never) expect(text, `${lang} ${output}`).not.toContain(other);
    }
  });
});

