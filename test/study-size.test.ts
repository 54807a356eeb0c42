/**
 * The wording calls a study small ("Only 15 people took part", "this small group") up to
 * SMALL_STUDY_UP_TO people; above that it says the same limits without "only" or "small". Two
 * fixtures either side of the line, in every language, level, the press summary and the leaflet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_STUDY_UP_TO, studySizeOf } from '../src/render/index.js';
import { FIXTURES, ROOT, useFixtureBuild } from './helpers.js';

const fixtures = useFixtureBuild(join(FIXTURES, 'size'), 2);
const LANGS = ['en', 'de', 'zh'] as const;

type Locale = Record<string, Record<string, Record<string, string>>>;
const locale = (lang: string, file: string) => JSON.parse(readFileSync(join(ROOT, 'locales', lang, `${file}.json`), 'utf8')) as Locale;

/** The sentences each output says about the study's limits, for a study of `count` people, small or large. */
function limits(lang: string, count: number, size: '' | 'Large') {
  const design = locale(lang, 'terms').designs!.case_series!;
  const summary = locale(lang, 'summary');
  const fill = (text: string | undefined) => {
    expect(text, `${lang} ${size}`).toBeTypeOf('string');
    return text!.replace('{{count}}', String(count));
  };
  return {
    easy: [fill(design[`limitsEasy${size}_other`]), fill(summary.easy!.meaning![`unknown${size}`])],
    standard: [fill(design[`limits${size}_other`]), fill(summary.standard!.meaning![`unknown${size}`])],
    expert: [fill(design[`limitsExpert${size}`])],
    press: [fill(design[`limits${size}_other`]), fill(design[`lay${size}`])],
  };
}

/** `text` says each of `says` and, once they are taken out, none of `saysNot` ("100 people took part" is inside "Only 100 people took part"). */
function expectSays(text: string, says: string[], saysNot: string[], where: string) {
  for (const sentence of says) expect(text, where).toContain(sentence);
  const rest = says.reduce((left, sentence) => left.replaceAll(sentence, ''), text);
  for (const sentence of saysNot) expect(rest, where).not.toContain(sentence);
}

describe('the size of a study in its wording', () => {
  it('draws the line at SMALL_STUDY_UP_TO people', () => {
    expect(SMALL_STUDY_UP_TO).toBe(100);
    expect([1, 15, 100, 101, 10_000].map(studySizeOf)).toEqual(['', '', '', 'Large', 'Large']);
  });

  it.each(LANGS)('%s: a study of 100 is called small, one of 101 is not', (lang) => {
    for (const [study, count, size, other] of [
      ['small-100', 100, '', 'Large'],
      ['large-101', 101, 'Large', ''],
    ] as const) {
      const says = limits(lang, count, size);
      const saysNot = limits(lang, count, other);
      for (const output of ['easy', 'standard', 'expert', 'press'] as const) {
        expectSays(fixtures.read(`${lang}/${study}/${output}.md`), says[output], saysNot[output], `${study} ${output}`);
      }
      expectSays(fixtures.read(`${lang}/${study}/leaflet.html`), says.easy, saysNot.easy, `${study} leaflet`);
    }
  });

  it.each([
    // "Only 100 people took part", "this small group", "wenige Behandelte", "只有100名患者"; the glossary defines the design without a size.
    { lang: 'en', words: /\b(only|small)\b/i },
    { lang: 'de', words: /\b(nur|kleine[nmrs]?|wenige)\b/i },
    { lang: 'zh', words: /只有|只涉及|少数|小规模|参加的人少/ },
  ])('$lang: says "only" and "small" of the small study, and neither of the large one, its glossary included', ({ lang, words }) => {
    for (const output of ['easy.md', 'standard.md', 'press.md', 'leaflet.html']) {
      expect(fixtures.read(`${lang}/small-100/${output}`), output).toMatch(words);
    }
    for (const output of ['easy.md', 'standard.md', 'expert.md', 'press.md', 'leaflet.html']) {
      expect(fixtures.read(`${lang}/large-101/${output}`), output).not.toMatch(words);
    }
  });
});
