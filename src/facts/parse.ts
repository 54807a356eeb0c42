/**
 * Text of a facts file → validated `StudyFacts`, or diagnostics that name the file,
 * the field path, the line:column and what was expected.
 *
 *   parseStudyFacts('id: Bad Id\n…', 'samples/x.yaml')
 *   → { diagnostics: [{ message: 'expected a slug …', place: { file, line: 1, column: 5, path: 'id' } }] }
 *
 * YAML and JSON both go through the `yaml` parser (JSON is YAML 1.2), which keeps the
 * source range of every node; JSON is first parsed strictly so that JSON-only syntax errors
 * (trailing commas, comments) are reported as such.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics/index.js';
import { StudyFacts } from './schema.js';

/** Largest facts file accepted; a study is a few KB, so this only stops accidents and abuse. */
export const MAX_FACTS_BYTES = 1_000_000;

export interface Position {
  line: number;
  column: number;
}

/** Finds the line:column of a field path in the file it came from. */
export type Locator = (path: readonly PropertyKey[]) => Position | undefined;

export interface ParsedFacts {
  file: string;
  facts?: StudyFacts;
  locate: Locator;
  diagnostics: Diagnostic[];
}

const noPosition: Locator = () => undefined;

function inputError(file: string, message: string, extra: { line?: number; column?: number; path?: string } = {}): Diagnostic {
  return diagnostic({ ruleId: 'facts/syntax', kind: 'input', severity: 'error', message, place: { file, ...extra } });
}

function positionOfOffset(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Strict JSON syntax check, with the line:column that V8 reports as an offset. */
function jsonSyntaxError(text: string, file: string): Diagnostic | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message);
    const pos = offset ? positionOfOffset(text, Number(offset[1])) : undefined;
    return inputError(file, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}`, pos ?? {});
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
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}; check the spelling against schema/study-facts.schema.json`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** Parse and validate one facts file. Pure: the caller reads the file. */
export function parseStudyFacts(text: string, file: string): ParsedFacts {
  if (Buffer.byteLength(text, 'utf8') > MAX_FACTS_BYTES) {
    return { file, locate: noPosition, diagnostics: [inputError(file, `file is larger than ${MAX_FACTS_BYTES} bytes; expected one study of a few kilobytes`)] };
  }
  if (file.endsWith('.json')) {
    const jsonError = jsonSyntaxError(text, file);
    if (jsonError) return { file, locate: noPosition, diagnostics: [jsonError] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) => {
      const pos = counter.linePos(e.pos[0]);
      return inputError(file, `invalid YAML: ${e.message.split('\n')[0]}`, { line: pos.line, column: pos.col });
    });
    return { file, locate: noPosition, diagnostics };
  }
  let data: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { file, locate: noPosition, diagnostics: [inputError(file, `invalid YAML: ${(error as Error).message}`)] };
  }
  const locate = makeLocator(doc, counter);
  if (data === null || typeof data !== 'object' || Array.isArray(data) || isSeq(doc.contents)) {
    return { file, locate, diagnostics: [inputError(file, 'expected a mapping of study facts (id, title, citation, …) at the top level')] };
  }
  const result = StudyFacts.safeParse(data);
  if (result.success) return { file, facts: result.data, locate, diagnostics: [] };
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
      place: { file, path: formatPath(issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path), ...(pos ?? {}) },
    });
  });
  return { file, locate, diagnostics };
}
