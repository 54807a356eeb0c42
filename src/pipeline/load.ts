/**
 * Reading inputs (an edge): facts files from the paths given, and the source texts they name.
 * Every problem becomes an `input` diagnostic naming the path; nothing here throws.
 *
 * What a facts file may make laysum read is bounded: a source path must lead to a regular file
 * (not a folder, a device or a FIFO that would block the read forever) inside the facts file's
 * folder tree — no `..` out of it, no absolute path, no link that leads out — of at most
 * MAX_INPUT_BYTES.
 */
import { readdirSync, readFileSync, realpathSync as jsRealpathSync, statSync } from 'node:fs';

/** realpath(3) in one call: node's own walks the path with an lstat per folder, for every file of a batch. */
const realpathSync = jsRealpathSync.native;
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { diagnostic, readErrorReason, type Diagnostic } from '../diagnostics/index.js';
import type { Locator, StudyFacts } from '../facts/index.js';
import { sizeLabel } from '../facts/parse.js';

const FACTS_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Largest file read at all (a source text can be a whole paper; facts files have their own, lower limit). */
export const MAX_INPUT_BYTES = 10_000_000;
/** `*.config.yaml` files (e.g. the press config) live beside facts files but are not studies. */
const isConfigFile = (name: string) => /\.config\.(ya?ml|json)$/.test(name);

function readError(path: string, error: unknown, what: string): Diagnostic {
  return diagnostic({ ruleId: 'input/read', kind: 'input', severity: 'error', message: `cannot read ${what}: ${readErrorReason(error)}`, place: { file: path } });
}

/**
 * Facts files under the given files and folders, sorted, each once. A file given by name that is
 * no facts file by its extension is an error naming it; in a folder, such files are skipped. Folders are searched
 * recursively, through links as through folders (each real folder once, so a link loop ends); a
 * folder or link that cannot be read is reported by its own path and the search goes on.
 */
export function collectFactsFiles(inputs: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  // By the real file: one named twice (`in ./in/a.yaml`, `in $PWD/in/a.yaml`, a link beside it) is one
  // study, not two with the same id. Of its names the one without a link in it is kept, else the first in
  // sort order: the same name whatever order the folders are read in.
  const byReal = new Map<string, string>();
  const found = {
    add(path: string) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        real = resolve(path);
      }
      const rank = (name: string) => [resolve(name) === real ? 0 : 1, name] as const;
      const name = byReal.get(real);
      if (name === undefined) return void byReal.set(real, path);
      const [a, b] = [rank(path), rank(name)];
      if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) byReal.set(real, path);
    },
  };
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const isFacts = (name: string) => FACTS_EXTENSIONS.has(extname(name)) && !isConfigFile(name);
  const walk = (dir: string) => {
    let entries;
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(readError(dir, error, 'folder'));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(path);
        } catch (error) {
          diagnostics.push(readError(path, error, 'link'));
          continue;
        }
        if (target.isDirectory()) walk(path);
        else if (isFacts(entry.name)) found.add(path);
      }
      // A FIFO, socket or device named like a facts file is taken too: reading it refuses it with a reason, not passes it over.
      else if (isFacts(entry.name)) found.add(path);
    }
  };
  for (const input of inputs) {
    try {
      if (statSync(input).isDirectory()) walk(input);
      else if (isFacts(input)) found.add(input);
      // Named by hand or by a shell glob (`studies/*`): a README beside the studies is not read as facts, and not passed over in silence.
      else if (!isConfigFile(input)) diagnostics.push(diagnostic({ ruleId: 'input/not-facts', kind: 'input', severity: 'error', message: 'not a facts file: expected .yaml, .yml or .json', place: { file: input } }));
    } catch (error) {
      diagnostics.push(readError(input, error, 'input'));
    }
  }
  return { files: [...byReal.values()].sort(), diagnostics };
}

/** Throws at the first byte that is not UTF-8. One for every read: a decoder costs more to make than a study's file to decode. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a text file as UTF-8; invalid UTF-8 is an error, never silently replaced. Only regular
 * files of at most `maxBytes` are read: a FIFO would block the read, `/dev/zero` never end.
 */
