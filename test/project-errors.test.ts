/**
 * Mistakes in a project's locales and templates are reported in the project's terms: the file, the
 * key or the template line, and what was expected — not i18next's or Handlebars' internals.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, formatDiagnostic } from '../src/index.js';
import { describeTemplateError } from '../src/render/index.js';
import { projectWith, SAMPLES, tempDir } from './helpers.js';

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
