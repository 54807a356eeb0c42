/**
 * Sentences whose numbers ask for other words: nobody (a count of 0), the one person of a study
 * or a group (1 of 1), and facts a template must not need (age without sex, a sponsor without
 * funding). A wrong word here says something false ("Bei der Person … kam die Krankheit zur Ruhe"
 * for a patient who did not respond), so each case is read in every language.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, useFixtureBuild } from './helpers.js';

const COUNTS = join(FIXTURES, 'counts');
const fixtures = useFixtureBuild(COUNTS, 6);
const read = (path: string) => fixtures.read(path);
/** Each output file holds its sentence. */
const says = (expected: [path: string, sentence: string][]) => {
  for (const [path, sentence] of expected) expect(read(path), path).toContain(sentence);
};

describe('facts with counts of 0 and 1', () => {
  it('never say that the one person assessed reached a result they did not reach', () => {
    // Said as a sentence, in the words of the level (was "The person with lupus did not have this result: remission of lupus.").
    const said = {
      easy: {
        en: 'In the person with lupus, the lupus did not calm down (remission).',
        de: 'Bei der Person mit Lupus kam die Krankheit nach den festen Regeln nicht zur Ruhe.',
        zh: '这名红斑狼疮患者病情没有达到缓解。',
      },
      standard: {
        en: 'In the person with lupus, the lupus did not calm down (remission by the DORIS rules).',
        de: 'Bei der Person mit Lupus kam die Krankheit nicht zur Ruhe (Remission nach DORIS-Regeln).',
        zh: '这名红斑狼疮患者没有达到DORIS缓解。',
      },
    };
    for (const level of ['easy', 'standard'] as const) {
      for (const lang of ['en', 'de', 'zh'] as const) expect(read(`${lang}/one-person/${level}.md`)).toContain(`- ${said[level][lang]}`);
      // No outcome line about the person says the result was reached.
      for (const line of read(`en/one-person/${level}.md`).split('\n').filter((l) => l.startsWith('- In the person with lupus'))) expect(line).toContain(' did not ');
      for (const line of read(`de/one-person/${level}.md`).split('\n').filter((l) => l.startsWith('- Bei der Person mit Lupus'))) expect(line).toContain(' nicht ');
      expect(read(`zh/one-person/${level}.md`)).not.toMatch(/这名红斑狼疮患者(病情)?达到/);
    }
    expect(read('en/one-person/leaflet.html')).toContain(said.easy.en);
  });

  // An outcome line in each language's easy summary, for the counts that ask for other words.
  it.each([
    {
      when: 'the one person of a group reached a result',
      study: 'two-people',
      en: '- In the person with myasthenia gravis, the symptoms went away.',
      de: '- Bei der Person mit Muskel·schwäche gingen die Beschwerden weg.',
      zh: '- 这名重症肌无力患者症状消失。',
    },
    {
      when: 'no one in a larger group reached a result',
      study: 'three-people',
      en: '- In each of the 3 people with lupus, the lupus did not calm down (remission).',
      de: '- Bei keinem der 3 Menschen mit Lupus kam die Krankheit nach festen Regeln zur Ruhe.',
      zh: '- 3名红斑狼疮患者中，没有人病情达到缓解。',
    },
  ])('say it as it is when $when', ({ study, en, de, zh }) => {
    says(Object.entries({ en, de, zh }).map(([lang, sentence]) => [`${lang}/${study}/easy.md`, sentence]));
  });

  it('say "neither" for none of two, never "0 of 2", and add no severity to it', () => {
    says([
      ['en/two-people/easy.md', '- Neither of the two people had a lung infection that needed hospital care.\n'],
      ['en/two-people/easy.md', '- Neither of the two people still took a low dose of steroid medicine at the last check-up.'],
      ['de/two-people/easy.md', '- Keiner der beiden Menschen nahm zuletzt nur noch wenig Kortison.'],
      ['zh/two-people/easy.md', '- 两人都没有出现需要住院的肺炎。\n'],
      ['zh/two-people/easy.md', '- 两人中，没有人还在吃激素药。'],
    ]);
    for (const lang of ['en', 'de', 'zh']) {
      for (const level of ['easy', 'standard']) {
        const text = read(`${lang}/two-people/${level}.md`);
        expect(text, `${lang}/${level}`).not.toMatch(/(^|\D)0 (of|von) \d|有0|，0名|\b0名/m);
      }
    }
    says([
      ['zh/two-people/leaflet.html', '没有人出现这个问题'],
      ['de/two-people/leaflet.html', 'niemand betroffen'],
      ['en/two-people/leaflet.html', 'no one had it'],
    ]);
  });

  it('speak of the one person of a one-person study as "the person", not "1 of 1"', () => {
    says([
      ['en/one-person/easy.md', '- The person had a side effect on the nerves and brain. It was severe.'],
      ['en/one-person/easy.md', '- The person did not have a strong immune reaction with fever.\n'],
      ['de/one-person/easy.md', '- Die Person nahm zuletzt nur noch wenig Kortison.'],
      ['zh/one-person/easy.md', '- 这名患者出现了影响神经的副作用。程度重。'],
      ['en/one-person/expert.md', 'Age: 20 years.'],
      ['en/one-person/expert.md', 'Sex: male.'],
    ]);
    for (const lang of ['en', 'de', 'zh']) expect(read(`${lang}/one-person/easy.md`)).not.toMatch(/\b1 (of|von) 1\b|1人中/);
    // A change the one person did not have, in the negative; one person's follow-up, without a median.
    says([
      ['en/one-person/easy.md', '- The person did not stop taking medicines that slow down the immune system.'],
      ['de/one-person/easy.md', '- Die Person setzte die Medikamente, die die Abwehr bremsen, nicht ab.'],
      ['zh/one-person/easy.md', '- 这名患者没有停用抑制免疫的药物。'],
      ['en/one-person/easy.md', 'The doctors checked on the person for 1 year after the treatment.'],
      ['zh/one-person/standard.md', '治疗后，研究人员对这名患者随访了1年。'],
    ]);
    for (const lang of ['en', 'de']) expect(read(`${lang}/one-person/easy.md`)).not.toMatch(/Half|Hälfte/);
    // The leaflet's side-effect pictures are captioned as the summary says it.
    expect(read('en/one-person/leaflet.html')).toContain('The person did not have a strong immune reaction with fever.');
    expect(read('en/one-person/leaflet.html')).not.toMatch(/0 of 1 people/);
  });

  it('say "the person", not "each person", of the one person of a study', () => {
    says([
      ['en/one-person/easy.md', "The cells came from the person's own blood. The person got the cells once, through a drip into a vein."],
      ['de/one-person/easy.md', 'Die Person bekam Zellen aus ihrem eigenen Blut.'],
      ['en/one-person/leaflet.html', 'The person got the cells once, through a drip into a vein.'],
    ]);
    for (const lang of ['en', 'de']) expect(read(`${lang}/one-person/easy.md`)).not.toMatch(/[Ee]ach person|[Jj]ede Person/);
  });

  it('agree the unit with the age: "1 year old", "20 years old"', () => {
    says([
      ['en/one-year-old/easy.md', 'He was 1 year old.'],
      ['en/one-year-old/standard.md', 'He was 1 year old.'],
      ['en/one-year-old/expert.md', 'Age: 1 year.'],
      ['de/one-year-old/easy.md', 'Er war 1 Jahr alt.'],
      ['en/one-person/easy.md', 'He was 20 years old.'],
      ['en/one-person/expert.md', 'Age: 20 years.'],
    ]);
  });
});

