/**
 * A harm walk: inputs a real user could give (facts with odd but valid values, edited locale
 * strings) that made laysum write something false or in the wrong language with every check
 * passing, or fail a correct summary. Each test names what it guards; /work/notes/harm-19.md
 * lists every case tried.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedNumbers, build, checkFidelity, deriveFacts, findNumbers, formatDiagnostic, loadProject, termsWithFigures, type BuildReport, type ProjectData } from '../src/index.js';
import { placeholderGaps } from '../src/i18n/index.js';
import { errorLines, FIXTURES, loadFacts, projectCopy, projectWith, runCli, SAMPLES, tempDir } from './helpers.js';

const HARM = join(FIXTURES, 'harm');
const ALL_FORMATS = ['summary', 'press', 'leaflet'] as const;

/** Builds facts files in every format (into a new folder; the build must pass) and gives a reader of what it wrote. */
async function builtFiles(inputs: string[], options: { langs?: string[] } = {}): Promise<(path: string) => string> {
  const out = join(tempDir(), 'out');
  const report = await build({ inputs, out, formats: [...ALL_FORMATS], workers: 1, ...options });
  expect(errorLines(report)).toEqual([]);
  return (path) => readFileSync(join(out, path), 'utf8');
}

/** No output of the studies, in any language, says what `pattern` matches (of a leaflet, its page: not its style sheet or ids). */
function expectNowhere(read: (path: string) => string, studies: string[], outputs: string[], pattern: RegExp): void {
  for (const lang of ['en', 'de', 'zh']) {
    for (const study of studies) {
      for (const output of outputs) {
        const file = read(`${lang}/${study}/${output}.${output === 'leaflet' ? 'html' : 'md'}`);
        const text = output === 'leaflet' ? file.slice(file.indexOf('<main>')).replaceAll(study, '') : file;
        expect(text, `${lang}/${study}/${output}`).not.toMatch(pattern);
      }
    }
  }
}

function buildAll(input: string, project?: ProjectData, langs?: string[]): Promise<BuildReport> {
  return build({ inputs: [input], formats: [...ALL_FORMATS], write: false, workers: 1, langs, ...(project ? { project } : {}) });
}

const errors = (report: BuildReport, ruleId: string) => report.diagnostics.filter((d) => d.ruleId === ruleId).map(formatDiagnostic);

/** The node of a locale file at a dotted path (`easy.safety`). */
function localeNode(project: ProjectData, lang: string, ns: string, path: string): Record<string, unknown> {
  let node = project.locales[lang]![ns] as Record<string, unknown>;
  for (const key of path.split('.')) node = node[key] as Record<string, unknown>;
  return node;
}

/** Copy a locale string of English into another language, as a translator who left it untranslated. */
function leaveInEnglish(project: ProjectData, lang: string, ns: string, path: string): void {
  const [parent, key] = [path.split('.').slice(0, -1).join('.'), path.split('.').at(-1)!];
  localeNode(project, lang, ns, parent)[key] = localeNode(project, 'en', ns, parent)[key];
}

