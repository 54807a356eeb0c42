import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, formatDiagnostic, parsePressConfig, type BuildReport } from '../src/index.js';
import { displayWidth } from '../src/outputs/wrap.js';
import { errorLines, readTree, ROOT, runCli, SAMPLES, tempDir } from './helpers.js';
import { unwrapPlainText } from './plain-text.js';

const CONFIG = join(SAMPLES, 'press.config.yaml');

describe('press summaries', () => {
  let out: string;
  let report: BuildReport;
  beforeAll(async () => {
    out = join(tempDir(), 'out');
    const press = parsePressConfig(readFileSync(CONFIG, 'utf8'), CONFIG).config!;
    report = await build({ inputs: [SAMPLES], out, formats: ['press'], press });
  });

  it('builds a press summary per study × language as Markdown, HTML and plain text, every check green', () => {
    expect(errorLines(report)).toEqual([]);
    const files = [...readTree(out).keys()].filter((f) => !f.startsWith('.'));
    expect(files).toHaveLength(4 * 3 * 3);
    expect(files.filter((f) => f.endsWith('/press.txt'))).toHaveLength(12);
  });

  it('has headline, standfirst, quotes, about the study, reference with DOI link and notes to editors', () => {
    const md = readFileSync(join(out, 'de', 'mueller-2024', 'press.md'), 'utf8');
    const facts = readFileSync(join(SAMPLES, 'mueller-2024.yaml'), 'utf8');
    const germanTitle = /\n {2}de: (.*)\n/.exec(facts)![1]!;
    expect(md.startsWith(`# ${germanTitle}\n\n**`)).toBe(true);
    expect(md).toContain('Ob die Krankheit bei diesen Menschen für immer verschwunden ist');
    expect(md).toContain('## Über die Studie');
    expect(md).toContain('(https://doi.org/10.1056/NEJMoa2308917)');
    expect(md).toContain('## Hinweise für Redaktionen');
    expect(md).toContain('Pressekontakt: Press Office, press@example.org.');
  });

  it('names the issuing organisation after a label, as the config writes it (no sentence that would need an article for it)', () => {
    const read = (lang: string) => readFileSync(join(out, lang, 'mueller-2024', 'press.md'), 'utf8');
    expect(read('en')).toContain('\nIssued by: Example Patient Information Service. We write plain-language summaries');
    expect(read('de')).toContain('\nHerausgeber: Example Patient Information Service. Wir schreiben');
    // Was "This summary was issued by Example Patient Information Service." and "Der Text stammt von Example …".
    expect(read('en')).not.toContain('issued by Example');
    expect(read('de')).not.toContain('stammt von Example');
  });

  it('writes a plain-text email version without Markdown syntax', () => {
    const txt = readFileSync(join(out, 'zh', 'mueller-2024', 'press.txt'), 'utf8');
    expect(txt).not.toMatch(/\*\*|\]\(|^#/m);
    // Wrapped for mail (test/press-text.test.ts has the rules): the link's URL goes to the next line, whole.
    expect(unwrapPlainText(txt)).toContain('DOI: 10.1056/NEJMoa2308917 <https://doi.org/10.1056/NEJMoa2308917>');
    expect(txt).toContain('\n<https://doi.org/10.1056/NEJMoa2308917>\n');
    expect(Math.max(...txt.split('\n').map(displayWidth))).toBeLessThanOrEqual(72);
    expect(txt).toMatch(/^编者注\n-+$/m);
  });

  it('rejects a bad press config, naming file and field', () => {
    const parsed = parsePressConfig('organisation: X\ncontact:\n  name: Y\n  email: not-an-email\n', 'press.config.yaml');
    expect(parsed.diagnostics.map(formatDiagnostic)).toEqual(['error: press.config.yaml:4:10 contact.email: expected an email address [press/config]']);
  });

  it('CLI: --format press with --press-config; an unknown format is a usage error', () => {
    const dir = join(tempDir(), 'out');
    const ok = runCli(['build', 'samples/first-patient-2021.yaml', '--format', 'press', '--press-config', 'samples/press.config.yaml', '--out', dir, '-q'], ROOT);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'en', 'first-patient-2021', 'press.txt'), 'utf8')).toContain('Notes to editors');
    const bad = runCli(['build', 'samples', '--format', 'poster'], ROOT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('laysum: unknown format `poster`; expected one or more of summary, press, leaflet\n');
  });
});
