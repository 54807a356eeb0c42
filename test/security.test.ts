/**
 * Security of inputs (issue 5 §5): what a facts file can make laysum read, write, expand or run.
 *
 * - Study ids are slugs, so a study can never name a folder outside the output.
 * - Source paths lead to regular files inside the facts file's folder tree: `..`, absolute paths
 *   and links that lead out are refused, and so are FIFOs, devices and huge files.
 * - YAML: alias expansion is bounded ("billion laughs"), nesting is bounded, duplicate keys are
 *   errors, YAML 1.1 is refused, files over 1 MB are refused.
 * - `__proto__`, `constructor`, `prototype` keys never touch a prototype and are unknown fields.
 * - Handlebars' prototype-access protections stay on, and facts text is never compiled as a template.
 * - Diagnostics never print a control character or a bidi control that came from a file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  build,
  check,
  createRenderer,
  createTranslator,
  deriveFacts,
  formatDiagnostic,
  loadProject,
  MAX_FACTS_BYTES,
  parseStudyFacts,
  type BuildReport,
  type Diagnostic,
} from '../src/index.js';
import { errorLines, errorsOf as errors, FIXTURES, tempDir } from './helpers.js';

const MINIMAL_FILE = join(FIXTURES, 'valid', 'minimal.yaml');
const MINIMAL = readFileSync(MINIMAL_FILE, 'utf8');
const minimal = () => parseYaml(MINIMAL) as Record<string, any>;
const REPORT_TEXT = readFileSync(join(FIXTURES, 'bad', 'texts', 'report.en.md'), 'utf8');

const messages = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.place.path ?? ''}: ${d.message}`);
const put = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

describe('study ids are slugs, so a study can never name a folder outside the output', () => {
  const SLUG = 'expected a slug: lower-case letters, digits and single hyphens, e.g. `mueller-2024`';
  it.each([
    ['../escape', SLUG],
    ['../../etc', SLUG],
    ['a/b', SLUG],
    ['a\\b', SLUG],
    ['.', SLUG],
    ['..', SLUG],
    ['.hidden', SLUG],
    ['', SLUG],
    ['Mueller-2024', SLUG],
    ['mueller 2024', SLUG],
    ['mueller--2024', SLUG],
    ['-mueller', SLUG],
    ['mueller-', SLUG],
    ['%2e%2e', SLUG],
    ['müller-2024', SLUG],
    ['ｍｕｅｌｌｅｒ', SLUG],
    ['mueller\u0000', SLUG],
    ['con', '`con` is a device name on Windows and cannot be a folder name; expected another slug'],
    ['nul', '`nul` is a device name on Windows and cannot be a folder name; expected another slug'],
    ['lpt1', '`lpt1` is a device name on Windows and cannot be a folder name; expected another slug'],
    ['a'.repeat(81), 'expected a slug of at most 80 characters, got 81'],
  ])('refuses %j as a study id, naming the field', (id, message) => {
    const data = { ...minimal(), id };
    const { diagnostics, facts } = parseStudyFacts(JSON.stringify(data), 'study.json');
    expect(facts).toBeUndefined();
    expect(messages(diagnostics)).toEqual([`id: ${message}`]);
  });

  it.each(['mueller-2024', 'a', '2024', 'a'.repeat(80), 'console', 'com10', 'null'])('accepts %j', (id) => {
    expect(parseStudyFacts(JSON.stringify({ ...minimal(), id }), 'study.json').diagnostics).toEqual([]);
  });

  it('builds nothing, anywhere, for a study id that climbs out of the output folder', async () => {
    const dir = tempDir();
    put(join(dir, 'in', 'evil.yaml'), MINIMAL.replace('id: minimal-study', 'id: ../../escape'));
    const report = await build({ inputs: [join(dir, 'in')], out: join(dir, 'a', 'b', 'out') });
    expect(report.exitCode).toBe(2);
    expect(report.written).toBe(0);
    expect(readdirSync(dir)).toEqual(['in']);
  });
});

describe('source paths stay inside the facts file’s folder tree', () => {
  /** root/study/facts.yaml with a source at `path`; root/outside.md is a readable file outside the tree. */
  function layout(path: string) {
    const root = tempDir('laysum-sources-');
    const study = join(root, 'study');
    put(join(study, 'texts', 'report.en.md'), REPORT_TEXT);
    put(join(root, 'outside.md'), REPORT_TEXT);
    const facts = { ...minimal(), sources: [{ id: 'report', path, lang: 'en' }] };
    const file = join(study, 'facts.yaml');
    put(file, stringifyYaml(facts));
    return { root, study, file };
  }
  const sourceErrors = (report: BuildReport) => errors(report).map((d) => [d.ruleId, d.message]);

  it('reads a relative path inside the tree', async () => {
    const { file } = layout('texts/report.en.md');
    const report = await check({ inputs: [file] });
    expect(errorLines(report)).toEqual([]);
    expect(report.studies[0]!.sources.map((s) => s.id)).toEqual(['report']);
  });

  it.each(['../outside.md', 'texts/../../outside.md', '..', '../study/../../outside.md'])('refuses %j, which climbs out with `..`', async (path) => {
    const { file } = layout(path);
    const report = await check({ inputs: [file] });
    expect(sourceErrors(report)).toEqual([['input/source-path', `source path \`${path}\` leads outside the facts file's folder; expected a relative path inside it`]]);
    expect(report.exitCode).toBe(2);
  });

  it('refuses absolute paths, outside the tree and even inside it', async () => {
    for (const target of ['/etc/hostname', 'outside.md', 'study/texts/report.en.md']) {
      const probe = layout('x');
      const path = target.startsWith('/') ? target : join(probe.root, target);
      const { file } = layout(path);
      const report = await check({ inputs: [file] });
      expect(sourceErrors(report), path).toEqual([['input/source-path', `source path \`${path}\` leads outside the facts file's folder; expected a relative path inside it`]]);
    }
  });

  it('refuses a link inside the tree that leads to a file outside it', async () => {
    const { root, study, file } = layout('texts/link.md');
    symlinkSync(join(root, 'outside.md'), join(study, 'texts', 'link.md'));
    const report = await check({ inputs: [file] });
    expect(sourceErrors(report)).toEqual([['input/source-path', "source path `texts/link.md` is a link that leads outside the facts file's folder"]]);
  });

  it('refuses a path through a linked folder that leads outside the tree', async () => {
    const { root, study, file } = layout('linked/outside.md');
    symlinkSync(root, join(study, 'linked'));
    const report = await check({ inputs: [file] });
    expect(sourceErrors(report)).toEqual([['input/source-path', "source path `linked/outside.md` is a link that leads outside the facts file's folder"]]);
  });

  it('follows a link that stays inside the tree', async () => {
    const { study, file } = layout('texts/alias.md');
    symlinkSync(join(study, 'texts', 'report.en.md'), join(study, 'texts', 'alias.md'));
    const report = await check({ inputs: [file] });
    expect(errorLines(report)).toEqual([]);
  });

  it('reads sources of a facts file whose own folder is reached through a link', async () => {
    const { root } = layout('texts/report.en.md');
    symlinkSync(join(root, 'study'), join(root, 'alias'));
    const report = await check({ inputs: [join(root, 'alias', 'facts.yaml')] });
    expect(errorLines(report)).toEqual([]);
    expect(report.studies[0]!.sources.map((s) => s.id)).toEqual(['report']);
  });

  // Waiting on the FIFO would hang: the test's timeout is the guard (no one writes to it).
  it('refuses a FIFO without waiting on it', { timeout: 10_000 }, async () => {
    const { study, file } = layout('texts/pipe.md');
    expect(spawnSync('mkfifo', [join(study, 'texts', 'pipe.md')]).status).toBe(0);
    const report = await check({ inputs: [file] });
    expect(sourceErrors(report)).toEqual([['input/read', `cannot read source text \`report\`: not a regular file (a device, FIFO or socket); expected a text file (${file}, sources[0].path)`]]);
  });

  it('refuses a folder', async () => {
    const { file } = layout('texts');
    const report = await check({ inputs: [file] });
    expect(sourceErrors(report)).toEqual([['input/read', `cannot read source text \`report\`: is a folder (${file}, sources[0].path)`]]);
  });

  it('refuses a source text over 10 MB without reading it', async () => {
    const { study, file } = layout('texts/huge.md');
    writeFileSync(join(study, 'texts', 'huge.md'), '');
    truncateSync(join(study, 'texts', 'huge.md'), 10_000_001);
    const report = await check({ inputs: [file] });
    expect(sourceErrors(report)).toEqual([
      ['input/read', `cannot read source text \`report\`: it is 10.0 MB (10000001 bytes), larger than the limit of 10.0 MB (10000000 bytes) (${file}, sources[0].path)`],
    ]);
  });
});

