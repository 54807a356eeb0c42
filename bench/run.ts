/**
 * `npm run bench`: build N synthetic studies (3 languages × 3 levels, .md + .html, every check on)
 * and, in the same run, a floor — the same Markdown turned into HTML by plain markdown-it on one
 * thread and written to the same kind of folder. Prints pages/s, time per stage, peak RSS and the
 * ratio laysum ÷ floor. Output goes to RAM (/dev/shm) so the file system is not what is measured.
 *
 *   npm run bench               # 1000 studies
 *   npm run bench -- 200        # fewer, for a quick look
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import MarkdownIt from 'markdown-it';
import { build } from '../src/index.js';
import { generateStudies } from './generate.js';

const count = Number(process.argv[2] ?? 1000);
const root = join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'laysum-bench');
const factsDir = join(root, 'facts');
const outDir = join(root, 'out');
const floorDir = join(root, 'floor');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.md')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The floor: single-thread markdown-it over the same texts, written the same way. */
function floor(files: string[]): number {
  rmSync(floorDir, { recursive: true, force: true });
  const md = new MarkdownIt();
  const start = performance.now();
  for (const file of files) {
    const target = join(floorDir, file.slice(outDir.length)).replace(/\.md$/, '.html');
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, md.render(readFileSync(file, 'utf8')));
  }
  return performance.now() - start;
}

async function main() {
  console.log(`generating ${count} studies in ${factsDir} …`);
  generateStudies(factsDir, count, 1);
  rmSync(outDir, { recursive: true, force: true });
  const start = performance.now();
  const report = await build({ inputs: [factsDir], out: outDir });
  const laysumMs = performance.now() - start;
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const pages = report.studies.reduce((n, s) => n + s.summaries.length, 0);
  console.log(`laysum: ${report.studies.length} studies, ${pages} summaries, ${errors.length} errors, exit ${report.exitCode}`);
  if (errors.length) console.log(`  first errors:\n  ${errors.slice(0, 3).map((d) => d.message).join('\n  ')}`);
  const files = existsSync(outDir) ? markdownFiles(outDir) : [];
  const floorMs = files.length ? floor(files) : NaN;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`laysum build: ${(laysumMs / 1000).toFixed(2)} s, ${(pages / (laysumMs / 1000)).toFixed(0)} pages/s, peak RSS ${rssMb.toFixed(0)} MB`);
  console.log(`  stages (ms): ${Object.entries(report.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  console.log(`floor (markdown-it, one thread, ${files.length} pages): ${(floorMs / 1000).toFixed(2)} s`);
  console.log(`laysum ÷ floor: ${(laysumMs / floorMs).toFixed(1)}×`);
}

await main();
