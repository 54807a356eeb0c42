/**
 * Sentences that follow each other read as one text: the sentence after "The study took place in …"
 * does not start with "The study" again, a person's age is said of him or her once the sex is
 * given, and (fixtures in test/fixtures/flow) the wording agrees with how many there were.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, useFixtureBuild } from './helpers.js';

const fixtures = useFixtureBuild(join(FIXTURES, 'flow'), 4);
const read = (path: string) => fixtures.read(path);
/** The leaflet's text, without its markup. */
const leafletText = (lang: string, study: string) => read(`${lang}/${study}/leaflet.html`).replace(/<[^>]*>/g, ' ');

describe('where and when, one after the other', () => {
  const SAYS = {
    en: { easy: 'The study took place in Germany and Switzerland. It ran from March 2022 to June 2023.', standard: 'The study took place in Germany and Switzerland. It ran from March 2022 to June 2023.' },
    de: { easy: 'Die Studie fand in Deutschland und der Schweiz statt. Sie lief von März 2022 bis Juni 2023.', standard: 'Die Studie fand in Deutschland und der Schweiz statt. Sie lief von März 2022 bis Juni 2023.' },
    zh: { easy: '研究在德国和瑞士开展，从2022年3月进行到2023年6月。', standard: '研究于2022年3月至2023年6月在德国和瑞士开展。' },
  } as const;
  for (const [lang, says] of Object.entries(SAYS)) {
    it(`${lang}: the period follows the countries without repeating the subject, at every lay level`, () => {
      expect(read(`${lang}/one-man-range/easy.md`)).toContain(says.easy);
      expect(leafletText(lang, 'one-man-range')).toContain(says.easy);
      expect(read(`${lang}/one-man-range/standard.md`)).toContain(says.standard);
      expect(read(`${lang}/one-man-range/press.md`)).toContain(says.standard);
      for (const output of ['easy.md', 'standard.md', 'press.md']) {
        expect(read(`${lang}/one-man-range/${output}`), output).not.toMatch(/The study took place[^.]*\. The study|statt\. Die Studie|开展。研究(?:从|于)/);
      }
    });
  }
});

describe("a person's age after his or her sex", () => {
  const SAYS = {
    en: ['The person was a man.', 'He was 41 years old.'],
    de: ['Es war ein Mann.', 'Er war 41 Jahre alt.'],
    zh: ['患者是男性。', '他当时41岁。'],
  } as const;
  for (const [lang, says] of Object.entries(SAYS)) {
    it(`${lang}: the age is said of him, not of "the person" again`, () => {
      for (const output of ['easy.md', 'standard.md', 'press.md']) {
        const text = read(`${lang}/one-man-range/${output}`);
        expect(text, output).toContain(says[1]);
        expect(text, output).not.toMatch(/The person was 41|Die Person war 41|患者(?:当时|年龄为)41/);
      }
      expect(read(`${lang}/one-man-range/easy.md`)).toContain(says[0]);
      expect(leafletText(lang, 'one-man-range')).toContain(says[1]);
    });
  }
});

describe('why the study was done, for one person with one disease', () => {
  const SAYS = {
    en: { easy: ['People with lupus often have to take strong medicines for many years. The hope was that the new cells'], standard: ['People with lupus often need medicines that weaken the immune system for many years. The hope was that the treatment'] },
    de: { easy: ['Menschen mit Lupus müssen oft viele Jahre lang starke Medikamente nehmen. Die Hoffnung war:'], standard: ['Menschen mit Lupus brauchen oft viele Jahre lang Medikamente, die das Abwehrsystem bremsen. Die Hoffnung war, dass'] },
    zh: { easy: ['得红斑狼疮的人常常要吃很多年的强效药。这种治疗的想法是：'], standard: ['红斑狼疮患者往往需要多年服用抑制免疫系统的药物。这种治疗的设想是'] },
  } as const;
  for (const [lang, says] of Object.entries(SAYS)) {
    it(`${lang}: the rationale names her one disease ("these diseases" only of several), and its second sentence does not repeat the aim's subject`, () => {
      for (const [output, sentences] of [['easy.md', says.easy], ['standard.md', says.standard], ['press.md', says.standard]] as const) {
        const text = read(`${lang}/one-woman-reset/${output}`);
        for (const sentence of sentences) expect(text, output).toContain(sentence);
        expect(text, output).not.toMatch(/these diseases|diesen Krankheiten|这些(?:疾)?病/);
        // "The researchers hoped … The researchers wanted to find out …" (was).
        expect(text, output).not.toMatch(/(?:researchers|doctors) hoped|Das Team hoffte|(?:研究人员|医生)希望/);
      }
    });
  }
});

