import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedNumbers, build, deriveFacts, formatDiagnostic, peoplePerFigure, safetyEvents } from '../src/index.js';
import { checkLeafletPages, FIGURE_ROWS_NAMED_FROM, lengthCause, TWO_PAGES_ESTIMATE } from '../src/checks/pages.js';
import { cutAt, estimateLeafletRoom, figureParts, FULL_ARRAYS_MAX_HEIGHT, iconArray } from '../src/outputs/leaflet/index.js';
import { ONE_FIGURE_EACH_UP_TO, MOST_SCALED_FIGURES } from '../src/derive/index.js';
import { errorLines, expectSameTree, FIXTURES, loadFacts, readTree, SAMPLES, tempDir, translator } from './helpers.js';
import { escapeHtml, leafletCheckMessages, render, svgs } from './leaflet-helpers.js';

const LANGS = ['en', 'de', 'zh'];
const LARGE = join(FIXTURES, 'leaflet-large');
/** The studies of test/fixtures/leaflet-large and the people each figure of their pictures stands for. */
const STUDIES = [
  { id: 'participants-150', perFigure: 10 },
  { id: 'participants-1000', perFigure: 50 },
  { id: 'participants-10000', perFigure: 500 },
];

const figures = (svg: string) => (svg.match(/class="person"/g) ?? []).length;

/** People drawn per group: whole figures count `perFigure` each, parts what they say they hold. */
function peopleDrawn(svg: string, perFigure: number): Map<string, number> {
  const drawn = new Map<string, number>();
  const add = (group: string, people: number) => drawn.set(group, (drawn.get(group) ?? 0) + people);
  for (const m of svg.matchAll(/<path class="person" data-group="([^"]+)"/g)) add(m[1]!, perFigure);
  for (const m of svg.matchAll(/<path class="part" data-group="([^"]+)" data-people="(\d+)"/g)) add(m[1]!, Number(m[2]));
  return drawn;
}

describe('people per figure', () => {
  it('is one person up to 100, then the smallest of 10, 20, 50, 100, … that needs at most 40 figures', () => {
    expect([1, 15, 99, 100].map(peoplePerFigure)).toEqual([1, 1, 1, 1]);
    expect([101, 150, 400, 401, 800, 801, 1000, 2000, 2001, 10_000, 20_000, 20_001, 1_000_000].map(peoplePerFigure)).toEqual([10, 10, 10, 20, 20, 50, 50, 50, 100, 500, 500, 1000, 50_000]);
    for (let total = ONE_FIGURE_EACH_UP_TO + 1; total <= 30_000; total += 7) {
      const figures = Math.ceil(total / peoplePerFigure(total));
      expect(figures, `${total}`).toBeLessThanOrEqual(MOST_SCALED_FIGURES);
      expect(figures, `${total}`).toBeGreaterThan(10);
    }
  });

  it('is a derived value of population.total, said only in the leaflet', () => {
    const f = loadFacts(join(LARGE, 'participants-1000.yaml'));
    const derived = deriveFacts(f);
    expect(derived.peoplePerFigure).toBe(50);
    expect(derived.values.find((v) => v.name === 'population.peoplePerFigure')).toEqual({ name: 'population.peoplePerFigure', value: 50, from: ['population.total'], onlyIn: 'leaflet' });
    // 50 is no fact of this study: the summaries may not state it, the leaflet may.
    expect(allowedNumbers(f, derived).has(50)).toBe(false);
    expect(allowedNumbers(f, derived, 'leaflet').get(50)).toContain('population.peoplePerFigure');
    // A small study's figures are one person each: no value to derive.
    const small = loadFacts(join(SAMPLES, 'mueller-2024.yaml'));
    expect(deriveFacts(small).values.some((v) => v.name === 'population.peoplePerFigure')).toBe(false);
  });
});