describe('harm walk: numbers', () => {
  it('accepts a fact with more decimals than a summary shows, as it is shown (34.25 → 34.3)', async () => {
    const report = await buildAll(join(HARM, 'two-decimals.yaml'));
    expect(errors(report, 'fidelity/number')).toEqual([]);
    expect(report.exitCode).toBe(0);
    // Every output of every language: 3 levels, press and leaflet.
    expect(report.studies[0]!.summaries).toHaveLength(15);
  });

  it('does not read Chinese words written with numerals (十分 "very", 千万 "by all means", 万一 "in case") as numbers', async () => {
    const zh = loadProject().languages.zh!;
    const values = (text: string) => findNumbers(text, zh).map((n) => n.value);
    expect(values('我现在感觉十分好。万一复发，千万别放弃。')).toEqual([]);
    // The same characters as numbers still are: ten minutes, a tenth, thirty million, 10,001.
    expect(values('十分钟、十分之一、三千万人、一万一千')).toEqual([10, 10, 30_000_000, 11_000]);
    const report = await buildAll(join(HARM, 'zh-quote-adverbs.yaml'));
    expect(errors(report, 'fidelity/number')).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('reads digits written onto a name (COVID-19, IL-6, type 2, 2型) as the name, and the count beside it as a count', async () => {
    const report = await buildAll(join(HARM, 'names-with-digits.yaml'));
    expect(errors(report, 'fidelity/number')).toEqual([]);
    expect(report.exitCode).toBe(0);
    const project = loadProject();
    const allowed = new Map([[12, ['population.total']]]);
    const unmatched = (text: string, lang: string) =>
      checkFidelity(text, project.languages[lang]!, allowed, { study: 'names-with-digits', lang, level: 'standard' }, []).diagnostics.map((d) => d.actual);
    expect(unmatched('After COVID-19, IL-6 fell in 12 people with type 2 diabetes; 13 had HLA-B27.', 'en')).toEqual(['13']);
    expect(unmatched('Bei 12 von 13 Menschen mit Typ-1-Diabetes.', 'de')).toEqual(['13']);
    expect(unmatched('13名2型糖尿病患者中，12名', 'zh')).toEqual(['13']);
  });
});

describe('harm walk: units', () => {
  it('words the unit for the number as shown: 0.96 months is "1 month", and German ages agree with their number', async () => {
    const read = await builtFiles([join(HARM, 'near-one.yaml')]);
    expect(read('en/near-one/easy.md')).toContain('Half of them were checked for 1 month or longer. The shortest time was 0.5 months. The longest time was 1 month.');
    expect(read('en/near-one/standard.md')).toContain('Their median age was 1 year.');
    expect(read('en/near-one/expert.md')).toContain('median 1 month (range 0.5–1)');
    expect(read('de/near-one/easy.md')).toContain('Etwa die Hälfte war älter als 1 Jahr.');
    expect(read('de/near-one/standard.md')).toContain('Das mittlere Alter (Median) betrug 1 Jahr:');
    expect(read('de/near-one/expert.md')).toContain('Alter: 1 Jahr (Median).');
    expect(read('en/near-one/leaflet.html')).toContain('Half of them were checked for 1 month or longer.');
    for (const lang of ['en', 'de']) expect(read(`${lang}/near-one/standard.md`)).not.toMatch(/\b1 (?:months|years|days|Monate|Jahre|Jahren|Tage)\b/);
    // A mean given with its spread is several values: plural, though the mean shows as 1.
    expect(read('en/near-one/expert.md')).toContain('1 ± 0.5 days (mean ± SD)');
    expect(read('de/near-one/expert.md')).toContain('1 ± 0,5 Tage (Mittelwert ± Standardabweichung)');
  });

  it('says a follow-up everyone had as long once: never "12 to 12 months", "range 12–12" or "the shortest … the longest" of one time', async () => {
    const read = await builtFiles([join(HARM, 'same-follow-up.yaml'), join(FIXTURES, 'counts', 'one-person.yaml')]);
    expect(read('en/same-follow-up/easy.md')).toContain('Each of them was checked for 12 months.');
    expect(read('en/same-follow-up/standard.md')).toContain('The researchers kept checking on each of the people for 12 months after the treatment.');
    expect(read('en/same-follow-up/expert.md')).toContain('- **Follow-up:** 12 months for every participant');
    expect(read('de/same-follow-up/easy.md')).toContain('Bei allen dauerte das 12 Monate.');
    expect(read('de/same-follow-up/expert.md')).toContain('12 Monate bei allen Teilnehmenden');
    expect(read('zh/same-follow-up/standard.md')).toContain('每名患者的随访时间都是12个月。');
    expect(read('en/same-follow-up/leaflet.html')).toContain('Each of them was checked for 12 months.');
    // One person: the person's own time, at the expert level too (was "median 1 year (range 1–1)").
    expect(read('en/one-person/expert.md')).toContain('- **Follow-up:** 1 year\n');
    expect(read('de/one-person/expert.md')).toContain('- **Nachbeobachtung (Follow-up):** 1 Jahr\n');
    expect(read('zh/one-person/expert.md')).toContain('- **随访**：1年\n');
    expectNowhere(read, ['same-follow-up', 'one-person'], ['easy', 'standard', 'expert'], /\b(12|1)\s*(?:–|～|to|bis)\s*\1\b|shortest|longest|kürzeste|längste|最短|最长/);
  });

  it('says an age everyone had once: never "45 to 45 years", "the youngest was 45, the oldest 45" or "about half were older than 45"', async () => {
    const read = await builtFiles([join(HARM, 'same-age.yaml'), join(HARM, 'same-age-median.yaml')]);
    expect(read('en/same-age/easy.md')).toContain('All of them were 45 years old.');
    expect(read('en/same-age/standard.md')).toContain('All of them were 45 years old.');
    expect(read('en/same-age/expert.md')).toContain('6 patients. Age: 45 years (all patients).');
    expect(read('en/same-age/leaflet.html')).toContain('They all had lupus. All of them were 45 years old.');
    expect(read('de/same-age/easy.md')).toContain('Alle waren 45 Jahre alt.');
    expect(read('de/same-age/expert.md')).toContain('Alter: 45 Jahre (alle Behandelten).');
    expect(read('zh/same-age/easy.md')).toContain('患者都是45岁。');
    expect(read('zh/same-age/standard.md')).toContain('所有患者的年龄都是45岁。');
    expect(read('zh/same-age/expert.md')).toContain('年龄均为45岁。');
    // A median of one age all had: not "about half of them were older than 52".
    expect(read('en/same-age-median/standard.md')).toContain('All were women. All of them were 52 years old.');
    expect(read('de/same-age-median/leaflet.html')).toContain('Alle waren Frauen. Alle waren 52 Jahre alt.');
    expect(read('zh/same-age-median/expert.md')).toContain('性别：女性。年龄均为52岁。');
    expectNowhere(read, ['same-age', 'same-age-median'], ['easy', 'standard', 'expert', 'press', 'leaflet'], /\b(45|52)\s*(?:–|～|to|bis)\s*\1\b|youngest|oldest|jüngste|älteste|最小|最大|half|Hälfte|一半|median|Median|中位/);
  });

  it('names a result one person did not reach, in Chinese standard text, with the word the next sentence explains', async () => {
    const read = await builtFiles([join(HARM, 'one-person-no-remission.yaml')], { langs: ['zh'] });
    for (const format of ['standard', 'press']) {
      const text = read(`zh/one-person-no-remission/${format}.md`);
      // Was "没有达到这个结果：病情得到控制。缓解是指……": the explained word never said.
      expect(text).toContain('- 这名红斑狼疮患者病情没有缓解。缓解是指疾病的表现暂时消失。');
      expect(text).toContain('- 这名红斑狼疮患者没有达到无药缓解。无药缓解是指疾病的表现消失，而且不再需要用药。');
      for (const [, said, explained] of text.matchAll(/^- (.*?。)(.*?)是指/gm)) expect(said, format).toContain(explained);
    }
    // The easy level and the leaflet keep the everyday words, which they explain under those words.
    expect(read('zh/one-person-no-remission/easy.md')).toContain('- 这名红斑狼疮患者病情没有得到控制。');
    expect(read('zh/one-person-no-remission/leaflet.html')).toContain('这名红斑狼疮患者停药后病情没有保持稳定。');
  });
});

describe('harm walk: language', () => {
  it('checks the language of the leaflet pictures\' descriptions, which a screen reader reads aloud', async () => {
    const untranslated = projectWith((p) => leaveInEnglish(p, 'de', 'leaflet', 'arrays.eventDescription'));
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], formats: ['leaflet'], langs: ['de'], write: false, workers: 1, project: untranslated });
    const wrong = errors(report, 'language/summary');
    // One per side effect's picture (CRS, ICANS, pneumonia).
    expect(wrong).toHaveLength(3);
    expect(wrong[0]).toMatch(/^error: de\/mueller-2024\/leaflet\.html mueller-2024\/de\/leaflet: paragraph \d+ reads as `en` .*“Filled figures show the people who had this problem\./);
    expect(report.exitCode).toBe(1);
  });

  it('fails an English sentence a translator left inside a German paragraph, long or short', async () => {
    const untranslated = projectWith((p) => {
      leaveInEnglish(p, 'de', 'summary', 'easy.what.pretreatment'); // among four German sentences
      leaveInEnglish(p, 'de', 'summary', 'easy.safety.grade1'); // "It was mild.": too short for trigrams
      leaveInEnglish(p, 'de', 'summary', 'easy.why.heading'); // a heading, one short sentence
      leaveInEnglish(p, 'de', 'summary', 'standard.done.target');
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], formats: [...ALL_FORMATS], langs: ['de'], write: false, workers: 1, project: untranslated });
    const wrong = errors(report, 'language/summary').map((line) => line.replace(/ \(eng, score [\d.]+\)/, ''));
    expect(wrong).toEqual([
      'error: de/mueller-2024/easy.md mueller-2024/de/easy: paragraph 3 reads as `en`, expected `de`: “Why was the study done?” [language/summary]',
      'error: de/mueller-2024/easy.md mueller-2024/de/easy: a sentence of paragraph 6 reads as `en`, expected `de`: “Before the new cells, each person got strong medicines to prepare the body.” [language/summary]',
      'error: de/mueller-2024/easy.md mueller-2024/de/easy: a sentence of paragraph 25 reads as `en`, expected `de`: “It was mild.” [language/summary]',
      'error: de/mueller-2024/standard.md mueller-2024/de/standard: a sentence of paragraph 6 reads as `en`, expected `de`: “The changed cells look for cells that carry a marker called CD19.” [language/summary]',
      'error: de/mueller-2024/press.md mueller-2024/de/press: a sentence of paragraph 6 reads as `en`, expected `de`: “The changed cells look for cells that carry a marker called CD19.” [language/summary]',
      'error: de/mueller-2024/leaflet.html mueller-2024/de/leaflet: a sentence of paragraph 4 reads as `en`, expected `de`: “Before the new cells, each person got strong medicines to prepare the body.” [language/summary]',
      'error: de/mueller-2024/leaflet.html mueller-2024/de/leaflet: a sentence of paragraph 20 reads as `en`, expected `de`: “It was mild.” [language/summary]',
    ]);
    expect(report.exitCode).toBe(1);
  });

  it('judges no sentence of the bundled samples as another language (every format)', async () => {
    const report = await buildAll(SAMPLES);
    expect(errors(report, 'language/summary')).toEqual([]);
    expect(report.studies.flatMap((s) => s.summaries)).toHaveLength(4 * 3 * 5);
  });
});

