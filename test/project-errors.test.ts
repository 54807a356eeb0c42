/**
 * Mistakes in a project's locales and templates are reported in the project's terms: the file, the
 * key or the template line, and what was expected — not i18next's or Handlebars' internals.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, createTranslator, formatDiagnostic, loadProject, MissingLocaleKeyError, ProjectConfigError } from '../src/index.js';
import { describeTemplateError } from '../src/render/index.js';
import { FIXTURES, projectCopyWithLevel, projectWith, runCli, SAMPLES, tempDir } from './helpers.js';

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
  // Found before any study is read: exit 2 (bad configuration), nothing written, said once.
  it.each([
    ['a helper that does not exist', 'easy', 'templates/easy.hbs', '{{nosuchhelper "x"}}', 3, '`nosuchhelper` is not a helper (the helpers are: '],
    ['a sub-expression helper', 'standard', 'templates/standard.hbs', 'x {{#if (nosuch a b)}}y{{/if}}', 10, '`nosuch` is not a helper'],
    ['a block helper with arguments', 'expert', 'templates/expert.hbs', '{{#nosuchblock "x"}}y{{/nosuchblock}}', 4, '`nosuchblock` is not a helper'],
    ['a partial that does not exist', 'easy', 'templates/easy.hbs', '{{> nosuchpartial}}', 1, '`nosuchpartial` is not a partial (the partials are: quote, reference, standard-body)'],
  ])('%s: one project error naming the file, line and column, before any study is rendered', async (_what, level, file, line, column, message) => {
    const project = projectWith((p) => (p.templates[level] = `${p.templates[level]}\n${line}\n`));
    const lineNumber = project.templates[level]!.split('\n').length - 1;
    const out = join(tempDir(), 'out');
    const error = await build({ inputs: [ONE_STUDY], out, project, formats: ['summary'] }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(ProjectConfigError);
    // One problem, one diagnostic, and the message is its line.
    const [problem, ...more] = (error as ProjectConfigError).diagnostics;
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ ruleId: 'project/template', kind: 'input', severity: 'error', place: { file: join(project.root, file), line: lineNumber, column } });
    expect(problem!.message.startsWith(message)).toBe(true);
    expect(error!.message).toBe(formatDiagnostic(problem!));
    expect(existsSync(out)).toBe(false);
  });

  it('a partial and the format templates are checked in their own environments (the leaflet has `icons`, the summaries do not)', async () => {
    const project = projectWith((p) => {
      p.partials.quote = `${p.partials.quote}{{icons "x"}}\n`;
      p.formats.press = `{{nosuchpress 1}}\n${p.formats.press}`;
      p.formats.leaflet = `{{icons "x"}}{{nosuchleaflet 1}}\n${p.formats.leaflet}`;
    });
    const error = await build({ inputs: [ONE_STUDY], out: join(tempDir(), 'out'), project, formats: ['summary', 'press', 'leaflet'] }).then(
      () => undefined,
      (e: Error) => e,
    );
    const lines = error!.message.split('\n').map((l) => l.replace(/ \(the helpers are: .*\) \[/, ' ['));
    const quoteLine = project.partials.quote!.split('\n').length - 1;
    expect(lines).toEqual([
      `error: ${join(project.root, 'templates/partials/quote.hbs')}:${quoteLine}:3: \`icons\` is not a helper [project/template]`,
      `error: ${join(project.root, 'templates/formats/press.hbs')}:1:3: \`nosuchpress\` is not a helper [project/template]`,
      `error: ${join(project.root, 'templates/formats/leaflet.hbs')}:1:16: \`nosuchleaflet\` is not a helper [project/template]`,
    ]);
  });

  it('a template this build does not use is not held against it', async () => {
    const project = projectWith((p) => (p.formats.press = `{{nosuchpress 1}}\n${p.formats.press}`));
    const report = await build({ inputs: [ONE_STUDY], out: join(tempDir(), 'out'), project, formats: ['summary'], levels: ['easy'] });
    expect(report.exitCode).toBe(0);
  });

  it('a value the view does not have is found while rendering, and said once for every output it broke', async () => {
    const project = projectWith((p) => (p.templates.easy = `${p.templates.easy}\n{{study.nosuchfield}}\n`));
    const lineNumber = project.templates.easy!.split('\n').length - 1;
    const report = await build({ inputs: [ONE_STUDY], out: join(tempDir(), 'out'), project, formats: ['summary'] });
    const errors = report.diagnostics.filter((d) => d.ruleId === 'render/template').map((d) => d.message);
    expect(errors).toEqual([`templates/easy.hbs:${lineNumber}:3: \`nosuchfield\` is neither a value the template is given here nor a helper (and in 2 more outputs)`]);
    expect(report.exitCode).toBe(1);
    expect(report.written).toBe(0);
  });

  it('describeTemplateError reads Handlebars messages with and without a place', () => {
    expect(describeTemplateError(new Error('"x" not defined in [object Object] - 12:4'))).toEqual({ at: '12:5', message: '`x` is neither a value the template is given here nor a helper' });
    expect(describeTemplateError(new Error('Missing helper: "y"'))).toEqual({ message: '`y` is not a helper' });
    expect(describeTemplateError(new Error('something else - 3:1'))).toEqual({ at: '3:2', message: 'something else' });
    expect(describeTemplateError('a thrown string')).toEqual({ message: 'a thrown string' });
  });
});

describe('a site key missing from every language, the reference one included (test/fixtures/site-keys)', () => {
  // Its site.json files lack `home.heading` (the homes' title) and `nav.level` (the study pages' level switcher); everything else is laysum's own.
  const PROJECT = join(FIXTURES, 'site-keys');
  const missing = (lang: string, key: string) => `error: locales/${lang}/site.json ${lang} ${key}: missing locale key \`${key}\` in language \`${lang}\`: the site's pages use it [locale/missing-key]\n`;

  it('site: bad input naming every language and key in one run, before any study is rendered; nothing written', () => {
    const out = join(tempDir(), 'site');
    // Before: exit 1 and one line, the first language's first gap, met while rendering a study (`mueller-2024/en: missing locale key \`site:nav.level\`…`).
    const r = runCli(['site', ONE_STUDY, join(SAMPLES, 'first-patient-2021.yaml'), '--project', PROJECT, '--out', out, '-q']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: ['en', 'de', 'zh'].flatMap((lang) => ['site:nav.level', 'site:home.heading'].map((key) => missing(lang, key))).join('') });
    expect(existsSync(out)).toBe(false);
    // Only the languages built are asked for; the summaries need no site words.
    expect(runCli(['site', ONE_STUDY, '--project', PROJECT, '--lang', 'de', '--out', out, '-q']).stderr).toBe(['site:nav.level', 'site:home.heading'].map((key) => missing('de', key)).join(''));
    expect(runCli(['build', ONE_STUDY, '--project', PROJECT, '--lang', 'en', '--level', 'easy', '--out', join(tempDir(), 'out'), '-q']).code).toBe(0);
  });
});

describe('a level added without its name in the site locale', () => {
  // Before: `laysum: internal error: missing locale key \`summary:levels.simple\`` — the wrong namespace and file, and "internal".
  /** projectCopyWithLevel('simple') with a band for it (none: `{}`), so the site's words are all that is missing. */
  const projectWithSimpleLevel = () => {
    const project = projectCopyWithLevel('simple');
    const bands = join(project, 'templates', 'bands.json');
    writeFileSync(bands, JSON.stringify({ ...(JSON.parse(readFileSync(bands, 'utf8')) as object), simple: null }));
    return project;
  };
  const missingName = (lang: string, why: string) => `error: locales/${lang}/site.json ${lang} site:levels.simple: missing locale key \`site:levels.simple\` in language \`${lang}\`${why} [locale/missing-key]\n`;

  it('site: a failed check naming the key in its own namespace and file, for every language without it, in one run; nothing written', () => {
    const project = projectWithSimpleLevel();
    const out = join(tempDir(), 'site');
    // Two studies: found once per language before they are rendered, not again by each study's pages.
    const r = runCli(['site', ONE_STUDY, join(SAMPLES, 'first-patient-2021.yaml'), '--project', project, '--level', 'simple', '--out', out, '-q']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: ['en', 'de', 'zh'].map((lang) => missingName(lang, ': the site names every level built')).join('') });
    expect(existsSync(out)).toBe(false);
    // The summaries themselves have every key they need: build writes them.
    expect(runCli(['build', ONE_STUDY, '--project', project, '--level', 'simple', '--out', join(tempDir(), 'out'), '-q']).code).toBe(0);
  });

  it('site: a name the reference language has and others lack is said once per language, by the parity check', () => {
    const project = projectWithSimpleLevel();
    const en = join(project, 'locales', 'en', 'site.json');
    const site = JSON.parse(readFileSync(en, 'utf8')) as { levels: Record<string, string> };
    site.levels.simple = 'Simple';
    writeFileSync(en, JSON.stringify(site));
    const r = runCli(['site', ONE_STUDY, '--project', project, '--level', 'simple', '--out', join(tempDir(), 'site'), '-q']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: ['de', 'zh'].map((lang) => missingName(lang, ' (present in `en`)')).join('') });
  });

  it('a missing key is named with the namespace it was asked for', () => {
    const project = loadProject();
    const tr = createTranslator(project.languages.en!, project.locales.en!);
    expect(() => tr.t('site:levels.simple')).toThrow(new MissingLocaleKeyError('en', 'site:levels.simple'));
    expect(() => tr.t('no.such.key')).toThrow(new MissingLocaleKeyError('en', 'summary:no.such.key'));
  });
});