describe('YAML that would expand, nest or repeat without bound', () => {
  it('rejects a "billion laughs" file with a clear message instead of expanding it', async () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const { diagnostics } = parseStudyFacts(`${levels.join('\n')}\nid: *l9\n`, 'laughs.yaml');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'error: laughs.yaml:2:10: invalid YAML: aliases (`*name`) would expand to more than 100 nodes; laysum does not expand them further (a guard against “billion laughs” files) — write the values out instead [facts/syntax]',
    ]);
  });

  it('still reads a file that uses a few aliases', () => {
    const text = `${MINIMAL.replace('  group: Test Group', '  group: &who Test Group')}funding: [*who]\n`;
    const { facts, diagnostics } = parseStudyFacts(text, 'aliases.yaml');
    expect(diagnostics).toEqual([]);
    expect(facts?.funding).toEqual(['Test Group']);
  });

  it('rejects a megabyte of `[` before the parser recurses into it', () => {
    for (const [file, text] of [
      ['deep.yaml', `${'['.repeat(499_000)}${']'.repeat(499_000)}`],
      ['deep.json', `${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}`],
    ] as const) {
      const { diagnostics } = parseStudyFacts(text, file);
      expect(diagnostics.map((d) => d.message)).toEqual(['nesting is deeper than 32 levels of `[` and `{`; a study needs five — not read further']);
    }
  });

  it('rejects deep indentation with a message, not a stack overflow', () => {
    const text = `${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`;
    const { diagnostics } = parseStudyFacts(text, 'indent.yaml');
    expect(diagnostics.map((d) => d.message)).toContain('invalid YAML: the file nests too deeply to read; a study needs five levels');
  });

  it('rejects duplicate keys in YAML and in JSON, naming the key', () => {
    const yaml = parseStudyFacts(`${MINIMAL}design: pilot_study\n`, 'dup.yaml');
    expect(yaml.diagnostics.map(formatDiagnostic)).toEqual(['error: dup.yaml:24:1: invalid YAML: key `design` is given twice in the same mapping; expected each key once [facts/syntax]']);
    const json = parseStudyFacts('{"id": "a", "title": {"en": "x", "en": "y"}}', 'dup.json');
    expect(json.diagnostics.map(formatDiagnostic)).toEqual(['error: dup.json:1:34: invalid JSON: key `en` is given twice in the same mapping; expected each key once [facts/syntax]']);
  });

  it('refuses YAML 1.1, where `n: 5` would silently become `false: 5`', () => {
    const { diagnostics } = parseStudyFacts(`%YAML 1.1\n---\n${MINIMAL}`, 'old.yaml');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'error: old.yaml:1:1: invalid YAML: `%YAML 1.1` is not supported; facts files are YAML 1.2 (in YAML 1.1, `n`, `yes` and `no` are booleans) — remove the directive [facts/syntax]',
    ]);
  });

  it('treats tags as data, never as code or objects to trust', () => {
    const js = parseStudyFacts(MINIMAL.replace('id: minimal-study', 'id: !!js/function "function () { process.exit(3) }"'), 'tag.yaml');
    expect(messages(js.diagnostics)).toEqual(['id: expected a slug: lower-case letters, digits and single hyphens, e.g. `mueller-2024`']);
    const set = parseStudyFacts(MINIMAL.replace('  group: Test Group', '  group: !!set { a, b }'), 'tag.yaml');
    expect(messages(set.diagnostics)).toEqual(['citation.group: expected string, received Set']);
  });
});

