/**
 * Annex V 3 (where, when and why): the study's dates, its aim and the reason it was done, said at
 * every level, in the press summary and the leaflet, in every language, with the date to the
 * precision the facts give it ("in 2020", "in March 2021", "on 15 January 2024").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { errorLines, FIXTURES, tempDir, useFixtureBuild } from './helpers.js';

const CONTEXT = join(FIXTURES, 'context');
const fixtures = useFixtureBuild(CONTEXT, 5);
const read = (path: string) => fixtures.read(path);

describe('where, when and why a study was done', () => {
  it.each([
    {
      study: 'range-months',
      en: 'The study ran from March 2021 to June 2023.',
      de: 'Die Studie lief von März 2021 bis Juni 2023.',
      zh: ['研究从2021年3月进行到2023年6月。', '研究于2021年3月至2023年6月进行。'],
    },
    {
      study: 'range-days',
      en: 'The study ran from 4 March 2021 to 30 June 2023.',
      de: 'Die Studie lief vom 4. März 2021 bis zum 30. Juni 2023.',
      zh: ['研究从2021年3月4日进行到2023年6月30日。', '研究于2021年3月4日至2023年6月30日进行。'],
    },
    { study: 'start-year', en: 'The study started in 2020.', de: 'Die Studie begann 2020.', zh: ['研究从2020年开始。', '研究于2020年开始。'] },
    { study: 'end-day', en: 'The study ended on 15 January 2024.', de: 'Die Studie endete am 15. Januar 2024.', zh: ['研究在2024年1月15日结束。', '研究于2024年1月15日结束。'] },
  ])('$study: the dates, to the precision given, at the lay levels, in the press summary and the leaflet', ({ study, en, de, zh }) => {
    for (const [lang, easy, standard] of [
      ['en', en, en],
      ['de', de, de],
      ['zh', zh[0]!, zh[1]!],
    ] as const) {
      expect(read(`${lang}/${study}/easy.md`), `${lang} easy`).toContain(easy);
      expect(read(`${lang}/${study}/standard.md`), `${lang} standard`).toContain(standard);
      expect(read(`${lang}/${study}/press.md`), `${lang} press`).toContain(standard);
      expect(read(`${lang}/${study}/leaflet.html`), `${lang} leaflet`).toContain(easy);
    }
  });

  it('writes Chinese labels so any CommonMark renderer makes them bold (the colon outside the **)', async () => {
    const { default: MarkdownIt } = await import('markdown-it');
    const plain = new MarkdownIt();
    for (const level of ['easy', 'standard', 'expert', 'press']) {
      const html = plain.render(read(`zh/range-months/${level}.md`));
      expect(html, level).not.toContain('**');
      if (level === 'expert') expect(html).toContain('<strong>研究时间</strong>：');
    }
  });

  it('gives the study period in the expert summary', () => {
    expect(read('en/range-months/expert.md')).toContain('- **Study period:** March 2021 to June 2023');
    expect(read('en/start-year/expert.md')).toContain('- **Study period:** from 2020');
    expect(read('en/end-day/expert.md')).toContain('- **Study period:** until 15 January 2024');
    expect(read('de/range-days/expert.md')).toContain('- **Studienzeitraum:** 4. März 2021 bis 30. Juni 2023');
    expect(read('zh/end-day/expert.md')).toContain('- **研究时间**：至2024年1月15日');
  });

  it('says why the study was done and what it set out to find out, under its own heading, before what was done', () => {
    const easy = read('en/range-months/easy.md');
    const why = easy.indexOf('## Why was the study done?');
    expect(why).toBeGreaterThan(0);
    expect(why).toBeLessThan(easy.indexOf('## What was studied?'));
    // The reason first, then the aim, in one paragraph; the study's one disease by its name (not "these diseases").
    expect(easy).toMatch(/## Why was the study done\?\n\nPeople with lupus often have to take strong medicines for many years\.[^\n]* The doctors wanted to find out: Can they give this treatment\? Is it safe\? Does it help\?\n/);
    expect(read('en/range-months/standard.md')).toContain('The researchers wanted to find out whether the treatment can be given, whether it is safe and whether it helps.');
    expect(read('de/range-months/standard.md')).toContain('## Warum wurde die Studie gemacht?');
    expect(read('zh/range-months/easy.md')).toContain('## 为什么做这项研究？');
    expect(read('en/range-months/press.md')).toContain('## Why was the study done?');
    // Only the reason, or only the aim: the section has what there is, nothing else.
    expect(read('en/start-year/standard.md')).toMatch(/## Why was the study done\?\n\nUsually, CAR-T cells are made for each patient from their own cells\.[^\n]*for many patients\.\n/);
    expect(read('en/end-day/standard.md')).toMatch(/## Why was the study done\?\n\nThe doctors wanted to describe what happened after the treatment, so that other doctors can learn from it\.\n/);
    expect(read('en/range-months/expert.md')).toContain('- **Objective:** Feasibility, safety and efficacy');
    expect(read('en/range-months/expert.md')).toContain('- **Rationale:** Deep B-cell depletion');
    expect(read('en/end-day/leaflet.html')).toContain('The doctors wanted to write down what happened after the treatment.');
  });

  it('has no "why" section and no study period when the facts give neither', () => {
    for (const lang of ['en', 'de', 'zh']) {
      for (const level of ['easy', 'standard', 'expert', 'press']) {
        const text = read(`${lang}/no-context/${level}.md`);
        expect(text).not.toMatch(/Why was the study done|Warum (gab es|wurde) die Studie|为什么(做|开展)这项研究/);
        expect(text).not.toMatch(/The study (ran|started|ended)|Die Studie (lief|begann|endete)|Study period|Studienzeitraum|研究时间/);
      }
    }
  });

  it('warns that Annex V 3 is not known only where the facts give no place, date, aim or reason, naming just those fields', () => {
    const unknown = fixtures.report.diagnostics.filter((d) => d.ruleId === 'coverage/unknown' && d.message.startsWith('Annex V 3 '));
    expect(unknown.map((d) => [d.place?.study, d.message])).toEqual([
      ['no-context', 'Annex V 3 (where, when and why) is not known from the facts (population.countries, dates.start, dates.end, aim, rationale); the summaries cannot say it'],
    ]);
  });

  it('rejects an aim or a reason the locales do not have, naming the field', async () => {
    const dir = tempDir();
    const file = join(dir, 'unknown-aim.yaml');
    const source = readFileSync(join(CONTEXT, 'range-months.yaml'), 'utf8').replace('aim: feasibility_safety_effect', 'aim: cure_everyone').replace('rationale: reset_immune_system', 'rationale: because');
    writeFileSync(file, source);
    const result = await check({ inputs: [file] });
    // The place is the file as the build names it: relative to the working folder.
    const shown = relative(process.cwd(), file);
    expect(errorLines(result)).toEqual([
      `error: ${shown}:8:6 aim: unknown aims key \`cure_everyone\`; expected a key of \`aims\` in locales/<lang>/terms.json [facts/consistency]`,
      `error: ${shown}:9:12 rationale: unknown rationales key \`because\`; expected a key of \`rationales\` in locales/<lang>/terms.json [facts/consistency]`,
    ]);
    expect(result.exitCode).toBe(2);
  });
});
