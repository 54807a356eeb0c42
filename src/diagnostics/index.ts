/**
 * Diagnostics: every problem laysum finds is a value, not an exception.
 *
 * `input` problems (a file that cannot be read or does not match the facts format) make the
 * CLI exit with 2; `check` problems (a summary in the wrong language, a missing locale key)
 * exit with 1. Warnings and infos never change the exit code.
 */

export type Severity = 'error' | 'warning' | 'info';
export type DiagnosticKind = 'input' | 'check';

/** Where a problem is: as much of it as is known. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
  /** Field path inside a facts or configuration file, e.g. `population.groups[1].n`, `zh.script`. */
  path?: string;
  study?: string;
  lang?: string;
  level?: string;
}

export interface Diagnostic {
  /** Stable id of the rule, e.g. `facts/schema`, `language/paragraph`. */
  ruleId: string;
  kind: DiagnosticKind;
  severity: Severity;
  message: string;
  place: Place;
  expected?: string;
  actual?: string;
  /** Extra data for the JSON report (e.g. language shares of a mixed source). */
  data?: Record<string, unknown>;
}

export function diagnostic(d: Omit<Diagnostic, 'place'> & { place?: Place }): Diagnostic {
  return { ...d, place: d.place ?? {} };
}

/** `file:line:column` (as much as known), then study/lang/level, then the field path. */
export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) {
    let at = place.file;
    if (place.line !== undefined) at += `:${place.line}`;
    if (place.line !== undefined && place.column !== undefined) at += `:${place.column}`;
    parts.push(at);
  }
  const target = [place.study, place.lang, place.level].filter(Boolean).join('/');
  if (target) parts.push(target);
  if (place.path) parts.push(place.path);
  return parts.join(' ');
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d.place);
  return `${d.severity}: ${where ? `${where}: ` : ''}${d.message} [${d.ruleId}]`;
}

/**
 * Bad configuration (a project file, the press config), found before any study is read: the build
 * cannot start, so its problems are thrown, not reported. Exit 2; the message is their lines.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[], kind?: DiagnosticKind): boolean {
  return diagnostics.some((d) => d.severity === 'error' && (kind === undefined || d.kind === kind));
}

/** The CLI's exit code for a set of diagnostics: 2 bad input, 1 a check failed, 0 ok. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): 0 | 1 | 2 {
  if (hasErrors(diagnostics, 'input')) return 2;
  if (hasErrors(diagnostics, 'check')) return 1;
  return 0;
}

/** Field path of zod/yaml segments: `population.groups[1].n`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(top level)';
}

/** A count in laysum's own (English) messages: `1 study`, `2 studies`. */
export function counted(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/** Why a file or folder cannot be read, in words (no path: the caller names it). */
export function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
}
