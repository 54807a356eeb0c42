import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, deriveFacts, formatDiagnostic, safetyEvents } from '../src/index.js';
import { estimatePrintedHeight, FULL_ARRAYS_MAX_HEIGHT, fullArrayLayout, iconArray, renderLeaflet, SIDE_BY_SIDE_FROM, visibleText, OKABE_ITO, UNMARKED } from '../src/outputs/leaflet/index.js';
import { pdfPageCount } from '../src/outputs/pdf.js';
import { checkLeafletPages, LEAFLET_MAX_PAGES } from '../src/checks/index.js';
import { errorLines, errorsOf, FIXTURES, loadFacts, projectWith, readTree, SAMPLES, tempDir, translator } from './helpers.js';
import { escapeHtml, leafletCheckMessages, project, render, svgs, template } from './leaflet-helpers.js';

const LANGS = ['en', 'de', 'zh'];
const STUDIES = ['crispr-donor-2024', 'first-patient-2021', 'mueller-2024', 'shanghai-donor-2025'];
const HEADINGS = ['what', 'who', 'happened', 'sideEffects', 'meaning', 'questions', 'more'];

const decodeXml = (text: string) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
const persons = (svg: string) => count(svg, /<path class="person"/g);
const marked = (svg: string, group: number | 'none') => count(svg, new RegExp(`<path class="person" data-group="${group}"`, 'g'));
const svgTitle = (svg: string) => decodeXml(/<title id="[^"]+">([^<]*)<\/title>/.exec(svg)?.[1] ?? '');
const glossaryBox = (html: string) => /<section class="box glossary">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

// Written out, not asked of the translator under test: a leaflet with another language's headings must fail.
describe('section headings, as the locales say them', () => {
  it.each([
    ['en', ['What was studied?', 'Who took part?', 'What happened?']],
    ['de', ['Worum ging es in der Studie?', 'Wer hat mitgemacht?', 'Was ist passiert?']],
    ['zh', ['研究的是什么？', '谁参加了研究？', '结果怎么样？']],
  ])('%s', (lang, first) => {
    const html = render(loadFacts(join(SAMPLES, 'mueller-2024.yaml')), lang).html;
    expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]).slice(0, 3)).toEqual(first);
  });
});

