/**
 * Text of a facts file → validated `StudyFacts`, or diagnostics that name the file,
 * the field path, the line:column and what was expected.
 *
 *   parseStudyFacts('id: Bad Id\n…', 'samples/x.yaml')
 *   → { diagnostics: [{ message: 'expected a slug …', place: { file, line: 1, column: 5, path: 'id' } }] }
 *
 * YAML and JSON both go through the `yaml` parser (JSON is YAML 1.2), which keeps the
 * source range of every node; JSON is first parsed strictly so that JSON-only syntax errors
 * (trailing commas, comments) are reported as such. A plain file that is valid is read by a
 * faster reader first (plain-yaml.ts), and the `yaml` document is made only when a position
 * is asked for.
 *
 * Hostile files are bad input with a message, never a crash or a hang:
 * - larger than MAX_FACTS_BYTES: rejected before parsing;
 * - nested deeper than MAX_NESTING (`[[[[…`, which the YAML composer would recurse into until
 *   the stack overflows, using hundreds of MB on the way): rejected after a cheap lexer pass;
 * - aliases that expand exponentially ("billion laughs"): expansion stops at MAX_ALIAS_COUNT;
 * - duplicate keys: a YAML error, in JSON too;
 * - `__proto__`, `constructor`, `prototype` keys: `yaml` defines them as own properties (no
 *   prototype is touched) and the schema rejects them as unknown fields (a `__proto__` key of a
 *   per-language text, which zod drops silently, is reported here);
 * - YAML 1.1 (`%YAML 1.1`), where `n: 5` reads as `false: 5`: refused;
 * - keys and parser messages are made printable before they go into a message (a key with
 *   an escape sequence could otherwise rewrite the terminal that shows it).
 */
import { isMap, isSeq, Lexer, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics/index.js';
import { printable, printablePath } from './characters.js';
import { partialFacts, type PartialFacts } from './partial.js';
import { readPlainYaml } from './plain-yaml.js';
import { StudyFacts } from './schema.js';

/** Largest facts file accepted; a study is a few KB, so this only stops accidents and abuse. */
export const MAX_FACTS_BYTES = 1_000_000;
/** Deepest nesting of `[…]`/`{…}` accepted; a study needs five levels. */
export const MAX_NESTING = 32;
/** Most nodes that aliases (`*name`) may expand to; see `maxAliasCount` in the `yaml` docs. */
export const MAX_ALIAS_COUNT = 100;
/** YAML errors reported per file; the rest are counted. Random bytes give hundreds. */
const MAX_SYNTAX_ERRORS = 10;

export interface Position {
  line: number;
  column: number;
}

/** Finds the line:column of a field path in the file it came from. */
export type Locator = (path: readonly PropertyKey[]) => Position | undefined;

export interface ParsedFacts {
  file: string;
  facts?: StudyFacts;
  /**
   * When validation failed: the facts with the failing fields left out or given stand-ins, and
   * their paths (partial.ts). Never rendered; the consistency checks run on it, so one run reports
   * every problem of the file, not the schema's alone.
   */
  partial?: PartialFacts;
  locate: Locator;
  diagnostics: Diagnostic[];
}

const noPosition: Locator = () => undefined;

function inputError(file: string, message: string, extra: { line?: number; column?: number; path?: string } = {}): Diagnostic {
  return diagnostic({ ruleId: 'facts/syntax', kind: 'input', severity: 'error', message, place: { file, ...extra } });
}

/** Bytes as a reader would say them: `1.1 MB (1100000 bytes)`. */
export function sizeLabel(bytes: number): string {
  return bytes >= 100_000 ? `${(bytes / 1_000_000).toFixed(1)} MB (${bytes} bytes)` : `${bytes} bytes`;
}

/**
 * How deep `[`/`{` flow collections nest, counted by the YAML lexer (so brackets inside quoted
 * text do not count), stopping as soon as the limit is passed: a 1 MB file of `[` costs
 * microseconds here, but seconds and hundreds of MB in the parser.
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  // Fewer brackets than the limit cannot nest deeper than it: most files need no lexer pass.
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0 && brackets <= limit; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i >= 0 && brackets <= limit; i = text.indexOf('{', i + 1)) brackets++;
  if (brackets <= limit) return false;
  let depth = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > limit) return true;
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
  }
  return false;
}

/** The `yaml` library's message, made clear where it names an attack or an overflow, and printable. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!;
  // Deep block indentation (flow brackets are stopped before parsing) overflows the parser's stack.
  if (/Maximum call stack size exceeded/i.test(first)) return 'the file nests too deeply to read; a study needs five levels';
  return printable(first, 200);
}

function positionOfOffset(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** A `JSON.parse` error of a text: V8's message without the offset it gives, and that offset as line:column (when it gives one). */
export function describeJsonError(text: string, error: unknown): { message: string; position?: Position } {
  const message = (error as Error).message;
  const offset = /position (\d+)/.exec(message);
  return { message: message.replace(/ in JSON at position \d+.*$/s, ''), ...(offset ? { position: positionOfOffset(text, Number(offset[1])) } : {}) };
}

/** Strict JSON syntax check, with the line:column that V8 reports as an offset. */
function jsonSyntaxError(text: string, file: string): Diagnostic | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const { message, position } = describeJsonError(text, error);
    return inputError(file, `invalid JSON: ${printable(message, 200)}`, position ?? {});
  }
}

