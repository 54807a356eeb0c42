/**
 * A study of one person says that person's values as theirs, never as an average: an age given as a
 * mean is the person's age, and a measurement is given as `value` (the facts check refuses a mean ± SD
 * for one person, and a value for a group: test/fixtures/bad/one-person-mean.yaml, group-value.yaml).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, useFixtureBuild } from './helpers.js';

const fixtures = useFixtureBuild(join(FIXTURES, 'one-person'), 1);
const OUTPUTS = ['easy.md', 'standard.md', 'expert.md', 'press.md', 'leaflet.html'];

/** What each language says of the person's age and B cells, and what it must not say of one person. */
const SAYS = {
  en: { age: ['The person was 34 years old.', 'Age: 34 years.'], value: ["The person's B cells were gone from the blood for 112 days.", 'Duration of B-cell aplasia: 112 days.', 'The person&#x27;s B cells were gone from the blood for 112 days.'], never: /\baverage\b|\(mean\b|\bmean (?:±|age)|± ?\d|\bSD\b/i },
  de: { age: ['Die Person war 34 Jahre alt.', 'Alter: 34 Jahre.'], value: ['Bei der Person fehlten die B-Zellen 112 Tage lang im Blut.', 'Dauer der B-Zell-Aplasie: 112 Tage.'], never: /Durchschnitt|Mittelwert|± ?\d|Standardabweichung/ },
  zh: { age: ['34岁'], value: ['这名患者的B细胞从血液中消失了112天。', '这名患者的B细胞从血液里消失了112天。'], never: /平均|均数|标准差|±/ },
} as const;

describe('one person', () => {
  for (const [lang, says] of Object.entries(SAYS)) {
    it(`${lang}: every output says the person's age and value as theirs, and no average or spread`, () => {
      const texts = OUTPUTS.map((name) => fixtures.read(`${lang}/one-person-value/${name}`));
      const all = texts.join('\n');
      for (const sentence of [...says.age, ...says.value]) expect(all, sentence).toContain(sentence);
      texts.forEach((text, i) => {
        // The leaflet's markup is not its text; the glossary explains B cells in general.
        const visible = OUTPUTS[i] === 'leaflet.html' ? text.replace(/<[^>]*>/g, ' ') : text;
        expect(visible.match(says.never), `${lang} ${OUTPUTS[i]}`).toBeNull();
      });
      // Every output gives the value (112) at least once.
      texts.forEach((text, i) => expect(text, `${lang} ${OUTPUTS[i]}`).toContain('112'));
    });
  }
});
