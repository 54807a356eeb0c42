/**
 * Hostile text in every free-text field of a facts file (issue 5 §4).
 *
 * Each class is either escaped or rejected (the comment at `Text` in src/facts/schema.ts says
 * which and why):
 * - escaped: HTML, Markdown, Handlebars/i18next syntax, entity references; emoji pass through.
 *   Each fixture in test/fixtures/hostile/ puts one class into every free-text field. It is built
 *   in every format (summary .md/.html at every level, press .md/.html/.txt, leaflet .html, site
 *   pages) next to its "plain twin" — the same study with every free text replaced by plain words —
 *   and every output must have exactly the twin's tags and attributes (no element comes from facts
 *   text), no script, event handler or `javascript:` link, and show each field's characters as
 *   written wherever the twin shows that field.
 * - rejected: bidi controls, zero-width characters, control characters and text over 2000
 *   characters, in every free-text field, with a message naming the character and its position.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, check, formatDiagnostic, parsePressConfig, parseStudyFacts, reportHtml, type BuildReport } from '../src/index.js';
import { visibleText } from '../src/outputs/leaflet/text.js';
import { errorLines as errors, FIXTURES, readTree, SAMPLES, tempDir } from './helpers.js';
import { unwrapPlainText } from './plain-text.js';

const HOSTILE_DIR = join(FIXTURES, 'hostile');
const HOSTILE_FIXTURES = readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.yaml')).sort();
const PRESS = parsePressConfig(readFileSync(join(SAMPLES, 'press.config.yaml'), 'utf8'), 'press.config.yaml').config!;
const LANGS = ['en', 'de', 'zh'] as const;

type Path = (string | number)[];
type Data = Record<string, any>;

/** Every free-text field of a facts file (as data), with its path. */
function freeTextFields(data: Data): { path: Path; value: string }[] {
  const out: { path: Path; value: string }[] = [];
  const add = (path: Path, value: unknown) => {
    if (typeof value === 'string') out.push({ path, value });
  };
  for (const lang of Object.keys(data.title ?? {})) add(['title', lang], data.title[lang]);
  (data.citation?.authors ?? []).forEach((a: unknown, i: number) => add(['citation', 'authors', i], a));
  for (const key of ['group', 'title', 'journal']) add(['citation', key], data.citation?.[key]);
  add(['sponsor', 'name'], data.sponsor?.name);
  add(['sponsor', 'contact'], data.sponsor?.contact);
  (data.funding ?? []).forEach((f: unknown, i: number) => add(['funding', i], f));
  (data.quotes ?? []).forEach((q: Data, i: number) => {
    add(['quotes', i, 'author'], q.author);
    for (const lang of Object.keys(q.role ?? {})) add(['quotes', i, 'role', lang], q.role[lang]);
    for (const lang of Object.keys(q.text ?? {})) add(['quotes', i, 'text', lang], q.text[lang]);
  });
  return out;
}

function setAt(data: Data, path: Path, value: unknown): void {
  let node: any = data;
  for (const seg of path.slice(0, -1)) node = node[seg];
  node[path.at(-1)!] = value;
}

const PLAIN_TITLE: Record<string, string> = {
  en: 'A small test study of CAR T cells in people with lupus',
  de: 'Eine kleine Teststudie mit CAR-T-Zellen bei Menschen mit Lupus',
  zh: '一项用CAR-T细胞治疗红斑狼疮患者的小型测试研究',
};
const PLAIN_ROLE: Record<string, string[]> = {
  en: ['authors of the study', 'a doctor on the team'],
  de: ['Autorenteam der Studie', 'eine Ärztin im Team'],
  zh: ['研究作者', '团队中的医生'],
};
const PLAIN_QUOTE: Record<string, string[]> = {
  en: ['We do not yet know whether the disease will stay away for good.', 'The results are hopeful, but it is too early to speak of a cure.'],
  de: ['Ob die Krankheit für immer verschwunden ist, lässt sich noch nicht sagen.', 'Die Ergebnisse machen Hoffnung, aber von Heilung kann man noch nicht sprechen.'],
  zh: ['现在还不能判断疾病是否会永远消失。', '结果令人鼓舞，但现在谈治愈还为时过早。'],
};
/** Names no other text contains, so a twin's output shows exactly where each name field is printed. */
const PLAIN_NAMES = [
  'Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Ginkgo', 'Hazel', 'Juniper', 'Larch', 'Maple', 'Oak', 'Pine', 'Rowan', 'Spruce', 'Willow',
  'Yew', 'Aspen', 'Beech', 'Cypress', 'Ebony', 'Holly', 'Laurel', 'Linden', 'Magnolia', 'Mulberry', 'Olive', 'Poplar', 'Redwood', 'Sequoia',
].map((w) => `${w} Group`);

