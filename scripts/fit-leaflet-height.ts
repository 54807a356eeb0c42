// Refit the leaflet height estimate (src/outputs/leaflet/fit.ts, FIT) to what Chromium lays out:
//   npx tsx scripts/fit-leaflet-height.ts [generated studies = 40]
// Leaflets: the samples, test/fixtures/leaflet-long and generated studies (bench/generate.ts, seed 3),
// in every language, with full side-effect arrays and with strips. Prints the least-squares
// weights and the errors of the fitted and of the current weights. Needs Debian's Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { generateStudies } from '../bench/generate.js';
import { createTranslator, deriveFacts, loadProject, parseStudyFacts, type StudyFacts } from '../src/index.js';
import { estimatePrintedHeight, FULL_ARRAYS_MAX_HEIGHT, fullArrayLayout, renderLeaflet } from '../src/outputs/leaflet/index.js';
import { printedHeightTerms } from '../src/outputs/leaflet/fit.js';
import { CHROMIUM_ARGS, defaultChromiumPath, pdfPageCount } from '../src/outputs/pdf.js';

const generated = Number(process.argv[2] ?? 40);
const project = loadProject();
const dir = join(tmpdir(), 'laysum-fit-leaflet');
generateStudies(dir, generated, Number(process.argv[3] ?? 3));
const files = [
  ...readdirSync('samples').filter((f) => f.endsWith('.yaml') && f !== 'press.config.yaml').map((f) => join('samples', f)),
  'test/fixtures/leaflet-long/many-side-effects.yaml',
  ...readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f)),
];

const browser = await chromium.launch({ executablePath: defaultChromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 680, height: 1000 } });
await page.emulateMedia({ media: 'print' });
const rows: { x: number[]; height: number; estimate: number; name: string }[] = [];
// Full arrays as printed: the estimate's limit per layout must keep these to two pages.
const printed: { layout: 'rows' | 'pairs'; estimate: number; pages: number; name: string }[] = [];
for (const file of files) {
  const facts = parseStudyFacts(readFileSync(file, 'utf8'), file).facts as StudyFacts;
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
      rows.push({ x: [1, t.figures, t.text, t.glossary], height, estimate, name: `${facts.id} ${lang} strips: ${strips}` });
      const events = facts.safety?.length ?? 0;
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
const w = a.map((row, i) => row[n]! / row[i]!);
const errors = (estimate: (r: (typeof rows)[number]) => number) => {
  const e = rows.map((r) => Math.abs(estimate(r) - r.height)).sort((x, y) => x - y);
  return `median ${e[e.length >> 1]!.toFixed(0)} px, largest ${e.at(-1)!.toFixed(0)} px`;
};
console.log(`${rows.length} leaflets`);
console.log(`fitted: { base: ${w[0]!.toFixed(0)}, figures: ${w[1]!.toFixed(3)}, text: ${w[2]!.toFixed(3)}, glossary: ${w[3]!.toFixed(3)} }`);
console.log(`fitted weights: ${errors((r) => r.x.reduce((s, v, i) => s + v * w[i]!, 0))}`);
console.log(`current weights: ${errors((r) => r.estimate)}`);
const worst = [...rows].sort((p, q) => Math.abs(q.estimate - q.height) - Math.abs(p.estimate - p.height)).slice(0, 5);
for (const r of worst) console.log(`  current, off by ${(r.estimate - r.height).toFixed(0)} px: ${r.name}`);
const groups = new Map<string, number[]>();
for (const r of rows) {
  const key = r.name.replace(/^\S+ /, '');
  const res = r.x.reduce((s, v, i) => s + v * w[i]!, 0) - r.height;
  groups.set(key, [...(groups.get(key) ?? []), res]);
}
for (const [k, v] of groups) console.log(k, (v.reduce((s, x) => s + x, 0) / v.length).toFixed(0), Math.min(...v).toFixed(0), Math.max(...v).toFixed(0));
for (const layout of ['rows', 'pairs'] as const) {
  const set = printed.filter((p) => p.layout === layout);
  const two = set.filter((p) => p.pages <= 2).map((p) => p.estimate);
  const more = set.filter((p) => p.pages > 2).map((p) => p.estimate);
  const wrong = set.filter((p) => p.pages > 2 && p.estimate <= FULL_ARRAYS_MAX_HEIGHT[layout]);
  console.log(`full arrays, ${layout}: ${set.length} printed; two pages up to estimate ${Math.max(0, ...two)}; three from ${Math.min(...more)}; limit ${FULL_ARRAYS_MAX_HEIGHT[layout]}: ${wrong.length} over two pages under it${wrong.map((p) => ` (${p.name} ${p.estimate})`).join('')}`);
}
if (process.env.SHOW_PRINTED) for (const p of [...printed].sort((a, b) => a.estimate - b.estimate)) if (p.estimate > 1700) console.log(p.layout, p.estimate, p.pages, p.name);