export function readUtf8(path: string, what: string, maxBytes = MAX_INPUT_BYTES): { text?: string; diagnostic?: Diagnostic } {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { diagnostic: diagnostic({ ruleId: 'input/read', kind: 'input', severity: 'error', message: `cannot read ${what}: is a folder`, place: { file: path } }) };
    if (!stat.isFile()) {
      return { diagnostic: diagnostic({ ruleId: 'input/read', kind: 'input', severity: 'error', message: `cannot read ${what}: not a regular file (a device, FIFO or socket); expected a text file`, place: { file: path } }) };
    }
    if (stat.size > maxBytes) {
      return { diagnostic: diagnostic({ ruleId: 'input/read', kind: 'input', severity: 'error', message: `cannot read ${what}: it is ${sizeLabel(stat.size)}, larger than the limit of ${sizeLabel(maxBytes)}`, place: { file: path } }) };
    }
    bytes = readFileSync(path);
  } catch (error) {
    return { diagnostic: readError(path, error, what) };
  }
  try {
    const text = STRICT_UTF8.decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { diagnostic: diagnostic({ ruleId: 'input/encoding', kind: 'input', severity: 'error', message: `${what} is not valid UTF-8 at byte ${at.byte}; save it as UTF-8`, place: { file: path, line: at.line } }) };
  }
}

/** Where the first byte that is not UTF-8 is: its line (1-based) and byte offset (0-based). */
function firstInvalidUtf8(bytes: Buffer): { line: number; byte: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  let byte = 0;
  let from = 0;
  for (;;) {
    const i = text.indexOf('\uFFFD', from);
    if (i < 0) break;
    byte = Buffer.byteLength(text.slice(0, i));
    // A replacement character written in the file (EF BF BD) is text, not the fault.
    if (!(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) break;
    from = i + 1;
  }
  let line = 1;
  for (let k = 0; k < byte; k++) if (bytes[k] === 0x0a) line++;
  return { line, byte };
}

/** Source texts named in the facts, each resolved inside the facts file's folder tree. */
export function readSourceTexts(facts: Pick<StudyFacts, 'id'> & { sources: readonly { id: string; path: string }[] }, factsFile: string, locate: Locator = () => undefined): { texts: Map<string, string>; diagnostics: Diagnostic[] } {
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const base = dirname(resolve(factsFile));
  // Links are judged by where they really lead, against where the folder really is (it may itself be reached through a link).
  let realBase = base;
  try {
    realBase = realpathSync(base);
  } catch {
    // The facts file was just read from this folder; if it is gone now, the reads below say so.
  }
  const within = (root: string, p: string) => {
    const rel = relative(root, p);
    return !(rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel));
  };
  facts.sources.forEach((source, i) => {
    // Made only for a message: a position reads the file again (src/facts).
    const place = () => ({ file: factsFile, path: `sources[${i}].path`, study: facts.id, ...(locate(['sources', i, 'path']) ?? {}) });
    const target = resolve(base, source.path);
    if (isAbsolute(source.path) || !within(base, target)) {
      diagnostics.push(diagnostic({ ruleId: 'input/source-path', kind: 'input', severity: 'error', message: `source path \`${source.path}\` leads outside the facts file's folder; expected a relative path inside it`, place: place() }));
      return;
    }
    try {
      if (!within(realBase, realpathSync(target))) {
        diagnostics.push(diagnostic({ ruleId: 'input/source-path', kind: 'input', severity: 'error', message: `source path \`${source.path}\` is a link that leads outside the facts file's folder`, place: place() }));
        return;
      }
    } catch {
      // Not there: reported by the read below with its path.
    }
    const { text, diagnostic: problem } = readUtf8(target, `source text \`${source.id}\``);
    if (problem) diagnostics.push({ ...problem, message: `${problem.message} (${factsFile}, sources[${i}].path)`, place: { file: relative(process.cwd(), target) || target, ...(problem.place.line ? { line: problem.place.line } : {}), study: facts.id } });
    else texts.set(source.id, text!);
  });
  return { texts, diagnostics };
}
