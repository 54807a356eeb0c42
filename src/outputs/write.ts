/**
 * The writer (an edge): put a finished set of output files in place all at once.
 *
 * How. Every file is written into a staging folder beside the output folder `<out>`, named
 * `.<out>.staging-<pid>-<random>` (the pid of the writing process), which is then swapped in with
 * two renames — `<out>` → `.<out>.staging-<pid>-<random>.old`, then staging → `<out>` — and the
 * `.old` folder is removed. The output folder is marked with `.laysum-output`; a non-empty folder
 * without the mark is never replaced (it is not ours). `writeOutputs` does all of it;
 * `stageOutputs` stops before the swap, so a caller can add files made from the staged ones (PDFs
 * printed from the HTML) and then `commit()` or `abort()`.
 *
 * Guarantee, for a build that fails a check, throws, runs out of space or permissions, or whose
 * process is killed at any instant (SIGKILL included), on one machine and one file system:
 *
 * - `<out>` is always either the complete previous output or the complete new one, never a mix.
 *   The single exception is the instant between the two renames (two system calls, microseconds
 *   apart): `<out>` does not exist and the complete previous output is in `….old`. A reader in that
 *   instant gets "no such folder", never half a folder. (Linux can exchange two folders in one
 *   step, renameat2(RENAME_EXCHANGE), but Node has no call for it; a symlink swap would be atomic
 *   but would turn `<out>` into a link.)
 * - A failed write (ENOSPC, EACCES, EROFS, …) removes the staging folder and puts `<out>` back
 *   before `writeOutputs` throws an `OutputWriteError` naming the path.
 * - A process that is killed leaves at most its staging folder and, only if it died between the
 *   renames or while removing the old output, its `.old` folder. `recoverOutput` repairs that: for
 *   every `.<out>.staging-<pid>-*` folder whose process is no longer running it puts a `.old`
 *   folder back as `<out>` when `<out>` is missing, and removes the rest. `writeOutputs` runs it
 *   first, and the CLI runs it when a `build` or `site` starts, so the next build cleans up after
 *   a dead one and still succeeds. Folders of a running process (another build) are left alone;
 *   a dead build's pid taken over by another process keeps its folders until that one ends.
 * - The CLI stops on SIGINT, SIGTERM and SIGHUP by stopping the build and running `recoverOutput`
 *   for its own pid, so after those signals nothing is left beside `<out>` (see cli/main.ts).
 *
 * Not guaranteed: surviving power loss or an operating-system crash (files are not fsynced);
 * two builds writing the same `<out>` at the same time; liveness of a pid seen from another
 * machine or pid namespace (a staging folder on a shared disk whose pid is not running *here* is
 * taken for dead). And, until the pipeline prints PDFs with `stageOutputs`: `build --pdf` adds the
 * PDFs after the swap, so a build stopped while printing leaves the new output without some PDFs.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators, e.g. `de/mueller-2024/easy.html`. */
  path: string;
  content: string;
}

/**
 * A file whose text is made piece by piece while it is written, so a large one (a sitemap part of
 * 50,000 pages, 23 MB) is never whole in memory. `pieces` is gone through once.
 */
export interface StreamedFile {
  path: string;
  pieces: Iterable<string>;
}

/** What the writer takes: a file's text whole, or in pieces. */
export type WritableFile = OutputFile | StreamedFile;

/** A file's text whole (for a caller that keeps the files, such as `buildSite`). */
export function wholeFile(file: WritableFile): OutputFile {
  return 'content' in file ? file : { path: file.path, content: [...file.pieces].join('') };
}

/** How much of a streamed file's text is gathered before it goes to the disk: few system calls, little memory. */
const WRITE_CHUNK_CHARS = 1 << 20;

/** Writes `pieces` into a new file at `path` (flag `w` or `wx`) in chunks of about WRITE_CHUNK_CHARS. */
function writePieces(path: string, pieces: Iterable<string>, flag: 'w' | 'wx'): void {
  const fd = nodeFs.openSync(path, flag);
  try {
    let chunk = '';
    const flush = () => {
      const bytes = Buffer.from(chunk);
      for (let at = 0; at < bytes.length; ) at += nodeFs.writeSync(fd, bytes, at, bytes.length - at);
      chunk = '';
    };
    for (const piece of pieces) {
      chunk += piece;
      if (chunk.length >= WRITE_CHUNK_CHARS) flush();
    }
    flush();
  } finally {
    nodeFs.closeSync(fd);
  }
}

