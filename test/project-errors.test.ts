/**
 * Mistakes in a project's locales and templates are reported in the project's terms: the file, the
 * key or the template line, and what was expected — not i18next's or Handlebars' internals.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, createTranslator, formatDiagnostic, loadProject, MissingLocaleKeyError } from '../src/index.js';
import { describeTemplateError } from '../src/render/index.js';
import { projectCopy, projectWith, runCli, SAMPLES, tempDir } from './helpers.js';

const ONE_STUDY = join(SAMPLES, 'mueller-2024.yaml');

describe('a locale value that is not text', () => {
  it.each([
    ['a number', 5, 'a number'],
    ['a list', ['Hallo', 'Welt'], 'a list'],
    ['null', null, 'null'],
  ])('%s is a locale error naming the file and key', (_what, value, shown) => {
    const project = projectWith((p) => ((p.locales.de!.summary!.easy as Record<string, unknown>).intro = value));
    expect(project.diagnostics.filter((d) => d.ruleId === 'locale/value').map(formatDiagnostic)).toEqual([
      `error: locales/de/summary.json de easy.intro: locale key \`summary:easy.intro\` in language \`de\` is ${shown}; expected text [locale/value]`,
    ]);
  });

  it('the shipped locales hold only text', () => {
    expect(projectWith(() => {}).diagnostics).toEqual([]);
  });
});

describe('a template naming something it is not given', () => {
  it.each([
    ['a helper that does not exist', 'easy', '{{nosuchhelper "x"}}', '`nosuchhelper` is neither a value the template is given here nor a helper'],
    ['a field the view does not have', 'easy', '{{study.nosuchfield}}', '`nosuchfield` is neither a value the template is given here nor a helper'],
  ])('%s: an error naming the template, line and column, and the name', async (_what, level, line, message) => {
    const project = projectWith((p) => (p.templates[level] = `${p.templates[level]}\n${line}\n`));
    const lineNumber = project.templates[level]!.split('\n').length - 1;
    const report = await build({ inputs: [ONE_STUDY], out: join(tempDir(), 'out'), project, formats: ['summary'] });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'render/template').map((d) => d.message);
    expect(errors).toHaveLength(3);
    expect(new Set(errors)).toEqual(new Set([`templates/${level}.hbs:${lineNumber}:2: ${message}`]));
    expect(report.written).toBe(0);
  });

  it('describeTemplateError reads Handlebars messages with and without a place', () => {
    expect(describeTemplateError(new Error('"x" not defined in [object Object] - 12:4'))).toEqual({ at: '12:4', message: '`x` is neither a value the template is given here nor a helper' });
    expect(describeTemplateError(new Error('Missing helper: "y"'))).toEqual({ message: '`y` is not a helper' });
    expect(describeTemplateError(new Error('something else - 3:1'))).toEqual({ at: '3:1', message: 'something else' });
    expect(describeTemplateError('a thrown string')).toEqual({ message: 'a thrown string' });
  });
});

describe('a level added without its name in the site locale', () => {
  // Before: `laysum: internal error: missing locale key \`summary:levels.simple\`` — the wrong namespace and file, and "internal".
  it('site: a failed check naming the key in its own namespace and file, nothing written', () => {
    const project = projectCopy();
    copyFileSync(join(project, 'templates', 'easy.hbs'), join(project, 'templates', 'simple.hbs'));
    for (const lang of ['en', 'de', 'zh']) {
      const file = join(project, 'locales', lang, 'summary.json');
      const summary = JSON.parse(readFileSync(file, 'utf8')) as { document: Record<string, string> };
      summary.document.levelName_simple = summary.document.levelName_easy!;
      writeFileSync(file, JSON.stringify(summary, null, 2));
    }
    const bands = join(project, 'templates', 'bands.json');
    writeFileSync(bands, JSON.stringify({ ...(JSON.parse(readFileSync(bands, 'utf8')) as object), simple: null }));
    const out = join(tempDir(), 'site');
    const r = runCli(['site', ONE_STUDY, '--project', project, '--level', 'simple', '--out', out, '-q']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: mueller-2024/en: missing locale key `site:levels.simple` in language `en` (locales/en/site.json) [locale/missing-key]\n' });
    expect(existsSync(out)).toBe(false);
    // The summaries themselves have every key they need: build writes them.
    expect(runCli(['build', ONE_STUDY, '--project', project, '--level', 'simple', '--out', join(tempDir(), 'out'), '-q']).code).toBe(0);
  });

  it('a missing key is named with the namespace it was asked for', () => {
    const project = loadProject();
    const tr = createTranslator(project.languages.en!, project.locales.en!);
    expect(() => tr.t('site:levels.simple')).toThrow(new MissingLocaleKeyError('en', 'site:levels.simple'));
    expect(() => tr.t('no.such.key')).toThrow(new MissingLocaleKeyError('en', 'summary:no.such.key'));
  });
});
