/**
 * Numbers as each language writes them. Grouping starts at five digits (years and counts such as
 * 2024 and 1500 stay whole); German groups with a no-break space (10 000, writing.md §3), where
 * Intl would write 10.000, which a German reader can also take for ten with three decimals.
 * Chinese keeps the comma (10,000; GB/T 15835-2011 allows it, and next to the decimal point it is
 * unambiguous): see the README, "Adding a language".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedNumbers, checkFidelity, findNumbers } from '../src/checks/index.js';
import { deriveFacts } from '../src/derive/index.js';
import { createTranslator } from '../src/i18n/index.js';
import { loadProject } from '../src/project/index.js';
import { FIXTURES, loadFacts, useFixtureBuild } from './helpers.js';

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

/** test/fixtures/numbers: a study of 24,600 people, and one of 2000 with percentages near 0 and 100. */
const fixture = useFixtureBuild(join(FIXTURES, 'numbers'), 2);

describe('a study of 24,600 people', () => {  const OUTPUTS = ['easy.md', 'standard.md', 'expert.md', 'press.md', 'press.txt', 'leaflet.html'];

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


describe('percentages of some, never rounded to none or all', () => {
  const percent = (lang: string) => createTranslator(project.languages[lang]!, project.locales[lang]!).formatPercent;

  it.each([
    ['en', ['0%', 'under 1%', '1%', '53%', '99%', 'over 99%', '100%']],
    ['de', [`0${NBSP}%`, `unter 1${NBSP}%`, `1${NBSP}%`, `53${NBSP}%`, `99${NBSP}%`, `über 99${NBSP}%`, `100${NBSP}%`]],
    ['zh', ['0%', '不到1%', '1%', '53%', '99%', '超过99%', '100%']],
  ])('%s: 0, 3, 10, 1066, 1989, 1995 and 2000 of 2000 as %j', (lang, expected) => {
    expect([0, 3, 10, 1066, 1989, 1995, 2000].map((part) => percent(lang)(part, 2000))).toEqual(expected);
  });

  it.each([
    ['en', ['0%', '<1%', '1%', '53%', '99%', '>99%', '100%']],
    ['de', [`0${NBSP}%`, `<1${NBSP}%`, `1${NBSP}%`, `53${NBSP}%`, `99${NBSP}%`, `>99${NBSP}%`, `100${NBSP}%`]],
    ['zh', ['0%', '<1%', '1%', '53%', '99%', '>99%', '100%']],
  ])('%s, in the expert register: 0, 3, 10, 1066, 1989, 1995 and 2000 of 2000 as %j', (lang, expected) => {
    expect([0, 3, 10, 1066, 1989, 1995, 2000].map((part) => percent(lang)(part, 2000, 'expert'))).toEqual(expected);
    // A level without words of its own says them as the lay levels do.
    expect(percent(lang)(3, 2000, 'standard')).toBe(percent(lang)(3, 2000));
  });

  it('the fidelity check no longer takes a rounded 0% or 100% for a percentage of some', () => {
    const facts = loadFacts(join(FIXTURES, 'numbers', 'few-of-many.yaml'));
    const allowed = allowedNumbers(facts, deriveFacts(facts));
    const unmatched = (text: string) => checkFidelity(text, project.languages.en!, allowed, { study: facts.id, lang: 'en', level: 'standard' }, []).diagnostics.map((d) => d.actual);
    expect(unmatched('3 of 2000 people (0%) had too few platelets.')).toEqual(['0']);
    expect(unmatched('In 1995 of 1998 people (100%), the lupus calmed down.')).toEqual(['100']);
    expect(unmatched('3 of 2000 people (under 1%) had too few platelets. In 1995 of 1998 people (over 99%), the lupus calmed down. 1200 of 2000 people (60%) had a fever.')).toEqual([]);
  });

  it.each([
    ['en', '3 of 2000 people (under 1%)', '1995 of 1998 people with lupus (over 99%)'],
    ['de', `3 von 2000 Menschen (unter 1${NBSP}%)`, `1995 von 1998 Menschen mit Lupus (über 99${NBSP}%)`],
    ['zh', '3名（不到1%）', '1995名（超过99%）'],
  ])('%s outputs say %j and %j, and no 0% or 100% anywhere', (lang, few, most) => {
    for (const output of ['standard.md', 'expert.md', 'press.md']) {
      const text = fixture.read(`${lang}/few-of-many/${output}`);
      if (output !== 'expert.md') {
        expect(text, `${lang} ${output}`).toContain(few);
        expect(text, `${lang} ${output}`).toContain(most);
      }
      expect(text, `${lang} ${output}`).not.toMatch(/(?<![\d.,])(?:0|100)[\s\u00a0]?%/);
    }
  });

  it.each([
    ['en', ['| 2 | <1% |', '| 1998 | >99% |', '| 1995/1998 | >99% |', '| 3/2000 | <1% |', ': 1999/2000 (>99%).']],
    ['de', [`| 2 | <1${NBSP}% |`, `| 1998 | >99${NBSP}% |`, `| 1995/1998 | >99${NBSP}% |`, `| 3/2000 | <1${NBSP}% |`, `: 1999/2000 (>99${NBSP}%).`]],
    ['zh', ['| 2 | <1% |', '| 1998 | >99% |', '| 1995/1998 | >99% |', '| 3/2000 | <1% |', '：1999/2000（>99%）。']],
  ])('%s expert summary says a small or a near-whole share one way throughout, in the expert register: %j', (lang, cells) => {
    const text = fixture.read(`${lang}/few-of-many/expert.md`);
    for (const cell of cells) expect(text, cell).toContain(cell);
    // Not the lay words, in a table cell or a line of text.
    expect(text).not.toMatch(/under 1|over 99|unter 1|über 99|不到1|超过99/);
  });
});