function makeLocator(doc: Document, counter: LineCounter): Locator {
  return (path) => {
    // Walk as deep as the path exists; a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        const pos = counter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
      if (depth === 0 && doc.contents?.range) {
        const pos = counter.linePos(doc.contents.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

/** Position of an unexpected key itself (zod reports the parent object). */
function locateKey(doc: Document, counter: LineCounter, parent: readonly PropertyKey[], key: string): Position | undefined {
  const node = parent.length ? doc.getIn(parent as unknown[], true) : doc.contents;
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  const range = (pair?.key as Node | undefined)?.range;
  if (!range) return undefined;
  const pos = counter.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const seg of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, seg)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[seg];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) return `missing required field, expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${printable(k)}\``).join(', ')}; check the spelling against schema/study-facts.schema.json`;
  if (issue.code === 'invalid_key') return `invalid key \`${printable(String(issue.path.at(-1)))}\`: ${(issue.issues[0]?.message ?? 'not allowed here').replace(/^Invalid input: /, '')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** A field path for a message: keys from the file made printable. */

/** Paths of every object in the data that has an own `__proto__` key (as `yaml` and `JSON.parse` define it). */
function protoKeyPaths(data: unknown, text: string): PropertyKey[][] {
  // Only a file that spells the key, or could make it with an escape (`"\x5f_proto__"`), has one.
  if (!text.includes('__proto__') && !text.includes('\\')) return [];
  const found: PropertyKey[][] = [];
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) found.push(path);
    for (const [key, child] of Object.entries(value)) stack.push([child, [...path, Array.isArray(value) ? Number(key) : key]]);
  }
  return found.sort((a, b) => a.join('.').localeCompare(b.join('.')));
}

/** The key of the mapping entry that starts at `offset` (for a duplicate-key message). */
function keyAt(doc: Document, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const node = pair.key as Node | null;
      if (node?.range?.[0] === offset) {
        key = String((node as { value?: unknown }).value ?? node);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

/** Where the first alias (`*name`) of a document is. */
function firstAlias(doc: Document, counter: LineCounter): Position | undefined {
  let at: Position | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) {
        const pos = counter.linePos(node.range[0]);
        at = { line: pos.line, column: pos.col };
      }
      return visit.BREAK;
    },
  });
  return at;
}

/** Parse and validate one facts file. Pure: the caller reads the file. */
export function parseStudyFacts(text: string, file: string): ParsedFacts {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FACTS_BYTES) {
    return {
      file,
      locate: noPosition,
      diagnostics: [inputError(file, `file is ${sizeLabel(bytes)}, larger than the limit of ${sizeLabel(MAX_FACTS_BYTES)}; expected one study of a few kilobytes`)],
    };
  }
  if (nestsDeeperThan(text, MAX_NESTING)) {
    return { file, locate: noPosition, diagnostics: [inputError(file, `nesting is deeper than ${MAX_NESTING} levels of \`[\` and \`{\`; a study needs five — not read further`)] };
  }
  if (file.endsWith('.json')) {
    const jsonError = jsonSyntaxError(text, file);
    if (jsonError) return { file, locate: noPosition, diagnostics: [jsonError] };
  }
  return readValid(text, file) ?? readWithPositions(text, file);
}

/** The facts of a plain, valid file, read without positions (see plain-yaml.ts); undefined for anything else. */
function readValid(text: string, file: string): ParsedFacts | undefined {
  const data = readPlainYaml(text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const result = StudyFacts.safeParse(data);
  if (!result.success || protoKeyPaths(data, text).length > 0) return undefined;
  return { file, facts: result.data, locate: lazyLocator(text), diagnostics: [] };
}

/** A locator that reads the text with positions when first asked (most valid files never are). */
export function lazyLocator(text: string): Locator {
  let locate: Locator | undefined;
  return (path) => {
    if (!locate) {
      const counter = new LineCounter();
      locate = makeLocator(parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true }), counter);
    }
    return locate(path);
  };
}

