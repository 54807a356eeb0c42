/**
 * The writer (an edge): put a finished set of output files in place all at once.
 *
 * Files are written into a staging folder beside the output folder, which is then swapped in
 * with two renames, so a reader never sees a half-written output and a failed write leaves the
 * previous output as it was. The output folder is marked with `.laysum-output`; a non-empty
 * folder without the mark is never replaced (it is not ours).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators, e.g. `de/mueller-2024/easy.html`. */
  path: string;
  content: string;
}

export const OUTPUT_MARKER = '.laysum-output';

export class OutputWriteError extends Error {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${message}`, options);
    this.name = 'OutputWriteError';
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC') return 'no space left on the device';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EROFS') return 'read-only file system';
  return e.message ?? String(error);
}

function assertReplaceable(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new OutputWriteError(outDir, 'exists and is not a folder; expected a folder for the output');
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new OutputWriteError(outDir, `is not empty and was not written by laysum (no ${OUTPUT_MARKER}); choose another --out folder or empty it`);
  }
}

export function writeOutputs(outDir: string, files: readonly OutputFile[]): void {
  const target = resolve(outDir);
  assertReplaceable(target);
  const parent = dirname(target);
  let staging: string;
  try {
    mkdirSync(parent, { recursive: true });
    staging = mkdtempSync(join(parent, `.${basename(target)}.staging-`));
  } catch (error) {
    throw new OutputWriteError(parent, `cannot create the output folder: ${reason(error)}`, { cause: error });
  }
  try {
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    writeFileSync(join(staging, OUTPUT_MARKER), 'This folder is written by laysum and replaced on every build.\n');
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new OutputWriteError(target, `cannot write the output: ${reason(error)}`, { cause: error });
  }
  const old = `${staging}.old`;
  try {
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
  } catch (error) {
    if (existsSync(old) && !existsSync(target)) renameSync(old, target);
    rmSync(staging, { recursive: true, force: true });
    throw new OutputWriteError(target, `cannot replace the output folder: ${reason(error)}`, { cause: error });
  }
  rmSync(old, { recursive: true, force: true });
}
