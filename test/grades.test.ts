/**
 * Side effects given by grade are said once each, their people summed over the grades, so a reader
 * never has to add "8 of 20 … mild" and "3 of 20 … moderate" up (writing.md: no sums for the reader).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/index.js';
import { countChinese, countNumbers, latinWords, splitSentences } from '../src/checks/readability/index.js';
import { FIXTURES, projectWith, shippedProject, useFixtureBuild } from './helpers.js';

const fixtures = useFixtureBuild(join(FIXTURES, 'grades'), 5);
const read = (path: string) => fixtures.read(path);
// German sets a no-break space before %.
const lines = (text: string, part: string) => text.split('\n').filter((line) => line.includes(part));

describe('side effects by grade', () => {
  it.each([
    {
      lang: 'en',
      easy: '- 11 of 20 people had a strong immune reaction with fever. It was mild for 8 and moderate for 3.',
      standard: '- 11 of 20 people (55%) had a strong immune reaction with fever. It was mild (grade 1) for 8 and moderate (grade 2) for 3.',
      fever: 'fever',
    },
    {
      lang: 'de',
      easy: '- 11 von 20 Menschen hatten eine starke Reaktion der Abwehr mit Fieber. Der Verlauf war bei 8 Menschen leicht und bei 3 Menschen mittelschwer.',
      standard: '- 11 von 20 Menschen (55\u00a0%) hatten eine starke Abwehrreaktion mit Fieber. Der Verlauf war bei 8 Menschen leicht (Grad 1) und bei 3 Menschen mittelschwer (Grad 2).',
      fever: 'Fieber',
    },
    {
      lang: 'zh',
      easy: '- 20人中，有11人出现了发热反应。其中轻度8人、中度3人。',
      standard: '- 20名患者中，11名（55%）出现了细胞因子释放综合征（发热反应）。其中轻度（1级）8名、中度（2级）3名。',
      fever: '发热反应',
    },
  ])('$lang: one line per side effect with its people summed, the grades with people in it, at the lay levels and in the press summary', ({ lang, easy, standard, fever }) => {
    const easyText = read(`${lang}/by-grade/easy.md`);
    expect(easyText).toContain(`${easy}\n`);
    expect(read(`${lang}/by-grade/standard.md`)).toContain(`${standard}\n`);
    expect(read(`${lang}/by-grade/press.md`)).toContain(`${standard}\n`);
    // Said once: the list line, and the glossary's headword (not a line per grade).
    expect(lines(easyText, fever).filter((line) => !line.startsWith('- **'))).toEqual([easy]);
    expect(read(`${lang}/by-grade/leaflet.html`)).toContain(easy.slice(2));
  });

  it('says nothing of severity for a side effect nobody had, whatever grades the facts list', () => {
    expect(read('en/by-grade/easy.md')).toContain('- None of the 20 people had a side effect on the nerves and brain.\n');
    expect(read('de/by-grade/standard.md')).toContain('- Niemand von den 20 Menschen hatte eine Nebenwirkung an Nerven und Gehirn.\n');
    expect(read('zh/by-grade/easy.md')).toContain('- 20人中，没有人出现影响神经的副作用。\n');
  });

  it('says one grade where only one of the grades given has people', () => {
    expect(read('en/one-grade-left/easy.md')).toContain('- 4 of 6 people had a strong immune reaction with fever. It was moderate.\n');
    expect(read('de/one-grade-left/standard.md')).toContain('- 4 von 6 Menschen (67\u00a0%) hatten eine starke Abwehrreaktion mit Fieber. Der Verlauf war mittelschwer (Grad 2).\n');
    expect(read('zh/one-grade-left/easy.md')).toContain('- 6人中，有4人出现了发热反应。程度中等。\n');
  });

  it.each([
    {
      lang: 'en',
      easy: ['It was mild for 9 and moderate for 1. 1 person died of it.', 'It was severe for 1. 2 people died of it.', '1 of 20 people had an infection. It led to death.'],
      standard: 'It was mild (grade 1) for 9, moderate (grade 2) for 1 and fatal (grade 5) for 1.',
    },
    {
      lang: 'de',
      easy: ['Der Verlauf war bei 9 Menschen leicht und bei 1 Person mittelschwer. 1 Person ist daran gestorben.', 'Der Verlauf war bei 1 Person schwer. 2 Menschen sind daran gestorben.', '1 von 20 Menschen hatte eine Infektion. Der Verlauf war tödlich.'],
      standard: 'Der Verlauf war bei 9 Menschen leicht (Grad 1), bei 1 Person mittelschwer (Grad 2) und bei 1 Person tödlich (Grad 5).',
    },
    {
      lang: 'zh',
      easy: ['其中轻度9人、中度1人。有1人因此死亡。', '其中重度1人。有2人因此死亡。', '20人中，有1人出现了感染。导致了死亡。'],
      standard: '其中轻度（1级）9名、中度（2级）1名、死亡（5级）1名。',
    },
  ])('$lang: says deaths at the easy level and in the leaflet in a sentence of their own, after the other grades; the standard level lists grade 5 with the others', ({ lang, easy, standard }) => {
    const leaflet = read(`${lang}/died/leaflet.html`);
    for (const sentence of easy) {
      expect(read(`${lang}/died/easy.md`)).toContain(`${sentence}\n`);
      expect(leaflet).toContain(sentence);
    }
    expect(read(`${lang}/died/standard.md`)).toContain(`${standard}\n`);
    expect(read(`${lang}/died/press.md`)).toContain(`${standard}\n`);
  });

  it('keeps each grade in the expert table, with an "any grade" row for a side effect given by grade', () => {
    const table = read('en/by-grade/expert.md');
    expect(table).toContain(
      [
        '| cytokine release syndrome (CRS) | 1 | 8/20 | 40% |',
        '| cytokine release syndrome (CRS) | 2 | 3/20 | 15% |',
        '| cytokine release syndrome (CRS) | 3 | 0/20 | 0% |',
        '| cytokine release syndrome (CRS) | any | 11/20 | 55% |',
        '| immune effector cell-associated neurotoxicity syndrome (ICANS) | 1 | 0/20 | 0% |',
        '| immune effector cell-associated neurotoxicity syndrome (ICANS) | 2 | 0/20 | 0% |',
        '| immune effector cell-associated neurotoxicity syndrome (ICANS) | any | 0/20 | 0% |',
        '| pneumonia requiring hospitalisation | – | 2/20 | 10% |',
      ].join('\n'),
    );
    expect(read('de/by-grade/expert.md')).toContain('| alle Grade | 11/20 | 55\u00a0% |');
    expect(read('zh/by-grade/expert.md')).toContain('| 所有级别 | 11/20 | 55% |');
    // A side effect given at one grade gets no "any grade" row; one given at two grades does, even with nobody at one of them.
    const oneGrade = read('en/one-grade-left/expert.md');
    expect(oneGrade).toContain('| immune effector cell-associated neurotoxicity syndrome (ICANS) | 1 | 1/6 | 17% |\n\n');
    expect(oneGrade).not.toContain('(ICANS) | any');
    expect(oneGrade).toContain('| cytokine release syndrome (CRS) | any | 4/6 | 67% |');
  });

  it('the leaflet draws one array per side effect, its grades as groups named in the legend where the arrays are full size', () => {
    const leaflet = read('zh/by-grade/leaflet.html');
    expect(leaflet.match(/id="leaflet-by-grade-safety-\d+-title"/g)).toHaveLength(3);
    expect(leaflet).toContain('轻度8人');
    expect(leaflet).toContain('中度3人');
  });

  it('the derived sum and its percentage are listed with the facts they came from', () => {
    const study = fixtures.report.studies.find((s) => s.id === 'by-grade')!;
    expect(study.derived).toContainEqual({ name: 'safety.crs.total', value: 11, from: ['safety[0].count', 'safety[2].count', 'safety[4].count'] });
    expect(study.derived).toContainEqual({ name: 'safety.crs.percent', value: 55, from: ['safety[0].count', 'safety[2].count', 'safety[4].count', 'population.total'] });
  });
});

describe('severity worded by the kind of side effect', () => {
  const NBSP = '\u00a0';
  // kinds.yaml: CRS (an illness) and four blood values that were too low, in one study of 20.
  it.each([
    {
      lang: 'en',
      easy: [
        '- 11 of 20 people had a strong immune reaction with fever. It was mild for 8 and moderate for 3.',
        '- 11 of 20 people had too few white blood cells. It was mild for 8 and severe for 3.',
        '- 2 of 20 people had too few red blood cells. It was moderate.',
        '- 2 of 20 people had too few blood cells that stop bleeding. It was life-threatening for 1. 1 person died of it.',
        '- 5 of 20 people had too few defence proteins in the blood.',
      ],
      standard: [
        '- 11 of 20 people (55%) had a strong immune reaction with fever. It was mild (grade 1) for 8 and moderate (grade 2) for 3.',
        '- 11 of 20 people (55%) had too few white blood cells that fight germs. It was mild (grade 1) for 8 and severe (grade 3) for 3.',
        '- 2 of 20 people (10%) had too few red blood cells. It was moderate (grade 2).',
        '- 2 of 20 people (10%) had too few platelets in the blood. It was life-threatening (grade 4) for 1 and fatal (grade 5) for 1.',
        '- 5 of 20 people (25%) had low levels of antibodies in the blood.',
      ],
    },
    {
      lang: 'de',
      easy: [
        '- 11 von 20 Menschen hatten eine starke Reaktion der Abwehr mit Fieber. Der Verlauf war bei 8 Menschen leicht und bei 3 Menschen mittelschwer.',
        '- 11 von 20 Menschen hatten zu wenige weiße Blut·körperchen. Der Mangel war bei 8 Menschen leicht und bei 3 Menschen schwer.',
        '- 2 von 20 Menschen hatten Blut·armut. Der Mangel war mittelschwer.',
        '- 2 von 20 Menschen hatten zu wenige Blut·plättchen. Der Mangel war bei 1 Person lebens·bedrohlich. 1 Person ist daran gestorben.',
        '- 5 von 20 Menschen hatten zu wenige Abwehr·stoffe im Blut.',
      ],
      standard: [
        `- 11 von 20 Menschen (55${NBSP}%) hatten eine starke Abwehrreaktion mit Fieber. Der Verlauf war bei 8 Menschen leicht (Grad 1) und bei 3 Menschen mittelschwer (Grad 2).`,
        `- 11 von 20 Menschen (55${NBSP}%) hatten zu wenige Neutrophile (eine Art weißer Blutkörperchen). Der Mangel war bei 8 Menschen leicht (Grad 1) und bei 3 Menschen schwer (Grad 3).`,
        `- 2 von 20 Menschen (10${NBSP}%) hatten Blutarmut. Der Mangel war mittelschwer (Grad 2).`,
        `- 2 von 20 Menschen (10${NBSP}%) hatten zu wenige Blutplättchen. Der Mangel war bei 1 Person lebensbedrohlich (Grad 4) und bei 1 Person tödlich (Grad 5).`,
        `- 5 von 20 Menschen (25${NBSP}%) hatten zu wenige Antikörper im Blut.`,
      ],
    },
    {
      lang: 'zh',
      easy: [
        '- 20人中，有11人出现了发热反应。其中轻度8人、中度3人。',
        '- 20人中，有11人出现了中性粒细胞减少。其中轻度8人、重度3人。',
        '- 20人中，有2人出现了贫血。程度中等。',
        '- 20人中，有2人出现了血小板减少。其中危及生命1人。有1人因此死亡。',
        '- 20人中，有5人出现了抗体减少。',
      ],
      standard: [
        '- 20名患者中，11名（55%）出现了细胞因子释放综合征（发热反应）。其中轻度（1级）8名、中度（2级）3名。',
        '- 20名患者中，11名（55%）出现了中性粒细胞（一种白细胞）减少。其中轻度（1级）8名、重度（3级）3名。',
        '- 20名患者中，2名（10%）出现了贫血。程度为中度（2级）。',
        '- 20名患者中，2名（10%）出现了血小板减少。其中危及生命（4级）1名、死亡（5级）1名。',
        '- 20名患者中，5名（25%）出现了抗体水平降低。',
      ],
    },
  ])('$lang: an illness and a low blood value each get the frame of their kind, at the lay levels, in the press summary and in the leaflet', ({ lang, easy, standard }) => {
    expect(read(`${lang}/kinds/easy.md`)).toContain(`${easy.join('\n')}\n`);
    expect(read(`${lang}/kinds/standard.md`)).toContain(`${standard.join('\n')}\n`);
    expect(read(`${lang}/kinds/press.md`)).toContain(`${standard.join('\n')}\n`);
    const leaflet = read(`${lang}/kinds/leaflet.html`);
    for (const line of easy) expect(leaflet).toContain(line.slice(2));
  });

  it('the kind is data: every side effect has one, the same in every language, and one laysum knows', () => {
    const events = (lang: string) => shippedProject().locales[lang]!.terms!.events as Record<string, { kind?: string }>;
    expect(Object.fromEntries(Object.entries(events('en')).map(([key, term]) => [key, term.kind]))).toEqual({
      crs: 'clinical',
      icans: 'clinical',
      pneumonia_hospital: 'clinical',
      neutropenia: 'deficiency',
      infection: 'clinical',
      hypogammaglobulinemia: 'deficiency',
      thrombocytopenia: 'deficiency',
      anemia: 'deficiency',
    });
    for (const lang of ['de', 'zh']) for (const [key, term] of Object.entries(events(lang))) expect(term.kind, `${lang} ${key}`).toBe(events('en')[key]!.kind);
    expect(shippedProject().diagnostics.filter((d) => d.ruleId === 'locale/event-kind')).toEqual([]);
  });

  it('a kind that differs from English, is not one laysum knows, or is missing is a locale error naming file, key and kinds', () => {
    const project = projectWith((p) => {
      const events = (lang: string) => p.locales[lang]!.terms!.events as Record<string, Record<string, unknown>>;
      events('de').anemia!.kind = 'clinical';
      events('zh').crs!.kind = '临床';
      delete events('en').icans!.kind;
      delete events('de').icans!.kind;
      delete events('zh').icans!.kind;
    });
    expect(project.diagnostics.map(formatDiagnostic).sort()).toEqual(
      [
        expect.stringMatching(/locales\/de\/terms\.json.*`terms:events\.anemia\.kind` is `clinical` in language `de` but `deficiency` in `en`; a side effect is the same kind in every language \[locale\/event-kind\]/),
        expect.stringMatching(/locales\/de\/terms\.json.*missing locale key `terms:events\.icans\.kind` in language `de`: every side effect names its kind \(clinical, deficiency\) \[locale\/event-kind\]/),
        expect.stringMatching(/locales\/en\/terms\.json.*missing locale key `terms:events\.icans\.kind` in language `en`: every side effect names its kind \(clinical, deficiency\) \[locale\/event-kind\]/),
        expect.stringMatching(/locales\/zh\/terms\.json.*`terms:events\.crs\.kind` is `临床` in language `zh`; expected clinical, deficiency \[locale\/event-kind\]/),
        expect.stringMatching(/locales\/zh\/terms\.json.*missing locale key `terms:events\.icans\.kind` in language `zh`: every side effect names its kind \(clinical, deficiency\) \[locale\/event-kind\]/),
      ],
    );
  });
});

describe('a long list of grades at the easy level', () => {
  // five-grades.yaml: CRS at grades 1–5, ICANS at 1–3, too few neutrophils at 1–4, in one study of 30.
  const cases = [
    {
      lang: 'en',
      easy: [
        '- 22 of 30 people had a strong immune reaction with fever. It was mild for 9 and moderate for 6. It was severe for 4 and life-threatening for 2. 1 person died of it.',
        '- 6 of 30 people had a side effect on the nerves and brain. It was mild for 3, moderate for 2 and severe for 1.',
        '- 18 of 30 people had too few white blood cells. It was mild for 7 and moderate for 5. It was severe for 4 and life-threatening for 2.',
      ],
      standard: [
        '- 22 of 30 people (73%) had a strong immune reaction with fever. It was mild (grade 1) for 9, moderate (grade 2) for 6, severe (grade 3) for 4, life-threatening (grade 4) for 2 and fatal (grade 5) for 1.',
        '- 6 of 30 people (20%) had a side effect on the nerves and brain. It was mild (grade 1) for 3, moderate (grade 2) for 2 and severe (grade 3) for 1.',
        '- 18 of 30 people (60%) had too few white blood cells that fight germs. It was mild (grade 1) for 7, moderate (grade 2) for 5, severe (grade 3) for 4 and life-threatening (grade 4) for 2.',
      ],
    },
    {
      lang: 'de',
      easy: [
        '- 22 von 30 Menschen hatten eine starke Reaktion der Abwehr mit Fieber. Der Verlauf war bei 9 Menschen leicht und bei 6 Menschen mittelschwer. Der Verlauf war bei 4 Menschen schwer und bei 2 Menschen lebens·bedrohlich. 1 Person ist daran gestorben.',
        '- 6 von 30 Menschen hatten eine Neben·wirkung an Nerven und Gehirn. Der Verlauf war bei 3 Menschen leicht und bei 2 Menschen mittelschwer. Der Verlauf war bei 1 Person schwer.',
        '- 18 von 30 Menschen hatten zu wenige weiße Blut·körperchen. Der Mangel war bei 7 Menschen leicht und bei 5 Menschen mittelschwer. Der Mangel war bei 4 Menschen schwer und bei 2 Menschen lebens·bedrohlich.',
      ],
      standard: [
        '- 22 von 30 Menschen (73\u00a0%) hatten eine starke Abwehrreaktion mit Fieber. Der Verlauf war bei 9 Menschen leicht (Grad 1), bei 6 Menschen mittelschwer (Grad 2), bei 4 Menschen schwer (Grad 3), bei 2 Menschen lebensbedrohlich (Grad 4) und bei 1 Person tödlich (Grad 5).',
        '- 6 von 30 Menschen (20\u00a0%) hatten eine Nebenwirkung an Nerven und Gehirn. Der Verlauf war bei 3 Menschen leicht (Grad 1), bei 2 Menschen mittelschwer (Grad 2) und bei 1 Person schwer (Grad 3).',
        '- 18 von 30 Menschen (60\u00a0%) hatten zu wenige Neutrophile (eine Art weißer Blutkörperchen). Der Mangel war bei 7 Menschen leicht (Grad 1), bei 5 Menschen mittelschwer (Grad 2), bei 4 Menschen schwer (Grad 3) und bei 2 Menschen lebensbedrohlich (Grad 4).',
      ],
    },
    {
      lang: 'zh',
      // Four noun phrases joined by 、 are 16 Han characters, within the easy limit of 20: one sentence.
      easy: [
        '- 30人中，有22人出现了发热反应。其中轻度9人、中度6人、重度4人、危及生命2人。有1人因此死亡。',
        '- 30人中，有6人出现了影响神经的副作用。其中轻度3人、中度2人、重度1人。',
        '- 30人中，有18人出现了中性粒细胞减少。其中轻度7人、中度5人、重度4人、危及生命2人。',
      ],
      standard: [
        '- 30名患者中，22名（73%）出现了细胞因子释放综合征（发热反应）。其中轻度（1级）9名、中度（2级）6名、重度（3级）4名、危及生命（4级）2名、死亡（5级）1名。',
        '- 30名患者中，6名（20%）出现了影响神经的副作用。其中轻度（1级）3名、中度（2级）2名、重度（3级）1名。',
        '- 30名患者中，18名（60%）出现了中性粒细胞（一种白细胞）减少。其中轻度（1级）7名、中度（2级）5名、重度（3级）4名、危及生命（4级）2名。',
      ],
    },
  ];

  it.each(cases)('$lang: says at most `easy.safety.gradesPerSentence` grades in one sentence, split evenly and every count kept, in the easy summary and the leaflet; the standard level keeps one sentence', ({ lang, easy, standard }) => {
    expect(read(`${lang}/five-grades/easy.md`)).toContain(`${easy.join('\n')}\n`);
    const leaflet = read(`${lang}/five-grades/leaflet.html`);
    for (const line of easy) expect(leaflet).toContain(line.slice(2));
    expect(read(`${lang}/five-grades/standard.md`)).toContain(`${standard.join('\n')}\n`);
    expect(read(`${lang}/five-grades/press.md`)).toContain(`${standard.join('\n')}\n`);
  });

  it.each(cases)('$lang: every easy sentence about a side effect stays within the easy target (15 words; 20 Han characters)', ({ lang, easy }) => {
    // The lines as written: each found by its first sentence ("- 22 of 30 people had …").
    const written = read(`${lang}/five-grades/easy.md`).split('\n');
    const lines = easy.map((line) => written.find((w) => w.startsWith(line.slice(0, line.search(/[.。]/) + 1)))!);
    expect(lines).toHaveLength(3);
    for (const sentence of lines.flatMap((line) => splitSentences(line, lang))) {
      if (lang === 'zh') expect(countChinese([sentence]).hanCharacters, sentence).toBeLessThanOrEqual(20);
      else expect(latinWords(sentence).length + countNumbers(sentence), sentence).toBeLessThanOrEqual(15);
    }
  });

  it('how many grades fit one sentence is a whole number, or a locale error naming file and key', () => {
    expect(shippedProject().diagnostics.filter((d) => d.ruleId === 'locale/setting')).toEqual([]);
    const project = projectWith((p) => {
      ((p.locales.de!.summary!.easy as Record<string, Record<string, string>>).safety!).gradesPerSentence = 'zwei';
      ((p.locales.zh!.summary!.easy as Record<string, Record<string, string>>).safety!).gradesPerSentence = '0';
    });
    expect(project.diagnostics.map(formatDiagnostic).sort()).toEqual([
      expect.stringMatching(/locales\/de\/summary\.json.*`easy\.safety\.gradesPerSentence` is `zwei` in language `de`; expected a whole number of at least 1, as text \("3"\) \[locale\/setting\]/),
      expect.stringMatching(/locales\/zh\/summary\.json.*`easy\.safety\.gradesPerSentence` is `0` in language `zh`; expected a whole number of at least 1, as text \("3"\) \[locale\/setting\]/),
    ]);
  });
});
