/**
 * Press configuration: the "notes to editors" block of every press summary.
 *
 *   organisation: Example Patient Information Service
 *   about: { en: …, de: …, zh: … }
 *   contact: { name: Press Office, email: press@example.org, phone: +49 … }
 */
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics/index.js';
import { lazyLocator, LocalizedText, Text } from '../facts/index.js';

export const PressConfig = z.strictObject({
  organisation: Text,
  about: LocalizedText.optional(),
  contact: z.strictObject({
    name: Text,
    email: z.email('expected an email address'),
    phone: z.string().regex(/^\+?[\d\s()/-]{5,30}$/, 'expected a phone number like +49 9131 000000').optional(),
  }),
});

export type PressConfig = z.infer<typeof PressConfig>;

/** The languages a press config is read for: those built (each needs its `about`) and those the project knows. */
export interface PressLanguages {
  built: readonly string[];
  known: readonly string[];
}

const FIELDS = 'organisation, about, contact';

/** What a schema issue means for someone editing the file. */
function describe(issue: z.core.$ZodIssue, data: unknown): string {
  let value: unknown = data;
  for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if (issue.code === 'invalid_type' && value === undefined) return `missing required field, expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}; expected ${issue.path.length ? 'name, email, phone' : FIELDS}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/**
 * Parse and validate a press config: every problem with its line:column and field path. With
 * `languages`, `about` must have a text for every language built (a press summary without its
 * organisation's description in one language is not a default to fall back on) and none for a
 * language the project does not know.
 */
export function parsePressConfig(text: string, file: string, languages?: PressLanguages): { config?: PressConfig; diagnostics: Diagnostic[] } {
  const error = (message: string, at: { path?: string; line?: number; column?: number } = {}) =>
    diagnostic({ ruleId: 'press/config', kind: 'input', severity: 'error', message, place: { file, ...at } });
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return error(`invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, { line: pos.line, column: pos.col });
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { diagnostics: [error(`invalid YAML: ${(e as Error).message.split('\n')[0]}`)] };
  }
  if (data === null || data === undefined) return { diagnostics: [error(`file has no content; expected a mapping with ${FIELDS}`)] };
  const locate = lazyLocator(text);
  const at = (path: PropertyKey[]) => ({ path: formatPath(path), ...(locate(path) ?? {}) });
  // An unknown field or language is shown where its key is written (the locator finds values).
  const atKey = (path: PropertyKey[]) => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const key = isMap(parent) ? (parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path.at(-1))?.key as Node | undefined) : undefined;
    if (!key?.range) return at(path);
    const pos = counter.linePos(key.range[0]);
    return { path: formatPath(path), line: pos.line, column: pos.col };
  };
  const result = PressConfig.safeParse(data);
  if (!result.success) {
    return {
      diagnostics: result.error.issues.map((issue) => {
        const path = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0]!] : issue.path;
        return error(describe(issue, data), issue.code === 'unrecognized_keys' ? atKey(path) : at(path));
      }),
    };
  }
  const diagnostics: Diagnostic[] = [];
  const about = result.data.about;
  if (about && languages) {
    for (const lang of Object.keys(about)) {
      if (!languages.known.includes(lang)) diagnostics.push(error(`unknown language \`${lang}\`; expected one of ${languages.known.join(', ')} (locales/languages.json)`, atKey(['about', lang])));
    }
    const missing = languages.built.filter((lang) => !about[lang]);
    if (missing.length) diagnostics.push(error(`no text for ${missing.map((l) => `\`${l}\``).join(', ')}; expected one for every language built (${languages.built.join(', ')}), or no \`about\` at all`, atKey(['about'])));
  }
  return diagnostics.length ? { diagnostics } : { config: result.data, diagnostics };
}

/** Strings of the press config that are names and numbers, not sentences to check. */
export function pressNames(config: PressConfig | undefined): string[] {
  if (!config) return [];
  return [config.organisation, config.contact.name, config.contact.email, ...(config.contact.phone ? [config.contact.phone] : [])];
}