describe('figures of several people', () => {
  it('fill the groups in order, every figure full but the last, no one lost or counted twice', () => {
    const parts = figureParts([{ count: 603 }, { count: 251 }, { count: 3 }], 1000, 50);
    expect(parts).toHaveLength(20);
    expect(parts.slice(0, -1).every((f) => f.reduce((s, p) => s + p.people, 0) === 50)).toBe(true);
    expect(parts[12]).toEqual([{ group: 0, people: 3 }, { group: 1, people: 47 }]);
    expect(parts[17]).toEqual([{ group: 1, people: 4 }, { group: 2, people: 3 }, { group: 'none', people: 43 }]);
    const byGroup = new Map<unknown, number>();
    for (const p of parts.flat()) byGroup.set(p.group, (byGroup.get(p.group) ?? 0) + p.people);
    expect(Object.fromEntries(byGroup)).toEqual({ 0: 603, 1: 251, 2: 3, none: 143 });
    // 153 people, 10 a figure: the 16th figure holds 3.
    expect(figureParts([{ count: 100 }], 153, 10).at(-1)).toEqual([{ group: 'none', people: 3 }]);
  });

  it('are cut where the part left of the cut has its share of the area', () => {
    expect([cutAt(0), cutAt(0.5), cutAt(1)]).toEqual([0, 10, 20]);
    // The person is symmetric, and its edges hold less than its middle.
    for (const share of [0.02, 0.1, 0.3, 0.45]) expect(cutAt(share) + cutAt(1 - share)).toBeCloseTo(20, 1);
    expect(cutAt(0.1)).toBeGreaterThan(2);
    for (let s = 0.05; s < 1; s += 0.05) expect(cutAt(s)).toBeGreaterThan(cutAt(s - 0.05));
  });

  it('draw an array whose parts add up to the exact counts, each part clipped by a defined clip path', () => {
    const svg = iconArray({ id: 'big', total: 1000, peoplePerFigure: 50, groups: [{ count: 603, label: '603 mild' }, { count: 3, label: '3 severe' }], title: '606 of 1000', description: 'd', otherLabel: 'all others' });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="big-title big-desc" data-people-per-figure="50"/);
    expect(figures(svg)).toBe(20);
    expect(Object.fromEntries(peopleDrawn(svg, 50))).toEqual({ 0: 603, 1: 3, none: 394 });
    const used = new Set([...svg.matchAll(/clip-path="url\(#([^)]+)\)"/g)].map((m) => m[1]));
    const defined = new Set([...svg.matchAll(/<clipPath id="([^"]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(0);
    expect(used).toEqual(defined);
    // One figure a person gives the same array as before figures could stand for more.
    const small = { id: 'small', total: 15, groups: [{ count: 10, label: '10' }], title: 't', description: 'd' };
    expect(iconArray({ ...small, peoplePerFigure: 1 })).toBe(iconArray(small));
    expect(iconArray(small)).not.toMatch(/class="part"|clipPath|data-people-per-figure/);
    expect(() => iconArray({ ...small, peoplePerFigure: 2.5 })).toThrow(/peoplePerFigure/);
  });
});

describe.each(STUDIES)('the leaflet of $id', ({ id, perFigure }) => {
  const f = loadFacts(join(LARGE, `${id}.yaml`));
  const total = f.population.total;
  const events = safetyEvents(f.safety ?? []);

  describe.each(LANGS)('in %s', (lang) => {
    const tr = translator(lang);
    const { html, text } = render(f, lang);
    const [who, ...safety] = svgs(html);
    const eachFigure = tr.t('leaflet:arrays.eachFigure', { context: 'easy', people: perFigure });
    const partFigure = tr.t('leaflet:arrays.partFigure', { context: 'easy', people: perFigure });

    it(`draws who took part as ${Math.ceil(total / perFigure)} figures of ${perFigure} people, every group's people exactly`, () => {
      expect(figures(who!)).toBe(Math.ceil(total / perFigure));
      expect(who).toContain(`data-people-per-figure="${perFigure}"`);
      const drawn = peopleDrawn(who!, perFigure);
      f.population.groups.forEach((g, i) => expect(drawn.get(String(i)), g.condition).toBe(g.n));
      // The legend keeps the exact counts.
      const legend = [...who!.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
      expect(legend).toHaveLength(f.population.groups.length);
      f.population.groups.forEach((g, i) => expect(legend[i]).toContain(tr.formatNumber(g.n)));
    });

    it('draws each side effect with the same figures, bounded, its caption keeping the exact counts', () => {
      expect(safety).toHaveLength(events.length);
      events.forEach((event, i) => {
        const svg = safety[i]!;
        expect(figures(svg)).toBe(Math.ceil(total / perFigure));
        expect(svg).toContain(`data-people-per-figure="${perFigure}"`);
        const drawn = peopleDrawn(svg, perFigure);
        const marked = [...drawn].filter(([group]) => group !== 'none').reduce((s, [, n]) => s + n, 0);
        expect(marked, event.event).toBe(event.count);
        expect(drawn.get('none') ?? 0).toBe(total - event.count);
      });
      const captions = [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]!);
      expect(captions).toHaveLength(events.length);
      events.forEach((event, i) => {
        expect(captions[i]).toContain(tr.formatNumber(event.count));
        expect(captions[i]).toContain(tr.formatNumber(total));
      });
    });

    it('prints the key, in the language of the leaflet, where the pictures are', () => {
      const lines = text.split('\n');
      const whoParagraph = lines.find((l) => l.startsWith(tr.t('easy.who.total', { context: 'easy', count: total })))!;
      expect(whoParagraph).toContain(eachFigure);
      expect(whoParagraph).toContain(partFigure);
      expect(text).not.toContain(tr.t('leaflet:arrays.eachPerson', { context: 'easy' }));
      // Side effects: in the strips' key, or a line of its own above full arrays.
      if (html.includes('<div class="strips">')) expect(lines).toContain(tr.t('leaflet:arrays.stripKeyScaled', { context: 'easy', people: perFigure }));
      else expect(lines).toContain(eachFigure);
      expect(eachFigure).toContain(tr.formatNumber(perFigure));
      // The text alternatives say it too.
      for (const svg of [who!, ...safety]) expect(/<desc id="[^"]+">([^<]*)<\/desc>/.exec(svg)?.[1]).toContain(escapeHtml(eachFigure));
    });

    it('passes the number, language and readability checks', () => {
      const checked = leafletCheckMessages(f, lang, text);
      expect(checked.fidelity.map((d) => d.message)).toEqual([]);
      // The key's number is allowed because the leaflet derived it, not because any number goes: held to
      // the summaries' numbers, only the key fails (unless it is a fact anyway: 15 of 150 is 10 in 100).
      const strict = leafletCheckMessages(f, lang, text, 'summaries').fidelity;
      if (allowedNumbers(f, deriveFacts(f)).has(perFigure)) expect(strict).toEqual([]);
      else {
        expect(strict.length).toBeGreaterThan(0);
        expect(strict.every((d) => d.actual === tr.formatNumber(perFigure))).toBe(true);
      }
      expect(checked.language).toEqual([]);
      expect(checked.readability).toEqual([]);
    });

    it('keeps its pictures small: no more room for figure rows than a small study needs', () => {
      const room = estimateLeafletRoom(html, lang === 'zh' ? 'Han' : 'Latin');
      expect(room.figures).toBeLessThanOrEqual(MOST_SCALED_FIGURES);
      expect(room.peoplePerFigure).toBe(perFigure);
      expect(room.figureRows).toBeLessThan(FIGURE_ROWS_NAMED_FROM / 2);
      for (const svg of [who!, ...safety]) expect(Number(/\sheight="([\d.]+)"/.exec(svg)?.[1])).toBeLessThanOrEqual(4 * 28 + 4);
    });

    it('is deterministic', () => {
      expect(render(f, lang).html).toBe(html);
    });
  });
});

describe('what makes a leaflet long', () => {
  const hundred = loadFacts(join(FIXTURES, 'leaflet-pages', 'participants-100.yaml'));
  const long = loadFacts(join(FIXTURES, 'leaflet-long', 'many-side-effects.yaml'));

  it.each(LANGS)('in %s: the number of participants, for 100 people drawn one figure each', (lang) => {
    const room = estimateLeafletRoom(render(hundred, lang).html, lang === 'zh' ? 'Han' : 'Latin');
    expect(room).toMatchObject({ figures: 100, peoplePerFigure: 1, groups: 3, sideEffects: 5 });
    expect(room.figureRows).toBeGreaterThanOrEqual(FIGURE_ROWS_NAMED_FROM);
    expect(lengthCause(room)).toMatch(/^, because of the number of participants: pictures of up to 100 figures, one for each person, take about \d+ px more than one row each would \(it also has 3 groups, 5 side effects and \d+ glossary terms\)$/);
  });

  it.each(['en', 'de'])('in %s: what it says, for 45 people with six groups and eight side effects', (lang) => {
    const room = estimateLeafletRoom(render(long, lang).html, 'Latin');
    expect(room).toMatchObject({ figures: 45, peoplePerFigure: 1, groups: 6, sideEffects: 8 });
    expect(room.height - room.figureRows).toBeGreaterThan(TWO_PAGES_ESTIMATE);
    expect(lengthCause(room)).toMatch(/^, because of how much it says: 6 groups, 8 side effects and \d+ glossary terms \(its pictures of up to 45 figures, one for each person, take about \d+ px beyond one row each\)$/);
  });

  it('is said in the pages warning, and left out where the HTML was not read', () => {
    const room = estimateLeafletRoom(render(hundred, 'en').html, 'Latin');
    const [named, unnamed] = checkLeafletPages([
      { file: 'out/en/participants-100/leaflet.pdf', study: 'participants-100', lang: 'en', pages: 3, room },
      { file: 'out/en/x/leaflet.pdf', study: 'x', lang: 'en', pages: 3 },
    ]).map(formatDiagnostic);
    expect(named).toBe(`warning: out/en/participants-100/leaflet.pdf participants-100/en: prints on 3 A4 pages, more than the 2 a leaflet is made for${lengthCause(room)}; look at the PDF before it is handed out [leaflet/pages]`);
    expect(unnamed).toBe('warning: out/en/x/leaflet.pdf x/en: prints on 3 A4 pages, more than the 2 a leaflet is made for; look at the PDF before it is handed out [leaflet/pages]');
    // The checks keep their own copy of the renderer's limit.
    expect(TWO_PAGES_ESTIMATE).toBe(FULL_ARRAYS_MAX_HEIGHT.rows);
  });
});

describe('large studies in build (--format leaflet)', () => {
  it('writes every leaflet with every check green, byte-identical from build to build', async () => {
    const [a, b] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    const first = await build({ inputs: [LARGE], out: a, formats: ['leaflet'] });
    expect(errorLines(first)).toEqual([]);
    expect(first.studies.flatMap((s) => s.summaries).every((r) => r.fidelity.unmatched === 0 && r.language.failed === 0)).toBe(true);
    await build({ inputs: [LARGE], out: b, formats: ['leaflet'], incremental: false });
    expect([...readTree(a).keys()].filter((p) => p.endsWith('leaflet.html'))).toHaveLength(STUDIES.length * LANGS.length);
    expectSameTree(b, a);
  });
});