/** The same study with every free text replaced by plain words; `markers` maps each field path to its plain value. */
function plainTwin(data: Data): { twin: Data; markers: Map<string, string> } {
  const twin = structuredClone(data);
  const markers = new Map<string, string>();
  let name = 0;
  for (const { path } of freeTextFields(data)) {
    const [head, i, kind, lang] = path;
    const plain =
      head === 'title'
        ? PLAIN_TITLE[String(i)]!
        : head === 'quotes' && kind === 'role'
          ? PLAIN_ROLE[String(lang)]![Number(i)]!
          : head === 'quotes' && kind === 'text'
            ? PLAIN_QUOTE[String(lang)]![Number(i)]!
            : PLAIN_NAMES[name++];
    if (plain === undefined) throw new Error(`more name fields than PLAIN_NAMES in ${String(data.id)}`);
    setAt(twin, path, plain);
    markers.set(path.join('.'), plain);
  }
  return { twin, markers };
}

interface Built {
  report: BuildReport;
  site: BuildReport;
  files: Map<string, string>;
}

/** Every format and the site, as the CLI would write them: `out/…` and `site/…`. */
async function buildEverything(file: string): Promise<Built> {
  const dir = tempDir('laysum-hostile-');
  const report = await build({ inputs: [file], out: join(dir, 'out'), formats: ['summary', 'press', 'leaflet'], press: PRESS });
  const site = await build({ inputs: [file], out: join(dir, 'site'), site: { baseUrl: 'https://example.org/' } });
  const files = new Map<string, string>();
  for (const root of ['out', 'site']) {
    if (!existsSync(join(dir, root))) continue;
    for (const [path, bytes] of readTree(join(dir, root))) if (!path.startsWith('.')) files.set(`${root}/${path}`, bytes.toString('utf8'));
  }
  return { report, site, files };
}

/** A renderer that lets raw HTML through: the .md files must be safe even there, not only in laysum's own. */
const permissiveMarkdown = new MarkdownIt({ html: true }).use(cjkFriendly);

/** What a reader sees of an output: HTML and Markdown rendered and tags removed; text with its wrapped lines joined back. */
function visible(path: string, content: string): string | undefined {
  if (path.endsWith('.html')) return visibleText(content);
  if (path.endsWith('.md')) return visibleText(permissiveMarkdown.render(content));
  if (path.endsWith('.txt') && !path.endsWith('robots.txt')) return unwrapPlainText(content);
  return undefined;
}

