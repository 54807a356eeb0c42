import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateStudies } from '../bench/generate.js';
import { expectSameTree, FIXTURES, projectCopy, readTree, ROOT, runCli, SAMPLES, tempDir } from './helpers.js';

/** `text` as a regular expression that matches it literally (a path inside a pattern). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('laysum CLI', () => {
  it('build: exit 0, writes every summary and says so', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['build', 'samples', '--out', out]);
    expect(result.code).toBe(0);
    // Piped stderr: diagnostics only, one per line (no progress bar, no error): 3 studies × 4 unknown Annex V elements, 1 mixed source.
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => !/^(warning|info): samples\//.test(l))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('warning: '))).toHaveLength(12);
    expect(result.stdout).toBe(`laysum: 4 studies, 36 summaries; 72 files written to ${out}/; 0 errors, 12 warnings\n`);
    const files = [...readTree(out).keys()];
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(36);
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(36);
    expect(files.filter((f) => !/\.(md|html)$/.test(f))).toEqual(['.laysum-output']);
  });

  it('build --lang --level: only the asked combinations', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['build', 'samples/mueller-2024.yaml', '--out', out, '--lang', 'de,zh', '--level', 'easy', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect([...readTree(out).keys()].filter((f) => !f.startsWith('.')).sort()).toEqual(['de/mueller-2024/easy.html', 'de/mueller-2024/easy.md', 'zh/mueller-2024/easy.html', 'zh/mueller-2024/easy.md']);
  });

  it('check: exit 0, writes nothing, and prints one table row per study × language × level', () => {
    const dir = tempDir();
    const result = runCli(['check', join(ROOT, 'samples')], dir);
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('laysum: 4 studies, 36 summaries; checked, nothing written; 0 errors, 12 warnings');
    expect(lines[0]).toMatch(/^study +lang +level +language +readability +fidelity +coverage$/);
    const rows = lines.slice(1, -1).map((l) => l.split(/ {2,}/));
    expect(rows).toHaveLength(36);
    expect(rows.map((r) => r.slice(0, 3).join('/'))).toContain('mueller-2024/zh/expert');
    for (const row of rows) {
      const where = row.slice(0, 3).join('/');
      expect(row, where).toHaveLength(7);
      expect(row[3], where).toMatch(new RegExp(`^✓ ${row[1]} \\d+/\\d+ judged`));
      expect(row[4], where).toMatch(row[2] === 'expert' ? /^✓ reported, not limited$/ : /^✓ \w+ [\d.]+ [≤≥] \d+/);
      expect(row[5], where).toMatch(/^✓ (\d+)\/\1 numbers match$/);
      expect(row[6], where).toMatch(/^✓ \d+ covered, 0 missing, \d+ unknown$/);
    }
  });

  it('check --json: a machine-readable report', () => {
    const result = runCli(['check', 'samples', '--json']);
    expect(result.code).toBe(0);
    // The report is all of stdout; diagnostics go into it, not to stderr.
    expect(result.stderr).toBe('');
    type Json = {
      ok: boolean;
      exitCode: number;
      diagnostics: { ruleId: string }[];
      studies: { id: string; summaries: { lang: string; level: string; language: { judged: number; paragraphs: number }; fidelity: object; coverage: unknown[]; readability: object }[]; sources: { id: string; shares: Record<string, number> }[]; derived: { name: string; value: number; from: string[] }[] }[];
    };
    const report = JSON.parse(result.stdout) as Json;
    expect(report).toMatchObject({ ok: true, exitCode: 0 });
    expect(report.diagnostics.map((d) => d.ruleId).sort()).toEqual([...Array<string>(12).fill('coverage/unknown'), 'language/source-mixed']);
    const mueller = report.studies.find((s) => s.id === 'mueller-2024')!;
    expect(mueller.sources.map((s) => [s.id, Object.keys(s.shares).sort()])).toEqual([
      ['mueller-2024-en', ['en']],
      ['mueller-2024-de', ['de']],
      ['mueller-2024-bilingual', ['en', 'zh']],
    ]);
    expect(mueller.derived).toContainEqual({ name: 'population.groups[0].percent', value: 53.3333, from: ['population.groups[0].n', 'population.total'] });
    for (const s of mueller.summaries) {
      expect(s.language.judged, `${s.lang}/${s.level}`).toBeLessThanOrEqual(s.language.paragraphs);
      expect(s.coverage, `${s.lang}/${s.level}`).toHaveLength(10);
      expect(Object.keys(s).sort()).toEqual(['coverage', 'fidelity', 'files', 'lang', 'language', 'level', 'readability']);
    }
    expect(report.studies.map((s) => [s.id, s.summaries.length])).toEqual([
      ['crispr-donor-2024', 9],
      ['first-patient-2021', 9],
      ['mueller-2024', 9],
      ['shanghai-donor-2025', 9],
    ]);
  });

  it('exit 1 when a check fails, naming the problem', () => {
    const result = runCli(['check', join(FIXTURES, 'check-fail', 'wrong-title-language.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wrong-title-language\.yaml:\d+:\d+ wrong-title-language title\.de: text for `de` reads as `en`/);
  });

  it('exit 1 naming the key when a German locale key is deleted', () => {
    const project = projectCopy();
    const file = join(project, 'locales', 'de', 'summary.json');
    const de = JSON.parse(readFileSync(file, 'utf8')) as { standard: { safety: Record<string, string> } };
    delete de.standard.safety.caution;
    writeFileSync(file, JSON.stringify(de));
    const result = runCli(['check', 'samples', '--project', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing locale key `summary:standard.safety.caution` in language `de`');
  });

  it('exit 2 for a bad facts file, with file, line:column and field path, and no stack trace', () => {
    const result = runCli(['check', join(FIXTURES, 'bad', 'wrong-type.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/wrong-type\.yaml:\d+:\d+ population\.total: expected number, received string/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exit 2 for usage errors: unknown option, unknown language or level, missing paths', () => {
    const option = runCli(['build', 'samples', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--colour'");
    const lang = runCli(['check', 'samples', '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('laysum: unknown language `fr`; expected one of en, de, zh\n');
    const level = runCli(['check', 'samples', '--level', 'easy,ease']);
    expect(level.code).toBe(2);
    expect(level.stderr).toBe('laysum: unknown level `ease`; expected one of easy, standard, expert\n');
    expect(runCli(['check']).code).toBe(2);
    const missing = runCli(['check', 'no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/folder: cannot read input: no such file or folder');
    const pdf = runCli(['build', 'samples', '--format', 'leaflet', '--pdf', 'sometimes']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--pdf sometimes: expected --pdf or --pdf auto');
  });

  it('--quiet prints errors only', () => {
    const minimal = join(FIXTURES, 'valid', 'minimal.yaml');
    const loud = runCli(['check', minimal]);
    expect(loud.code).toBe(0);
    expect(loud.stderr.match(/^warning: .*\[coverage\/unknown\]$/gm)).toHaveLength(5);
    const quiet = runCli(['check', minimal, '--quiet']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const failing = runCli(['check', minimal, join(FIXTURES, 'check-fail', 'wrong-title-language.yaml'), '-q']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe('');
    // The facts title, and the German summaries that show it; no warning about minimal-study.
    expect(failing.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^error: .*wrong-title-language\.yaml:\d+:\d+ wrong-title-language title\.de: .*\[language\/facts\]$/),
      ...['easy', 'standard', 'expert'].map((level) => expect.stringMatching(new RegExp(`^error: de/wrong-title-language/${level}\\.md wrong-title-language/de/${level}: paragraph 1 reads as \`en\`.*\\[language/summary\\]$`))),
    ]);
  });

  it('--report writes one self-contained HTML page, failing rows first, also when a check fails', () => {
    const dir = tempDir();
    const report = join(dir, 'nested', 'report.html');
    const result = runCli(['check', join(FIXTURES, 'valid', 'minimal.yaml'), join(FIXTURES, 'check-fail', 'wrong-title-language.yaml'), '--report', report, '-q']);
    expect(result.code).toBe(1);
    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    const rows = [...html.matchAll(/<tr class="(fail|ok)"(?: id="[^"]+")?><td>([^<]+)<\/td><td>(\w+)<\/td><td>(\w+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}/${m[3]}/${m[4]}`);
    expect(rows).toHaveLength(18);
    expect(rows.slice(0, 9).every((r) => r.startsWith('fail wrong-title-language/'))).toBe(true);
    expect(rows.slice(9).every((r) => r.startsWith('ok minimal-study/'))).toBe(true);
    expect(html).toContain('title.de: text for `de` reads as `en`');
  });

  it('replaces its own output folder as a whole, and a failed build leaves it untouched', () => {
    const out = join(tempDir(), 'out');
    expect(runCli(['build', 'samples/first-patient-2021.yaml', '--out', out, '-q']).code).toBe(0);
    writeFileSync(join(out, 'stale.txt'), 'from an older build');
    expect(runCli(['build', 'samples/mueller-2024.yaml', '--out', out, '--lang', 'en', '-q']).code).toBe(0);
    const before = readTree(out);
    expect([...before.keys()].filter((f) => !f.startsWith('.')).sort()).toEqual(['easy', 'expert', 'standard'].flatMap((l) => [`en/mueller-2024/${l}.html`, `en/mueller-2024/${l}.md`]));
    const failed = runCli(['build', 'samples/mueller-2024.yaml', join(FIXTURES, 'check-fail', 'wrong-title-language.yaml'), '--out', out, '-q']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expectSameTree(out, before);
    // No staging folder is left beside the output.
    expect(readdirSync(dirname(out))).toEqual(['out']);
  });

  it('exit 2 when the output folder cannot be written: a file in its place', () => {
    const out = join(tempDir(), 'out');
    writeFileSync(out, 'a file, not a folder');
    const result = runCli(['build', 'samples/first-patient-2021.yaml', '--out', out, '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${out}: exists and is not a folder`);
    expect(readFileSync(out, 'utf8')).toBe('a file, not a folder');
  });

  it('refuses to replace a folder it did not write', () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const result = runCli(['build', 'samples', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('was not written by laysum');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('site: builds the outreach site for the asked languages and levels, with x-default in --default-lang', () => {
    const out = join(tempDir(), 'site');
    const result = runCli(['site', 'samples', '--out', out, '--base-url', 'https://example.org/sub/', '--default-lang', 'de', '--lang', 'de,zh', '--level', 'easy', '-q']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const files = [...readTree(out).keys()].filter((f) => !f.startsWith('.'));
    const studies = ['crispr-donor-2024', 'first-patient-2021', 'mueller-2024', 'shanghai-donor-2025'];
    expect(files.sort()).toEqual(
      ['assets/site.css', 'index.html', 'robots.txt', 'sitemap.xml', ...['de', 'zh'].flatMap((l) => [`${l}/index.html`, ...studies.flatMap((id) => [`${l}/${id}/easy.html`, `${l}/${id}/index.html`])])].sort(),
    );
    const page = readFileSync(join(out, 'zh', 'mueller-2024', 'easy.html'), 'utf8');
    expect([...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]])).toEqual([
      ['de', 'https://example.org/sub/de/mueller-2024/'],
      ['zh-Hans', 'https://example.org/sub/zh/mueller-2024/'],
      ['x-default', 'https://example.org/sub/de/mueller-2024/'],
    ]);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/sub/sitemap.xml');
  });

  it('site: writes nothing when a summary fails a check', () => {
    const out = join(tempDir(), 'site');
    const result = runCli(['site', 'samples/mueller-2024.yaml', join(FIXTURES, 'check-fail', 'wrong-title-language.yaml'), '--out', out, '-q']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('title.de: text for `de` reads as `en`');
    expect(existsSync(out)).toBe(false);
  });
});

describe('a --project template that does not parse', () => {
  it('is bad configuration, found before any study is rendered: exit 2, one line naming the file and line', () => {
    const dir = tempDir();
    const project = projectCopy();
    const easy = join(project, 'templates', 'easy.hbs');
    // Handlebars names the line where it stops: the end of the file, after the broken block.
    const lines = readFileSync(easy, 'utf8').split('\n').length;
    writeFileSync(easy, `${readFileSync(easy, 'utf8')}{{#if}}\n`);
    const result = runCli(['build', join(ROOT, 'samples'), '--out', join(dir, 'out'), '--project', project]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([`error: ${easy}:${lines + 1}: the template does not parse: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF' [project/template]`]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a helper that does not exist is found the same way: exit 2, one line for the whole build (not one per study and language)', () => {
    const dir = tempDir();
    const project = projectCopy();
    const easy = join(project, 'templates', 'easy.hbs');
    const lines = readFileSync(easy, 'utf8').split('\n').length;
    writeFileSync(easy, `${readFileSync(easy, 'utf8')}{{nosuch "x"}}\n`);
    const result = runCli(['build', join(ROOT, 'samples'), '--out', join(dir, 'out'), '--project', project]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error: ${literal(easy)}:${lines}:3: \`nosuch\` is not a helper \\(the helpers are: .*\\bt, term\\b.*\\) \\[project/template\\]$`))]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('help', () => {
  it('--help and `help` print the usage on stdout and exit 0; no command at all is a usage error (exit 2)', () => {
    for (const args of [['--help'], ['help'], ['build', '--help'], ['help', 'check']]) {
      const result = runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toMatch(/^Usage: laysum /);
      expect(result.stderr, args.join(' ')).toBe('');
    }
    expect(runCli(['build', '--help']).stdout).toContain('--press-config <file>');
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: laysum \[options\] \[command\]\n/);
  });
});

describe('a --press-config that cannot be used is bad input: exit 2, one diagnostic line naming it, nothing written', () => {
  const build = (config: string) => {
    const out = join(tempDir(), 'out');
    const result = runCli(['build', join(SAMPLES, 'first-patient-2021.yaml'), '--format', 'press', '--press-config', config, '--out', out, '-q']);
    expect(existsSync(out), 'no output folder').toBe(false);
    return result;
  };

  it('a file that is not there', () => {
    const missing = join(tempDir(), 'press.config.yaml');
    expect(build(missing)).toEqual({ code: 2, stdout: '', stderr: `error: ${missing}: cannot read press config: no such file or folder [input/read]\n` });
  });

  it('a file that does not validate: the field named', () => {
    const bad = join(FIXTURES, 'press-config', 'bad-email.config.yaml');
    expect(build(bad)).toEqual({ code: 2, stdout: '', stderr: `error: ${bad}:5:10 contact.email: expected an email address [press/config]\n` });
  });
});

describe('a --report that cannot be written: exit 2, one line naming it, no temporary file left', () => {
  it('a folder in its place: the report is written beside it first, then cannot be renamed over it; the temporary file goes', () => {
    const dir = tempDir();
    const report = join(dir, 'report.html');
    mkdirSync(report);
    writeFileSync(join(report, 'notes.txt'), 'mine');
    const result = runCli(['check', join(SAMPLES, 'first-patient-2021.yaml'), '--lang', 'en', '--level', 'easy', '--report', report, '-q']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `laysum: --report ${report}: cannot write the report: a folder is in its place\n` });
    // Nothing beside it (no .laysum-<pid>.tmp), nothing in it changed.
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(readdirSync(report)).toEqual(['notes.txt']);
  });
});

describe('a --project folder that cannot be loaded is bad configuration: exit 2, a diagnostic line per problem, no stack trace', () => {
  it('a folder without locales/ and templates/: each file it needs is named', () => {
    const project = tempDir();
    const result = runCli(['check', join(SAMPLES, 'first-patient-2021.yaml'), '--project', project]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${join(project, 'locales', 'languages.json')}: cannot read: no such file or folder [input/read]\nerror: ${join(project, 'templates', 'bands.json')}: cannot read: no such file or folder [input/read]\n`,
    });
  });

  it('problems in several project files: all of them in one run', () => {
    const project = projectCopy();
    const languages = join(project, 'locales', 'languages.json');
    const listed = JSON.parse(readFileSync(languages, 'utf8')) as Record<string, Record<string, unknown>>;
    writeFileSync(languages, JSON.stringify({ ...listed, zh: { ...listed.zh, script: 'Cyrillic' } }, null, 2));
    writeFileSync(join(project, 'templates', 'expert.hbs'), '{{#if study}}\n');
    writeFileSync(join(project, 'templates', 'bands.json'), '{ "easy": 5 }\n');
    const result = runCli(['check', join(SAMPLES, 'first-patient-2021.yaml'), '--project', project]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^error: ${literal(languages)}:\\d+:\\d+ zh\\.script: expected one of Latin, Han \\[project/languages\\]$`)),
      expect.stringMatching(new RegExp(`^error: ${literal(join(project, 'templates', 'expert.hbs'))}:2: the template does not parse: .* \\[project/template\\]$`)),
      `error: ${join(project, 'templates', 'bands.json')}:1:11 easy: Invalid input: expected object, received number [project/bands]`,
    ]);
  });

  it('a language in locales/languages.json without its folder: the folder and the language named', () => {
    const project = projectCopy();
    const languages = join(project, 'locales', 'languages.json');
    const listed = JSON.parse(readFileSync(languages, 'utf8')) as Record<string, unknown>;
    writeFileSync(languages, JSON.stringify({ ...listed, fr: { name: 'Français', intl: 'fr-FR', html: 'fr', franc: 'fra', script: 'Latin' } }));
    const result = runCli(['check', join(SAMPLES, 'first-patient-2021.yaml'), '--project', project]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `error: ${join(project, 'locales', 'fr')}: no such folder; ${languages} lists \`fr\`, so its wording must be there [project/languages]\n` });
  });

  it('a languages.json that is not an object of languages: the file named, with what was expected', () => {
    const project = join(FIXTURES, 'project', 'languages-not-an-object');
    const result = runCli(['check', join(SAMPLES, 'first-patient-2021.yaml'), '--project', project]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `error: ${join(project, 'locales', 'languages.json')}:1:1: expected an object of languages by code [project/languages]\n` });
  });

  it('a bands.json with two bad fields: a line for each, at its line and column, in the common shape', () => {
    const project = projectCopy();
    const bands = join(project, 'templates', 'bands.json');
    writeFileSync(bands, '{\n  "easy": {\n    "en": { "fleschKincaidGrade": { "max": "6" } },\n    "de": 5\n  }\n}\n');
    const result = runCli(['check', join(SAMPLES, 'first-patient-2021.yaml'), '--project', project]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${bands}:3:44 easy.en.fleschKincaidGrade.max: Invalid input: expected number, received string [project/bands]\nerror: ${bands}:4:11 easy.de: Invalid input: expected object, received number [project/bands]\n`,
    });
  });

  it('a locale file that is not JSON: where it stops, as line and column', () => {
    const project = projectCopy();
    const site = join(project, 'locales', 'de', 'site.json');
    writeFileSync(site, '{\n  "name": "Studien",\n  "skipLink" "Zum Inhalt"\n}\n');
    const result = runCli(['check', join(SAMPLES, 'first-patient-2021.yaml'), '--project', project]);
    // V8's own words differ between Node versions; the place is laysum's.
    expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^error: ${literal(site)}:3:14: invalid JSON: [^\n]+ \\[project/json\\]\n$`)) });
  });
});

/**
 * What the command does when its own code fails: a fault injected into the real command by a
 * module Node loads into every thread (NODE_OPTIONS=--import test/fixtures/faults/inject.mjs;
 * laysum's code has no test hook). One line, exit 2, a hint how to see where — and the output
 * folder as it was, with nothing beside it.
 */