describe.each(STUDIES)('leaflet of %s', (study) => {
  const f = loadFacts(join(SAMPLES, `${study}.yaml`));
  const total = f.population.total;

  describe.each(LANGS)('in %s', (lang) => {
    const tr = translator(lang);
    const leaflet = render(f, lang);
    const { html, text } = leaflet;

    it('is a full HTML document in the target language, with the seven section headings', () => {
      expect(html.startsWith('<!doctype html>\n')).toBe(true);
      expect(html).toContain(`<html lang="${project.languages[lang]!.html}">`);
      expect(html).toContain('<meta charset="utf-8">');
      for (const key of HEADINGS) expect(html, key).toContain(`<h2>${escapeHtml(tr.t(`leaflet:headings.${key}`))}</h2>`);
      expect(html).toContain(`<h1>${escapeHtml(f.title[lang]!)}</h1>`);
    });

    it('prints on A4 with large type, CJK fonts and no external requests', () => {
      expect(html).toContain('@page { size: A4; margin: 15mm; }');
      expect(html).toContain('"Noto Sans CJK SC"');
      expect(html).toMatch(/html \{[^}]*font-size: 12pt/);
      const withoutNamespaces = html.replaceAll(' xmlns="http://www.w3.org/2000/svg"', '');
      expect(withoutNamespaces).not.toMatch(/<script|<link|<img|<iframe|url\((?!#)|@import|src=|https?:\/\/(?!doi\.org\/)/i);
    });

    it('draws who took part as population.total person icons, marked per condition group', () => {
      const who = svgs(html)[0]!;
      expect(persons(who)).toBe(total);
      f.population.groups.forEach((g, i) => expect(marked(who, i), g.condition).toBe(g.n));
      expect(marked(who, 'none')).toBe(0);
      expect(svgTitle(who)).toBe(tr.t('easy.who.total', { context: 'easy', count: total }));
    });

    it('draws one icon array per side effect (its grades summed), with the same denominator as the others', () => {
      const arrays = svgs(html);
      const safety = safetyEvents(f.safety ?? []);
      expect(arrays).toHaveLength(1 + safety.length);
      for (const svg of arrays) expect(persons(svg)).toBe(total);
      safety.forEach((event, i) => {
        const svg = arrays[i + 1]!;
        // Full arrays mark each grade with people as a group of its own; a strip marks them as one.
        const graded = event.grades.filter((g) => g.count > 0);
        if (graded.length > 1 && !html.includes('<div class="strips">')) graded.forEach((g, k) => expect(marked(svg, k)).toBe(g.count));
        else expect(marked(svg, 0)).toBe(event.count);
        expect(marked(svg, 'none')).toBe(total - event.count);
        const sentence = tr.t('easy.safety.event', { context: 'easy', count: event.count, total, event: tr.t(`terms:events.${event.event}.lay`, { context: 'easy' }) });
        expect(svgTitle(svg).startsWith(sentence)).toBe(true);
      });
    });

    it('gives every icon array a text alternative and a visible legend in the target language', () => {
      const strips = /<div class="strips">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
      for (const svg of svgs(html)) {
        expect(svg).toContain('role="img"');
        const [titleId, descId] = /aria-labelledby="([^" ]+) ([^"]+)"/.exec(svg)!.slice(1);
        expect(svg).toContain(`<title id="${titleId}">`);
        expect(svg).toContain(`<desc id="${descId}">`);
        const title = svgTitle(svg);
        if (lang === 'zh') expect(title).toMatch(/\p{Script=Han}{4}/u);
        else expect(title).not.toMatch(/\p{Script=Han}/u);
        // A legend in the picture, or (side effects set as strips) one key printed above them all.
        if (strips.includes(svg)) expect(html).toContain(`<p class="strip-key">${escapeHtml(tr.t('leaflet:arrays.stripKey', { context: 'easy' }))}</p>`);
        else expect(svg).toMatch(/<text [^>]*>[^<]+<\/text>/);
      }
      // Ids are unique within the document.
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('explains every condition of the study in the glossary box', () => {
      const box = glossaryBox(html);
      expect(box).toContain(`<h2>${escapeHtml(tr.t('leaflet:glossary.heading'))}</h2>`);
      for (const g of f.population.groups) {
        const head = tr.has(`terms:conditions.${g.condition}.headword`) ? `terms:conditions.${g.condition}.headword` : `terms:conditions.${g.condition}.lay`;
        expect(box, g.condition).toContain(escapeHtml(tr.t(head, { context: 'easy' })));
        expect(box, g.condition).toContain(escapeHtml(tr.t(`terms:conditions.${g.condition}.definition`, { context: 'easy' })));
      }
    });

    it('gives the text a reader sees: natural frequencies, every number a fact, the target language, the easy readability band', () => {
      expect(text).not.toMatch(/[%％‰]/);
      expect(text).not.toMatch(/<|&amp;|&lt;/);
      expect(text.split('\n')[1]).toBe(f.title[lang]);
      for (const key of HEADINGS) expect(text.split('\n')).toContain(tr.t(`leaflet:headings.${key}`));
      const checked = leafletCheckMessages(f, lang, text);
      expect(checked.fidelity.map((d) => d.message)).toEqual([]);
      expect(checked.language).toEqual([]);
      expect(checked.readability).toEqual([]);
    });

    it('is deterministic', () => {
      const again = render(f, lang);
      expect(again.html).toBe(html);
      expect(again.text).toBe(text);
    });
  });
});

describe('leaflets in build (--format leaflet)', () => {
  it('writes one leaflet.html per study × language and nothing else, every check green', async () => {
    const out = join(tempDir(), 'out');
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], out, formats: ['leaflet'] });
    expect(errorLines(report)).toEqual([]);
    expect([...readTree(out).keys()].filter((f) => !f.startsWith('.')).sort()).toEqual(['de/mueller-2024/leaflet.html', 'en/mueller-2024/leaflet.html', 'zh/mueller-2024/leaflet.html']);
    const rows = report.studies[0]!.summaries;
    expect(rows.map((r) => `${r.lang}/${r.level}`)).toEqual(['en/leaflet', 'de/leaflet', 'zh/leaflet']);
    for (const r of rows) {
      expect(r.fidelity.unmatched).toBe(0);
      expect(r.fidelity.numbers).toBeGreaterThan(5);
      expect(r.language.failed).toBe(0);
      // Held to the easy band.
      expect(r.readability?.checks.length).toBeGreaterThan(0);
    }
  });

  const withLeaflet = (lang: string, change: (leaflet: Record<string, Record<string, string>>) => void) =>
    projectWith((project) => change(project.locales[lang]!.leaflet as Record<string, Record<string, string>>));

  it('fails the build on a number in the leaflet that is not a fact, naming the leaflet, and writes nothing', async () => {
    const project = withLeaflet('en', (l) => (l.safety!.caution = 'In 37 people a health problem was not caused by the treatment.'));
    const out = join(tempDir(), 'out');
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], out, langs: ['en'], formats: ['leaflet'], project });
    expect(errorLines(report)).toEqual([
      'error: en/mueller-2024/leaflet.html mueller-2024/en/leaflet: number 37 is not a fact of the study (nor derived from one) in “In 37 people a health problem was not caused by the treatment.” [fidelity/number]',
    ]);
    expect(report.exitCode).toBe(1);
    expect(report.written).toBe(0);
    expect(() => readTree(out)).toThrow();
  });

  it('fails the build on leaflet text in the wrong language and on a percentage', async () => {
    const project = withLeaflet('de', (l) => {
      l.meaning!.forYou = 'This leaflet cannot tell you which treatment is right for you or for your family.';
      l.safety!.caution = 'Nicht jedes Problem (100 %) kommt von der Behandlung.';
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['de'], formats: ['leaflet'], write: false, project });
    const errors = errorsOf(report);
    expect(errors.map((d) => [d.ruleId, d.place.level])).toEqual([
      ['language/summary', 'leaflet'],
      ['fidelity/natural-frequency', 'leaflet'],
    ]);
    expect(errors[0]!.message).toMatch(/reads as `en`.*expected `de`: “This leaflet cannot tell you/);
  });
});