export const OUTPUT_MARKER = '.laysum-output';

export class OutputWriteError extends Error {
  constructor(
    /** The folder or file that could not be written. */
    readonly path: string,
    /** What went wrong, without the path (for a diagnostic that names the path on its own). */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${detail}`, options);
    this.name = 'OutputWriteError';
  }
}

/**
 * The file-system calls the writer makes; `writeOutputs` and `recoverOutput` take another one
 * to simulate faults (a full disk, a read-only folder) in tests.
 */
export interface OutputFs {
  existsSync(path: string): boolean;
  statSync(path: string): { isDirectory(): boolean; mtimeMs: number; dev: number };
  readdirSync(path: string): string[];
  /** Without `recursive`, fails with EEXIST when the folder exists. */
  mkdirSync(path: string, options?: { recursive: true }): void;
  /** With `exclusive`, fails with EEXIST when the file exists (it is never written through). `content` may come in pieces (a StreamedFile's). */
  writeFileSync(path: string, content: string | Iterable<string>, exclusive?: boolean): void;
  unlinkSync(path: string): void;
  /** Hard link (an incremental build reuses unchanged files of the previous output). */
  linkSync(existing: string, path: string): void;
  copyFileSync(from: string, to: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
}

export const realFs: OutputFs = {
  existsSync: (path) => nodeFs.existsSync(path),
  statSync: (path) => nodeFs.statSync(path),
  readdirSync: (path) => nodeFs.readdirSync(path),
  mkdirSync: (path, options) => void nodeFs.mkdirSync(path, options),
  writeFileSync: (path, content, exclusive) => (typeof content === 'string' ? nodeFs.writeFileSync(path, content, exclusive ? { flag: 'wx' } : undefined) : writePieces(path, content, exclusive ? 'wx' : 'w')),
  unlinkSync: (path) => nodeFs.unlinkSync(path),
  linkSync: (existing, path) => nodeFs.linkSync(existing, path),
  copyFileSync: (from, to) => nodeFs.copyFileSync(from, to),
  renameSync: (from, to) => nodeFs.renameSync(from, to),
  rmSync: (path, options) => nodeFs.rmSync(path, options),
};

/**
 * `mkdir -p`, one folder at a time, outermost first. Node's own recursive mkdir never returns
 * under procfs (`--out /proc/x/out`): mkdir there fails with ENOENT, Node reads that as "make the
 * parent first", finds the parent there, and tries again, forever, at full CPU. One at a time,
 * the first failure is the answer. (A folder that exists, or a name that is taken, is passed
 * over: the next mkdir below it says what is wrong.)
 */
export function makeFolders(path: string, fs: Pick<OutputFs, 'existsSync' | 'mkdirSync'> = realFs): void {
  const missing: string[] = [];
  for (let dir = resolve(path); !fs.existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) missing.push(dir);
  for (const dir of missing.reverse()) {
    try {
      fs.mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

const MOUNT_POINT_REMEDY = 'the output folder is swapped in by renaming, and a mount point cannot be renamed: choose a folder inside it as --out';

/** A file-system error in words (no path: the caller names it). */
export function writeErrorReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EBUSY' && e.syscall === 'rename') return `busy, a mount point or in use; ${MOUNT_POINT_REMEDY}`;
  if (e.code === 'ENOSPC') return 'no space left on the device';
  if (e.code === 'EDQUOT') return 'disk quota exceeded';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EROFS') return 'read-only file system';
  if (e.code === 'ENOTDIR' || e.code === 'EEXIST') return 'a part of the path is a file, not a folder';
  if (e.code === 'EISDIR') return 'a folder is in its place';
  if (e.code === 'ENAMETOOLONG') return 'the path is too long';
  if (e.code === 'EIO') return 'input/output error';
  // Its parent exists, yet mkdir finds no place for it: a virtual file system (/proc) or a broken link.
  if (e.code === 'ENOENT' && e.syscall === 'mkdir') return 'no folder can be made there (a virtual file system such as /proc, or a link that leads nowhere)';
  return e.message ?? String(error);
}

/**
 * The folder an output path names: `outDir` resolved, and when it is a link (`site -> /var/www/site`),
 * where the link leads, link after link. The swap renames folders, and a rename moves the link, not
 * its target: before, the link was replaced by a real folder and the folder it led to kept the old
 * output. A link that leads nowhere yet names where the output is made.
 */
export function outputFolder(outDir: string): string {
  let path = resolve(outDir);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = nodeFs.readlinkSync(path);
    } catch {
      return path; // not a link (EINVAL), or nothing there (ENOENT)
    }
    path = resolve(dirname(path), link);
  }
  return path;
}

/** A path with its links resolved, as far as it exists (a report not written yet: its folder's). */
function realPath(path: string): string {
  try {
    return nodeFs.realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/**
 * Where `path` is in the folder `outDir` names, links followed: relative to it ('' for the folder
 * itself), or undefined when outside it. What is inside goes with the folder at the next swap.
 */
export function pathInOutput(outDir: string, path: string): string | undefined {
  const rel = relative(realPath(outputFolder(outDir)), realPath(resolve(path)));
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel;
}

function assertReplaceable(outDir: string, fs: OutputFs): void {
  if (!fs.existsSync(outDir)) return;
  let entries: string[];
  try {
    const stat = fs.statSync(outDir);
    if (!stat.isDirectory()) throw new OutputWriteError(outDir, 'exists and is not a folder; expected a folder for the output');
    // A mount point (a Docker volume, a disk of its own) cannot be renamed, and the swap renames the output
    // folder: said before the build, not as EBUSY after it. (A bind mount within one file system shows no
    // other device; its rename fails with EBUSY, worded the same by writeErrorReason.)
    if (stat.dev !== fs.statSync(dirname(outDir)).dev) throw new OutputWriteError(outDir, `is a mount point; ${MOUNT_POINT_REMEDY}`);
    entries = fs.readdirSync(outDir);
  } catch (error) {
    if (error instanceof OutputWriteError) throw error;
    throw new OutputWriteError(outDir, `cannot read the output folder: ${writeErrorReason(error)}`, { cause: error });
  }
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new OutputWriteError(outDir, `is not empty and was not written by laysum (no ${OUTPUT_MARKER}); choose another --out folder or empty it`);
  }
}

/** Whether a process is running (on this machine, in this pid namespace). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Creates `.<out>.staging-<pid>-<6 random letters or digits>` beside the output folder. (Not
 * mkdtemp: it makes the folder 0700, and the folder becomes the output; mkdir follows the umask.)
 */
function makeStagingFolder(target: string, fs: OutputFs): string {
  for (let attempt = 0; ; attempt++) {
    const suffix = [...randomBytes(6)].map((b) => ALNUM[b % ALNUM.length]).join('');
    const path = join(dirname(target), `.${basename(target)}.staging-${process.pid}-${suffix}`);
    try {
      fs.mkdirSync(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw error;
    }
  }
}

export interface Recovery {
  /** The `.old` folder that was put back as the output folder (it was missing). */
  restored?: string;
  /** Staging and `.old` folders removed. */
  removed: string[];
  /** Folders that could not be put back or removed, with the reason. */
  failed: { path: string; reason: string }[];
}

/**
 * Cleans up after a build that was killed while writing `outDir`: its staging folders
 * (`.<out>.staging-<pid>-<random>`) and `.old` folders beside `outDir`. `owner` picks whose:
 * `'dead'` — every process that is no longer running (never this one); a pid — that process only
 * (the CLI uses its own after stopping its build on a signal). When `outDir` is missing, the
 * newest `.old` folder is put back in its place first; the rest are removed. Never throws: what
 * cannot be done is listed in `failed` (and the output folder stays as it was).
 */
export function recoverOutput(outDir: string, owner: 'dead' | number = 'dead', fs: OutputFs = realFs): Recovery {
  const target = outputFolder(outDir);
  const parent = dirname(target);
  const result: Recovery = { removed: [], failed: [] };
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return result;
  }
  const prefix = `.${basename(target)}.staging-`;
  const litter = names.flatMap((name) => {
    if (!name.startsWith(prefix)) return [];
    const match = /^(\d+)-[A-Za-z0-9]{6}(\.old)?$/.exec(name.slice(prefix.length));
    if (!match) return [];
    const pid = Number(match[1]);
    if (owner === 'dead' ? isRunning(pid) : pid !== owner) return [];
    return [{ path: join(parent, name), old: match[2] !== undefined }];
  });
  const olds = litter.filter((l) => l.old);
  if (olds.length && !fs.existsSync(target)) {
    const mtime = (path: string) => {
      try {
        return fs.statSync(path).mtimeMs;
      } catch {
        return -Infinity;
      }
    };
    const newest = olds.reduce((a, b) => (mtime(b.path) > mtime(a.path) ? b : a));
    try {
      fs.renameSync(newest.path, target);
      result.restored = newest.path;
      litter.splice(litter.indexOf(newest), 1);
    } catch (error) {
      // Keep every `.old` folder: one of them is the only copy of the previous output.
      result.failed.push({ path: newest.path, reason: `cannot put it back as ${target}: ${writeErrorReason(error)}` });
      for (const o of olds) litter.splice(litter.indexOf(o), 1);
    }
  }
  for (const { path } of litter) {
    try {
      fs.rmSync(path, { recursive: true, force: true });
      result.removed.push(path);
    } catch (error) {
      result.failed.push({ path, reason: `cannot remove it: ${writeErrorReason(error)}` });
    }
  }
  return result;
}

function removeQuietly(path: string, fs: OutputFs): void {
  try {
    fs.rmSync(path, { recursive: true, force: true });
  } catch {
    // Left behind; `recoverOutput` removes it once this process has ended.
  }
}

/** A complete output written to its staging folder, not yet in place. */
export interface StagedOutput {
  /** The staging folder: more files (PDFs printed from the staged HTML) may be added here. */
  readonly dir: string;
  /** Swaps the staged output in for `outDir` (throws `OutputWriteError`; then nothing was replaced). */
  commit(): void;
  /** Removes the staging folder; `outDir` stays as it was. */
  abort(): void;
}

/** The marker's text when the caller gives no manifest. */
const MARKER_TEXT = 'This folder is written by laysum and replaced on every build.\n';

function checkRelativePath(target: string, path: string): void {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..') || path.includes('\\')) {
    throw new OutputWriteError(target, `output file path \`${path}\` is not a plain relative path`);
  }
}

