/**
 * A build's manifest (`.laysum-output`) read as an index of its lines (openManifest): what
 * `laysum site --merge` reads its parts by, one study at a time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_VERSION, manifestLine, openManifest, readManifestStudy, type ManifestOtherShard, type ManifestStudy } from '../src/pipeline/cache.js';
import { ANNEX_V, type CoverageRow } from '../src/checks/coverage.js';
import { OUTPUT_MARKER } from '../src/outputs/index.js';
import { tempDir } from './helpers.js';

/** A study line as a build writes one, with a report of `size` characters in several scripts. */
function study(n: number, size: number): ManifestStudy {
  const words = ['Überwachung', '随访时间', 'follow-up', 'α±β', '😀'];
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${words[(n + i) % words.length]} `;
  return {
    file: `facts/study-${n}.yaml`,
    id: `study-${n}`,
    inputHash: `hash-${n}`,
    sources: [],
    diagnostics: [],
    report: { id: `study-${n}`, file: `facts/study-${n}.yaml`, summaries: [], sources: [], derived: [{ name: 'note', value: n, from: [text] }] } as unknown as ManifestStudy['report'],
    langs: { en: { files: [`en/study-${n}/easy.html`], summaries: [summary(n, 'easy'), summary(n, 'standard'), { lang: 'en', level: 'leaflet', coverage: [] }], diagnostics: [] }, de: { files: [], summaries: [summary(n + 1, 'easy')], diagnostics: [] } } as unknown as ManifestStudy['langs'],
  };
}

/** A summary's report with its Annex V coverage rows, as checkCoverage makes them (states varied by `n`). */
function summary(n: number, level: string): { lang: string; level: string; coverage: CoverageRow[] } {
  const states = ['covered', 'missing', 'unknown'] as const;
  return { lang: 'en', level, coverage: ANNEX_V.map((e, i) => ({ id: e.id, annex: e.annex, label: e.label, state: states[(n + i) % 3]! })) };
}

function writeManifestFile(lines: unknown[]): string {
  const dir = join(tempDir(), 'out');
  mkdirSync(dir, { recursive: true });
  // Study lines as a build writes them; the header and another shard's lines as they are.
  const line = (l: unknown) => (typeof l === 'object' && l !== null && 'langs' in l ? manifestLine(l as ManifestStudy) : JSON.stringify(l));
  writeFileSync(join(dir, OUTPUT_MARKER), lines.map(line).join('\n') + '\n');
  return dir;
}

describe('openManifest', () => {
  it('indexes every line, across the chunks it is read in (lines of up to 1.5 MB, multi-byte characters at the cuts), and reads each back as written', () => {
    const header = { laysum: MANIFEST_VERSION, kind: 'site', settingsHash: 's', localeHashes: { en: 'e' }, shard: '1/2' };
    const other: ManifestOtherShard = { file: 'facts/other.yaml', id: 'other', inputHash: 'h', otherShard: true };
    // Sizes around the 1 MiB chunk: lines that end just before, on and after a cut, and one longer than a chunk.
    const studies = [study(1, 10), study(2, 1_048_000), study(3, 300), other, study(4, 1_500_000), study(5, 700_000), study(6, 5)];
    const dir = writeManifestFile([header, ...studies]);
    const summaries = (s: ManifestStudy) => Object.values(s.langs).reduce((n, l) => n + l.summaries.length, 0);
    const index = openManifest(dir, summaries)!;
    expect(index.header).toEqual(header);
    expect(index.others).toEqual([other]);
    const built = studies.filter((s): s is ManifestStudy => !('otherShard' in s));
    expect(index.studies.map(({ id, file, kept }) => ({ id, file, kept }))).toEqual(built.map((s) => ({ id: s.id, file: s.file, kept: 4 })));
    // Read back out of order, as a merge does (by facts file across parts).
    for (const line of [...index.studies].reverse()) expect(index.read(line)).toEqual(built.find((s) => s.id === line.id));
    // A header the reader does not accept (a build of other settings) ends the reading.
    expect(openManifest(dir, summaries, (h) => h.settingsHash === 'other')).toBeUndefined();
  });

  it("keeps a summary's coverage rows as their states and gives the same rows back", () => {
    const written = study(7, 10);
    const line = manifestLine(written);
    expect(JSON.parse(line).langs.en.summaries[0].coverage).toEqual(written.langs.en!.summaries[0]!.coverage.map((r) => r.state));
    expect(line).not.toContain('trial identification');
    expect(readManifestStudy(line)).toEqual(written);
    // Rows in another order than Annex V's are kept whole.
    const reordered = study(8, 10);
    reordered.langs.en!.summaries[0]!.coverage.reverse();
    expect(JSON.parse(manifestLine(reordered)).langs.en.summaries[0].coverage[0]).toEqual(reordered.langs.en!.summaries[0]!.coverage[0]);
    expect(readManifestStudy(manifestLine(reordered))).toEqual(reordered);
  });

  it('has no index for a folder without a manifest, a manifest of another version, or one that is not JSON lines', () => {
    const none = () => 0;
    expect(openManifest(join(tempDir(), 'none'), none)).toBeUndefined();
    expect(openManifest(writeManifestFile([{ laysum: MANIFEST_VERSION + 1, kind: 'site' }]), none)).toBeUndefined();
    const dir = join(tempDir(), 'text');
    mkdirSync(dir);
    writeFileSync(join(dir, OUTPUT_MARKER), 'This folder is written by laysum and replaced on every build.\n');
    expect(openManifest(dir, none)).toBeUndefined();
    expect(openManifest(writeManifestFile([]), none)).toBeUndefined();
  });
});