describe('hostile facts text', () => {
  const f = loadFacts(join(FIXTURES, 'hostile', 'script-title.yaml'));

  it.each(LANGS)('comes out escaped in %s, never as markup', (lang) => {
    const { html, text } = render(f, lang);
    expect(html).not.toMatch(/<script|<img|<a |<b>/i);
    expect(html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(document.cookie)&gt;');
    // The reader sees the characters as written.
    expect(text).toContain(f.title[lang]);
  });
});

describe('icon arrays', () => {
  const base = { total: 15, title: '10 of 15 people had <b>it</b>.', description: 'Filled & empty figures.', id: 'test-a' };

  it('draws total icons in rows of 10, marked groups first, and the rest as outlines', () => {
    const svg = iconArray({ ...base, groups: [{ count: 10, label: 'had it' }], otherLabel: 'all others' });
    expect(persons(svg)).toBe(15);
    expect(marked(svg, 0)).toBe(10);
    expect(marked(svg, 'none')).toBe(5);
    const rows = new Set([...svg.matchAll(/class="person"[^>]*translate\([\d.]+ ([\d.]+)\)/g)].map((m) => m[1]));
    expect(rows.size).toBe(2);
    expect(svg).toContain(`fill="${OKABE_ITO[0]}"`);
    expect(svg).toContain(`stroke="${UNMARKED}"`);
  });

  it('gives each group a colour and a pattern, so groups stay apart in greyscale', () => {
    const svg = iconArray({ ...base, groups: [{ count: 8, label: 'lupus' }, { count: 3, label: 'myositis' }, { count: 4, label: 'sclerosis' }] });
    expect(marked(svg, 0) + marked(svg, 1) + marked(svg, 2)).toBe(15);
    expect(svg).toContain('<pattern id="test-a-p1"');
    expect(svg).toContain('<pattern id="test-a-p2"');
    expect(svg).toMatch(/data-group="1"[^>]*fill="url\(#test-a-p1\)"[^>]*stroke="#E69F00"/);
    expect(count(svg, /<text /g)).toBe(3);
  });

  it('escapes its text and labels itself for screen readers', () => {
    const svg = iconArray({ ...base, groups: [{ count: 1, label: '<i>1</i> person' }] });
    expect(svg).toContain('role="img" aria-labelledby="test-a-title test-a-desc"');
    expect(svg).toContain('<title id="test-a-title">10 of 15 people had &lt;b&gt;it&lt;/b&gt;.</title>');
    expect(svg).toContain('<desc id="test-a-desc">Filled &amp; empty figures.</desc>');
    expect(svg).toContain('&lt;i&gt;1&lt;/i&gt; person');
    expect(svg).not.toContain('<b>');
  });

  it('draws strips of small icons, 20 to a row with a gap after every fifth, without a legend', () => {
    const svg = iconArray({ ...base, total: 45, groups: [{ count: 9, label: 'had it' }], otherLabel: 'all others', size: 'strip', legend: 'none' });
    expect(persons(svg)).toBe(45);
    const at = [...svg.matchAll(/class="person"[^>]*translate\(([\d.]+) ([\d.]+)\)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(new Set(at.map(([, y]) => y)).size).toBe(3);
    const firstRow = at.filter(([, y]) => y === at[0]![1]).map(([x]) => x);
    expect(firstRow).toHaveLength(20);
    const steps = firstRow.slice(1).map((x, i) => x - firstRow[i]!);
    // Four blocks of five: the step after every fifth icon is wider.
    expect(steps.filter((d) => d > steps[0]!).length).toBe(3);
    expect(steps[4]).toBeGreaterThan(steps[0]!);
    expect(svg).not.toContain('<text ');
    // Smaller than the full array of the same people.
    const full = iconArray({ ...base, total: 45, groups: [{ count: 9, label: 'had it' }], otherLabel: 'all others' });
    const height = (s: string) => Number(/height="([\d.]+)"/.exec(s)![1]);
    expect(height(svg)).toBeLessThan(height(full) / 2);
  });

  it('derives ids from the content when given none, so output stays deterministic', () => {
    const { id: _id, ...rest } = base;
    const a = iconArray({ ...rest, groups: [{ count: 2, label: 'x' }] });
    expect(a).toBe(iconArray({ ...rest, groups: [{ count: 2, label: 'x' }] }));
    expect(a).not.toBe(iconArray({ ...rest, groups: [{ count: 3, label: 'x' }] }));
  });

  it('refuses counts that do not fit the denominator', () => {
    expect(() => iconArray({ ...base, groups: [{ count: 16, label: 'x' }] })).toThrow(/at most 15/);
    expect(() => iconArray({ ...base, total: 0, groups: [] })).toThrow(/total/);
    expect(() => iconArray({ ...base, id: '1"><script>', groups: [] })).toThrow(/id/);
  });
});

describe('side effects of a large study', () => {
  const long = loadFacts(join(FIXTURES, 'leaflet-long', 'many-side-effects.yaml'));
  const total = long.population.total;
  // One line and one array per side effect, its grades summed.
  const events = safetyEvents(long.safety!);

  it('sets full arrays one a row, or two to a row from SIDE_BY_SIDE_FROM on', () => {
    expect(fullArrayLayout(1)).toBe('rows');
    expect(fullArrayLayout(SIDE_BY_SIDE_FROM - 1)).toBe('rows');
    expect(fullArrayLayout(SIDE_BY_SIDE_FROM)).toBe('pairs');
    // Both limits leave room for what page breaks leave blank: two A4 pages hold about 2,030 px.
    for (const limit of Object.values(FULL_ARRAYS_MAX_HEIGHT)) expect(limit).toBeLessThan(1_950);
  });

  it.each(LANGS)('in %s: strips exactly where the leaflet with full arrays is estimated taller than two pages hold', (lang) => {
    const script = lang === 'zh' ? 'Han' : 'Latin';
    const tr = translator(lang);
    for (const f of [...STUDIES.map((study) => loadFacts(join(SAMPLES, `${study}.yaml`))), long]) {
      const { html } = renderLeaflet(f, deriveFacts(f), tr, template);
      const full = renderLeaflet(f, deriveFacts(f), tr, template, { strips: false }).html;
      expect(full, f.id).not.toContain('<div class="strips">');
      const tooLong = estimatePrintedHeight(full, script) > FULL_ARRAYS_MAX_HEIGHT[fullArrayLayout(safetyEvents(f.safety ?? []).length)];
      expect(html.includes('<div class="strips">'), f.id).toBe(tooLong);
      if (tooLong) expect(estimatePrintedHeight(html, script), f.id).toBeLessThan(estimatePrintedHeight(full, script));
      else expect(html, f.id).toBe(full);
    }
    // A small study keeps its full arrays; the long one (8 side effects of 45 people) gets strips.
    expect(render(loadFacts(join(SAMPLES, 'crispr-donor-2024.yaml')), lang).html).not.toContain('<div class="strips">');
    expect(render(long, lang).html).toContain('<div class="strips">');
    expect(renderLeaflet(long, deriveFacts(long), tr, template, { strips: false }).html).toContain('<div class="arrays side-by-side">');
  });

  it.each(LANGS)('are drawn in %s as strips of small icons beside their sentences, under one key, every event with its count of the same denominator', (lang) => {
    const tr = translator(lang);
    const { html, text } = render(long, lang);
    const strips = /<div class="strips">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    const figures = strips.match(/<figure>[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(events.length);
    const key = tr.t('leaflet:arrays.stripKey', { context: 'easy' });
    expect(html).toContain(`<p class="strip-key">${escapeHtml(key)}</p>`);
    expect(text.split('\n')).toContain(key);
    events.forEach((event, i) => {
      const figure = figures[i]!;
      const [svg] = svgs(figure);
      expect(persons(svg!)).toBe(total);
      expect(marked(svg!, 0)).toBe(event.count);
      // No legend in a strip (the key above says what filled and empty mean), rows of 20.
      expect(svg).not.toContain('<text ');
      const rows = new Set([...svg!.matchAll(/class="person"[^>]*translate\([\d.]+ ([\d.]+)\)/g)].map((m) => m[1]));
      expect(rows.size).toBe(Math.ceil(total / 20));
      // The sentence beside the icons is the array's text alternative.
      const caption = decodeXml(/<figcaption>([^<]*)<\/figcaption>/.exec(figure)?.[1] ?? '').replace(/&#x3D;/g, '=');
      expect(caption).toBe(svgTitle(svg!));
      expect(caption).toContain(tr.formatNumber(event.count));
    });
    expect(html).not.toContain('<div class="arrays');
  });
});

describe('visible text', () => {
  it('keeps blocks in reading order and leaves out what is not on the page', () => {
    const html = '<html><head><title>Doc</title><style>p{}</style></head><body><h2>Who?</h2><p>8 <b>of</b> 15 &amp; more</p><svg><title>T</title><desc>D</desc><text>8 people</text></svg></body></html>';
    expect(visibleText(html)).toBe('Who?\n8 of 15 & more\n8 people');
  });
});

describe('printed length', () => {
  it('counts the pages Chromium writes into a PDF, and knows when it cannot', () => {
    const pdf = (pages: number) => Buffer.from(`%PDF-1.4\n1 0 obj\n<</Type /Pages\n/Count ${pages}>>\nendobj\n${'2 0 obj\n<</Type /Page\n/Parent 1 0 R>>\nendobj\n'.repeat(pages)}%%EOF\n`, 'latin1');
    expect(pdfPageCount(pdf(1))).toBe(1);
    expect(pdfPageCount(pdf(3))).toBe(3);
    expect(pdfPageCount(Buffer.from('not a pdf'))).toBeUndefined();
  });

  it('warns for a leaflet longer than two pages, naming the PDF, study and language', () => {
    const printed = [1, 2, 3, 4].map((pages) => ({ file: `out/de/s${pages}/leaflet.pdf`, study: `s${pages}`, lang: 'de', pages }));
    const diagnostics = checkLeafletPages([...printed, { file: 'out/en/x/leaflet.pdf', study: 'x', lang: 'en', pages: undefined }]);
    expect(LEAFLET_MAX_PAGES).toBe(2);
    // Without the leaflet's HTML (room) the cause is not guessed; test/leaflet-large.test.ts has it named.
    expect(diagnostics.map(formatDiagnostic)).toEqual([3, 4].map((n) => `warning: out/de/s${n}/leaflet.pdf s${n}/de: prints on ${n} A4 pages, more than the 2 a leaflet is made for; look at the PDF before it is handed out [leaflet/pages]`));
  });
});
