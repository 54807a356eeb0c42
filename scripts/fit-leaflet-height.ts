// Refit the leaflet height estimate (src/outputs/leaflet/fit.ts, FIT) to what Chromium lays out:
//   npx tsx scripts/fit-leaflet-height.ts [generated studies = 40] [seed = 3]
// Leaflets: the samples, test/fixtures/leaflet-long and leaflet-large, and generated studies
// (bench/generate.ts) at their own size, 7, 43 and 311 times as large (figures standing for 10, 20,
// 50, … people, with their key) and with 5 to 8 kinds of side effect (full arrays two to a row),
// in every language, with full side-effect arrays and with strips. Prints the least-squares weights,
// the errors of the fitted and of the current weights (by kind of leaflet, and the worst), and,
// from the PDFs of the leaflets with full arrays, the estimates that printed on two and on three
// pages against FULL_ARRAYS_MAX_HEIGHT. Run with another seed (11, 23) for studies the weights
// were not fitted to: the current weights' errors are then held-out errors. 1,488 leaflets with the
// defaults, about a quarter of an hour. Needs Debian's Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { generateStudies, scaleStudy, withSideEffects } from '../bench/generate.js';
import { createTranslator, deriveFacts, loadProject, parseStudyFacts, type StudyFacts } from '../src/index.js';
import { estimatePrintedHeight, FULL_ARRAYS_MAX_HEIGHT, fullArrayLayout, renderLeaflet } from '../src/outputs/leaflet/index.js';
import { printedHeightTerms } from '../src/outputs/leaflet/fit.js';
import { CHROMIUM_ARGS, defaultChromiumPath, pdfPageCount } from '../src/outputs/pdf.js';

const generated = Number(process.argv[2] ?? 40);
const seed = Number(process.argv[3] ?? 3);
const project = loadProject();
const dir = join(tmpdir(), `laysum-fit-leaflet-${seed}`);
generateStudies(dir, generated, seed);
const read = (file: string) => parseStudyFacts(readFileSync(file, 'utf8'), file).facts as StudyFacts;
const yamls = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.yaml') && f !== 'press.config.yaml').map((f) => join(folder, f));

/** Each study with the kind of leaflet it stands for. */
const studies: { facts: StudyFacts; kind: string }[] = [
  ...yamls('samples').map((f) => ({ facts: read(f), kind: 'samples' })),
  { facts: read('test/fixtures/leaflet-long/many-side-effects.yaml'), kind: 'samples' },
  ...yamls('test/fixtures/leaflet-large').map((f) => ({ facts: read(f), kind: 'large fixtures' })),
  ...yamls(dir).flatMap((file, i) => {
    const facts = read(file);
    const more = { ...withSideEffects(facts, 5 + (i % 4), i), id: `${facts.id}-more` };
    return [
      { facts, kind: 'generated' },
      ...[7, 43, 311].map((k) => ({ facts: { ...scaleStudy(facts, k), id: `${facts.id}-x${k}` }, kind: 'generated, larger' })),
      { facts: more, kind: 'generated, more side effects' },
      { facts: { ...scaleStudy(more, 43), id: `${more.id}-x43` }, kind: 'generated, more side effects' },
    ];
  }),
];

const browser = await chromium.launch({ executablePath: defaultChromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 680, height: 1000 } });
await page.emulateMedia({ media: 'print' });
const rows: { x: number[]; height: number; estimate: number; name: string; kind: string }[] = [];
// Full arrays as printed: the estimate's limit per layout must keep these to two pages.
const printed: { layout: 'rows' | 'pairs'; estimate: number; pages: number; name: string }[] = [];
for (const { facts, kind } of studies) {
  for (const lang of ['en', 'de', 'zh']) {
    const tr = createTranslator(project.languages[lang]!, project.locales[lang]!);
    const script = lang === 'zh' ? 'Han' : 'Latin';
    for (const strips of [false, true]) {
      const { html } = renderLeaflet(facts, deriveFacts(facts), tr, project.formats.leaflet!, { strips });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const height = (await page.evaluate(`document.querySelector('main').getBoundingClientRect().height`)) as number;
      const t = printedHeightTerms(html, script);
      const estimate = estimatePrintedHeight(html, script);
      rows.push({ x: [1, t.figures, t.text, t.glossary], height, estimate, name: `${facts.id} ${lang} strips: ${strips}`, kind });
      const events = new Set((facts.safety ?? []).map((e) => e.event)).size;
      if (!strips && events > 0) {
        const pages = pdfPageCount(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })) ?? 0;
        printed.push({ layout: fullArrayLayout(events), estimate, pages, name: `${facts.id} ${lang} (laid out ${Math.round(height)})` });
      }
    }
  }
}
await browser.close();

