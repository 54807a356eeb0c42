/**
 * A press config (`--press-config`) is bad input as a facts file is: every problem with the file's
 * line:column, the field path and what was expected — and `about`, the organisation's description in
 * each language, must have a text for every language built. Before: no line numbers, zod's
 * "expected string, received undefined" for a missing field, `Unrecognized key: "fax"` on the parent,
 * and an `about` without German left the German notes to editors without it, without a word.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, formatDiagnostic, parsePressConfig } from '../src/index.js';
import { FIXTURES, runCli, SAMPLES, tempDir } from './helpers.js';

const DIR = join(FIXTURES, 'press-config');
const STUDY = join(SAMPLES, 'first-patient-2021.yaml');
const LANGS = { built: ['en', 'de', 'zh'], known: ['en', 'de', 'zh'] };
const parse = (name: string, languages = LANGS) => parsePressConfig(readFileSync(join(DIR, name), 'utf8'), name, languages);
const lines = (name: string, languages = LANGS) => parse(name, languages).diagnostics.map(formatDiagnostic);

describe('press config problems name the line, the field and what was expected', () => {
  it('a missing field, a misspelt one and an unknown contact field', () => {
    expect(lines('missing-fields.config.yaml')).toEqual([
      'error: missing-fields.config.yaml:6:3 contact.name: missing required field, expected string [press/config]',
      'error: missing-fields.config.yaml:7:3 contact.fax: unknown field `fax`; expected name, email, phone [press/config]',
      'error: missing-fields.config.yaml:3:1 abuot: unknown field `abuot`; expected organisation, about, contact [press/config]',
    ]);
  });

  it('a key given twice, and an empty file', () => {
    expect(lines('duplicate-key.config.yaml')).toEqual(['error: duplicate-key.config.yaml:3:1: invalid YAML: Map keys must be unique [press/config]']);
    expect(lines('empty.config.yaml')).toEqual(['error: empty.config.yaml: file has no content; expected a mapping with organisation, about, contact [press/config]']);
  });

  it('`about` needs a text for every language built, and none for a language the project does not know', () => {
    expect(lines('about-languages.config.yaml')).toEqual([
      'error: about-languages.config.yaml:5:3 about.fr: unknown language `fr`; expected one of en, de, zh (locales/languages.json) [press/config]',
      'error: about-languages.config.yaml:3:1 about: no text for `de`, `zh`; expected one for every language built (en, de, zh), or no `about` at all [press/config]',
    ]);
    // Built in English only, only the unknown language is a problem.
    expect(lines('about-languages.config.yaml', { built: ['en'], known: LANGS.known })).toHaveLength(1);
  });

  it('the sample config is valid', () => {
    expect(parsePressConfig(readFileSync(join(SAMPLES, 'press.config.yaml'), 'utf8'), 'press.config.yaml', LANGS).diagnostics).toEqual([]);
  });
});

describe('laysum build --format press with such a config: exit 2, the lines on stderr, nothing written', () => {
  it('an `about` without German and Chinese', () => {
    const out = join(tempDir(), 'out');
    const config = join(DIR, 'about-languages.config.yaml');
    const r = runCli(['build', STUDY, '--format', 'press', '--press-config', config, '--out', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${config}:3:1 about: no text for \`de\`, \`zh\`; expected one for every language built (en, de, zh), or no \`about\` at all [press/config]`);
    expect(existsSync(out)).toBe(false);
    // --lang en: the English press summary has its `about`; French is still no language of the project.
    const en = runCli(['build', STUDY, '--lang', 'en', '--format', 'press', '--press-config', config, '--out', out, '-q']);
    expect(en.stderr).toBe(`error: ${config}:5:3 about.fr: unknown language \`fr\`; expected one of en, de, zh (locales/languages.json) [press/config]\n`);
  });

  it('a config not used (no --format press) is still read, but `about` is not held to the languages built', () => {
    const r = runCli(['build', STUDY, '--lang', 'en', '--press-config', join(DIR, 'about-languages.config.yaml'), '--out', join(tempDir(), 'out'), '-q']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('the library refuses an `about` missing a language built too', async () => {
    const press = { organisation: 'X', about: { en: 'We write summaries.' }, contact: { name: 'P', email: 'p@example.org' } };
    await expect(build({ inputs: [STUDY], write: false, formats: ['press'], press })).rejects.toThrow('press config: `about` has no text for `de`, `zh`');
    const en = await build({ inputs: [STUDY], write: false, formats: ['press'], press, langs: ['en'] });
    expect(en.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