/**
 * Writes files into a folder (a staging folder), making sub-folders as needed; `made` remembers the
 * folders already there, so a batch makes each once. Throws the file-system error; the caller
 * names the path and cleans up. Used by the build's worker threads, which all write into the one
 * staging folder of the build (each study into its own sub-folders).
 */
const MADE_FOLDERS_LIMIT = 1_000;

export function writeFilesInto(dir: string, files: Iterable<WritableFile>, fs: OutputFs = realFs, made: Set<string> = new Set()): void {
  for (const file of files) {
    const content = 'content' in file ? file.content : file.pieces;
    checkRelativePath(dir, file.path);
    const path = join(dir, ...file.path.split('/'));
    const parent = dirname(path);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      // Each study writes into folders of its own: only the last few are worth remembering.
      if (made.size >= MADE_FOLDERS_LIMIT) made.clear();
      made.add(parent);
    }
    // A file already there may be a hard link to the previous output (`reuse`): writing through it
    // would change the previous output. So a new file is always a new inode: created exclusively, and
    // where a file is in the way (a reused file another study now writes), that entry is removed first.
    // (EEXIST comes from opening the file, before any piece is taken: the pieces are all there for the second try.)
    try {
      fs.writeFileSync(path, content, true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      fs.unlinkSync(path);
      fs.writeFileSync(path, content, true);
    }
  }
}