// Least squares by the normal equations (4 unknowns), solved by Gaussian elimination.
const n = 4;
const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
for (const { x, height } of rows) for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) a[i]![j]! += x[i]! * x[j]!;
  a[i]![n]! += x[i]! * height;
}
for (let c = 0; c < n; c++) {
  const p = a.slice(c).reduce((best, row, k) => (Math.abs(row[c]!) > Math.abs(a[best]![c]!) ? c + k : best), c);
  [a[c], a[p]] = [a[p]!, a[c]!];
  for (let r = 0; r < n; r++) if (r !== c) {
    const f = a[r]![c]! / a[c]![c]!;
    for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!;
  }
}
// Rounded as FIT takes them, so the errors printed for them are those of the weights pasted in.
const w = a.map((row, i) => Number((row[n]! / row[i]!).toFixed(i === 0 ? 0 : 3)));
type Row = (typeof rows)[number];
const fitted = (r: Row) => r.x.reduce((s, v, i) => s + v * w[i]!, 0);
const current = (r: Row) => r.estimate;
const errors = (set: Row[], estimate: (r: Row) => number) => {
  const e = set.map((r) => Math.abs(estimate(r) - r.height)).sort((x, y) => x - y);
  return `median ${e[e.length >> 1]!.toFixed(0)} px, largest ${e.at(-1)!.toFixed(0)} px`;
};
console.log(`${rows.length} leaflets (${generated} generated studies, seed ${seed})`);
console.log(`fitted: { base: ${w[0]}, figures: ${w[1]}, text: ${w[2]}, glossary: ${w[3]} }`);
console.log(`fitted weights: ${errors(rows, fitted)}`);
console.log(`current weights: ${errors(rows, current)}`);
for (const kind of new Set(rows.map((r) => r.kind))) {
  const set = rows.filter((r) => r.kind === kind);
  console.log(`  ${kind} (${set.length}): fitted ${errors(set, fitted)}; current ${errors(set, current)}`);
}
const worst = [...rows].sort((p, q) => Math.abs(q.estimate - q.height) - Math.abs(p.estimate - p.height)).slice(0, 5);
for (const r of worst) console.log(`  current, off by ${(r.estimate - r.height).toFixed(0)} px: ${r.name}`);
const groups = new Map<string, number[]>();
for (const r of rows) {
  const key = r.name.replace(/^\S+ /, '');
  groups.set(key, [...(groups.get(key) ?? []), fitted(r) - r.height]);
}
console.log('fitted weights, estimate − layout by language and layout: mean, least, most');
for (const [k, v] of groups) console.log(`  ${k}: ${(v.reduce((s, x) => s + x, 0) / v.length).toFixed(0)}, ${Math.min(...v).toFixed(0)}, ${Math.max(...v).toFixed(0)}`);
for (const layout of ['rows', 'pairs'] as const) {
  const set = printed.filter((p) => p.layout === layout);
  const two = set.filter((p) => p.pages <= 2).map((p) => p.estimate);
  const more = set.filter((p) => p.pages > 2).map((p) => p.estimate);
  const wrong = set.filter((p) => p.pages > 2 && p.estimate <= FULL_ARRAYS_MAX_HEIGHT[layout]);
  console.log(`full arrays, ${layout}: ${set.length} printed; two pages up to estimate ${Math.max(0, ...two)}; three from ${Math.min(...more)}; limit ${FULL_ARRAYS_MAX_HEIGHT[layout]}: ${wrong.length} over two pages under it${wrong.map((p) => ` (${p.name} ${p.estimate})`).join('')}`);
}
if (process.env.SHOW_PRINTED) for (const p of [...printed].sort((a, b) => a.estimate - b.estimate)) if (p.estimate > 1700) console.log(p.layout, p.estimate, p.pages, p.name);