describe("one person's side effects by grade", () => {
  const ROWS = {
    en: ['| cytokine release syndrome (CRS) | 2 | 1/1 | 100% |', '| immune effector cell-associated neurotoxicity syndrome (ICANS) | – | 0/1 | 0% |', '| anaemia | – | 0/1 | 0% |'],
    de: ['| Zytokinfreisetzungssyndrom (CRS) | 2 | 1/1 | 100\u00a0% |', '| Immuneffektorzell-assoziiertes Neurotoxizitätssyndrom (ICANS) | – | 0/1 | 0\u00a0% |', '| Anämie | – | 0/1 | 0\u00a0% |'],
    zh: ['| 细胞因子释放综合征（CRS）| 2 | 1/1 | 100% |', '| 免疫效应细胞相关神经毒性综合征（ICANS）| – | 0/1 | 0% |', '| 贫血 | – | 0/1 | 0% |'],
  } as const;
  for (const [lang, rows] of Object.entries(ROWS)) {
    it(`${lang}: the expert table gives the grade she had and one row for each side effect she did not have, no "0/1" grade rows and no "any grade" row`, () => {
      const table = read(`${lang}/one-woman-reset/expert.md`)
        .split(/^## /m)
        .find((section) => /^(?:Adverse events|Unerwünschte Ereignisse|不良事件)\n/.test(section))!
        .split('\n')
        .filter((line) => line.startsWith('| ') && !/^\| (?:Event|Ereignis|事件) /.test(line));
      expect(table).toEqual(rows);
    });
  }
  it('the lay levels say the same: the grade she had, and that she did not have the others', () => {
    const easy = read('en/one-woman-reset/easy.md');
    expect(easy).toContain('- The person had a strong immune reaction with fever. It was moderate.\n');
    expect(easy).toContain('- The person did not have a side effect on the nerves and brain.\n');
    expect(read('zh/one-woman-reset/standard.md')).toContain('- 这名患者出现了细胞因子释放综合征（发热反应）。程度为中度（2级）。\n');
  });
});

/** In each language, every sentence is in each output of `study`, and nothing matches `never`. */
function saysInEachOutput(study: string, outputs: readonly string[], says: Record<string, readonly string[]>, never: RegExp, what: string): void {
  for (const [lang, sentences] of Object.entries(says)) {
    it(`${lang}: ${what}`, () => {
      for (const output of outputs) {
        const text = output === 'leaflet.html' ? leafletText(lang, study) : read(`${lang}/${study}/${output}`);
        for (const sentence of sentences) expect(text, `${output}: ${sentence}`).toContain(sentence);
        expect(text, output).not.toMatch(never);
      }
    });
  }
}

describe('everyone of a group', () => {
  saysInEachOutput(
    'everyone',
    ['easy.md', 'standard.md', 'press.md', 'leaflet.html'],
    {
      en: ['In all 3 people with lupus, the lupus calmed down', 'In both people with systemic sclerosis, the disease calmed down (remission).', 'All 5 people stopped taking medicines that slow down the immune system', 'All 5 people had a strong immune reaction with fever.'],
      de: ['Bei allen 3 Menschen mit Lupus kam die Krankheit', 'Bei beiden Menschen mit Sklerodermie kam die Krankheit zur Ruhe', 'Alle 5 Menschen setzten die Medikamente ab, die die Abwehr bremsen', 'Alle 5 Menschen hatten eine starke'],
      zh: ['3名红斑狼疮患者全部', '2名硬皮病患者全部病情', '5名患者全部停用了抑制免疫的药', '5名患者全部出现了'],
    },
    /\b(\d+) (?:of|von) \1\b|(\d+)(?:人|名[^，。]*患者)中，(?:有)?\2(?:人|名)/,
    'is said as all (both) of them, not "5 of 5", at every lay level',
  );
});

describe('the press summary labels the conditions by their number', () => {
  it.each([
    ['en', '- **Condition:** lupus\n', '- **Conditions:** lupus and systemic sclerosis\n'],
    ['de', '- **Krankheit:** Lupus\n', '- **Krankheiten:** Lupus und Sklerodermie\n'],
    ['zh', '- **疾病**：红斑狼疮\n', '- **疾病**：红斑狼疮和硬皮病\n'],
  ])('%s: one condition under a singular label, two under a plural one', (lang, one, two) => {
    expect(read(`${lang}/one-woman-reset/press.md`)).toContain(one);
    expect(read(`${lang}/everyone/press.md`)).toContain(two);
  });
});

describe('none of two', () => {
  saysInEachOutput(
    'neither',
    ['easy.md', 'standard.md'],
    {
      en: ['In both people with lupus, the disease did not calm down (remission).', 'Neither of the two people stopped taking medicines that slow down the immune system', 'Neither of the two people had a low number of red blood cells.'],
      de: ['Bei keinem der beiden Menschen mit Lupus kam die Krankheit zur Ruhe', 'Keiner der beiden Menschen setzte die Medikamente ab, die die Abwehr bremsen', 'Keiner der beiden Menschen hatte Blut'],
      zh: ['两名红斑狼疮患者中，没有人病情', '两人中，没有人停用抑制免疫的药', '两人都没有出现贫血。'],
    },
    /None of the 2|In each of the 2|Niemand von den 2|Bei keinem der 2|2(?:人|名[^，。]*患者)中，没有人/,
    'is said as neither of the two, not "none of the 2", at the lay levels',
  );
});
