/**
 * The bundled samples' summaries, press summaries and leaflets, word for word (golden files).
 *
 * The checks prove that every number is a fact of the study, but not that it is the right fact
 * for its sentence: a locale that swaps `{{count}}` and `{{total}}` in one sentence, or a template
 * that passes the total as the count, still says only facts (harm walk L1, L2). What shows such a
 * change is a person reading what changed. So each output of the samples is kept beside this test
 * (test/fixtures/expected/<lang>/<study>/<name>.md; for the leaflet, `leaflet.txt`: its visible text,
then the pictures' descriptions a screen reader reads, not its layout), and any change of wording, numbers or
 * structure fails here until its golden file is rewritten: after a deliberate change, run
 * `npx vitest run test/sample-outputs.test.ts -u` and read the diff before committing it (a run
 * without -u never writes one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, parsePressConfig } from '../src/index.js';
import { pictureDescriptions, visibleText } from '../src/outputs/leaflet/index.js';
import { errorLines, FIXTURES, readTree, SAMPLES, tempDir } from './helpers.js';

const EXPECTED = join(FIXTURES, 'expected');
/** The golden files, by output path (`de/mueller-2024/easy.md`). */
const GOLDEN = [...readTree(EXPECTED).keys()].sort();
const PRESS = parsePressConfig(readFileSync(join(SAMPLES, 'press.config.yaml'), 'utf8'), 'press.config.yaml').config!;

/** What a leaflet says: its visible text, then what a screen reader says of each picture (its title and description). */
function leafletWords(html: string): string {
  // A picture's title is read with its description (aria-labelledby names both); the page's own <title> has no id.
  const spoken = pictureDescriptions(html.replace(/<title (id="[^"]*")>([\s\S]*?)<\/title>/g, '<desc $1>$2</desc>'));
  return `${visibleText(html)}\n\n${spoken.join('\n')}\n`;
}

describe('the samples, word for word', () => {
  let built: Map<string, string>;
  beforeAll(async () => {
    const out = join(tempDir(), 'out');
    const report = await build({ inputs: [SAMPLES], out, formats: ['summary', 'press', 'leaflet'], press: PRESS });
    expect(errorLines(report)).toEqual([]);
    built = new Map();
    for (const [path, bytes] of readTree(out)) {
      if (path.endsWith('.md')) built.set(path, bytes.toString('utf8'));
      if (path.endsWith('/leaflet.html')) built.set(path.replace(/\.html$/, '.txt'), leafletWords(bytes.toString('utf8')));
    }
  });

  it('has a golden file for every Markdown output of every sample, and none for an output no longer made', () => {
    expect([...built.keys()].sort()).toEqual(GOLDEN);
    // 4 samples × 3 languages × (3 levels + press + leaflet).
    expect(GOLDEN).toHaveLength(4 * 3 * 5);
  });

  it.each(GOLDEN)('gives %s as its golden file says', async (path) => {
    await expect(built.get(path)).toMatchFileSnapshot(join(EXPECTED, path));
  });
});
