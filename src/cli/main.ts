/**
 * The `laysum` command: a thin shell over `build` / `check` that parses flags, shows progress
 * on a terminal, prints diagnostics and sets the exit code (0 ok, 1 a check failed, 2 bad
 * input or usage; stopped by SIGINT, SIGTERM or SIGHUP, the process ends by that signal: 130, 143
 * or 129 in the shell).
 *
 * The build itself runs in a worker thread, so this thread stays free to answer a signal at any
 * moment — the pipeline is synchronous, and a signal handler cannot run while it works. On
 * SIGINT, SIGTERM or SIGHUP the worker is stopped, whatever it left beside the output folder is
 * cleaned up (its staging folder removed; the previous output put back if it was between the
 * two renames of the swap, see outputs/write.ts) and the process ends by the same signal (the
 * shell shows 128 + n). A worker that does not stop within 2 s (blocked in a system call) is
 * left to die with the process. A second signal during the clean-up ends the process at once;
 * the next build then finishes the clean-up (it removes what a dead process left).
 *
 * This module is also the worker's entry point (see the bottom); the thread that parses flags
 * loads only commander and the diagnostics, the worker loads the pipeline.
 */
import { Command, CommanderError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BuildOptions, BuildReport, OutputFormat } from '../pipeline/index.js';
import { ConfigError, counted, formatDiagnostic } from '../diagnostics/index.js';
import { makeFolders, outputFolder, OutputWriteError, pathInOutput, recoverOutput, writeErrorReason, writeOutputs, type Recovery } from '../outputs/write.js';
import { boundHeapGrowth, WORKER_MEMORY } from '../pipeline/memory.js';
import { tuneForBatchBuild } from '../pipeline/tuning.js';
import { shardProblem } from '../pipeline/shard.js';
import { availableParallelism } from 'node:os';

/** Bad flags: the caller's mistake, exit 2 (the pipeline's `UsageError` has the same name). */
class UsageError extends Error {
  override name = 'UsageError';
}
/** An error the worker sent back, with the name and stack it had there. */
class WorkerError extends Error {
  constructor(name: string, message: string, stack: string | undefined) {
    super(message);
    this.name = name;
    if (stack) this.stack = stack;
  }
}
const isUsageError = (error: unknown) => error instanceof Error && error.name === 'UsageError';
/** Bad configuration (ConfigError, and ProjectConfigError, one of them): its message is its diagnostics' lines, printed as they are. */
const isConfigError = (error: unknown) => error instanceof Error && (error.name === 'ConfigError' || error.name === 'ProjectConfigError');

/** What the worker needs to run a build: plain data (it crosses threads). */
export interface Job {
  options: Omit<BuildOptions, 'onProgress' | 'onStudy' | 'project' | 'press'>;
  /** Make check's terminal table (from the studies' reports as they come). */
  table?: boolean;
  /** Make the --report page (from what it needs of each study as it comes). */
  report?: boolean;
  project?: string;
  pressConfig?: string;
  /** `site --merge`: join these site outputs instead of building. */
  merge?: string[];
}
type WorkerMessage =
  | { type: 'progress'; done: number; total: number; study: string }
  | { type: 'done'; report: BuildReport; table?: string; page?: string }
  | { type: 'error'; name: string; message: string; stack?: string };

interface BuildFlags {
  out: string;
  format: string;
  pressConfig?: string;
  pdf?: boolean | string;
}

const FORMATS: OutputFormat[] = ['summary', 'press', 'leaflet'];

