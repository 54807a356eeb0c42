// Does a large study's leaflet print as long as the same study's with few people?
//   npx tsx scripts/compare-large-leaflets.ts [generated studies = 20] [seed = 5]
// Generated studies (bench/generate.ts, up to 72 people) with every count multiplied by 7, 43 and
// 311 (one fewer for each side effect, so figures of several people are cut into parts), printed
// in every language. Lists the leaflets past two pages with their estimate and what takes their
// room (estimateLeafletRoom), then the studies that print longer when large. Needs Debian's Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { generateStudies, scaleStudy } from '../bench/generate.js';
import { createTranslator, deriveFacts, loadProject, parseStudyFacts, type StudyFacts } from '../src/index.js';
import { estimateLeafletRoom, renderLeaflet } from '../src/outputs/leaflet/index.js';
import { CHROMIUM_ARGS, defaultChromiumPath, pdfPageCount } from '../src/outputs/pdf.js';

const FACTORS = [1, 7, 43, 311];
const project = loadProject();
const dir = join(tmpdir(), 'laysum-large-leaflets');
generateStudies(dir, Number(process.argv[2] ?? 20), Number(process.argv[3] ?? 5));

const browser = await chromium.launch({ executablePath: defaultChromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
const pagesBy = new Map<string, number[]>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  const base = parseStudyFacts(readFileSync(join(dir, file), 'utf8'), file).facts as StudyFacts;
  for (const k of FACTORS) {
    const facts = scaleStudy(base, k);
    for (const lang of ['en', 'de', 'zh']) {
      const tr = createTranslator(project.languages[lang]!, project.locales[lang]!);
      const { html } = renderLeaflet(facts, deriveFacts(facts), tr, project.formats.leaflet!);
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pages = pdfPageCount(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })) ?? 0;
      const key = `${base.id} ${lang}`;
      pagesBy.set(key, [...(pagesBy.get(key) ?? []), pages]);
      if (pages > 2) console.log(`${key} ×${k} (${facts.population.total} people): ${pages} pages`, JSON.stringify(estimateLeafletRoom(html, lang === 'zh' ? 'Han' : 'Latin')));
    }
  }
}
await browser.close();
const longer = [...pagesBy].filter(([, pages]) => pages.slice(1).some((p) => p > pages[0]!));
for (const [key, pages] of longer) console.log(`longer when large: ${key}, pages at ×${FACTORS.join(', ×')}: ${pages.join(', ')}`);
console.log(`${pagesBy.size} studies × languages; ${longer.length} print longer at some larger size than at ×1`);
