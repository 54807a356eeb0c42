/**
 * The `laysum` command: a thin shell over `build` / `check` that parses flags, shows progress
 * on a terminal, prints diagnostics and sets the exit code (0 ok, 1 a check failed, 2 bad
 * input or usage).
 */
import { Command, CommanderError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { build, UsageError, type BuildOptions, type BuildReport, type OutputFormat } from '../pipeline/index.js';
import { readUtf8 } from '../pipeline/load.js';
import { parsePressConfig, type PressConfig } from '../outputs/index.js';
import { formatDiagnostic } from '../diagnostics/index.js';
import { loadProject, ProjectConfigError } from '../project/index.js';
import { reportHtml, reportTable } from '../report/index.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

interface BuildFlags {
  out: string;
  format: string;
  pressConfig?: string;
  pdf?: boolean | string;
}

const FORMATS: OutputFormat[] = ['summary', 'press', 'leaflet'];

/** --format and --press-config → build options; bad values are usage errors. */
function formatOptions(flags: BuildFlags): Partial<BuildOptions> {
  const formats = list(flags.format) ?? [];
  const unknown = formats.filter((f) => !FORMATS.includes(f as OutputFormat));
  if (unknown.length || formats.length === 0) throw new UsageError(`unknown format ${unknown.map((f) => `\`${f}\``).join(', ') || '(none)'}; expected one or more of ${FORMATS.join(', ')}`);
  let press: PressConfig | undefined;
  if (flags.pressConfig) {
    const read = readUtf8(flags.pressConfig, 'press config');
    if (read.diagnostic) throw new UsageError(formatDiagnostic(read.diagnostic));
    const parsed = parsePressConfig(read.text!, flags.pressConfig);
    if (!parsed.config) throw new UsageError(parsed.diagnostics.map(formatDiagnostic).join('\n'));
    press = parsed.config;
  }
  if (flags.pdf !== undefined && flags.pdf !== true && flags.pdf !== 'auto') throw new UsageError(`--pdf ${String(flags.pdf)}: expected --pdf or --pdf auto`);
  if (flags.pdf && !formats.includes('leaflet')) throw new UsageError('--pdf prints leaflets; add --format leaflet');
  return { formats: formats as OutputFormat[], ...(press ? { press } : {}), ...(flags.pdf ? { pdf: flags.pdf === 'auto' ? 'auto' : true } : {}) };
}

interface CommonFlags {
  project?: string;
  report?: string;
  lang?: string;
  level?: string;
  quiet?: boolean;
  json?: boolean;
}

const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);

function summaryLine(report: BuildReport): string {
  const summaries = report.studies.reduce((n, s) => n + s.summaries.length, 0);
  const count = (sev: string) => report.diagnostics.filter((d) => d.severity === sev).length;
  const what = report.out !== undefined ? (report.written ? `${report.written} files written to ${report.out}/` : 'nothing written') : 'checked, nothing written';
  return `laysum: ${report.studies.length} studies, ${summaries} summaries; ${what}; ${count('error')} errors, ${count('warning')} warnings`;
}

function writeReport(path: string, report: BuildReport): void {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, reportHtml(report));
  } catch (error) {
    throw new UsageError(`--report ${path}: cannot write the report: ${(error as Error).message}`);
  }
}

function loadProjectOrFail(dir: string) {
  try {
    return loadProject(dir);
  } catch (error) {
    if (error instanceof ProjectConfigError) throw error;
    throw new UsageError(`--project ${dir}: cannot load locales/ and templates/: ${(error as Error).message}`);
  }
}

async function run(paths: string[], flags: CommonFlags, options: Partial<BuildOptions>): Promise<number> {
  const interactive = process.stderr.isTTY && !flags.quiet && !flags.json;
  const bar = interactive ? new cliProgress.SingleBar({ format: 'laysum {bar} {value}/{total} studies {study}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  let started = false;
  const report = await build({
    inputs: paths,
    ...options,
    ...(flags.project ? { project: loadProjectOrFail(flags.project) } : {}),
    ...(flags.lang ? { langs: list(flags.lang) } : {}),
    ...(flags.level ? { levels: list(flags.level) } : {}),
    onProgress: (done, total, study) => {
      if (!bar) return;
      if (!started) bar.start(total, 0, { study });
      started = true;
      bar.update(done, { study });
    },
  }).finally(() => bar?.stop());
  if (flags.report) writeReport(flags.report, report);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.exitCode;
  }
  for (const d of report.diagnostics) {
    if (flags.quiet && d.severity !== 'error') continue;
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  }
  if (!flags.quiet && options.write === false && report.studies.length) process.stdout.write(`${reportTable(report)}\n`);
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
      .option('-q, --quiet', 'print errors only')
      .option('--json', 'print a machine-readable report on stdout');
  common(cmd.command('build').description('render every study × language × level to Markdown and HTML, after all checks pass'))
    .option('-o, --out <dir>', 'output folder (replaced as a whole on success)', 'out')
    .option('--format <names>', 'what to write, comma-separated: summary, press, leaflet', 'summary')
    .option('--pdf [when]', 'also print each leaflet to PDF with Chromium (apt-get install chromium fonts-noto-cjk); `--pdf auto` skips it with a warning when no Chromium is installed')
    .option('--press-config <file>', 'notes to editors for press summaries (YAML)')
    .action(async (paths: string[], flags: CommonFlags & BuildFlags) => setExit(await run(paths, flags, { out: flags.out, ...formatOptions(flags) })));
  common(cmd.command('site').description('build the outreach site: every study × language × level, with switchers, sitemap and robots.txt'))
    .option('-o, --out <dir>', 'output folder (replaced as a whole on success)', 'site')
    .option('--base-url <url>', 'absolute URL the site is published under, with any subpath (for canonical and hreflang links)', 'https://example.org/')
    .option('--default-lang <code>', 'language for x-default (default: the first language)')
    .action(async (paths: string[], flags: CommonFlags & { out: string; baseUrl: string; defaultLang?: string }) =>
      setExit(await run(paths, flags, { out: flags.out, site: { baseUrl: flags.baseUrl, ...(flags.defaultLang ? { defaultLang: flags.defaultLang } : {}) } })),
    );
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
      // Help and version are not errors; everything else commander rejects is usage.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof ProjectConfigError) {
      process.stderr.write(`laysum: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`laysum: internal error: ${(error as Error).message}\n${process.env.LAYSUM_TRACE ? `${(error as Error).stack}\n` : 'Set LAYSUM_TRACE=1 to see where.\n'}`);
    return 2;
  }
}
