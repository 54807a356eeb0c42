/**
 * Sentences, not a label and its value, where the lay texts say that a result was not reached, that
 * the one person did not have a side effect, or how many were women and men: "In the person with
 * lupus, the disease did not calm down (remission).", not "The person with lupus did not have this
 * result: remission."; "Die Person hatte keine Blut·armut.", not "Die Person hatte dieses Problem
 * nicht: Blut·armut."; "Of the 8 people, 1 was a woman and 7 were men.", not "Women: 1. Men: 7."
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, useFixtureBuild } from './helpers.js';

const fixtures = useFixtureBuild(join(FIXTURES, 'wording'), 2);
const read = (path: string) => fixtures.read(path);
const LANGS = ['en', 'de', 'zh'] as const;
const LAY = ['easy.md', 'standard.md', 'press.md', 'leaflet.html'];

/** What each lay output says, by language and output (easy words at easy and in the leaflet). */
const SAYS: Record<(typeof LANGS)[number], { easy: string[]; standard: string[] }> = {
  en: {
    easy: [
      'In the person with lupus, the disease did not calm down (remission).',
      'In the person with lupus, the symptoms did not go away.',
      'In each of the 5 people with lupus, the lupus did not calm down (remission).',
      'In each of the 3 people with systemic sclerosis, the disease activity score did not go down.',
      'Of the 8 people, 1 was a woman and 7 were men.',
    ],
    standard: [
      'In the person with lupus, the disease did not calm down (remission).',
      'In each of the 5 people with lupus, the lupus did not calm down (remission by the DORIS rules).',
      'In each of the 3 people with systemic sclerosis, the disease did not become less active.',
      'Of the 8 people, 1 was a woman and 7 were men.',
    ],
  },
  de: {
    easy: [
      'Bei der Person mit Lupus kam die Krankheit nicht zur Ruhe.',
      'Bei der Person mit Lupus gingen die Beschwerden nicht weg.',
      'Die Person hatte keine starke Reaktion der Abwehr mit Fieber.',
      'Die Person hatte keine Blut·armut.',
      'Bei keinem der 5 Menschen mit Lupus kam die Krankheit nach festen Regeln zur Ruhe.',
      'Von den 8 Menschen waren 1 Frau und 7 Männer.',
    ],
    standard: [
      'Bei der Person mit Lupus kam die Krankheit nicht zur Ruhe (Remission).',
      'Bei der Person mit Lupus verschwanden die Beschwerden nicht.',
      'Die Person hatte keine starke Abwehrreaktion mit Fieber.',
      'Die Person hatte keine Blutarmut.',
      'Von den 8 Menschen waren 1 Frau und 7 Männer.',
    ],
  },
  zh: {
    easy: ['这名红斑狼疮患者病情没有得到控制。', '这名红斑狼疮患者症状没有消失。', '这名患者没有出现贫血。', '8名患者中，1名是女性，7名是男性。'],
    standard: ['这名红斑狼疮患者病情没有缓解。缓解是指疾病的表现暂时消失。', '这名红斑狼疮患者症状没有消失。', '8名患者中，女性1名，男性7名。'],
  },
};

/** The label and value forms these sentences had. */
const LABEL_STYLE = /this result:|dieses Ergebnis|dieses Problem nicht|trat das nicht auf|这个结果|Women: |Frauen: |Von den Teilnehmenden:/;

/** Names of funders and sponsors are written as the facts give them: after a colon, where no sentence needs an article for them. */
const NAMES: Record<(typeof LANGS)[number], string[]> = {
  en: [
    'This organisation paid for the study: Example Foundation.',
    'This organisation ran the study: Example Hospital Trust.',
    'These organisations paid for the study: Example Foundation and Example Research Council.',
  ],
  de: [
    'Diese Stelle gab Geld für die Studie: Example Foundation.',
    'Diese Stelle war für die Studie verantwortlich: Example Hospital Trust.',
    'Diese Stellen gaben Geld für die Studie: Example Foundation und Example Research Council.',
  ],
  zh: ['研究经费来自Example Foundation。', '负责这项研究的是Example Hospital Trust。', '研究经费来自Example Foundation和Example Research Council。'],
};

describe('lay sentences instead of a label and its value', () => {
  it.each(LANGS)('%s: easy text and the leaflet name funders and the sponsor after a sentence that needs no article for them', (lang) => {
    for (const output of ['easy.md', 'leaflet.html']) {
      const text = ['one-person-nothing', 'none-of-several'].map((study) => read(`${lang}/${study}/${output}`)).join('\n');
      for (const sentence of NAMES[lang]) expect(text, `${output}: ${sentence}`).toContain(sentence);
      // Was "Money for the study came from European Research Council." and "Das Geld für die Studie kam von: …".
      expect(text, output).not.toMatch(/study came from|was run by|kam von:/);
    }
  });

  it.each(LANGS)('%s: a result not reached, a side effect the one person did not have, women and men', (lang) => {
    const text = (output: string) => ['one-person-nothing', 'none-of-several'].map((study) => read(`${lang}/${study}/${output}`)).join('\n');
    for (const sentence of SAYS[lang].easy) {
      expect(text('easy.md'), sentence).toContain(sentence);
      expect(text('leaflet.html'), sentence).toContain(sentence);
    }
    for (const sentence of SAYS[lang].standard) {
      expect(text('standard.md'), sentence).toContain(sentence);
      expect(text('press.md'), sentence).toContain(sentence);
    }
    for (const output of LAY) expect(text(output), output).not.toMatch(LABEL_STYLE);
  });

  it('zh: nobody reaching a result is said without 了, which a negation does not take (was "没有人症状消失了")', () => {
    for (const output of ['easy.md', 'leaflet.html']) expect(read(`zh/none-of-several/${output}`)).toContain('3名硬皮病患者中，没有人症状消失。');
  });
});