describe('harm walk: figures in a project\'s own terms', () => {
  it('reads "stage N" inside a term the study uses as the term\'s name, not as a count; the same figure elsewhere is still checked', async () => {
    const study = join(SAMPLES, 'shanghai-donor-2025.yaml');
    const facts = loadFacts(study);
    const allowed = allowedNumbers(facts, deriveFacts(facts));
    const n = Array.from({ length: 100 }, (_, i) => i + 3).find((v) => !allowed.has(v))!;
    const staged = projectWith((p) => {
      const sle = (p.locales.en!.terms!.conditions as Record<string, Record<string, string>>).sle!;
      sle.lay = `lupus with stage ${n} kidney disease`;
      sle.patients_other = `people with lupus with stage ${n} kidney disease`;
    });
    expect(termsWithFigures(facts, staged.locales.en!.terms)).toEqual([`people with lupus with stage ${n} kidney disease`, `lupus with stage ${n} kidney disease`]);
    const report = await build({ inputs: [study], langs: ['en'], formats: [...ALL_FORMATS], write: false, workers: 1, project: staged });
    expect(errors(report, 'fidelity/number')).toEqual([]);
    expect(report.exitCode).toBe(0);
    // Outside the term the figure is a count like any other, and not a fact.
    const loose = projectWith((p) => ((localeNode(p, 'en', 'summary', 'standard.who') as Record<string, string>).heading = `Who took part (stage ${n})?`));
    const looseReport = await build({ inputs: [study], langs: ['en'], levels: ['standard'], write: false, workers: 1, project: loose });
    expect(errors(looseReport, 'fidelity/number').length).toBeGreaterThan(0);
  });
});