/** The tags of a document in order, each with its attribute names: what an element from facts text would change. */
function skeleton(path: string, content: string): string[] {
  const html = path.endsWith('.md') ? permissiveMarkdown.render(content) : content;
  return [...html.matchAll(/<(!--|!\[CDATA\[|!?\/?[a-zA-Z][\w:-]*)([^>]*)>/g)].map(
    ([, tag, attrs]) => `${tag}${[...attrs!.matchAll(/\s([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?/g)].map((a) => ` ${a[1]}`).join('')}`,
  );
}

/** Outputs a browser or a Markdown renderer reads; press.txt is plain text, where `<script>` is just characters. */
const isMarkup = (path: string) => /\.(html|md|xml)$/.test(path);
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `citation.authors`, `quotes.role`, …: a field without its index or language. */
const fieldKind = (path: Path) => path.filter((seg) => typeof seg === 'string' && !(LANGS as readonly string[]).includes(seg)).join('.');

describe('the hostile fixtures', () => {
  it('between them fill every free-text field a facts file has', () => {
    const kinds = new Set(HOSTILE_FIXTURES.flatMap((name) => freeTextFields(parseYaml(readFileSync(join(HOSTILE_DIR, name), 'utf8')) as Data).map((f) => fieldKind(f.path))));
    expect([...kinds].sort()).toEqual(
      ['citation.authors', 'citation.group', 'citation.journal', 'citation.title', 'funding', 'quotes.author', 'quotes.role', 'quotes.text', 'sponsor.contact', 'sponsor.name', 'title'].sort(),
    );
  });
});

describe.each(HOSTILE_FIXTURES)('hostile text in every free-text field: %s', (name) => {
  const data = parseYaml(readFileSync(join(HOSTILE_DIR, name), 'utf8')) as Data;
  const fields = freeTextFields(data);
  const { twin, markers } = plainTwin(data);
  let hostile: Built;
  let plain: Built;
  beforeAll(async () => {
    const dir = tempDir('laysum-twin-');
    const twinFile = join(dir, name);
    writeFileSync(twinFile, stringifyYaml(twin));
    [hostile, plain] = await Promise.all([buildEverything(join(HOSTILE_DIR, name)), buildEverything(twinFile)]);
  });

  it('puts hostile text into the title in every language, the byline and the quotes at least', () => {
    expect([...new Set(fields.map((f) => fieldKind(f.path)))]).toEqual(expect.arrayContaining(['title', 'quotes.author', 'quotes.text']));
    expect(fields.some((f) => f.path[0] === 'citation')).toBe(true);
    expect(fields.filter((f) => f.path[0] === 'title')).toHaveLength(LANGS.length);
  });

  it('is valid input that passes every check, and the site builds too', () => {
    expect(errors(hostile.report)).toEqual([]);
    expect(errors(hostile.site)).toEqual([]);
    expect(errors(plain.report), 'plain twin').toEqual([]);
    expect(errors(plain.site), 'plain twin').toEqual([]);
  });

  it('writes every format: summaries at three levels, press .md/.html/.txt, leaflets and site pages, in every language', () => {
    const id = data.id as string;
    for (const lang of LANGS) {
      for (const file of ['easy.md', 'easy.html', 'standard.md', 'standard.html', 'expert.md', 'expert.html', 'press.md', 'press.html', 'press.txt', 'leaflet.html']) {
        expect(hostile.files.has(`out/${lang}/${id}/${file}`), `out/${lang}/${id}/${file}`).toBe(true);
      }
      for (const file of [`${id}/easy.html`, `${id}/index.html`, `${id}/expert.html`, 'index.html']) expect(hostile.files.has(`site/${lang}/${file}`), file).toBe(true);
    }
    expect([...hostile.files.keys()].sort()).toEqual([...plain.files.keys()].sort());
  });

  it('produces no element from facts text: every output has the same tags and attributes as its plain twin', () => {
    for (const [path, content] of hostile.files) {
      if (!isMarkup(path)) continue;
      expect(skeleton(path, content), path).toEqual(skeleton(path, plain.files.get(path)!));
    }
  });

  it('never writes a script, an event handler, a frame or a javascript: link', () => {
    for (const [path, content] of hostile.files) {
      if (!isMarkup(path)) continue;
      const html = path.endsWith('.md') ? permissiveMarkdown.render(content) : content;
      expect(html, path).not.toMatch(/<script|<iframe|<object|<embed|<img|<style[^>]*>[^<]*display:none/i);
      expect(html, path).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html, path).not.toMatch(/(?:href|src|action|data)\s*=\s*["']?\s*javascript:/i);
    }
  });

  it('shows the title as written in every output that has text', () => {
    let checked = 0;
    for (const [path, content] of hostile.files) {
      const lang = LANGS.find((l) => path.startsWith(`out/${l}/`) || path.startsWith(`site/${l}/`));
      const text = visible(path, content);
      if (!lang || text === undefined) continue;
      expect(text, path).toContain(collapse(data.title[lang]));
      checked++;
    }
    expect(checked).toBe(3 * (10 + 5));
  });

  it('shows every field as written wherever the plain twin shows that field', () => {
    for (const { path: fieldPath, value } of fields) {
      const marker = markers.get(fieldPath.join('.'))!;
      let shown = 0;
      for (const [path, content] of plain.files) {
        const twinText = visible(path, content);
        if (twinText === undefined || !twinText.includes(marker)) continue;
        expect(visible(path, hostile.files.get(path)!), `${fieldPath.join('.')} in ${path}`).toContain(collapse(value));
        shown++;
      }
      expect(shown, `${fieldPath.join('.')} is printed somewhere`).toBeGreaterThan(0);
    }
  });
});

describe('Handlebars and i18next syntax in facts text is never evaluated', () => {
  it('prints `{{t "easy.intro"}}` and `$t(easy.intro)` in a title, a quote and a funder literally, not the sentence they name', async () => {
    const { files } = await buildEverything(join(HOSTILE_DIR, 'template-syntax.yaml'));
    const easy = files.get('out/en/template-syntax/easy.md')!;
    const standard = files.get('out/en/template-syntax/standard.html')!;
    // Markdown-escaped once (`$` → `\$`, `#` → `\#`), otherwise as written.
    expect(easy).toContain('# A study {{t "easy.intro"}} of CAR T cells {{{title}}} in people with lupus \\$t(easy.intro)\n');
    expect(easy).toContain('{{t "easy.intro"}}, \\$t(easy.who.heading), {{count}} {{total}} and {{\\#if true}}Funder{{/if}}');
    expect(standard).toContain('We do not yet know {{t &quot;easy.intro&quot;}} whether the disease will stay away for good');
    // The intro sentence appears once in the easy summary (where the template puts it), never where facts text named it.
    const intro = 'This is a short report about a medical study.';
    expect(easy.split(intro).length - 1).toBe(1);
    expect(visibleText(files.get('out/en/template-syntax/leaflet.html')!)).toContain('These organisations paid for the study: {{t "easy.intro"}}, $t(easy.who.heading), {{count}} {{total}} and {{#if true}}Funder{{/if}}.');
  });
});

describe('a DOI with HTML and Markdown in it', () => {
  it('is escaped in the link text and percent-encoded in the link target', async () => {
    const dir = tempDir();
    const file = join(dir, 'doi.yaml');
    const facts = parseYaml(readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')) as Data;
    facts.citation.doi = '10.1000/"><script>alert(document.cookie)</script>](javascript:alert(document.cookie))';
    writeFileSync(file, stringifyYaml(facts));
    const report = await build({ inputs: [file], out: join(dir, 'out'), formats: ['summary', 'press'], press: PRESS });
    expect(errors(report)).toEqual([]);
    const md = readFileSync(join(dir, 'out', 'en', 'minimal-study', 'expert.md'), 'utf8');
    const html = readFileSync(join(dir, 'out', 'en', 'minimal-study', 'expert.html'), 'utf8');
    expect(md).toContain('DOI: [10.1000/"\\>\\<script\\>alert(document.cookie)\\</script\\>\\](javascript:alert(document.cookie))](https://doi.org/10.1000/%22%3E%3Cscript%3Ealert%28document.cookie%29%3C/script%3E%5D%28javascript:alert%28document.cookie%29%29)');
    expect(html).toContain('<a href="https://doi.org/10.1000/%22%3E%3Cscript%3Ealert%28document.cookie%29%3C/script%3E%5D%28javascript:alert%28document.cookie%29%29">10.1000/&quot;&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;](javascript:alert(document.cookie))</a>');
    expect(html.match(/<a /g)).toHaveLength(1);
    const txt = unwrapPlainText(readFileSync(join(dir, 'out', 'en', 'minimal-study', 'press.txt'), 'utf8'));
    expect(txt).toContain('DOI: 10.1000/"><script>alert(document.cookie)</script>](javascript:alert(document.cookie)) <https://doi.org/10.1000/%22%3E%3Cscript%3E');
  });
});

describe('the review report', () => {
  it('quotes a failing hostile text escaped: no element comes from it', async () => {
    const dir = tempDir();
    const facts = parseYaml(readFileSync(join(HOSTILE_DIR, 'html.yaml'), 'utf8')) as Data;
    // German words in the English quote: the language check fails and the report quotes the text.
    facts.quotes[0].text.en = 'Wir wissen <script>alert(document.cookie)</script> noch nicht, ob die Krankheit bei diesen Menschen für immer verschwunden ist.';
    writeFileSync(join(dir, 'failing.yaml'), stringifyYaml(facts));
    const report = await check({ inputs: [join(dir, 'failing.yaml')] });
    expect(report.exitCode).toBe(1);
    const html = reportHtml(report);
    expect(html).toContain('Wir wissen &lt;script&gt;alert(document.cookie)&lt;/script&gt; noch nicht');
    expect(html).not.toMatch(/<script|<img|<svg|<iframe|<[^>]*\son[a-z]+\s*=/i);
  });
});

// ---------------------------------------------------------------------------------------------
// Rejected classes.

const MINIMAL = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');

/** A valid study with every free-text field present (the minimal one, plus everything optional that is text). */
function everyTextField(): Data {
  const data = parseYaml(MINIMAL) as Data;
  data.citation = { authors: ['Müller F', 'Schett G'], group: 'Test Group', title: 'An original title', journal: 'A Journal', year: 2024 };
  data.sponsor = { name: 'A Sponsor', contact: 'A Contact' };
  data.funding = ['A Funder'];
  data.quotes = [{ author: 'Test Group', kind: 'direct', role: { en: 'authors', de: 'Autorenteam', zh: '作者' }, text: { en: PLAIN_QUOTE.en![0], de: PLAIN_QUOTE.de![0], zh: PLAIN_QUOTE.zh![0] } }];
  data.sources = [{ id: 'report', path: 'texts/report.en.md', lang: 'en' }];
  data.outcomes[0].source = { text: 'report', quote: 'four of five people' };
  return data;
}

/** Every field the rejection applies to, as a path, with the path as it appears in a message. */
const REJECTING_FIELDS: Path[] = [
  ...LANGS.map((l): Path => ['title', l]),
  ['citation', 'authors', 1],
  ['citation', 'group'],
  ['citation', 'title'],
  ['citation', 'journal'],
  ['sponsor', 'name'],
  ['sponsor', 'contact'],
  ['funding', 0],
  ['quotes', 0, 'author'],
  ...LANGS.map((l): Path => ['quotes', 0, 'role', l]),
  ...LANGS.map((l): Path => ['quotes', 0, 'text', l]),
  ['sources', 0, 'path'],
  ['outcomes', 0, 'source', 'quote'],
];
const messagePath = (path: Path) => path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');

const REJECTED: [number, string][] = [
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0x0000, 'NULL'],
  [0x0001, ''],
  [0x0007, 'BELL'],
  [0x0008, 'BACKSPACE'],
  [0x000b, 'LINE TABULATION'],
  [0x000c, 'FORM FEED'],
  [0x000d, 'CARRIAGE RETURN'],
  [0x001b, 'ESCAPE'],
  [0x001f, ''],
  [0x007f, 'DELETE'],
  [0x0085, 'NEXT LINE'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x034f, ''],
  [0x115f, ''],
  [0x3164, ''],
  [0xffa0, ''],
];
const label = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Schema errors for facts given as JSON (control characters escaped by JSON.stringify, the rest raw) and as YAML. */
function schemaErrors(data: Data): { json: string[]; yaml: string[] } {
  const json = parseStudyFacts(JSON.stringify(data, null, 2), 'study.json').diagnostics;
  const yaml = parseStudyFacts(stringifyYaml(data), 'study.yaml').diagnostics;
  const show = (ds: typeof json) => ds.map((d) => `${d.place.path}: ${d.message}`);
  return { json: show(json), yaml: show(yaml) };
}

describe('characters that can reorder or hide text are rejected in every free-text field', () => {
  it('accepts the study with every text field filled with plain words', () => {
    expect(schemaErrors(everyTextField())).toEqual({ json: [], yaml: [] });
  });

  it.each(REJECTING_FIELDS.map((p) => [messagePath(p), p] as const))('in %s: each bidi control, zero-width and control character is named as U+XXXX with its position', (_name, path) => {
    for (const [cp, name] of REJECTED) {
      const data = everyTextField();
      // Character 14, after an emoji (one character, two UTF-16 units): positions count what a reader counts.
      setAt(data, path, `🧬 plain words${String.fromCodePoint(cp)} here`);
      const expected = `${messagePath(path)}: contains ${label(cp)}${name ? ` ${name}` : ''}${name.startsWith('ZERO WIDTH NO-BREAK') ? ' (byte order mark)' : ''} at character 14, `;
      const { json, yaml } = schemaErrors(data);
      for (const got of [json, yaml]) {
        expect(got, `${label(cp)} in ${messagePath(path)}`).toHaveLength(1);
        expect(got[0], label(cp)).toContain(expected);
        expect(got[0]).toMatch(/; remove it$/);
      }
    }
  });

  it('says why, per class, and counts the others after the first', () => {
    const data = everyTextField();
    data.title.en = 'Dose \u202E5 mg\u202C and \u2066more\u2069';
    data.funding = ['Fun\u200Bder'];
    data.citation.group = 'Group\u001b[2J';
    // In the order of the schema's fields: title, citation, …, funding.
    expect(schemaErrors(data).yaml).toEqual([
      'title.en: contains U+202E RIGHT-TO-LEFT OVERRIDE at character 6, an invisible bidi control that can reorder how the text is displayed; remove it (and 3 more such characters)',
      'citation.group: contains U+001B ESCAPE at character 6, a control character, not text; remove it',
      'funding[0]: contains U+200B ZERO WIDTH SPACE at character 4, an invisible character that can hide or split words without a reader seeing it; remove it',
    ]);
  });

  it('lets emoji through, including a zero width joiner between two emoji (👩‍🔬) and flags, skin tones and tag sequences', () => {
    const data = everyTextField();
    const emoji = 'Team 👩‍🔬 👨‍👩‍👧 🏳️‍🌈 👍🏽 🇩🇪 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🧑🏿‍⚕️ ❤️';
    setAt(data, ['citation', 'group'], emoji);
    setAt(data, ['funding', 0], emoji);
    expect(schemaErrors(data)).toEqual({ json: [], yaml: [] });
    expect(parseStudyFacts(stringifyYaml(data), 'x.yaml').facts?.funding).toEqual([emoji]);
  });

  it('keeps tab and line feed, which are whitespace, and rejects a joiner that joins no emoji and a tag character outside a flag', () => {
    const data = everyTextField();
    data.funding = ['A\tFunder\nwith lines'];
    expect(schemaErrors(data)).toEqual({ json: [], yaml: [] });
    data.funding = ['👩\u200Dx'];
    expect(schemaErrors(data).yaml).toEqual(['funding[0]: contains U+200D ZERO WIDTH JOINER at character 2, an invisible character that can hide or split words without a reader seeing it; remove it']);
    // A tag character spells a flag only after 🏴; anywhere else it is hidden text.
    data.funding = ['x\u{E0041}y'];
    expect(schemaErrors(data).yaml).toEqual(['funding[0]: contains U+E0041 at character 2, an invisible character that can hide or split words without a reader seeing it; remove it']);
  });

  it('fails the build as bad input (exit 2) and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'bidi.json');
    const data = everyTextField();
    delete data.sources;
    delete data.outcomes[0].source;
    data.title.en = `${PLAIN_TITLE.en}\u202E`;
    writeFileSync(file, JSON.stringify(data));
    const report = await build({ inputs: [file], out: join(dir, 'out'), formats: ['summary', 'press', 'leaflet'], press: PRESS });
    expect(errors(report)).toEqual([expect.stringContaining(`title.en: contains U+202E RIGHT-TO-LEFT OVERRIDE at character ${[...PLAIN_TITLE.en!].length + 1}, `)]);
    expect(report.exitCode).toBe(2);
    expect(report.written).toBe(0);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('100 KB of text in a field', () => {
  const big = 'a'.repeat(102_400);

  it.each(REJECTING_FIELDS.map((p) => [messagePath(p), p] as const))('in %s is rejected with the length and the limit', (_name, path) => {
    const data = everyTextField();
    setAt(data, path, big);
    const expected =
      path[0] === 'sources'
        ? `${messagePath(path)}: expected a path of at most 1000 characters`
        : `${messagePath(path)}: text is 102400 characters long; expected at most 2000 characters (a title, a name or a quote, not a whole document)`;
    expect(schemaErrors(data)).toEqual({ json: [expected], yaml: [expected] });
  });

  it('is accepted at exactly 2000 characters and rejected at 2001', () => {
    const data = everyTextField();
    data.funding = ['f'.repeat(2000)];
    expect(schemaErrors(data)).toEqual({ json: [], yaml: [] });
    data.funding = ['f'.repeat(2001)];
    expect(schemaErrors(data).json).toEqual(['funding[0]: text is 2001 characters long; expected at most 2000 characters (a title, a name or a quote, not a whole document)']);
  });

  it('at the limit in every field is valid input, and every format and the site render it without an exception', async () => {
    const dir = tempDir();
    const data = everyTextField();
    delete data.sources;
    delete data.outcomes[0].source;
    for (const path of REJECTING_FIELDS.filter((p) => p[0] !== 'sources' && p[0] !== 'outcomes')) setAt(data, path, `${'word '.repeat(400)}`.trim().padEnd(2000, 'x'));
    const file = join(dir, 'long.json');
    writeFileSync(file, JSON.stringify(data));
    const report = await build({ inputs: [file], out: join(dir, 'out'), formats: ['summary', 'press', 'leaflet'], press: PRESS });
    const site = await build({ inputs: [file], out: join(dir, 'site'), site: { baseUrl: 'https://example.org/' } });
    // The checks may well fail (2000 characters of "word" is no title), but nothing is bad input and nothing throws.
    expect(report.diagnostics.filter((d) => d.kind === 'input').map(formatDiagnostic)).toEqual([]);
    expect(report.studies[0]!.summaries).toHaveLength(15);
    expect(site.diagnostics.filter((d) => d.kind === 'input').map(formatDiagnostic)).toEqual([]);
  });

  it('as a key is cut short in the message, never printed whole', () => {
    const data = { ...everyTextField(), [big]: 1 };
    const { json } = schemaErrors(data);
    expect(json).toEqual([`${'a'.repeat(60)}…: unknown field \`${'a'.repeat(60)}…\`; check the spelling against schema/study-facts.schema.json`]);
  });
});

describe('a hostile study among good ones', () => {
  it('is reported on its own; check names its file and field', async () => {
    const dir = tempDir();
    const data = everyTextField();
    delete data.sources;
    delete data.outcomes[0].source;
    data.quotes[0].text.de = 'Ob die Krankheit\u2067 verschwunden ist';
    writeFileSync(join(dir, 'hostile.yaml'), stringifyYaml(data));
    const report = await check({ inputs: [dir, join(SAMPLES, 'mueller-2024.yaml')] });
    expect(errors(report)).toEqual([expect.stringMatching(/hostile\.yaml:\d+:\d+ quotes\[0\]\.text\.de: contains U\+2067 RIGHT-TO-LEFT ISOLATE at character 17, /)]);
    expect(report.studies.map((s) => s.id)).toEqual(['mueller-2024']);
  });
});
