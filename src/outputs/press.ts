/**
 * Press configuration: the "notes to editors" block of every press summary.
 *
 *   organisation: Example Patient Information Service
 *   about: { en: …, de: …, zh: … }
 *   contact: { name: Press Office, email: press@example.org, phone: +49 … }
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics/index.js';
import { LocalizedText, Text } from '../facts/index.js';

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

export function parsePressConfig(text: string, file: string): { config?: PressConfig; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    return { diagnostics: [diagnostic({ ruleId: 'press/config', kind: 'input', severity: 'error', message: `invalid YAML: ${(error as Error).message.split('\n')[0]}`, place: { file } })] };
  }
  const result = PressConfig.safeParse(data);
  if (result.success) return { config: result.data, diagnostics: [] };
  return {
    diagnostics: result.error.issues.map((issue) =>
      diagnostic({ ruleId: 'press/config', kind: 'input', severity: 'error', message: issue.message.replace(/^Invalid input: /, ''), place: { file, path: formatPath(issue.path) } }),
    ),
  };
}

/** Strings of the press config that are names and numbers, not sentences to check. */
export function pressNames(config: PressConfig | undefined): string[] {
  if (!config) return [];
  return [config.organisation, config.contact.name, config.contact.email, ...(config.contact.phone ? [config.contact.phone] : [])];
}