describe('facts a template must not depend on', () => {
  it('say that the report gives no results, under the results heading, when it gives none (no empty heading, no empty list)', () => {
    for (const [lang, sentence] of [['en', 'The report gives no results about the disease.'], ['de', 'Der Bericht nennt keine Ergebnisse zur Krankheit.'], ['zh', '报告没有给出关于疾病的结果。']] as const) {
      for (const level of ['easy', 'standard', 'press']) expect(read(`${lang}/no-results/${level}.md`), `${lang}/${level}`).toContain(`\n\n${sentence}\n`);
      expect(read(`${lang}/no-results/leaflet.html`)).toContain(`<p>${sentence}</p>`);
      expect(read(`${lang}/no-results/leaflet.html`)).not.toMatch(/<ul>\s*<\/ul>/);
    }
  });

  it('state the age given as a mean (with its SD) or a range, where there is no median, at every level', () => {
    says([
      ['en/mean-age/easy.md', 'Their average age was 42 years.'],
      ['en/mean-age/standard.md', 'Their average (mean) age was 42 years.'],
      ['en/mean-age/expert.md', 'Age: 42 ± 9 years (mean ± SD).'],
      ['de/mean-age/standard.md', 'Das Durchschnittsalter (Mittelwert) betrug 42 Jahre.'],
      ['zh/mean-age/easy.md', '患者的平均年龄是42岁。'],
      ['en/no-results/easy.md', 'The youngest was 19, the oldest 64 years old.'],
      ['en/no-results/expert.md', 'Age: 19–64 years.'],
      ['zh/no-results/standard.md', '患者年龄在19～64岁之间。'],
      ['en/mean-age/leaflet.html', 'Their average age was 42 years.'],
    ]);
  });

  it('say whether the study is still running, at the lay levels too (not only in the expert summary)', () => {
    says([
      ['en/one-person/easy.md', 'The study is still running. These are early results.'],
      ['en/one-person/standard.md', 'The study is still going on; these are interim results.'],
      ['en/one-person/press.md', 'these are interim results.**'],
      ['de/one-person/easy.md', 'Die Studie läuft noch. Das sind erste Ergebnisse.'],
      ['zh/one-person/standard.md', '研究仍在进行中，目前报告的是中期结果。'],
      ['en/one-person/leaflet.html', 'The study is still running. These are early results.'],
      ['en/two-people/easy.md', 'The study has ended.'],
    ]);
  });

  it('state the age when the sex is not given', () => {
    says([
      ['en/three-people/easy.md', 'About half of them were older than 31 years.'],
      ['en/three-people/standard.md', 'Their median age was 31 years.'],
      ['de/three-people/easy.md', 'Etwa die Hälfte war älter als 31 Jahre.'],
      ['zh/three-people/easy.md', '大约一半患者的年龄超过31岁。'],
    ]);
  });

  it('name the sponsor and its contact in every level and format, with or without funders', () => {
    for (const level of ['easy', 'standard', 'expert', 'press']) {
      for (const lang of ['en', 'de', 'zh']) {
        const text = read(`${lang}/three-people/${level}.md`);
        expect(text, `${lang}/${level}`).toContain('Example Hospital Trust');
        expect(text, `${lang}/${level}`).toContain('trials@example.org');
      }
    }
    expect(read('en/three-people/leaflet.html')).toContain('<p>This organisation ran the study: Example Hospital Trust. Contact: trials@example.org.</p>');
    expect(fixtures.report.diagnostics.filter((d) => d.ruleId === 'coverage/missing')).toEqual([]);
  });
});