describe('size limits', () => {
  it(`refuses a facts file over ${MAX_FACTS_BYTES} bytes, saying how large it is and what the limit is`, async () => {
    const dir = tempDir();
    const file = join(dir, 'large.yaml');
    writeFileSync(file, `${MINIMAL}${`# ${'x'.repeat(98)}\n`.repeat(11_000)}`);
    const size = readFileSync(file).length;
    expect(size).toBeGreaterThan(1_100_000);
    const report = await check({ inputs: [file] });
    expect(errors(report).map((d) => d.message)).toEqual([`file is 1.1 MB (${size} bytes), larger than the limit of 1.0 MB (1000000 bytes); expected one study of a few kilobytes`]);
    expect(report.exitCode).toBe(2);
  });

  it('reads a facts file of exactly the limit, and refuses one a byte larger', () => {
    // MINIMAL, then a comment line `# xxx…x\n` that fills it up to the limit.
    const text = `${MINIMAL}# ${'x'.repeat(MAX_FACTS_BYTES - Buffer.byteLength(MINIMAL) - 3)}\n`;
    expect(Buffer.byteLength(text)).toBe(MAX_FACTS_BYTES);
    expect(parseStudyFacts(text, 'big.yaml').diagnostics).toEqual([]);
    expect(parseStudyFacts(`${text}\n`, 'big.yaml').diagnostics.map((d) => d.message)).toEqual([
      `file is 1.0 MB (${MAX_FACTS_BYTES + 1} bytes), larger than the limit of 1.0 MB (${MAX_FACTS_BYTES} bytes); expected one study of a few kilobytes`,
    ]);
  });

  it('does not even read a facts file of many megabytes', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 50_000_000);
    const report = await check({ inputs: [file] });
    expect(errors(report).map((d) => d.message)).toEqual(['cannot read facts file: it is 50.0 MB (50000000 bytes), larger than the limit of 10.0 MB (10000000 bytes)']);
  });
});