/** --format, --pdf → build options; bad values are usage errors. (--press-config is read by the worker.) */
function formatOptions(flags: BuildFlags): Partial<BuildOptions> {
  const formats = list(flags.format) ?? [];
  const unknown = formats.filter((f) => !FORMATS.includes(f as OutputFormat));
  if (unknown.length || formats.length === 0) throw new UsageError(`unknown format ${unknown.map((f) => `\`${f}\``).join(', ') || '(none)'}; expected one or more of ${FORMATS.join(', ')}`);
  if (flags.pdf !== undefined && flags.pdf !== true && flags.pdf !== 'auto') throw new UsageError(`--pdf ${String(flags.pdf)}: expected --pdf or --pdf auto`);
  if (flags.pdf && !formats.includes('leaflet')) throw new UsageError('--pdf prints leaflets; add --format leaflet');
  return { formats: formats as OutputFormat[], ...(flags.pdf ? { pdf: flags.pdf === 'auto' ? 'auto' : true } : {}) };
}

export interface CommonFlags {
  shard?: string;
  workers?: string;
  full?: boolean;
  project?: string;
  report?: string;
  lang?: string;
  level?: string;
  quiet?: boolean;
  json?: boolean;
}

/** --shard k/n, --workers n, --full → build options; bad values are usage errors. */
function batchOptions(flags: CommonFlags): Partial<BuildOptions> {
  const out: Partial<BuildOptions> = {};
  if (flags.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(flags.shard);
    const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    const problem = shardProblem(index, count);
    if (problem) throw new UsageError(`--shard ${flags.shard}: ${problem}`);
    out.shard = { index, count };
  }
  if (flags.workers !== undefined) {
    const n = Number(flags.workers);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers ${flags.workers}: expected a whole number from 1 to 64`);
    out.workers = n;
  }
  if (flags.full) out.incremental = false;
  return out;
}

const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);

function summaryLine(report: BuildReport): string {
  const count = (sev: string) => report.diagnostics.filter((d) => d.severity === sev).length;
  const what =
    report.out === undefined ? 'checked, nothing written'
    : report.upToDate ? `nothing changed, ${report.out}/ is up to date`
    : report.written ? `${counted(report.written, 'file', 'files')} written to ${report.out}/${report.reused ? ` (${counted(report.reused, 'unchanged study', 'unchanged studies')} taken over from the last build)` : ''}`
    : 'nothing written';
  return `laysum: ${counted(report.studyCount, 'study', 'studies')}, ${counted(report.summaryCount, 'summary', 'summaries')}; ${what}; ${counted(count('error'), 'error', 'errors')}, ${counted(count('warning'), 'warning', 'warnings')}`;
}

