import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../src/index.js';
import { FIXTURES, loadFacts, readTree, ROOT, SAMPLES, tempDir } from './helpers.js';

/** Runs an ES module snippet with Node in the project folder, so `laysum` resolves through package.json `exports` (dist/). */
function node(script: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the package entry (import … from "laysum")', () => {
  it('exports what the README lists, as functions', () => {
    const names = [
      ...['build', 'check', 'parseStudyFacts', 'checkConsistency', 'deriveFacts', 'createTranslator', 'createRenderer', 'markdownToHtml', 'checkSummaryLanguage', 'checkSourceLanguage'],
      ...['tuneForBatchBuild', 'boundHeapGrowth', 'mergeSites', 'parsePressConfig'],
      // The leaflet and its PDF, which the README names (estimatePrintedHeight, estimateLeafletRoom): not exported before.
      ...['renderLeaflet', 'estimatePrintedHeight', 'estimateLeafletRoom', 'printPdfs', 'pdfDate'],
    ];
    const r = node(`import * as laysum from 'laysum'; console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, typeof laysum[n]]))));`);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(Object.fromEntries(names.map((n) => [n, 'function'])));
  });

  it('builds as in the README example: only the asked language and level, report.ok', () => {
    const out = join(tempDir(), 'out');
    const r = node(
      `import { build } from 'laysum'; const report = await build({ inputs: [${JSON.stringify(join(SAMPLES, 'mueller-2024.yaml'))}], out: ${JSON.stringify(out)}, langs: ['de'], levels: ['easy'] }); console.log(JSON.stringify({ ok: report.ok, written: report.written }));`,
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, written: 2 });
    expect([...readTree(out).keys()].filter((f) => !f.startsWith('.'))).toEqual(['de/mueller-2024/easy.html', 'de/mueller-2024/easy.md']);
  });
});

describe('derived values', () => {
  it('computes percentages (four decimals, rounded only for display) and sums from the Müller 2024 facts, each with the facts it came from', () => {
    const derived = deriveFacts(loadFacts(join(SAMPLES, 'mueller-2024.yaml')));
    expect(derived.groupTotal).toBe(15);
    expect(derived.eventTotals).toEqual({ crs: 11, icans: 1, pneumonia_hospital: 1 });
    const byName = Object.fromEntries(derived.values.map((v) => [v.name, v]));
    expect(byName['population.groupTotal']).toEqual({ name: 'population.groupTotal', value: 15, from: ['population.groups[0].n', 'population.groups[1].n', 'population.groups[2].n'] });
    expect(byName['population.groups[0].percent']).toEqual({ name: 'population.groups[0].percent', value: 53.3333, from: ['population.groups[0].n', 'population.total'] });
    expect(byName['population.groups[2].percent']!.value).toBe(26.6667);
    expect(byName['outcomes[0].percent']).toEqual({ name: 'outcomes[0].percent', value: 100, from: ['outcomes[0].responders', 'outcomes[0].assessed'] });
    expect(byName['safety[0].percent']!.value).toBe(66.6667);
    // CRS grade 1 (10) + grade 2 (1): a sum of two facts; single-line events get no sum.
    expect(byName['safety.crs.total']).toEqual({ name: 'safety.crs.total', value: 11, from: ['safety[0].count', 'safety[1].count'] });
    expect(byName['safety.icans.total']).toBeUndefined();
    expect(byName['medication[0].percent']).toEqual({ name: 'medication[0].percent', value: 100, from: ['medication[0].count', 'medication[0].of'] });
  });

  it('has no safety values when the facts have no safety data', () => {
    const derived = deriveFacts(loadFacts(join(FIXTURES, 'valid', 'minimal.yaml')));
    expect(derived.eventTotals).toEqual({});
    expect(derived.values.map((v) => [v.name, v.value])).toEqual([
      ['population.groupTotal', 5],
      ['population.groups[0].percent', 100],
      ['outcomes[0].percent', 80],
    ]);
  });
});