describe('`__proto__`, `constructor` and `prototype` keys never pollute objects', () => {
  const polluted = () => ({}) as Record<string, unknown>;
  const yamlWithProto = `${MINIMAL.replace('population:\n', 'population:\n  __proto__: { polluted: true }\n').replace('title:\n', 'title:\n  __proto__: { polluted: true }\n')}__proto__:\n  polluted: true\n`;
  const jsonWithProto = (() => {
    const text = JSON.stringify(minimal(), null, 2);
    return text
      .replace('"population": {', '"population": {\n    "__proto__": { "polluted": true },')
      .replace('"title": {', '"title": {\n    "__proto__": { "polluted": true },')
      .replace(/\n}$/, ',\n  "__proto__": { "polluted": true }\n}');
  })();

  it.each([
    ['YAML', 'proto.yaml', yamlWithProto],
    ['JSON', 'proto.json', jsonWithProto],
  ])('in %s, at the top level, nested and in a per-language text: unknown fields, and no object is changed', (_format, file, text) => {
    const { facts, diagnostics } = parseStudyFacts(text, file);
    expect(facts).toBeUndefined();
    expect(messages(diagnostics).sort()).toEqual(
      ['__proto__', 'population.__proto__', 'title.__proto__'].map((p) => `${p}: unknown field \`__proto__\`; check the spelling against schema/study-facts.schema.json`),
    );
    expect(polluted().polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects `constructor` and `prototype` as unknown fields, and as per-language keys', () => {
    const data: Record<string, any> = { ...minimal(), constructor: { prototype: { polluted: true } }, prototype: { polluted: true } };
    data.title = { ...data.title, constructor: 'x' };
    const { diagnostics } = parseStudyFacts(JSON.stringify(data), 'ctor.json');
    expect(messages(diagnostics)).toEqual([
      'title.constructor: invalid key `constructor`: expected a language code such as `en`, `de` or `zh`',
      '(top level): unknown fields `constructor`, `prototype`; check the spelling against schema/study-facts.schema.json',
    ]);
    expect(polluted().polluted).toBeUndefined();
    expect(polluted().prototype).toBeUndefined();
  });

  it('fails check as bad input (exit 2) for the YAML and the JSON file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'proto.yaml'), yamlWithProto);
    writeFileSync(join(dir, 'proto.json'), jsonWithProto);
    const report = await check({ inputs: [dir] });
    expect(report.exitCode).toBe(2);
    expect(errors(report)).toHaveLength(6);
    expect(polluted().polluted).toBeUndefined();
  });
});