/** A staging folder beside the output folder, filled step by step, then swapped in or dropped. */
export interface StagingFolder {
  readonly dir: string;
  /** The output folder it replaces (absolute). */
  readonly target: string;
  /**
   * Writes files, each as it comes (a generator's files are made one at a time, while the ones
   * before are on the disk), and returns how many. Throws `OutputWriteError` naming the file; the
   * staging folder is then removed. What the generator of the files throws between two files is thrown as it is.
   */
  write(files: Iterable<WritableFile>): number;
  /** Files of the current output folder (or of `from`, another output folder), unchanged, into the
   *  staging folder: hard links where the file system allows, else copies (throws like `write`). */
  reuse(paths: readonly string[], from?: string): void;
  /** Writes the marker (with `manifest` as its text, if given; not at all when the caller has written it) and swaps the staging folder in. */
  commit(manifest?: string, options?: { markerWritten?: boolean }): void;
  /** Removes the staging folder; the output folder stays as it was. */
  abort(): void;
}

/**
 * Opens a staging folder for `outDir`: removes what dead builds left, refuses an output folder
 * laysum did not write, creates `.<out>.staging-<pid>-<random>`. Throws `OutputWriteError`.
 */
export function openStaging(outDir: string, fs: OutputFs = realFs): StagingFolder {
  const target = outputFolder(outDir);
  recoverOutput(target, 'dead', fs);
  assertReplaceable(target, fs);
  const parent = dirname(target);
  // Folders this build creates above the output folder go again if it fails: a failed build leaves nothing.
  const created: string[] = [];
  for (let dir = parent; !fs.existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) created.push(dir);
  let staging: string;
  const removeCreated = () => {
    for (const dir of created) {
      try {
        if (fs.readdirSync(dir).length === 0) fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // Gone already, or not ours to remove.
      }
    }
  };
  try {
    makeFolders(parent, fs);
    staging = makeStagingFolder(target, fs);
  } catch (error) {
    removeCreated();
    throw new OutputWriteError(parent, `cannot create the output folder: ${writeErrorReason(error)}`, { cause: error });
  }
  const made = new Set<string>([staging]);
  let done = false;
  const drop = () => {
    removeQuietly(staging, fs);
    removeCreated();
  };
  const failed = (current: string, error: unknown): never => {
    done = true;
    drop();
    if (error instanceof OutputWriteError) throw error;
    throw new OutputWriteError(target, `cannot write the output (${current}): ${writeErrorReason(error)}; nothing was replaced`, { cause: error });
  };
  return {
    dir: staging,
    target,
    write(files) {
      let written = 0;
      for (const file of files) {
        try {
          writeFilesInto(staging, [file], fs, made);
        } catch (error) {
          failed(file.path, error);
        }
        written++;
      }
      return written;
    },
    reuse(paths, fromDir = target) {
      for (const path of paths) {
        try {
          checkRelativePath(target, path);
          const from = join(fromDir, ...path.split('/'));
          const to = join(staging, ...path.split('/'));
          if (!made.has(dirname(to))) {
            fs.mkdirSync(dirname(to), { recursive: true });
            made.add(dirname(to));
          }
          try {
            fs.linkSync(from, to);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw error;
            fs.copyFileSync(from, to);
          }
        } catch (error) {
          failed(path, error);
        }
      }
    },
    commit(manifest, options = {}) {
      if (done) throw new Error('this staged output was already committed or aborted');
      try {
        if (!options.markerWritten) fs.writeFileSync(join(staging, OUTPUT_MARKER), manifest ?? MARKER_TEXT);
      } catch (error) {
        failed(OUTPUT_MARKER, error);
      }
      done = true;
      swapIn(staging, target, fs);
    },
    abort() {
      if (done) return;
      done = true;
      drop();
    },
  };
}