/** Read with the `yaml` library, which keeps positions: every file with a problem is read here, and reported. */
function readWithPositions(text: string, file: string): ParsedFacts {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const format = file.endsWith('.json') ? 'JSON' : 'YAML';
    const diagnostics = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => {
      const pos = counter.linePos(e.pos[0]);
      const key = e.code === 'DUPLICATE_KEY' ? keyAt(doc, e.pos[0]) : undefined;
      const message = key !== undefined ? `key \`${printable(key)}\` is given twice in the same mapping; expected each key once` : yamlMessage(e.message);
      return inputError(file, `invalid ${format}: ${message}`, { line: pos.line, column: pos.col });
    });
    const more = doc.errors.length - MAX_SYNTAX_ERRORS;
    if (more > 0) diagnostics.push(inputError(file, `invalid ${format}: ${more} more error${more > 1 ? 's' : ''} not shown`));
    return { file, locate: noPosition, diagnostics };
  }
  // YAML 1.1 reads `n`, `y`, `yes`, `no`, `on`, `off` as booleans: `n: 5` would become `false: 5`.
  const version = doc.directives?.yaml.explicit ? doc.directives.yaml.version : '1.2';
  if (version !== '1.2') {
    const at = /^%YAML\b/m.exec(text);
    return {
      file,
      locate: noPosition,
      diagnostics: [
        inputError(file, `invalid YAML: \`%YAML ${version}\` is not supported; facts files are YAML 1.2 (in YAML 1.1, \`n\`, \`yes\` and \`no\` are booleans) — remove the directive`, at ? positionOfOffset(text, at.index) : {}),
      ],
    };
  }
  let data: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"): the file is rejected, not expanded.
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = (error as Error).message;
    if (/alias count/i.test(message)) {
      return {
        file,
        locate: noPosition,
        diagnostics: [
          inputError(
            file,
            `invalid YAML: aliases (\`*name\`) would expand to more than ${MAX_ALIAS_COUNT} nodes; laysum does not expand them further (a guard against “billion laughs” files) — write the values out instead`,
            firstAlias(doc, counter) ?? {},
          ),
        ],
      };
    }
    return { file, locate: noPosition, diagnostics: [inputError(file, `invalid YAML: ${yamlMessage(message)}`)] };
  }
  const locate = makeLocator(doc, counter);
  if (doc.contents === null) {
    return { file, locate, diagnostics: [inputError(file, 'file has no content; expected a mapping of study facts (id, title, citation, …)')] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || isSeq(doc.contents)) {
    return { file, locate, diagnostics: [inputError(file, 'expected a mapping of study facts (id, title, citation, …) at the top level')] };
  }
  const result = StudyFacts.safeParse(data);
  // zod drops a `__proto__` key of a record (`title`, `quotes[].text`) without a word; it is an unknown field like anywhere else.
  const protoKeys = protoKeyPaths(data, text).filter(
    (path) => !(result.error?.issues ?? []).some((i) => i.code === 'unrecognized_keys' && i.keys.includes('__proto__') && i.path.join('\0') === path.join('\0')),
  );
  const protoDiagnostics = protoKeys.map((path) =>
    diagnostic({
      ruleId: 'facts/schema',
      kind: 'input',
      severity: 'error',
      message: 'unknown field `__proto__`; check the spelling against schema/study-facts.schema.json',
      place: { file, path: formatPath(printablePath([...path, '__proto__'])), ...(locateKey(doc, counter, path, '__proto__') ?? locate(path) ?? {}) },
    }),
  );
  if (result.success) return protoDiagnostics.length ? { file, locate, diagnostics: protoDiagnostics } : { file, facts: result.data, locate, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue) => {
    const pos =
      issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? locateKey(doc, counter, issue.path, issue.keys[0]) ?? locate(issue.path)
        : locate(issue.path);
    return diagnostic({
      ruleId: 'facts/schema',
      kind: 'input',
      severity: 'error',
      message: describeIssue(issue, data),
      place: { file, path: formatPath(printablePath(issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path)), ...(pos ?? {}) },
    });
  });
  const partial = protoKeys.length === 0 ? partialFacts(data, result.error.issues) : undefined;
  return { file, locate, diagnostics: [...diagnostics, ...protoDiagnostics], ...(partial ? { partial } : {}) };
}