describe('Handlebars keeps its prototype-access protections on', () => {
  const project = loadProject();
  const facts = parseStudyFacts(MINIMAL, MINIMAL_FILE).facts!;
  const tr = createTranslator(project.languages.en!, project.locales.en!);
  const render = (template: string) => createRenderer({ easy: template } as Record<string, string>).renderSummary(facts, deriveFacts(facts), 'easy', tr).markdown;

  it('throws under strict mode for `{{constructor.name}}`, never printing `Object`', () => {
    expect(() => render('{{constructor.name}}')).toThrow(/"name" not defined/);
  });

  it.each([
    ['{{lookup this "__proto__"}}'],
    ['{{lookup (lookup this "constructor") "name"}}'],
    ['{{#with this}}{{constructor}}{{/with}}'],
    ['{{__proto__}}'],
    ['{{population.__defineGetter__}}'],
  ])('renders nothing for %s', (template) => {
    expect(render(`[${template}]`)).toBe('[]\n');
  });

  it('gives a string literal no constructor either (the classic `{{#with "s" as |string|}}` escape)', () => {
    expect(() => render('{{#with "s" as |string|}}{{string.constructor.name}}{{/with}}')).toThrow();
    expect(render('{{#with "s" as |string|}}[{{string.constructor}}]{{/with}}')).toBe('[]\n');
  });
});

describe('facts text is data, never a template', () => {
  it.each(['easy', 'standard', 'expert'] as const)('%s: a title `{{t "easy.intro"}}` comes out as those characters', (level) => {
    const project = loadProject();
    const facts = parseStudyFacts(MINIMAL, MINIMAL_FILE).facts!;
    facts.title.en = '{{t "easy.intro"}}';
    const tr = createTranslator(project.languages.en!, project.locales.en!);
    const renderer = createRenderer(project.templates, project.partials);
    const { markdown } = renderer.renderSummary(facts, deriveFacts(facts), level, tr);
    expect(markdown.split('\n')[0]).toBe('# {{t "easy.intro"}}');
    const intro = tr.t('easy.intro', { context: 'easy', count: 5 });
    expect(markdown.split(intro).length - 1).toBe(level === 'easy' ? 1 : 0);
  });
});

describe('diagnostics are safe to print on a terminal', () => {
  /** C0 and C1 control characters other than the line feed between diagnostics, and bidi controls. */
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

  it.each([
    ['an escape sequence in a value', 'v.yaml', MINIMAL.replace('  group: Test Group', '  group: "\\e[2J\\e[31mTest Group"')],
    ['an escape sequence in a key', 'k.yaml', `${MINIMAL}"\\e]0;pwned\\a": 1\n`],
    ['a bidi override in a key', 'b.yaml', `${MINIMAL}"evil\\u202Edlrow": 1\n`],
    ['a newline in a key', 'n.yaml', `${MINIMAL}"two\\nlines": 1\n`],
    ['an escape sequence in a per-language key', 't.yaml', MINIMAL.replace('title:\n', 'title:\n  "\\e[2J": x\n')],
    ['an escape sequence in invalid JSON', 'j.json', '{"id": "a",\u001b[2J}'],
    ['an escape sequence in a YAML syntax error', 's.yaml', `id: [\u001b[2J\n`],
  ])('with %s, no message carries it raw', (_what, file, text) => {
    const { diagnostics } = parseStudyFacts(text, file);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const line of diagnostics.map(formatDiagnostic)) {
      expect(line).not.toMatch(UNSAFE);
      expect(line).not.toContain('\n');
    }
  });

  it('shows the hidden character as U+XXXX where the message names a key', () => {
    const { diagnostics } = parseStudyFacts(`${MINIMAL}"\\e]0;pwned\\a": 1\n`, 'k.yaml');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'error: k.yaml:24:1 U+001B]0;pwnedU+0007: unknown field `U+001B]0;pwnedU+0007`; check the spelling against schema/study-facts.schema.json [facts/schema]',
    ]);
  });

  it('writes nothing for a hostile study, so a failed build leaves no output behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, `${MINIMAL}"\\e[2J": 1\n`);
    const report = await build({ inputs: [file], out: join(dir, 'out') });
    expect(report.exitCode).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