/** Whether a folder is missing or empty (one that cannot be read is neither). */
function isMissingOrEmpty(dir: string): boolean {
  try {
    return !existsSync(dir) || readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

/**
 * The folder a report outside any output folder (`check --report out/report.html`) makes: the
 * outermost folder of its path that is not there yet, or its own folder when that is there and
 * empty. Undefined when it goes into a folder that holds anything (never one laysum did not make
 * or find empty), or into the working folder (a swap would move it from under the process).
 */
function newReportFolder(path: string): string | undefined {
  let dir = dirname(resolve(path));
  if (existsSync(dir)) return dir !== process.cwd() && isMissingOrEmpty(dir) ? dir : undefined;
  while (!existsSync(dirname(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The report page, written whole or not at all (a temporary file renamed into place). A report
 * that would be the first thing in a folder goes into an empty output folder of laysum's, marked:
 * the report alone would make that folder one that is not laysum's, which every later build
 * refuses to replace. That folder is the output folder when the report is inside it
 * (`--out out --report out/report.html`, as `npm start` writes it) and the build wrote nothing
 * there (it failed, and there was no output yet); else the folder the report makes (`laysum check
 * --report out/report.html` before `laysum build --out out`), see newReportFolder.
 */
function writeReport(path: string, page: string, out?: string): void {
  const temp = `${resolve(path)}.laysum-${process.pid}.tmp`;
  try {
    if (out !== undefined && pathInOutput(out, path)) {
      if (isMissingOrEmpty(outputFolder(out))) writeOutputs(out, []);
    } else {
      const folder = newReportFolder(path);
      try {
        if (folder) writeOutputs(folder, []);
      } catch (error) {
        // A folder no build could replace (a mount point, one under /proc) gets the report unmarked; the write below says what else is wrong.
        if (!(error instanceof OutputWriteError)) throw error;
      }
    }
    makeFolders(dirname(resolve(path)));
    writeFileSync(temp, page);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`--report ${path}: cannot write the report: ${error instanceof OutputWriteError ? error.message : writeErrorReason(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The worker side: runs one build and reports back.

/** What the worker sends back: the build's report (its studies only when kept), check's table, the --report page. */
interface Result {
  report: BuildReport;
  table?: string;
  page?: string;
}

async function execute(job: Job, onProgress: (done: number, total: number, study: string) => void): Promise<Result> {
  const { build, inputInOutput, mergeSites, UsageError: PipelineUsageError } = await import('../pipeline/index.js');
  const options: BuildOptions = { ...job.options, onProgress };
  // check's table and the --report page: what they need of each study kept as it comes (a few strings per summary), not the reports.
  const { tableRows, formatTable, keepStudy, reportBook, reportPage } = await import('../report/index.js');
  const rows: ReturnType<typeof tableRows> = [];
  const book = job.report ? reportBook() : undefined;
  if (job.table || book) {
    options.onStudy = (study, findings) => {
      if (job.table) rows.push(...tableRows(study));
      if (book) keepStudy(book, study, findings);
    };
  }
  if (job.project) {
    const { loadProject, ProjectConfigError } = await import('../project/index.js');
    try {
      options.project = loadProject(job.project);
    } catch (error) {
      if (error instanceof ProjectConfigError) throw error;
      throw new PipelineUsageError(`--project ${job.project}: cannot load locales/ and templates/: ${(error as Error).message}`);
    }
  }
  if (job.pressConfig) {
    const { readUtf8 } = await import('../pipeline/load.js');
    const { parsePressConfig } = await import('../outputs/index.js');
    const read = readUtf8(job.pressConfig, 'press config');
    if (read.diagnostic) throw new ConfigError([read.diagnostic]);
    const inOutput = options.write !== false ? inputInOutput(options.out ?? 'out', job.pressConfig) : undefined;
    if (inOutput) throw new ConfigError([inOutput]);
    // `about` needs a text for every language built: the languages as build() will pick them (an unknown one is its usage error).
    if (!options.project) {
      const { loadProject } = await import('../project/index.js');
      options.project = loadProject();
    }
    const known = Object.keys(options.project.languages);
    const built = (job.options.langs ?? known).filter((lang) => known.includes(lang));
    const parsed = parsePressConfig(read.text!, job.pressConfig, job.options.formats?.includes('press') ? { built, known } : undefined);
    if (!parsed.config) throw new ConfigError(parsed.diagnostics);
    options.press = parsed.config;
  }
  if (job.merge) {
    const report = await mergeSites({ parts: job.merge, out: options.out ?? 'site', keepReports: options.keepReports !== false, ...(options.onStudy ? { onStudy: options.onStudy } : {}), ...(options.project ? { project: options.project } : {}) });
    return { report, ...(book ? { page: reportPage(book, report) } : {}) };
  }
  const report = await build(options);
  return { report, ...(job.table ? { table: formatTable(rows, report.diagnostics) } : {}), ...(book ? { page: reportPage(book, report) } : {}) };
}

const workerJob = (workerData as { laysumJob?: Job } | null)?.laysumJob;
if (!isMainThread && workerJob && parentPort) {
  const port = parentPort;
  const send = (message: WorkerMessage) => port.postMessage(message);
  execute(workerJob, (done, total, study) => send({ type: 'progress', done, total, study })).then(
    (result) => send({ type: 'done', ...result }),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      send({ type: 'error', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The main side: one build at a time, in a worker; signals stop it and clean up.

/** The running build, for the signal handlers. */
/** The build under way: its thread, its output folder, and the folders above that it will create (innermost first). */
const running: { worker?: Worker; out?: string; newParents?: string[] } = {};

/** A stopped build leaves no folders it made for an output that never came (only empty ones are removed). */
function removeNewParents(): void {
  if (!running.out || existsSync(running.out)) return;
  for (const dir of running.newParents ?? []) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (something else is in it) or gone: leave the rest
    }
  }
}

function describeRecovery(out: string, recovery: Recovery): string {
  const parts = [];
  if (recovery.restored) parts.push(`put the previous output back in ${out} (from ${recovery.restored})`);
  if (recovery.removed.length) parts.push(`removed ${recovery.removed.join(', ')}`);
  for (const f of recovery.failed) parts.push(`${f.path}: ${f.reason}`);
  return parts.join('; ');
}

const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNALS;
/** How long a stopped build may take to end before the clean-up goes ahead anyway (a worker
 *  blocked in a system call — a FIFO, a hung network disk — cannot be stopped). */
const STOP_DEADLINE_MS = 2000;
const handlers = new Map<StopSignal, () => void>();
let stopping = false;

/**
 * Ends the process by `signal` itself, as a Unix tool should once it has cleaned up: the shell
 * sees 128 + n (130 for SIGINT), and a calling script or make knows it was interrupted. (Also the
 * only way out while a worker is stuck: `process.exit` waits for worker threads to stop.)
 */
function dieBy(signal: StopSignal): never {
  for (const [s, handler] of handlers) process.removeListener(s, handler);
  try {
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  } catch {
    // A platform without this signal: exit with its number instead.
  }
  process.exit(SIGNALS[signal]);
}

function installSignalHandlers(): void {
  if (handlers.size) return;
  for (const signal of Object.keys(SIGNALS) as StopSignal[]) {
    const handler = () => {
      if (stopping) dieBy(signal); // a second signal: stop now; the next build finishes the clean-up
      stopping = true;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        let note = '';
        if (running.out) {
          note = describeRecovery(running.out, recoverOutput(running.out, process.pid));
          removeNewParents();
        }
        process.stderr.write(`laysum: stopped by ${signal}${note ? `; ${note}` : ''}\n`);
        dieBy(signal);
      };
      // Stop the build first, so nothing writes while the output folder is put in order.
      if (!running.worker) return finish();
      running.worker.terminate().then(finish, finish);
      setTimeout(finish, STOP_DEADLINE_MS);
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

/**
 * The build thread renders studies too (pipeline/pool.ts): its young generation as the pool's
 * workers' (WORKER_MEMORY). Its old generation holds the build's list of studies and outputs,
 * which grows with the corpus, so its bound is wide; a bound at all keeps V8 from letting the heap
 * grow to four times its live data (measured, 1,000 studies: 290 MB for the build without, 222 MB with).
 */
const BUILD_THREAD_MEMORY = { maxYoungGenerationSizeMb: WORKER_MEMORY.maxYoungGenerationSizeMb, maxOldGenerationSizeMb: 512 } as const;

/** Runs `job` in a worker thread; resolves with its report, rejects with its error. */
function runInWorker(job: Job, onProgress: (done: number, total: number, study: string) => void): Promise<Result> {
  return new Promise<Result>((resolvePromise, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { laysumJob: job }, resourceLimits: BUILD_THREAD_MEMORY });
    running.worker = worker;
    let settled = false;
    const settle = (act: () => void) => {
      // Once a signal is being handled, the handler ends the process: no result, no error.
      if (settled || stopping) return;
      settled = true;
      act();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.done, message.total, message.study);
      else if (message.type === 'done') {
        const { type: _, ...result } = message;
        settle(() => resolvePromise(result));
      }
      else settle(() => reject(new WorkerError(message.name, message.message, message.stack)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => {
      if (running.worker === worker) delete running.worker;
      settle(() => reject(new Error(`the build stopped unexpectedly (exit code ${code})`)));
    });
  }).finally(async () => {
    const worker = running.worker;
    delete running.worker;
    // Done or failed, the worker has nothing left to do. A build that died without finishing
    // (an internal error, out of memory) may have left its staging folder: put things in order.
    await worker?.terminate();
    if (running.out) recoverOutput(running.out, process.pid);
  });
}

/**
 * What the worker is to do for a command's paths and flags. The studies' reports are kept
 * (`keepReports`) only to print them whole (--json); check's table and the --report page (of a
 * build, a site or a merge) keep what they need of each study as it comes, so a batch build's
 * memory does not grow with its studies' reports.
 */
export function jobOf(paths: string[], flags: CommonFlags, options: Partial<BuildOptions>, pressConfig?: string, merge = false): Job {
  return {
    options: {
      inputs: paths,
      ...options,
      // Given but empty (`--lang ""`) is a usage error in build(), not all languages.
      ...(flags.lang !== undefined ? { langs: list(flags.lang) } : {}),
      ...(flags.level !== undefined ? { levels: list(flags.level) } : {}),
      ...batchOptions(flags),
      keepReports: !!flags.json,
    },
    ...(options.write === false && !flags.quiet && !flags.json ? { table: true } : {}),
    ...(flags.report ? { report: true } : {}),
    ...(flags.project ? { project: flags.project } : {}),
    ...(pressConfig ? { pressConfig } : {}),
    ...(merge ? { merge: paths } : {}),
  };
}

async function run(paths: string[], flags: CommonFlags, options: Partial<BuildOptions>, pressConfig?: string, merge = false): Promise<number> {
  if (merge) {
    const given = [flags.shard && '--shard', flags.lang && '--lang', flags.level && '--level', (options.site as { defaultLang?: string } | undefined)?.defaultLang && '--default-lang', flags.full && '--full', flags.workers && '--workers'].filter(Boolean);
    if (given.length) throw new UsageError(`--merge joins finished sites: ${given.join(', ')} ${given.length > 1 ? 'do' : 'does'} not apply`);
  }
  const interactive = process.stderr.isTTY && !flags.quiet && !flags.json;
  const bar = interactive ? new cliProgress.SingleBar({ format: 'laysum {bar} {value}/{total} studies {study}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  let started = false;
  installSignalHandlers();
  const write = options.write ?? true;
  if (write) {
    running.out = options.out ?? 'out';
    running.newParents = [];
    for (let dir = dirname(outputFolder(running.out)); !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) running.newParents.push(dir);
    // A build that was killed (SIGKILL, a crash) may have left its staging folder, or — between
    // the two renames of the swap — no output folder at all: put it back before anything else.
    const recovery = recoverOutput(running.out, 'dead');
    if (!flags.quiet && !flags.json && (recovery.restored || recovery.removed.length || recovery.failed.length)) {
      // Only `.old` folders beside a complete output: a build finished but could not remove its previous output (permissions); nothing was stopped.
      const leftovers = !recovery.restored && [...recovery.removed, ...recovery.failed.map((f) => f.path)].every((path) => path.endsWith('.old'));
      process.stderr.write(`laysum: cleaned up after ${leftovers ? 'a build that could not remove its previous output' : 'a build that was stopped'}: ${describeRecovery(running.out, recovery)}\n`);
    }
  }
  const job = jobOf(paths, flags, options, pressConfig, merge);
  // Before any thread starts: each thread compiles for itself (src/pipeline/tuning.ts).
  if ((job.options.workers ?? availableParallelism()) > 1) tuneForBatchBuild();
  boundHeapGrowth();
  const { report, table, page } = await runInWorker(job, (done, total, study) => {
    if (!bar) return;
    if (!started) bar.start(total, 0, { study });
    started = true;
    bar.update(done, { study });
  }).finally(() => bar?.stop());
  if (flags.report && page !== undefined) writeReport(flags.report, page, write ? running.out : undefined);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.exitCode;
  }
  for (const d of report.diagnostics) {
    if (flags.quiet && d.severity !== 'error') continue;
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  }
  if (table !== undefined && report.studyCount) process.stdout.write(`${table}\n`);
  if (!flags.quiet) process.stdout.write(`${summaryLine(report)}\n`);
  return report.exitCode;
}

function program(setExit: (code: number) => void): Command {
  const cmd = new Command('laysum')
    .description('Plain-language summaries of clinical studies in several languages and reading levels, checked.')
    .exitOverride()
    .showHelpAfterError();
  const common = (c: Command) =>
    c
      .argument('<paths...>', 'facts files (.yaml, .yml, .json) or folders holding them')
      .addOption(new Option('--lang <codes>', 'languages, comma-separated (default: all in locales/languages.json)'))
      .addOption(new Option('--level <names>', 'reading levels, comma-separated (default: all templates)'))
      .option('--project <dir>', 'folder with your own locales/ and templates/ (default: the ones laysum ships)')
      .option('--report <file>', 'write a self-contained HTML report of every check')
      .option('--shard <k/n>', 'build only part k of n (a stable split by study id), e.g. one part per CI machine')
      .option('--workers <n>', 'threads to build with, this one included (default: one per core)')
      .option('-q, --quiet', 'print errors only')
      .option('--json', 'print a machine-readable report on stdout');
  // build and site replace an output folder, and can reuse what the last build put there.
  const writing = (c: Command, defaultOut: string) =>
    common(c)
      .option('-o, --out <dir>', 'output folder (replaced as a whole on success)', defaultOut)
      .option('--full', 'rebuild every study, even those unchanged since the last build in --out');
  writing(cmd.command('build').description('render every study × language × level to Markdown and HTML, after all checks pass'), 'out')
    .option('--format <names>', 'what to write, comma-separated: summary, press, leaflet', 'summary')
    .option('--pdf [when]', 'also print each leaflet to PDF with Chromium (apt-get install chromium fonts-noto-cjk); `--pdf auto` skips it with a warning when no Chromium is installed')
    .option('--press-config <file>', 'notes to editors for press summaries (YAML)')
    .action(async (paths: string[], flags: CommonFlags & BuildFlags) => setExit(await run(paths, flags, { out: flags.out, ...formatOptions(flags) }, flags.pressConfig)));
  writing(cmd.command('site').description('build the outreach site: every study × language × level, with switchers, sitemap and robots.txt'), 'site')
    .option('--base-url <url>', 'absolute URL the site is published under, with any subpath (for canonical and hreflang links)', 'https://example.org/')
    .option('--default-lang <code>', 'language for x-default (default: the first language)')
    .option('--merge', 'the paths are site outputs of `laysum site --shard k/n`: join them into one site in --out')
    .action(async (paths: string[], flags: CommonFlags & { out: string; baseUrl: string; defaultLang?: string; merge?: boolean }, command: Command) => {
      // The parts carry their site settings; a --base-url given here would be silently ignored (it has a default, so ask where the value came from).
      if (flags.merge && command.getOptionValueSource('baseUrl') === 'cli') throw new UsageError('--merge joins finished sites: --base-url does not apply (the parts were built with theirs)');
      setExit(await run(paths, flags, { out: flags.out, site: { baseUrl: flags.baseUrl, ...(flags.defaultLang ? { defaultLang: flags.defaultLang } : {}) } }, undefined, flags.merge));
    });
  common(cmd.command('check').description('validate facts and run every check; write nothing'))
    .action(async (paths: string[], flags: CommonFlags) => setExit(await run(paths, flags, { write: false })));
  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  try {
    await program((c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version asked for are not errors (commander's exit code 0); everything else
      // commander rejects is usage, also no command at all (the help it prints then is an error's).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isUsageError(error)) {
      process.stderr.write(`laysum: ${(error as Error).message}\n`);
      return 2;
    }
    if (isConfigError(error)) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`laysum: internal error: ${(error as Error).message}\n${process.env.LAYSUM_TRACE ? `${(error as Error).stack}\n` : 'Set LAYSUM_TRACE=1 to see where.\n'}`);
    return 2;
  }
}
