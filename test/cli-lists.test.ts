/**
 * `--lang` and `--level` given but empty, and a project with no level templates, are usage errors
 * (exit 2, one line, nothing written). Before: `--lang ""` silently built every language,
 * `--level ,` built nothing and replaced the previous output with an empty folder (exit 0), and a
 * `--project` whose templates/ had no `<level>.hbs` did the same.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { expectSameTree, FIXTURES, projectCopy, readTree, runCli, tempDir } from './helpers.js';

const STUDY = join(FIXTURES, 'valid', 'minimal.yaml');

/** An output folder from an ordinary build, and its files, to compare with after the failed run. */
function previousOutput(): { out: string; before: ReturnType<typeof readTree> } {
  const out = join(tempDir(), 'out');
  expect(runCli(['build', STUDY, '--lang', 'en', '--out', out, '-q']).code).toBe(0);
  return { out, before: readTree(out) };
}

describe('an empty --lang or --level list', () => {
  it.each([
    ['--lang', '', 'laysum: an empty list of languages; expected one or more of en, de, zh\n'],
    ['--lang', ',', 'laysum: an empty list of languages; expected one or more of en, de, zh\n'],
    ['--level', '', 'laysum: an empty list of levels; expected one or more of easy, standard, expert\n'],
    ['--level', ' , ', 'laysum: an empty list of levels; expected one or more of easy, standard, expert\n'],
  ])('build %s %j: exit 2, one line, the previous output untouched', (flag, value, stderr) => {
    const { out, before } = previousOutput();
    expect(runCli(['build', STUDY, flag, value, '--out', out])).toEqual({ code: 2, stdout: '', stderr });
    expectSameTree(out, before);
  });

  it('check and site refuse it too', () => {
    expect(runCli(['check', STUDY, '--lang', ''])).toMatchObject({ code: 2, stderr: 'laysum: an empty list of languages; expected one or more of en, de, zh\n' });
    const site = join(tempDir(), 'site');
    expect(runCli(['site', STUDY, '--level', ',', '--out', site])).toMatchObject({ code: 2, stderr: 'laysum: an empty list of levels; expected one or more of easy, standard, expert\n' });
    expect(readdirSync(join(site, '..'))).toEqual([]);
  });

  it('the library refuses an empty list as well (it is not "all")', async () => {
    await expect(build({ inputs: [STUDY], write: false, langs: [] })).rejects.toThrow('an empty list of languages');
    await expect(build({ inputs: [STUDY], write: false, levels: [] })).rejects.toThrow('an empty list of levels');
  });
});

describe('a --project with no level templates', () => {
  const project = () => {
    const dir = projectCopy();
    for (const level of ['easy', 'standard', 'expert']) rmSync(join(dir, 'templates', `${level}.hbs`));
    return dir;
  };

  it('build of summaries: exit 2 naming the folder, the previous output untouched', () => {
    const dir = project();
    const { out, before } = previousOutput();
    expect(runCli(['build', STUDY, '--lang', 'en', '--project', dir, '--out', out])).toEqual({
      code: 2,
      stdout: '',
      stderr: `laysum: ${join(dir, 'templates')} has no reading-level template (<level>.hbs, e.g. easy.hbs); summaries and sites need at least one\n`,
    });
    expectSameTree(out, before);
    expect(runCli(['check', STUDY, '--project', dir]).code).toBe(2);
    expect(runCli(['site', STUDY, '--project', dir, '--out', join(tempDir(), 'site')]).code).toBe(2);
  });

  it('a leaflet needs no level template: it still builds', () => {
    const out = join(tempDir(), 'out');
    const r = runCli(['build', STUDY, '--lang', 'en', '--format', 'leaflet', '--project', project(), '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect([...readTree(out).keys()].filter((f) => !f.startsWith('.'))).toEqual(['en/minimal-study/leaflet.html']);
  });
});