describe('harm walk: a part greater than its whole', () => {
  /** Swap two placeholders of a locale string, as a translator might. */
  const swap = (text: string, a: string, b: string) => text.replace(`{{${a}}}`, '\u0000').replace(`{{${b}}}`, `{{${a}}}`).replace('\u0000', `{{${b}}}`);

  it('fails "15 of 11 people" in every language when a translation swapped its numbers (each a fact, so the number check passes it)', async () => {
    const swapped = projectWith((p) => {
      for (const lang of ['en', 'de', 'zh']) {
        const safety = localeNode(p, lang, 'summary', 'standard.safety') as Record<string, string>;
        for (const key of Object.keys(safety).filter((k) => k === 'event' || k === 'event_other')) safety[key] = swap(safety[key]!, 'count', 'total');
      }
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], levels: ['standard'], write: false, workers: 1, project: swapped });
    const found = report.diagnostics.filter((d) => d.ruleId === 'fidelity/part-of-whole');
    expect(new Set(found.map((d) => d.place?.lang))).toEqual(new Set(['en', 'de', 'zh']));
    expect(found.map(formatDiagnostic)).toContain(
      'error: en/mueller-2024/standard.md mueller-2024/en/standard: “15 of 11” says a part (15) greater than its whole (11); expected at most 11 (numbers swapped in the wording?): “15 of 11 people (73%) had a strong immune reaction with fever.” [fidelity/part-of-whole]',
    );
    expect(report.diagnostics.filter((d) => d.ruleId === 'fidelity/number')).toEqual([]);
    expect(report.exitCode).toBe(1);
  });

  it('does not read an author\'s words as a part of a whole ("Die Daten wurden 2024 von 12 Zentren erhoben." in a quote), but still reads their numbers', async () => {
    const fixture = join(HARM, 'quote-like-a-part.yaml');
    const report = await build({ inputs: [fixture], formats: [...ALL_FORMATS], write: false, workers: 1 });
    expect(errorLines(report)).toEqual([]);
    // The same quote with a number that is no fact of the study is still an error.
    const dir = tempDir();
    writeFileSync(join(dir, 'study.yaml'), readFileSync(fixture, 'utf8').replace('Die Daten wurden 2024 von 12 Zentren', 'Die Daten wurden 2024 von 13 Zentren'));
    const changed = await build({ inputs: [join(dir, 'study.yaml')], langs: ['de'], levels: ['standard'], write: false, workers: 1 });
    expect(errorLines(changed)).toEqual([expect.stringMatching(/number 13 is not a fact of the study .*Die Daten wurden 2024 von 13 Zentren erhoben\..*\[fidelity\/number\]$/)]);
  });

  it('fails a swap in the expert medication line (count/of) and in the Chinese outcome sentence (the group\'s patients between whole and 中)', async () => {
    const swapped = projectWith((p) => {
      for (const lang of ['en', 'de', 'zh']) {
        const outcomes = localeNode(p, lang, 'summary', 'expert.outcomes') as Record<string, string>;
        outcomes.medication = swap(outcomes.medication!, 'count', 'of');
      }
      const results = localeNode(p, 'zh', 'summary', 'standard.results') as Record<string, string>;
      results.outcome = swap(results.outcome!, 'responders', 'assessed');
    });
    // 7 of 8 with lupus reached remission; 14 of 15 stopped their medicines.
    const study = join(tempDir(), 'swapped.yaml');
    writeFileSync(
      study,
      [
        'id: swapped',
        'title: { en: CAR T-cell therapy for lupus in 15 people, de: CAR-T-Zell-Therapie bei Lupus – 15 Behandelte, zh: CAR-T细胞疗法治疗红斑狼疮：15名患者的报告 }',
        'citation: { authors: [Muster A], year: 2024 }',
        'design: case_series',
        'intervention: { name: car_t, kind: autologous }',
        'population: { total: 15, groups: [{ condition: sle, n: 8 }, { condition: iim, n: 7 }] }',
        'outcomes: [{ condition: sle, measure: doris_remission, responders: 7, assessed: 8 }]',
        'medication: [{ change: stopped_immunosuppressants, count: 14, of: 15 }]',
        'safety: []',
        '',
      ].join('\n'),
    );
    const report = await build({ inputs: [study], levels: ['standard', 'expert'], write: false, workers: 1, project: swapped });
    const found = report.diagnostics.filter((d) => d.ruleId === 'fidelity/part-of-whole').map((d) => `${d.place?.lang}/${d.place?.level} ${d.actual}`);
    expect(found.sort()).toEqual(['de/expert 15/14', 'en/expert 15/14', 'zh/expert 15/14', 'zh/standard 7名红斑狼疮患者中，8'].sort());
    expect(report.exitCode).toBe(1);
  });

  it.each([
    ['en', '15 of 1,000 people had it. 0 of 3 had it. 1,000 of 1,000 had it.', []],
    ['en', '1,500 of 1,000 people had it.', ['“1,500 of 1,000”']],
    ['en', 'A dose of 0.5 of 1 million cells, 3 of 2.5 litres: decimals are no part of a whole.', []],
    ['de', '15 von 10\u00a0000 Menschen hatten es. 20\u00a0000 von 10\u00a0000 Menschen hatten es.', ['“20\u00a0000 von 10\u00a0000”']],
    ['zh', '15人中，有8人出现了发热。8人中，有15人出现了发热。20名患者中，3名出现了发热。', ['“8人中，有15”']],
    // How the outcomes say it: the group's own patients between the whole and 中.
    ['zh', '8名红斑狼疮患者中，8名（100%）达到缓解。3名肌炎患者中，有15人病情好转。', ['“3名肌炎患者中，有15”']],
    ['zh', '15名患者中，女性8名，男性3名。3名患者中途退出，15名继续随访。', []],
    // Expert tables (a cell of its own) and the medication line: part/whole.
    ['en', '15/1,000', []],
    ['en', '1,500/1,000', ['“1,500/1,000”']],
    ['en', 'Immunosuppressive therapy stopped: 15/3 (100%).', ['“15/3”']],
    ['en', 'The ward was staffed 24/7 and the dose was 15/3 mg.', []],
    ['de', 'Immunsuppressive Therapie abgesetzt: 20 000/10 000 (100 %).', ['“20 000/10 000”']],
    ['zh', '停用免疫抑制剂：15/3（100%）。', ['“15/3”']],
  ])('reads the %s part and whole with their group marks: %s', (lang, text, expected) => {
    const language = loadProject().languages[lang]!;
    const values = [0, 3, 8, 15, 20, 1000, 1500, 10000, 20000];
    const allowed = new Map(values.map((v) => [v, ['fact']])) as Parameters<typeof checkFidelity>[2];
    const result = checkFidelity(`${text}\n`, language, allowed, { study: 's', lang, level: 'standard' }, []);
    expect(result.diagnostics.filter((d) => d.ruleId === 'fidelity/part-of-whole').map((d) => d.message.split(' says')[0])).toEqual(expected);
  });
});

