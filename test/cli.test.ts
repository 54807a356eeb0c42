import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, readTree, ROOT, runCli, tempDir } from './helpers.js';

describe('laysum CLI', () => {
  it('build: exit 0, writes every summary and says so', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['build', 'samples', '--out', out]);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('laysum: 4 studies, 36 summaries; 72 files written');
    expect([...readTree(out).keys()].filter((f) => f.endsWith('.html'))).toHaveLength(36);
  });

  it('build --lang --level: only the asked combinations', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['build', 'samples/mueller-2024.yaml', '--out', out, '--lang', 'de,zh', '--level', 'easy', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect([...readTree(out).keys()].filter((f) => !f.startsWith('.')).sort()).toEqual(['de/mueller-2024/easy.html', 'de/mueller-2024/easy.md', 'zh/mueller-2024/easy.html', 'zh/mueller-2024/easy.md']);
  });

  it('check: exit 0 and writes nothing', () => {
    const dir = tempDir();
    const result = runCli(['check', join(ROOT, 'samples')], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('checked, nothing written');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('check --json: a machine-readable report', () => {
    const result = runCli(['check', 'samples', '--json']);
    const report = JSON.parse(result.stdout) as { ok: boolean; exitCode: number; studies: { id: string; summaries: unknown[] }[] };
    expect(report).toMatchObject({ ok: true, exitCode: 0 });
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
    const project = tempDir();
    cpSync(join(ROOT, 'locales'), join(project, 'locales'), { recursive: true });
    cpSync(join(ROOT, 'templates'), join(project, 'templates'), { recursive: true });
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

  it('exit 2 for usage errors: unknown option, unknown language, missing paths', () => {
    expect(runCli(['build', 'samples', '--colour']).code).toBe(2);
    const lang = runCli(['check', 'samples', '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('unknown language `fr`; expected one of en, de, zh');
    expect(runCli(['check']).code).toBe(2);
    expect(runCli(['check', 'no/such/folder']).stderr).toContain('no/such/folder: cannot read input: no such file or folder');
  });

  it('refuses to replace a folder it did not write', () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const result = runCli(['build', 'samples', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('was not written by laysum');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
