import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNEX_V, build, check, loadProject, reportHtml, reportRows, reportTable } from '../src/index.js';
import { checkSamples, FIXTURES, SAMPLES } from './helpers.js';

describe('lay-summary coverage (EU CTR 536/2014 Annex V)', () => {
  it('lists the ten elements in order', () => {
    expect(ANNEX_V.map((e) => e.annex)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('covers every element the Müller 2024 facts have, at every level and in every language', async () => {
    const report = await check({ inputs: [join(SAMPLES, 'mueller-2024.yaml')] });
    expect(report.studies[0]!.summaries).toHaveLength(9);
    for (const s of report.studies[0]!.summaries) {
      expect(s.coverage.filter((c) => c.state !== 'covered').map((c) => c.id), `${s.lang}/${s.level}`).toEqual([]);
    }
  });

  it('warns once per study for elements the facts do not have', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'valid', 'minimal.yaml')] });
    const warnings = report.diagnostics.filter((d) => d.ruleId === 'coverage/unknown').map((d) => d.message);
    expect(warnings).toEqual([
      expect.stringMatching(/^Annex V 2 \(sponsor and contact, funding\) is not known/),
      expect.stringMatching(/^Annex V 3 \(where, when and why\) is not known/),
      expect.stringMatching(/^Annex V 6 \(adverse reactions and how often\) is not known/),
      expect.stringMatching(/^Annex V 9 \(follow-up trials planned\) is not known/),
      expect.stringMatching(/^Annex V 10 \(where to find more\) is not known/),
    ]);
    expect(report.exitCode).toBe(0);
    expect(report.studies[0]!.summaries[0]!.coverage.find((c) => c.id === 'adverse-reactions')?.state).toBe('unknown');
  });

  it('fails a level whose template leaves out facts the study has', async () => {
    const project = structuredClone(loadProject());
    project.templates.easy = project.templates.easy!.replace('{{#cover "adverse-reactions"}}', '{{#if false}}').replace(/(## \{\{t "easy\.safety\.heading"\}\}[\s\S]*?)\{\{\/cover\}\}/, '$1{{/if}}');
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['en'], write: false, project });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'coverage/missing');
    expect(errors.map((d) => [d.place.level, d.message])).toEqual([
      ['easy', expect.stringMatching(/^Annex V 6 \(adverse reactions and how often\): the facts have it \(safety\), but level `easy` leaves it out/)],
    ]);
    expect(report.exitCode).toBe(1);
  });
});

describe('check report', () => {
  it('lists every sample summary with all checks green', async () => {
    const report = await checkSamples();
    const rows = reportRows(report);
    expect(rows).toHaveLength(36);
    expect(rows.filter((r) => r.errors.length)).toEqual([]);
    const html = reportHtml(report);
    for (const id of ['mueller-2024', 'first-patient-2021', 'shanghai-donor-2025', 'crispr-donor-2024']) expect(html).toContain(`<td>${id}</td>`);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).not.toContain('✗');
    expect(html).toContain('<p>4 studies, 36 summaries, 0 errors, 12 warnings. All checks passed.</p>');
    // A small build: no summary has errors, every summary is shown in full among those that passed.
    expect(html).toContain('<h3>Summaries with errors</h3>\n<p>None.</p>');
    expect(html.match(/<tr class="ok">/g)).toHaveLength(36);
    // Source texts with their language shares, derived values with the facts they came from.
    expect(html).toMatch(/<tr><td>mueller-2024-bilingual<\/td><td>en \+ zh<\/td><td>en \d+ %, zh \d+ %<\/td><\/tr>/);
    expect(html).toContain('<tr><td>population.groups[0].percent</td><td>53.3333</td><td>population.groups[0].n, population.total</td></tr>');
    // Readability against the band, fidelity and Annex V coverage in every row.
    expect(html).toMatch(/<td>mueller-2024<\/td><td>de<\/td><td>easy<\/td><td>✓ de \d+\/\d+ judged, min score [\d.]+<\/td><td>✓ fleschAmstad [\d.]+ ≥ 70, wienerSachtextformel1 [\d.]+ ≤ 6<details>/);
    expect(html.match(/<summary>Annex V<\/summary>/g)).toHaveLength(36);
    expect(reportTable(report).split('\n')).toHaveLength(37);
  });

  it('puts failing rows first', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'valid', 'minimal.yaml'), join(FIXTURES, 'check-fail', 'wrong-title-language.yaml')] });
    const rows = reportRows(report);
    // Files are read in path order (check-fail/ before valid/), so "failing first" is not just input order: reverse it.
    const reversed = reportRows({ ...report, studies: [...report.studies].reverse() });
    for (const r of [rows, reversed]) {
      expect(r.map((row) => `${row.study} ${row.errors.length > 0}`)).toEqual([...Array<string>(9).fill('wrong-title-language true'), ...Array<string>(9).fill('minimal-study false')]);
    }
    expect(reversed[0]!.summary.lang).toBe('en');
    const html = reportHtml(report);
    // Each row with errors carries its own anchor (the studies table of a large build links to it).
    expect(html.match(/<tr class="fail" id="wrong-title-language\/(en|de|zh)\/(easy|standard|expert)">/g)).toHaveLength(9);
    expect(html.match(/<tr class="ok">/g)).toHaveLength(9);
    expect(html.indexOf('<tr class="fail"')).toBeLessThan(html.indexOf('<tr class="ok">'));
    expect(html).toContain('Some checks failed: 9 summaries of 1 study with errors, shown first.');
  });
});
