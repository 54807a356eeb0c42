/**
 * `npm run bench`: the batch build of N synthetic studies (3 languages × 3 levels, .md + .html,
 * every check on) against a floor measured in the same run — the same Markdown texts turned into
 * HTML by plain markdown-it on one thread and written to the same kind of folder (bench/floor.ts, in a
 * process of its own).
 *
 * Prints pages/s, time per stage, peak RSS, laysum ÷ floor, the same build by the `laysum` command
 * (its time and peak RSS: the command bounds its threads' heaps, a library caller's heap is its
 * own), the site build, and the incremental cases: a rebuild with nothing changed, one study
 * changed, one locale string changed.
 * Output goes to RAM (/dev/shm) so the file system is not what is measured. The compiled laysum
 * (dist/) is measured, as users run it.
 *
 *   npm run bench               # 1000 studies = 9000 pages
 *   npm run bench -- 200        # fewer, for a quick look
 *   npm run bench -- 10000 --no-floor --no-site --no-incremental   # memory at 90,000 pages
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_INTERRUPT_BUDGET, build, HEAP_GROWING_PERCENT, loadProject, tuneForBatchBuild, type BuildReport } from '../dist/src/index.js';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const withFloor = !args.includes('--no-floor');
const withIncremental = !args.includes('--no-incremental');
const withSite = !args.includes('--no-site');
const root = join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'laysum-bench');
const factsDir = join(root, 'facts');
const outDir = join(root, 'out');
const siteDir = join(root, 'site');
const floorDir = join(root, 'floor');

/** The floor (bench/floor.ts), in a child process with V8's default settings. */
function floor(): { files: number; ms: number } {
  const script = fileURLToPath(new URL('./floor.ts', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, [...process.execArgv, script, outDir, floorDir], { encoding: 'utf8' })) as { files: number; ms: number };
}

async function timed(run: () => Promise<BuildReport>): Promise<{ ms: number; report: BuildReport }> {
  const start = performance.now();
  const report = await run();
  return { ms: performance.now() - start, report };
}

function check(label: string, report: BuildReport): void {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if (report.exitCode === 0) return;
  console.log(`${label}: exit ${report.exitCode}, ${errors.length} errors; first: ${errors.slice(0, 3).map((d) => d.message).join(' | ')}`);
  process.exit(1);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * The same build as the `laysum` command runs it (a child process, its own heap bounds), timed,
 * with its peak RSS over all threads read from /proc (VmHWM, polled; Linux only).
 */
function commandBuild(out: string): Promise<{ ms: number; code: number | null; peakMb?: number }> {
  return new Promise((resolvePromise) => {
    rmSync(out, { recursive: true, force: true });
    const start = performance.now();
    const bin = fileURLToPath(new URL('../bin/laysum.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'build', factsDir, '-o', out, '-q', '--full'], { stdio: ['ignore', 'ignore', 'inherit'] });
    let peakKb: number | undefined;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb ?? 0, Number(hwm[1]));
      } catch {
        // gone, or no /proc
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolvePromise({ ms: performance.now() - start, code, ...(peakKb ? { peakMb: peakKb / 1024 } : {}) });
    });
  });
}

async function main() {
  console.log(`generating ${count} studies in ${factsDir} …`);
  // In a child process, so the peak memory printed below is the build's, not the generator's.
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./generate.ts', import.meta.url)), factsDir, String(count), '1'], { stdio: 'inherit' });
  rmSync(outDir, { recursive: true, force: true });
  console.log(`${availableParallelism()} cores; laysum uses one thread per core (its own and a worker thread for each other core)`);

  // As the `laysum` command does for a build on more than one thread (src/pipeline/tuning.ts); the floor runs in a
  // process of its own. The command also bounds heap growth (src/pipeline/memory.ts), for its peak RSS, at a few
  // per cent of time in interleaved runs of this build: a library build is left to V8's default.
  if (availableParallelism() > 1) {
    tuneForBatchBuild();
    console.log(`V8 tuned as the laysum command tunes it for builds on several threads (interrupt budget ${BATCH_INTERRUPT_BUDGET}; the command's heap growth bound of ${HEAP_GROWING_PERCENT} % is left out)`);
  }
  const full = await timed(() => build({ inputs: [factsDir], out: outDir, incremental: false, keepReports: false }));
  check('build', full.report);
  const pages = full.report.summaryCount;
  const rssAfterBuild = process.resourceUsage().maxRSS / 1024;
  console.log(`laysum build: ${full.report.studyCount} studies, ${pages} pages (.md + .html, every check on) in ${s(full.ms)}: ${(pages / (full.ms / 1000)).toFixed(0)} pages/s`);
  console.log(`  stages (ms, summed over threads): ${Object.entries(full.report.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);

  let floorMs: number | undefined;
  if (withFloor) {
    const measured = floor();
    floorMs = measured.ms;
    console.log(`floor: markdown-it, one thread, ${measured.files} pages: ${s(floorMs)}`);
    console.log(`laysum ÷ floor: ${(full.ms / floorMs).toFixed(2)}×`);
  }

  console.log(`peak RSS after the build (this process, all threads): ${rssAfterBuild.toFixed(0)} MB`);
  const command = await commandBuild(join(root, 'cli-out'));
  if (command.code !== 0) {
    console.log(`laysum build (command): exit ${command.code}`);
    process.exit(1);
  }
  console.log(`laysum build (the command, as users run it, process start included): ${s(command.ms)}${floorMs ? ` = ${(command.ms / floorMs).toFixed(2)}× the floor` : ''}, peak RSS ${command.peakMb ? `${command.peakMb.toFixed(0)} MB` : 'not measured (no /proc)'}`);
  rmSync(join(root, 'cli-out'), { recursive: true, force: true });
  if (withSite) {
  const site = await timed(() => build({ inputs: [factsDir], out: siteDir, site: { baseUrl: 'https://example.org/bench/' }, incremental: false, keepReports: false }));
  check('site', site.report);
  console.log(`site: ${site.report.written} files (study pages, homes, sitemap) in ${s(site.ms)}`);
  }

  if (withIncremental) {
    const again = await timed(() => build({ inputs: [factsDir], out: outDir, keepReports: false }));
    check('rebuild', again.report);
    console.log(`rebuild, nothing changed: ${s(again.ms)} = ${((100 * again.ms) / full.ms).toFixed(1)} % of the full build (up to date: ${again.report.upToDate})`);

    appendFileSync(join(factsDir, 'study-00001.yaml'), '# edited\n');
    const one = await timed(() => build({ inputs: [factsDir], out: outDir, keepReports: false }));
    check('one study', one.report);
    console.log(`rebuild, one study changed: ${s(one.ms)} = ${((100 * one.ms) / full.ms).toFixed(1)} %, ${one.report.rebuilt} study rebuilt, ${one.report.reused} taken over`);

    const project = loadProject();
    const summary = project.locales.de!.summary as { easy: { intro: string } };
    summary.easy.intro = `${summary.easy.intro} `;
    const locale = await timed(() => build({ inputs: [factsDir], out: outDir, project, keepReports: false }));
    check('one locale string', locale.report);
    console.log(`rebuild, one German string changed: ${s(locale.ms)} = ${((100 * locale.ms) / full.ms).toFixed(1)} % (German pages only: ${locale.report.rebuilt} studies re-rendered in one language)`);
  }
  console.log(`peak RSS (all threads): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
