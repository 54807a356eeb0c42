/**
 * Batch builds: worker threads give the same bytes as one thread; incremental builds rebuild only
 * what changed and give the same bytes as a full build; `--shard k/n` splits the studies stably;
 * `laysum site --merge` joins shard outputs into the same site an unsharded build makes.
 *
 * Real `laysum` runs (the compiled CLI) on 40 generated studies (bench/generate.ts, seeded).
 */
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStudies } from '../bench/generate.js';
import { shardOf } from '../src/pipeline/index.js';
import { expectSameTree, projectCopy, readTree, ROOT, runCli, tempDir } from './helpers.js';

const STUDIES = 40;
/** One language and level, for parts whose content a test does not look at. */
const SMALL = ['--lang', 'en', '--level', 'easy', '-q'];
let dir: string;
const facts = () => join(dir, 'facts');
/** Runs laysum in the test folder; a run that prepares a test must succeed. */
const ok = (args: string[]) => {
  const result = runCli(args, dir);
  expect(result.code, `laysum ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
};
const json = (args: string[]) => {
  const result = runCli([...args, '--json'], dir);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { rebuilt: number; reused: number; upToDate: boolean; written: number; studies: { id: string }[] };
};

beforeAll(() => {
  dir = tempDir('laysum-batch-');
  generateStudies(facts(), STUDIES, 7);
});

describe('worker threads', () => {
  it('give byte-identical output to a single-thread build, manifest included', () => {
    // Two threads (this one and a worker) already hand outcomes back in any order; more add nothing on two cores.
    ok(['build', 'facts', '--out', 'one', '--workers', '1', '-q']);
    ok(['build', 'facts', '--out', 'two', '--workers', '2', '-q']);
    const tree = readTree(join(dir, 'one'));
    expect(tree.size).toBe(STUDIES * 3 * 3 * 2 + 1);
    expectSameTree(join(dir, 'two'), tree);
  });

  it('reject a bad --workers or --shard value as usage (exit 2)', () => {
    expect(runCli(['build', 'facts', '--workers', '0'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--workers 0: expected a whole number from 1 to 64') });
    expect(runCli(['build', 'facts', '--shard', '3/2'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--shard 3/2: expected k/n with 1 ≤ k ≤ n') });
    expect(runCli(['check', 'facts', '--shard', 'half'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--shard half') });
    // More parts than any CI matrix runs is a typo; 1/100000000 once made `site --merge` run out of memory listing the missing parts.
    expect(runCli(['site', 'facts', '--shard', '1/100000000', '--out', 'huge'], dir)).toMatchObject({ code: 2, stderr: 'laysum: --shard 1/100000000: expected at most 1000 parts (n ≤ 1000), one per machine that builds a part\n' });
    expect(existsSync(join(dir, 'huge'))).toBe(false);
  });
});

describe('incremental builds', () => {
  it('leave the output untouched when nothing changed, and say so', () => {
    const out = join(dir, 'inc');
    ok(['build', 'facts', '--out', 'inc', '-q']);
    const before = readTree(out);
    const marker = statSync(join(out, '.laysum-output'));
    const again = runCli(['build', 'facts', '--out', 'inc'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing changed, inc/ is up to date');
    const after = statSync(join(out, '.laysum-output'));
    expect([after.ino, after.mtimeMs]).toEqual([marker.ino, marker.mtimeMs]);
    expectSameTree(out, before);
  });

  it('take --format in any order, a format named twice once: the same build, up to date', () => {
    ok(['build', 'facts', '--out', 'formats', '--format', 'summary,press', ...SMALL]);
    // Before, another order or a repeat was other settings: every study rebuilt, to the same bytes.
    const again = json(['build', 'facts', '--out', 'formats', '--format', 'press,summary,press', ...SMALL]);
    expect([again.upToDate, again.rebuilt]).toEqual([true, 0]);
  });

  it('rebuild only a changed study (facts or a source text), with the bytes of a full build', () => {
    ok(['build', 'facts', '--out', 'inc', '-q']);
    appendFileSync(join(facts(), 'study-00003.yaml'), '# reviewed\n');
    const changed = json(['build', 'facts', '--out', 'inc']);
    expect([changed.rebuilt, changed.reused, changed.upToDate]).toEqual([1, STUDIES - 1, false]);
    appendFileSync(join(facts(), 'sources', 'study-00005.en.md'), '\nA note added later.\n');
    const source = json(['build', 'facts', '--out', 'inc']);
    expect([source.rebuilt, source.reused]).toEqual([1, STUDIES - 1]);
    ok(['build', 'facts', '--out', 'inc-full', '--full', '-q']);
    expectSameTree(join(dir, 'inc'), join(dir, 'inc-full'));
  });

  it('read a damaged manifest (cut in the middle of a line, or a line that is not JSON) as none: every study rebuilt, to the bytes of a full build', () => {
    ok(['build', 'facts', '--out', 'damaged', ...SMALL]);
    ok(['build', 'facts', '--out', 'damaged-full', '--full', ...SMALL]);
    const marker = join(dir, 'damaged', '.laysum-output');
    const text = readFileSync(marker, 'utf8');
    // A manifest cut short (a disk that filled up while it was written by hand or copied) ...
    writeFileSync(marker, text.slice(0, Math.floor(text.length / 2)));
    const cut = json(['build', 'facts', '--out', 'damaged', ...SMALL]);
    expect([cut.rebuilt, cut.reused, cut.upToDate]).toEqual([STUDIES, 0, false]);
    expectSameTree(join(dir, 'damaged'), join(dir, 'damaged-full'));
    // ... and one with a line that is not JSON.
    const lines = readFileSync(marker, 'utf8').split('\n');
    lines[5] = lines[5]!.slice(0, 40);
    writeFileSync(marker, lines.join('\n'));
    const broken = json(['build', 'facts', '--out', 'damaged', ...SMALL]);
    expect([broken.rebuilt, broken.reused, broken.upToDate]).toEqual([STUDIES, 0, false]);
    expectSameTree(join(dir, 'damaged'), join(dir, 'damaged-full'));
  });

  it('rebuild the studies that came and drop those that went', () => {
    ok(['build', 'facts', '--out', 'inc', '-q']);
    const extra = join(dir, 'more');
    generateStudies(extra, 2, 99);
    writeFileSync(join(extra, 'study-00001.yaml'), readFileSync(join(extra, 'study-00001.yaml'), 'utf8').replace('id: study-00001', 'id: extra-00001'));
    writeFileSync(join(extra, 'study-00002.yaml'), readFileSync(join(extra, 'study-00002.yaml'), 'utf8').replace('id: study-00002', 'id: extra-00002'));
    const added = json(['build', 'facts', 'more', '--out', 'inc']);
    expect([added.rebuilt, added.reused, added.studies.length]).toEqual([2, STUDIES, STUDIES + 2]);
    const removed = json(['build', 'facts', '--out', 'inc']);
    expect([removed.rebuilt, removed.reused, removed.upToDate]).toEqual([0, STUDIES, false]);
    expect([...readTree(join(dir, 'inc')).keys()].some((p) => p.includes('extra-'))).toBe(false);
  });

  // Two languages: German changed, English taken over (a third would be taken over the same way).
  it('rebuild only the language whose locale changed', () => {
    const project = projectCopy();
    const args = ['--project', project, '--lang', 'en,de'];
    ok(['build', 'facts', '--out', 'loc', ...args, '-q']);
    const before = readTree(join(dir, 'loc'));
    const file = join(project, 'locales', 'de', 'summary.json');
    const locale = JSON.parse(readFileSync(file, 'utf8')) as { easy: { intro: string } };
    locale.easy.intro = locale.easy.intro.replace('Hier lesen Sie kurz', 'Hier lesen Sie in Kürze');
    writeFileSync(file, JSON.stringify(locale, null, 2));
    const rebuilt = json(['build', 'facts', '--out', 'loc', ...args]);
    expect([rebuilt.rebuilt, rebuilt.reused]).toEqual([STUDIES, 0]);
    const after = readTree(join(dir, 'loc'));
    expect(after.size).toBe(STUDIES * 2 * 3 * 2 + 1);
    const changed = [...after].filter(([path, bytes]) => path !== '.laysum-output' && !bytes.equals(before.get(path)!)).map(([path]) => path);
    // Every German easy page, and nothing else.
    expect(changed.length).toBe(STUDIES * 2);
    expect(changed.every((p) => /^de\/study-\d+\/easy\.(md|html)$/.test(p))).toBe(true);
    ok(['build', 'facts', '--out', 'loc-full', ...args, '--full', '-q']);
    expectSameTree(after, join(dir, 'loc-full'));
  });

  it('site: rebuild only the study pages of the language whose locale changed (the others are taken over)', () => {
    const project = projectCopy();
    const site = ['--project', project, '--base-url', 'https://example.org/studies/', '--lang', 'en,de'];
    ok(['site', 'facts', '--out', 'site-loc', ...site, '-q']);
    const inode = (path: string) => statSync(join(dir, 'site-loc', path)).ino;
    const studyPages = [...readTree(join(dir, 'site-loc')).keys()].filter((p) => /^(en|de|zh)\/study-/.test(p));
    const before = new Map(studyPages.map((p) => [p, inode(p)]));
    const file = join(project, 'locales', 'de', 'summary.json');
    const locale = JSON.parse(readFileSync(file, 'utf8')) as { easy: { intro: string } };
    locale.easy.intro = locale.easy.intro.replace('Hier lesen Sie kurz', 'Hier lesen Sie in Kürze');
    writeFileSync(file, JSON.stringify(locale, null, 2));
    const rebuilt = json(['site', 'facts', '--out', 'site-loc', ...site]);
    expect([rebuilt.rebuilt, rebuilt.reused]).toEqual([STUDIES, 0]);
    const taken = studyPages.filter((p) => inode(p) === before.get(p));
    expect(studyPages.length).toBe(STUDIES * 2 * 4);
    expect(taken.length).toBe(studyPages.length / 2);
    expect(taken.every((p) => p.startsWith('en/'))).toBe(true);
    ok(['site', 'facts', '--out', 'site-loc-full', ...site, '--full', '-q']);
    expectSameTree(join(dir, 'site-loc'), join(dir, 'site-loc-full'));
  });

  it('rebuild every study when a template (even one whose output is the same) or a readability band changes, and on --full', () => {
    const project = projectCopy();
    // The edited template and band are English easy's: that page alone shows whether a study was rebuilt.
    const build = (extra: string[] = []) => json(['build', 'facts', '--out', 'inc-tpl', '--project', project, '--lang', 'en', '--level', 'easy', ...extra]);
    expect(build().rebuilt).toBe(STUDIES);
    expect(build()).toMatchObject({ upToDate: true });
    expect(build(['--full'])).toMatchObject({ rebuilt: STUDIES, reused: 0, upToDate: false });
    appendFileSync(join(project, 'templates', 'easy.hbs'), '{{!-- reviewed --}}\n');
    expect(build()).toMatchObject({ rebuilt: STUDIES, reused: 0, upToDate: false });
    const bands = join(project, 'templates', 'bands.json');
    // A looser band: every summary still passes, but the reports (and what a check would fail) change.
    const edited = JSON.parse(readFileSync(bands, 'utf8')) as { easy: { en: { fleschKincaidGrade: { max: number } } } };
    edited.easy.en.fleschKincaidGrade.max += 0.5;
    writeFileSync(bands, JSON.stringify(edited, null, 2));
    expect(build()).toMatchObject({ rebuilt: STUDIES, reused: 0, upToDate: false });
  });
});

describe('shards', () => {
  it('split studies by id, stably: a study keeps its shard whatever else is built', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `study-${i}`);
    const parts = ids.map((id) => shardOf(id, 4));
    expect(new Set(parts)).toEqual(new Set([1, 2, 3, 4]));
    for (const n of [1, 2, 3, 4]) expect(parts.filter((p) => p === n).length).toBeGreaterThan(80);
    expect(ids.map((id) => shardOf(id, 4))).toEqual(parts);
    expect(shardOf('mueller-2024', 1)).toBe(1);
  });

  it('build disjoint parts that together hold every study, and merge into the site of an unsharded build', () => {
    // Two languages, one level: home pages and language links still have parts to join, with 2 of a study's 9 pages to build.
    const site = ['--base-url', 'https://example.org/studies/', '--lang', 'en,de', '--level', 'easy', '-q'];
    const parts = [1, 2, 3].map((k) => json(['site', 'facts', '--shard', `${k}/3`, '--out', `part-${k}`, ...site]));
    const ids = parts.flatMap((p) => p.studies.map((s) => s.id)).sort();
    expect(ids).toEqual(Array.from({ length: STUDIES }, (_, i) => `study-${String(i + 1).padStart(5, '0')}`));
    for (const p of parts) expect(p.studies.length).toBeLessThan(STUDIES);
    ok(['site', 'facts', '--out', 'whole', '--report', 'whole.html', ...site]);
    ok(['site', '--merge', 'part-1', 'part-2', 'part-3', '--out', 'merged', '--report', 'merged.html']);
    expectSameTree(join(dir, 'merged'), join(dir, 'whole'));
    // The merge hands its studies to the --report page as they come, in the unsharded order: the same page.
    const page = readFileSync(join(dir, 'merged.html'), 'utf8');
    expect(page).toBe(readFileSync(join(dir, 'whole.html'), 'utf8'));
    expect(page).toContain(`${STUDIES} studies`);
    const sitemap = readFileSync(join(dir, 'merged', 'sitemap.xml'), 'utf8');
    expect(sitemap.match(/<url>/g)?.length).toBe(1 + 2 + STUDIES * 2);
  });

  it('a shard rebuilt with nothing changed is up to date: the other shards’ files are passed by unread, its folder is not replaced', () => {
    const first = json(['build', 'facts', '--shard', '1/2', '--out', 'shard-inc', '-q']);
    const inode = statSync(join(dir, 'shard-inc')).ino;
    const again = json(['build', 'facts', '--shard', '1/2', '--out', 'shard-inc', '-q']);
    expect([again.upToDate, again.written, again.rebuilt, again.studies.length]).toEqual([true, 0, 0, first.studies.length]);
    expect(statSync(join(dir, 'shard-inc')).ino).toBe(inode);
    // Another shard's file changed: read again (its id may have moved it into this shard), nothing of this shard rebuilt.
    const other = Array.from({ length: STUDIES }, (_, i) => `study-${String(i + 1).padStart(5, '0')}`).find((id) => !first.studies.some((s) => s.id === id))!;
    appendFileSync(join(dir, 'facts', `${other}.yaml`), '# edited\n');
    const edited = json(['build', 'facts', '--shard', '1/2', '--out', 'shard-inc', '-q']);
    expect([edited.upToDate, edited.rebuilt, edited.reused]).toEqual([false, 0, first.studies.length]);
    // With another split, nothing of the last one is trusted.
    const otherSplit = json(['build', 'facts', '--shard', '1/3', '--out', 'shard-inc', '-q']);
    expect(otherSplit.upToDate).toBe(false);
  });

  it('an unsharded output rebuilt as one part lists the other part’s files at once: the next build of the part is up to date', () => {
    for (const command of ['build', 'site']) {
      const out = `whole-then-part-${command}`;
      ok([command, 'facts', '--out', out, ...SMALL]);
      // The part's studies are taken over from the whole build; the other part's are passed by, and listed as the other part's.
      expect(json([command, 'facts', '--shard', '1/2', '--out', out, ...SMALL])).toMatchObject({ upToDate: false, rebuilt: 0 });
      const inode = statSync(join(dir, out)).ino;
      const again = json([command, 'facts', '--shard', '1/2', '--out', out, ...SMALL]);
      expect([again.upToDate, again.written, again.rebuilt], command).toEqual([true, 0, 0]);
      expect(statSync(join(dir, out)).ino).toBe(inode);
      // The same output, manifest included, as the part's first build into an empty folder.
      ok([command, 'facts', '--shard', '1/2', '--out', `${out}-fresh`, ...SMALL]);
      expectSameTree(join(dir, out), join(dir, `${out}-fresh`));
    }
  });

  it('refuse to merge parts that share a study, a summaries build, or a folder that is not there', () => {
    // The refusals read the parts' manifests: one language and level is enough to build them.
    ok(['site', 'facts', '--shard', '1/2', '--out', 'half', ...SMALL]);
    ok(['build', 'facts', '--shard', '1/2', '--out', 'summaries', ...SMALL]);
    // The part given twice is named once; the studies it repeats are not listed one by one after it.
    expect(runCli(['site', '--merge', 'half', 'half', '--out', 'bad', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: half: is part 1/2, and so is half; give each part once [site/merge]\nerror: part 2/2 is missing; give the output folder of every --shard k/2 run [site/merge]\n',
    });
    // Parts that are fine as parts but share a study (a manifest edited by hand): each shared study named.
    const study = readFileSync(join(dir, 'half', '.laysum-output'), 'utf8').split('\n').slice(1).find((line) => line && !line.includes('"otherShard"'));
    ok(['site', 'facts', '--shard', '2/2', '--out', 'other-half', ...SMALL]);
    appendFileSync(join(dir, 'other-half', '.laysum-output'), `${study}\n`);
    const id = (JSON.parse(study!) as { id: string }).id;
    expect(runCli(['site', '--merge', 'half', 'other-half', '--out', 'bad', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: other-half: study \`${id}\` is in half and in other-half; build the parts with --shard k/n so each study is in one [site/merge]\n`,
    });
    const mixed = runCli(['site', '--merge', 'half', 'summaries', 'nowhere', '--out', 'bad'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('summaries: is not a site (it was written by `laysum build`)');
    expect(mixed.stderr).toContain('nowhere: no such folder');
    expect(runCli(['site', '--merge', 'half', '--shard', '1/2', '--out', 'bad'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--merge joins finished sites: --shard does not apply') });
    for (const [flag, value] of [['--base-url', 'https://example.com/'], ['--default-lang', 'de'], ['--workers', '2']] as const) {
      expect(runCli(['site', '--merge', 'half', flag, value, '--out', 'bad'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining(`--merge joins finished sites: ${flag} does not apply`) });
    }
  });

  it('report the parts’ warnings when merged, as an unsharded build reports them', () => {
    const samples = join(ROOT, 'samples');
    const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('warning:')).map((l) => l.replace(/^warning: \S+ /, '')).sort();
    const whole = runCli(['site', samples, '--out', 'samples-whole'], dir);
    for (const k of [1, 2]) expect(runCli(['site', samples, '--shard', `${k}/2`, '--out', `samples-${k}`, '-q'], dir).code).toBe(0);
    const merged = runCli(['site', '--merge', 'samples-1', 'samples-2', '--out', 'samples-merged'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(warnings(whole.stderr).length).toBeGreaterThan(0);
    expect(warnings(merged.stderr)).toEqual(warnings(whole.stderr));
  });

  it('refuse to merge an incomplete set of parts: a part missing, parts of another split, a whole site among parts', () => {
    ok(['site', 'facts', '--shard', '1/2', '--out', 'half-1', ...SMALL]);
    ok(['site', 'facts', '--shard', '2/2', '--out', 'half-2', ...SMALL]);
    ok(['site', 'facts', '--shard', '1/3', '--out', 'third-1', ...SMALL]);
    ok(['site', 'facts', '--out', 'all', ...SMALL]);
    const lonely = runCli(['site', '--merge', 'half-1', '--out', 'bad'], dir);
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toContain('part 2/2 is missing; give the output folder of every --shard k/2 run');
    expect(existsSync(join(dir, 'bad'))).toBe(false);
    const mixed = runCli(['site', '--merge', 'half-1', 'third-1', '--out', 'bad'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('third-1: is part 1/3, but half-1 is part of 2');
    // A part named as the mistake is the one line about it: not one more for each study it shares with the others.
    expect(runCli(['site', '--merge', 'half-1', 'half-1', 'half-2', '--out', 'bad', '-q'], dir)).toEqual({ code: 2, stdout: '', stderr: 'error: half-1: is part 1/2, and so is half-1; give each part once [site/merge]\n' });
    // Its studies are counted once in the summary line.
    expect(runCli(['site', '--merge', 'half-1', 'half-1', 'half-2', '--out', 'bad'], dir).stdout).toContain(`laysum: ${STUDIES} studies, ${STUDIES} summaries; nothing written; 1 error`);
    expect(runCli(['site', '--merge', 'all', 'half-2', '--out', 'bad', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: all: is a whole site (built without --shard k/n), not a part; merge the outputs of `laysum site --shard k/n` runs [site/merge]\n',
    });
    ok(['site', '--merge', 'half-2', 'half-1', '--out', 'good', '-q']);
    expectSameTree(join(dir, 'good'), join(dir, 'all'));
  });

  it('refuse to merge parts built from other facts files, or a part whose manifest names an impossible split', () => {
    // Machine 2 checked out a folder without one of its studies: merged, the site would silently lose it.
    ok(['site', 'facts', '--shard', '1/2', '--out', 'from-all-1', ...SMALL]);
    const lost = Array.from({ length: STUDIES }, (_, i) => `study-${String(i + 1).padStart(5, '0')}`).filter((id) => shardOf(id, 2) === 2)[0]!;
    cpSync(facts(), join(dir, 'facts-without-one'), { recursive: true });
    rmSync(join(dir, 'facts-without-one', `${lost}.yaml`));
    ok(['site', 'facts-without-one', '--shard', '2/2', '--out', 'from-fewer-2', ...SMALL]);
    expect(runCli(['site', '--merge', 'from-all-1', 'from-fewer-2', '--out', 'bad', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: from-fewer-2: was built from other facts files than the other parts: it does not know \`${lost}\`; build every part from the same facts files [site/merge]\n`,
    });
    expect(existsSync(join(dir, 'bad'))).toBe(false);
    // A manifest edited by hand (or from a laysum without the bound): refused, not a list of 100,000,000 missing parts.
    const manifest = join(dir, 'from-all-1', '.laysum-output');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"shard":"1/2"', '"shard":"1/100000000"'));
    expect(runCli(['site', '--merge', 'from-all-1', '--out', 'bad', '-q'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: from-all-1: says it is part 1/100000000: expected at most 1000 parts (n ≤ 1000), one per machine that builds a part [site/merge]\n',
    });
  });
});
