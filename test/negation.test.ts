/**
 * A side effect nobody had is said in a sentence that reads naturally with every side effect's name,
 * in every language and lay level: English names a "too few" with "a low number of" after a negation
 * ("The person did not have a low number of red blood cells.", was "did not have too few red blood
 * cells", a double negative); German says "keine"/"keinen Mangel an"; Chinese negates the verb.
 */
import { describe, expect, it } from 'vitest';
import { createRenderer, deriveFacts, formatDiagnostic, type StudyFacts } from '../src/index.js';
import { projectWith, shippedProject, translator } from './helpers.js';

const LANGS = ['en', 'de', 'zh'] as const;
const LAY = ['easy', 'standard'] as const;

/** Every side effect the shipped terms name. */
const EVENTS = Object.keys((shippedProject().locales.en!.terms as { events: Record<string, unknown> }).events);

/** A study of `total` people with lupus, of whom nobody had any of the side effects. */
function nobodyHadThem(total: number): StudyFacts {
  return {
    id: `nobody-${total}`,
    title: { en: 'Test', de: 'Test', zh: '测试' },
    citation: { group: 'Test group', year: 2024 },
    design: total === 1 ? 'case_report' : 'case_series',
    intervention: { name: 'car_t', kind: 'autologous' },
    population: { total, groups: [{ condition: 'sle', n: total }] },
    outcomes: [{ condition: 'sle', measure: 'remission', responders: 1, assessed: total }],
    measurements: [],
    medication: [],
    funding: [],
    quotes: [],
    sources: [],
    safety: EVENTS.map((event) => ({ event, count: 0 })),
  } as unknown as StudyFacts;
}

const project = shippedProject();
const renderer = createRenderer(project.templates, project.partials, project.formats);
const render = (facts: StudyFacts, lang: string, level: 'easy' | 'standard', format?: string) =>
  renderer.renderSummary(facts, deriveFacts(facts), level, translator(lang), format ? { format } : {}).markdown;

/** The lines of the side-effect list. */
const eventLines = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('- ') && !line.includes('**'));

/** What each language says of a side effect nobody had: the name in the sentence, by level. */
const SAYS: Record<(typeof LANGS)[number], Record<(typeof LAY)[number], string[]>> = {
  en: {
    easy: ['The person did not have a low number of red blood cells.', 'The person did not have a low number of white blood cells.', 'None of the 12 people had a low number of the blood cells that stop bleeding.', 'None of the 12 people had low levels of defence proteins in the blood.', 'The person did not have a strong immune reaction with fever.'],
    standard: ['The person did not have a low number of red blood cells.', 'None of the 12 people had a low number of the white blood cells that fight germs.', 'The person did not have a low number of platelets in the blood.', 'None of the 12 people had low levels of antibodies in the blood.', 'None of the 12 people had a lung infection that needed hospital care.'],
  },
  de: {
    easy: ['Die Person hatte keine Blut·armut.', 'Die Person hatte keinen Mangel an Blut·plättchen.'],
    standard: ['Die Person hatte keine Blutarmut.', 'Die Person hatte keinen Mangel an Neutrophilen (einer Art weißer Blutkörperchen).'],
  },
  zh: {
    easy: ['这名患者没有出现贫血。', '12人中，没有人出现血小板减少。'],
    standard: ['这名患者没有出现贫血。', '12名患者中，没有人出现抗体水平降低。'],
  },
};

describe('a side effect nobody had', () => {
  it('the shipped terms name every side effect (the test covers them all)', () => {
    expect(EVENTS).toEqual(expect.arrayContaining(['crs', 'icans', 'neutropenia', 'hypogammaglobulinemia', 'thrombocytopenia', 'anemia', 'infection', 'pneumonia_hospital']));
  });

  for (const lang of LANGS) {
    for (const level of LAY) {
      it(`${lang} ${level}: one sentence per side effect, each naming it as the negated sentence needs`, () => {
        const texts = [1, 12].flatMap((total) => [render(nobodyHadThem(total), lang, level), ...(level === 'standard' ? [render(nobodyHadThem(total), lang, level, 'press')] : [])]);
        for (const text of texts) expect(eventLines(text).length, text).toBeGreaterThanOrEqual(EVENTS.length);
        const all = texts.join('\n');
        for (const sentence of SAYS[lang][level]) expect(all, sentence).toContain(sentence);
        if (lang === 'en') {
          // No negated "too few" (a double negative) for any side effect, in either sentence.
          expect(all).not.toMatch(/(?:did not have|None of the \d+ people had) too few/);
          for (const line of texts.flatMap(eventLines)) expect(line).toMatch(/^- (?:The person did not have|None of the \d+ people had|In the person|In \d+ of \d+) /);
        }
      });
    }
  }

  it('a negated name without the level variant its name has is a locale error naming the missing key', () => {
    const project = projectWith((p) => {
      delete (p.locales.en!.terms!.events as Record<string, Record<string, string>>).anemia!.lay_negated_easy;
    });
    expect(project.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/locales\/en\/terms\.json.*missing locale key `terms:events\.anemia\.lay_negated_easy` in language `en`: `lay_easy` has a level variant, so its negated form `lay_negated` needs one too/),
    ]);
  });

  it('a negated name is a form one language may have and another not: no parity error for Chinese, which has none', () => {
    expect(shippedProject().diagnostics.map(formatDiagnostic)).toEqual([]);
  });
});
