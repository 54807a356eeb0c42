/**
 * PDF printing (an edge): leaflet HTML files → PDFs, through a headless Chromium.
 *
 *   await printPdfs([{ htmlPath: 'out/zh/mueller-2024/leaflet.html', pdfPath: 'out/zh/mueller-2024/leaflet.pdf' }])
 *   → writes the PDF (A4, backgrounds, the document's own @page size and margins)
 *
 * laysum uses the system's Chromium (Debian: `chromium`, with `fonts-noto-cjk` for Chinese)
 * through playwright-core, which downloads no browser of its own. One browser serves all jobs
 * and is closed whatever happens. The page may load only local files: a leaflet is
 * self-contained, so any other request is a bug and is refused rather than fetched.
 * playwright-core is loaded only when there is something to print: loading it costs every
 * thread of a batch build about 85 MB of memory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readErrorReason } from '../diagnostics/index.js';

/** The date PDFs are stamped with when SOURCE_DATE_EPOCH is not set: 1 January 2000, UTC. */
export const DEFAULT_PDF_DATE = new Date(Date.UTC(2000, 0, 1));
/** The last second a PDF date can hold (its year has four digits): 9999-12-31 23:59:59 UTC. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/** SOURCE_DATE_EPOCH is set to something that is not a time laysum can stamp: bad input, exit 2. */
export class SourceDateEpochError extends Error {
  constructor(readonly value: string) {
    super(
      `SOURCE_DATE_EPOCH is ${value === '' ? 'set but empty' : `\`${value}\``}; expected whole seconds since 1970-01-01 00:00 UTC, as \`date +%s\` prints them (0 to ${MAX_SOURCE_DATE_EPOCH}), or unset it for 2000-01-01`,
    );
    this.name = 'SourceDateEpochError';
  }
}

/**
 * The creation and modification date of every PDF: SOURCE_DATE_EPOCH when set (the convention of
 * reproducible builds: an integer number of seconds since 1970, nothing else), else 1 January 2000.
 * A value that is not such a number is refused, never read as another date: `abc` and `1.5` would
 * silently stamp another time than the caller asked for (and an empty value 1970).
 */
export function pdfDate(value: string | undefined = process.env.SOURCE_DATE_EPOCH): Date {
  if (value === undefined) return DEFAULT_PDF_DATE;
  if (!/^\d{1,12}$/.test(value) || Number(value) > MAX_SOURCE_DATE_EPOCH) throw new SourceDateEpochError(value);
  return new Date(Number(value) * 1000);
}

/**
 * The same PDF for the same leaflet: Chromium stamps the time of printing as the creation and
 * modification date. Each is set to one fixed time (`pdfDate()`: SOURCE_DATE_EPOCH when set, else
 * 1 January 2000), written in as many bytes, so the cross-reference table's offsets stay right.
 */
export function withFixedDates(pdf: Buffer, when: Date = pdfDate()): Buffer {
  const stamp = when.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const text = pdf.toString('latin1');
  // The zone keeps its length: `+08'00'` becomes `+00'00'` (the stamp is UTC), `Z` stays.
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}([^)]*)\)/g, (_m, name: string, zone: string) => `/${name} (D:${stamp}${zone.length === 7 ? "+00'00'" : zone})`);
  return Buffer.from(fixed, 'latin1');
}

export const DEBIAN_BROWSER_PACKAGES = 'chromium fonts-noto-cjk';
/** Where laysum looks for Chromium unless LAYSUM_CHROMIUM says otherwise (Debian's package puts it there). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * A browser path as a message names it, and what to do when there is no working browser there.
 * A path the user chose with LAYSUM_CHROMIUM is named with the variable: installing Chromium would
 * not put one there, so the apt package is laysum's own path's remedy only.
 */
function browserPlace(executablePath: string): { where: string; remedy: string } {
  if (process.env.LAYSUM_CHROMIUM !== undefined && executablePath === process.env.LAYSUM_CHROMIUM) {
    return { where: `${executablePath || '""'} (LAYSUM_CHROMIUM)`, remedy: `set LAYSUM_CHROMIUM to the path of a Chromium executable, or unset it for ${DEFAULT_CHROMIUM_PATH}` };
  }
  return { where: executablePath, remedy: `install it with \`apt-get install -y ${DEBIAN_BROWSER_PACKAGES}\` or set LAYSUM_CHROMIUM to its path` };
}

