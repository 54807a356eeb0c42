/**
 * `locales/languages.json` is validated field by field: none of its fields has a safe default (an
 * Intl locale the runtime lacks formats numbers in another language; an unknown script judges no
 * paragraph; a wrong digit-group mark misstates every large number).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LanguagesError, parseLanguages } from '../src/index.js';
import { projectCopy, ROOT, runCli, tempDir } from './helpers.js';

type Languages = Record<string, Record<string, unknown>>;
const shipped = (): Languages => JSON.parse(readFileSync(join(ROOT, 'locales', 'languages.json'), 'utf8')) as Languages;

/** The messages parseLanguages gives for the shipped file changed by `change`. */
function problems(change: (languages: Languages) => void): string[] {
  const languages = shipped();
  change(languages);
  try {
    parseLanguages(languages);
  } catch (error) {
    expect(error).toBeInstanceOf(LanguagesError);
    return (error as LanguagesError).issues.map((i) => `${i.path || '(top)'}: ${i.message}`);
  }
  return [];
}

describe('parseLanguages', () => {
  it('takes the shipped file, each language with its code', () => {
    const languages = parseLanguages(shipped());
    expect(Object.keys(languages)).toEqual(['en', 'de', 'zh']);
    expect(languages.de).toMatchObject({ code: 'de', intl: 'de-DE', html: 'de', franc: 'deu', script: 'Latin', digitGroup: '\u00a0' });
  });

  it.each<[string, (l: Languages) => void, string]>([
    ['an unknown script', (l) => (l.zh!.script = 'Cyrillic'), 'zh.script: expected one of Latin, Han'],
    ['a locale that is no BCP 47 tag', (l) => (l.de!.intl = 'not a tag!'), 'de.intl: expected a BCP 47 locale this Node’s Intl has data for (e.g. `de-DE`)'],
    ['a locale Intl has no data for', (l) => (l.de!.intl = 'qq-QQ'), 'de.intl: expected a BCP 47 locale this Node’s Intl has data for (e.g. `de-DE`)'],
    ['a missing franc code', (l) => delete l.en!.franc, 'en.franc: missing; expected the ISO 639-3 code franc reports (e.g. `deu`)'],
    ['a two-letter franc code', (l) => (l.en!.franc = 'en'), 'en.franc: expected the ISO 639-3 code franc reports (e.g. `deu`)'],
    ['an empty name', (l) => (l.en!.name = ''), 'en.name: expected the language’s own name for itself'],
    ['a bad <html lang>', (l) => (l.zh!.html = 'zh_CN!'), 'zh.html: expected a BCP 47 language tag for `<html lang>` (e.g. `de`, `zh-Hans`)'],
    ['a misspelt field', (l) => (l.de!.digitgroup = '.'), 'de: unknown `digitgroup`; expected name, intl, html, franc, script, digitGroup, markers, numberWords, partOfWhole'],
    ['a language code that cannot name a folder', (l) => (l['../de'] = l.de!), '../de: expected a language code such as `en` or `zh-Hant` (it names folders and appears in facts files)'],
    ['a language that is not an object', (l) => ((l as Record<string, unknown>).en = 'English'), 'en: expected an object with name, intl, html, franc, script'],
    ['a number word that is not a whole number', (l) => ((l.en!.numberWords as Record<string, unknown>).two = 2.5), 'en.numberWords.two: expected a whole number'],
    ['a digit-group mark that is a letter', (l) => (l.de!.digitGroup = 'a'), 'de.digitGroup: is "a"; expected one of U+00A0, U+202F, "." (a group mark the fidelity check reads, other than the decimal mark ",")'],
    ['the decimal mark as the digit-group mark', (l) => (l.de!.digitGroup = ','), 'de.digitGroup: is ","; expected one of U+00A0, U+202F, "." (a group mark the fidelity check reads, other than the decimal mark ",")'],
    ['an ordinary space, where a number could break across lines', (l) => (l.de!.digitGroup = ' '), 'de.digitGroup: is U+0020; expected one of U+00A0, U+202F, "." (a group mark the fidelity check reads, other than the decimal mark ",")'],
    ['a digit-group mark that is a number', (l) => (l.de!.digitGroup = 5), 'de.digitGroup: is 5; expected a digit-group mark'],
    ['a part-of-whole pattern without its whole', (l) => (l.en!.partOfWhole = ['(?<part>\\d+) of \\d+']), 'en.partOfWhole.0: expected a regular expression with the groups `(?<part>…)` and `(?<whole>…)`'],
    ['a part-of-whole pattern that does not compile', (l) => (l.en!.partOfWhole = ['(?<part>\\d+ of (?<whole>\\d+)']), 'en.partOfWhole.0: expected a regular expression with the groups `(?<part>…)` and `(?<whole>…)`'],
    ['no language at all', (l) => Object.keys(l).forEach((code) => delete l[code]), '(top): expected at least one language'],
  ])('rejects %s, naming the language and field', (_what, change, message) => {
    expect(problems(change)).toEqual([message]);
  });

  it('takes each digit-group mark the fidelity check reads, except the decimal mark', () => {
    for (const mark of ['\u00a0', '\u202f', '.']) expect(problems((l) => (l.de!.digitGroup = mark))).toEqual([]);
    expect(problems((l) => (l.en!.digitGroup = ','))).toEqual([]);
    expect(problems((l) => (l.en!.digitGroup = '.'))).toHaveLength(1);
  });
});

describe('a --project whose languages.json is wrong', () => {
  it('is bad configuration: exit 2 naming the file, each bad field, and nothing written', () => {
    const dir = tempDir();
    const project = projectCopy();
    const file = join(project, 'locales', 'languages.json');
    const languages = shipped();
    languages.zh!.script = 'Cyrillic';
    languages.de!.digitGroup = ',';
    writeFileSync(file, JSON.stringify(languages, null, 2));
    const result = runCli(['build', join(ROOT, 'samples'), '--out', join(dir, 'out'), '--project', project]);
    expect(result.code).toBe(2);
    // One diagnostic line per bad field, at its line and column.
    const at = (key: string, field: string) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const language = lines.indexOf(`  "${key}": {`);
      const line = lines.findIndex((l, i) => i > language && l.startsWith(`    "${field}":`));
      return `${line + 1}:${lines[line]!.indexOf(':') + 3}`;
    };
    expect(result.stderr.trim().split('\n')).toEqual([
      `error: ${file}:${at('de', 'digitGroup')} de.digitGroup: is ","; expected one of U+00A0, U+202F, "." (a group mark the fidelity check reads, other than the decimal mark ",") [project/languages]`,
      `error: ${file}:${at('zh', 'script')} zh.script: expected one of Latin, Han [project/languages]`,
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