/**
 * Writes `files` into a staging folder beside `outDir` and returns it, for a caller that still
 * adds files before the swap; `commit()` puts it in place, `abort()` drops it. Throws
 * `OutputWriteError`, naming the path, when the folder cannot be written (nothing is left behind).
 */
export function stageOutputs(outDir: string, files: readonly OutputFile[], fs: OutputFs = realFs): StagedOutput {
  const target = outputFolder(outDir);
  for (const file of files) checkRelativePath(target, file.path);
  const staging = openStaging(outDir, fs);
  staging.write(files);
  return { dir: staging.dir, commit: () => staging.commit(), abort: () => staging.abort() };
}

/** The two renames: `target` → `<staging>.old`, `staging` → `target`; then the old folder goes. */
function swapIn(staging: string, target: string, fs: OutputFs): void {
  const old = `${staging}.old`;
  let moved = false;
  try {
    if (fs.existsSync(target)) {
      fs.renameSync(target, old);
      moved = true;
    }
    fs.renameSync(staging, target);
  } catch (error) {
    let kept = 'nothing was replaced';
    if (moved && !fs.existsSync(target)) {
      try {
        fs.renameSync(old, target);
      } catch {
        kept = `the previous output is in ${old}`;
      }
    }
    removeQuietly(staging, fs);
    throw new OutputWriteError(target, `cannot replace the output folder: ${writeErrorReason(error)}; ${kept}`, { cause: error });
  }
  // The new output is in place; an old folder that cannot be removed is litter, not a failed build.
  if (moved) removeQuietly(old, fs);
}

/**
 * Writes `files` as the whole content of `outDir`, replacing what was there (see the guarantee
 * above). Throws `OutputWriteError`, naming the path, when the folder cannot be written.
 */
export function writeOutputs(outDir: string, files: readonly OutputFile[], fs: OutputFs = realFs): void {
  stageOutputs(outDir, files, fs).commit();
}