describe('an internal error', () => {
  const fault = (name: string, trace = '') => ({ LAYSUM_TEST_FAULT: name, LAYSUM_TRACE: trace, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(join(FIXTURES, 'faults', 'inject.mjs')).href}` });

  it('the build thread dies with its staging folder written: exit 2, "the build stopped unexpectedly", the previous output intact and nothing left beside it', () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect(runCli(['build', join(SAMPLES, 'first-patient-2021.yaml'), '--lang', 'en', '--level', 'easy', '--out', out, '-q']).code).toBe(0);
    const before = readTree(out);
    const result = runCli(['build', join(SAMPLES, 'mueller-2024.yaml'), '--out', out, '-q'], dir, fault('build-thread-exit-at-swap'));
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'laysum: internal error: the build stopped unexpectedly (exit code 70)\nSet LAYSUM_TRACE=1 to see where.\n' });
    expect(readdirSync(dir)).toEqual(['out']);
    expectSameTree(out, before);
  });

  it('a render worker dies: exit 2, the error in one line and a hint; with LAYSUM_TRACE=1, where it was noticed instead of the hint', () => {
    // Two threads need 24 studies (MIN_PER_WORKER in src/pipeline/pool.ts).
    const input = join(tempDir(), 'facts');
    generateStudies(input, 24, 7);
    const args = ['check', input, '--workers', '2', '-q'];
    const plain = runCli(args, ROOT, fault('render-worker-exit'));
    expect(plain).toEqual({ code: 2, stdout: '', stderr: 'laysum: internal error: a build worker stopped unexpectedly (exit code 70)\nSet LAYSUM_TRACE=1 to see where.\n' });
    const traced = runCli(args, ROOT, fault('render-worker-exit', '1'));
    expect(traced.code).toBe(2);
    const lines = traced.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['laysum: internal error: a build worker stopped unexpectedly (exit code 70)', 'Error: a build worker stopped unexpectedly (exit code 70)']);
    expect(lines[2]).toMatch(/^ {4}at .*\/dist\/src\/pipeline\/pool\.js:\d+:\d+\)$/);
    expect(traced.stderr).not.toContain('LAYSUM_TRACE');
  });
});