describe('harm walk: locale strings', () => {
  // "{{count}} of {{total}} people had {{event}}." with {{count}} dropped says all 15 people had
  // what 1 had; every number left is a fact, so no output check sees it (test below).
  it('keeps, in every translation of laysum\'s locales, each number placeholder English states', () => {
    expect(placeholderGaps(loadProject().locales)).toEqual([]);
  });

  it('names a translation that drops a number placeholder, which every output check lets through, and fails the build', async () => {
    const dropped = projectWith((p) => {
      localeNode(p, 'de', 'summary', 'easy.safety').event_other = '{{total}} Menschen hatten {{event}}.';
      localeNode(p, 'zh', 'summary', 'standard.safety').event = '{{total}}人中，有人出现了{{event}}。';
    });
    expect(placeholderGaps(dropped.locales)).toEqual([
      { lang: 'de', key: 'summary:easy.safety.event_other', reference: 'summary:easy.safety.event', missing: ['count'] },
      { lang: 'zh', key: 'summary:standard.safety.event', reference: 'summary:standard.safety.event', missing: ['count', 'percent'] },
    ]);
    // The outputs' own checks let it through (every number left is a fact): the project's locale check is what fails the
    // build, for the languages it builds.
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['de'], levels: ['easy'], write: false, workers: 1, project: dropped });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      'error: locales/de/summary.json de summary:easy.safety.event_other: locale key `summary:easy.safety.event_other` in language `de` leaves out {{count}}, which `en` states (`summary:easy.safety.event`); expected every number the sentence is given [locale/number-placeholder]',
    ]);
    expect(report.exitCode).toBe(1);
  });

  it('fails `laysum build --project` whose German locale drops a count, naming the file and key', () => {
    const dir = projectCopy();
    const file = join(dir, 'locales', 'de', 'summary.json');
    const locale = JSON.parse(readFileSync(file, 'utf8')) as { easy: { safety: Record<string, string> } };
    locale.easy.safety.event_other = '{{total}} Menschen hatten {{event}}.';
    writeFileSync(file, JSON.stringify(locale, null, 2));
    const result = runCli(['build', join(SAMPLES, 'mueller-2024.yaml'), '--project', dir, '--out', join(tempDir(), 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: locales/de/summary.json de summary:easy.safety.event_other: locale key `summary:easy.safety.event_other` in language `de` leaves out {{count}}');
  });

  it('names a sentence left in English word for word, which has no marker word for the output check ("All were women.")', async () => {
    const left = projectWith((p) => {
      leaveInEnglish(p, 'de', 'summary', 'standard.who.sex_female_other');
      leaveInEnglish(p, 'zh', 'summary', 'standard.who.sex_female_other');
    });
    expect(left.diagnostics.filter((d) => d.ruleId === 'locale/untranslated').map(formatDiagnostic)).toEqual(
      ['de', 'zh'].map((lang) => `error: locales/${lang}/summary.json ${lang} summary:standard.who.sex_female_other: locale key \`summary:standard.who.sex_female_other\` in language \`${lang}\` is the same as in \`en\` (“All were women.”); expected a translation [locale/untranslated]`),
    );
    // The outputs' language check cannot see it: the sentence has no word it weighs.
    const facts = join(SAMPLES, 'shanghai-donor-2025.yaml'); // four women
    const report = await build({ inputs: [facts], langs: ['de'], levels: ['standard'], write: false, workers: 1, project: left });
    expect(report.diagnostics.filter((d) => d.ruleId === 'language/summary')).toEqual([]);
    expect(report.exitCode).toBe(1);
    // Shared names, abbreviations and settings are shorter than a sentence: laysum's own locales have none to report.
    expect(projectWith(() => {}).diagnostics.filter((d) => d.ruleId === 'locale/untranslated')).toEqual([]);
  });

  it('lets a translation word a count of one (or a person) its own way, and word units and dates as it needs', () => {
    const own = projectWith((p) => {
      localeNode(p, 'de', 'summary', 'easy.who').total_one = 'Eine Person war dabei.';
    });
    expect(placeholderGaps(own.locales)).toEqual([]);
  });
});