/** The Chromium executable is not where it should be: an environment problem, fixed by installing it or by pointing LAYSUM_CHROMIUM at it. */
export class BrowserNotFoundError extends Error {
  /** The path as messages name it (with LAYSUM_CHROMIUM when it comes from there). */
  readonly where: string;
  /** What to do to get a browser there. */
  readonly remedy: string;
  constructor(readonly executablePath: string) {
    const { where, remedy } = browserPlace(executablePath);
    super(`no Chromium at ${where}; ${remedy}`);
    this.name = 'BrowserNotFoundError';
    this.where = where;
    this.remedy = remedy;
  }
}

/** The browser does not say which it is (`--version` fails): it would not print either. Bad input, exit 2. */
export class BrowserIdentityError extends Error {
  constructor(executablePath: string, reason: string) {
    const { where, remedy } = browserPlace(executablePath);
    super(`cannot tell which browser is at ${where}: \`--version\` ${reason}; ${remedy}`);
    this.name = 'BrowserIdentityError';
  }
}

/** Long enough for a cold start on a busy machine (Chromium answers in a quarter of a second); a build never waits on a stuck one for ever. */
const VERSION_TIMEOUT_MS = 20_000;

/**
 * Which browser prints: its real path (through links) and what its `--version` says (an upgrade
 * keeps the path and changes the version). Part of the build's settings, so that an incremental
 * build prints again what another browser printed. It costs a process: asked once per build, and
 * only by a build that prints.
 */
export function browserIdentity(executablePath: string = defaultChromiumPath()): string {
  let real: string;
  try {
    real = realpathSync(executablePath);
  } catch (error) {
    throw new BrowserIdentityError(executablePath, `cannot be run: ${readErrorReason(error)}`);
  }
  const run = spawnSync(executablePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: VERSION_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const said = run.stdout?.trim() ?? '';
  const complaint = run.stderr?.trim().split('\n')[0];
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new BrowserIdentityError(executablePath, `did not answer within ${VERSION_TIMEOUT_MS / 1000} s`);
  if (run.error) throw new BrowserIdentityError(executablePath, `cannot be run: ${readErrorReason(run.error)}`);
  if (run.status !== 0) throw new BrowserIdentityError(executablePath, `${run.status === null ? `was stopped by ${run.signal}` : `exited with code ${run.status}`}${complaint ? ` (${complaint})` : ''}`);
  if (!said) throw new BrowserIdentityError(executablePath, 'printed nothing');
  return `${real}\n${said}`;
}

export interface PdfJob {
  /** The HTML document to print. */
  htmlPath: string;
  /** Where the PDF goes; its folder is created when missing. */
  pdfPath: string;
}

export interface PrintOptions {
  /** Chromium executable; default `LAYSUM_CHROMIUM` or `/usr/bin/chromium`. */
  executablePath?: string;
  /** Creation and modification date of every PDF; default `pdfDate()` (SOURCE_DATE_EPOCH or 2000-01-01). */
  date?: Date;
}

/** Flags for a quiet, offline, unprivileged headless run (containers have no sandbox and no GPU). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function defaultChromiumPath(): string {
  return process.env.LAYSUM_CHROMIUM ?? DEFAULT_CHROMIUM_PATH;
}

/** A printed PDF and its number of pages (undefined if the file does not say). */
export interface PrintedPdf {
  pdfPath: string;
  pages: number | undefined;
}

/**
 * The number of pages of a PDF as Chromium writes it: one `/Type /Page` dictionary per page, no
 * object streams. Undefined for a PDF that has none (another producer), rather than a guess.
 */
export function pdfPageCount(pdf: Uint8Array): number | undefined {
  const pages = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  return pages > 0 ? pages : undefined;
}

export async function printPdfs(jobs: readonly PdfJob[], options: PrintOptions = {}): Promise<PrintedPdf[]> {
  const executablePath = options.executablePath ?? defaultChromiumPath();
  if (!existsSync(executablePath)) throw new BrowserNotFoundError(executablePath);
  const date = options.date ?? pdfDate();
  if (jobs.length === 0) return [];
  const printed: PrintedPdf[] = [];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ offline: true });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient')));
    for (const job of jobs) {
      const page = await context.newPage();
      try {
        await page.goto(pathToFileURL(resolve(job.htmlPath)).href, { waitUntil: 'load' });
        // Fonts (system CJK fonts included) must be ready before layout is printed.
        await page.evaluate('document.fonts.ready.then(() => true)');
        mkdirSync(dirname(resolve(job.pdfPath)), { recursive: true });
        const pdf = withFixedDates(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }), date);
        writeFileSync(job.pdfPath, pdf);
        printed.push({ pdfPath: job.pdfPath, pages: pdfPageCount(pdf) });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return printed;
}
