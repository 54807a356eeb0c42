/**
 * press.txt, the plain-text email version of the press summary (src/outputs/text.ts, wrapped by
 * src/outputs/wrap.ts).
 *
 * Golden files: each facts file in test/fixtures/press-text/ is built as a press summary and its
 * press.txt compared with `<id>.<lang>.press.txt` beside it (en: a long title and quote; de: long
 * compounds and a URL wider than a line; zh: emoji, kana, fullwidth Latin and punctuation where a
 * line would end). They are vitest file snapshots: after a deliberate change of wording or layout,
 * rewrite them with `npx vitest run test/press-text.test.ts -u` and review the diff (a run without
 * -u never writes one, so a changed press.txt fails instead of rewriting its golden file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, markdownToText, parsePressConfig } from '../src/index.js';
import { displayWidth, MAIL_LINE_WIDTH, MAX_LINE_OCTETS } from '../src/outputs/wrap.js';
import { unwrapPlainText } from './plain-text.js';
import { errorLines, FIXTURES, readTree, SAMPLES, tempDir } from './helpers.js';

const DIR = join(FIXTURES, 'press-text');
const PRESS = parsePressConfig(readFileSync(join(SAMPLES, 'press.config.yaml'), 'utf8'), 'press.config.yaml').config!;
/** Each fixture's golden file is in the language its name starts with (`de-compounds.yaml` → `de-compounds.de.press.txt`). */
const GOLDEN = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((yaml) => {
    const id = yaml.replace(/\.yaml$/, '');
    const lang = id.split('-')[0]!;
    return { file: `${id}.${lang}.press.txt`, id, lang };
  });

/** What every press.txt keeps to, whatever its text. */
function expectMailReady(path: string, txt: string, markdown: string): void {
  const lines = txt.replace(/\n$/, '').split('\n');
  lines.forEach((line, i) => {
    const where = `${path}:${i + 1}`;
    expect(line, where).not.toMatch(/\s$/);
    expect(Buffer.byteLength(line), where).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    // The one kind of line allowed over the width: a URL on a line of its own (after an indent or quote marker).
    if (displayWidth(line) > MAIL_LINE_WIDTH) expect(line, where).toMatch(/^[ >]*<?https?:\/\/\S+$/);
    // A heading's underline is as wide as its widest line.
    if (/^(?:=+|-+)$/.test(line) && i > 0) {
      let start = i - 1;
      while (start > 0 && lines[start - 1] !== '') start--;
      expect(line.length, where).toBe(Math.max(...lines.slice(start, i).map(displayWidth)));
    }
  });
  // Wrapping changes only where lines break: unwrapped, the text is the one an unlimited width gives.
  expect(unwrapPlainText(txt), path).toBe(unwrapPlainText(markdownToText(markdown, { width: Infinity })));
  expect(markdownToText(markdown, { width: Infinity }).split('\n').some((line) => displayWidth(line) > MAIL_LINE_WIDTH), `${path} has something to wrap`).toBe(true);
}

describe('press.txt of the press-text fixtures (golden files)', () => {
  let out: string;
  let files: Map<string, string>;
  beforeAll(async () => {
    out = join(tempDir(), 'out');
    const report = await build({ inputs: [DIR], out, formats: ['press'], press: PRESS });
    expect(errorLines(report)).toEqual([]);
    files = new Map([...readTree(out)].filter(([path]) => !path.startsWith('.')).map(([path, bytes]) => [path, bytes.toString('utf8')]));
  });

  it('has one golden press.txt per facts file, in en, de and zh, and no other', () => {
    expect(GOLDEN.map((g) => g.lang).sort()).toEqual(['de', 'en', 'zh']);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()).toEqual(GOLDEN.map((g) => g.file).sort());
  });

  it.each(GOLDEN)('$id ($lang) gives $file', async ({ file, id, lang }) => {
    await expect(files.get(`${lang}/${id}/press.txt`)).toMatchFileSnapshot(join(DIR, file));
  });

  it('every press.txt built from them, in every language, is wrapped, bounded, underlined and unchanged in content', () => {
    const texts = [...files].filter(([path]) => path.endsWith('/press.txt'));
    expect(texts).toHaveLength(GOLDEN.length * 3);
    for (const [path, txt] of texts) expectMailReady(path, txt, files.get(path.replace(/\.txt$/, '.md'))!);
  });

  it('de: long compounds stay whole, the contact URL is on a line of its own, unbroken, under the bullet', () => {
    const txt = files.get('de/de-compounds/press.txt')!;
    expect(txt).toContain('\n> Langzeitnebenwirkungsbeobachtung später Überraschungen bringen, wissen\n');
    expect(txt).toContain('\n- Kontakt:\n  https://www.uk-erlangen.de/einrichtungen/medizinische-klinik-3/forschung/klinische-studien/car-t-zelltherapie-bei-autoimmunerkrankungen/kontaktformular?studie=laysum-test\n');
  });

  it('zh: kinsoku moves a character down with the "，" or "」" after it, and "「" down to the line it opens', () => {
    const quote = files
      .get('zh/zh-mixed/press.txt')!
      .split('\n')
      .filter((line) => line.startsWith('> '));
    expect(quote.slice(0, 4)).toEqual([
      '> 这五名患者在接受治疗后病情都明显好转并且一直保持到随访正式结束的那时',
      '> 候，我们认为这个结果确实令人鼓舞但是现在还不能判断疾病是否会永远消失',
      '> 「需要开展规模更大并且设有对照组的临床研究才能真正回答这个问题及其影',
      '> 响」治疗期间没有出现严重的不良反应患者的生活质量也有所提高🤞。',
    ]);
  });

  it('zh: the title with emoji, kana and fullwidth Latin is underlined to its display width', () => {
    const [first, second, underline] = files.get('zh/zh-mixed/press.txt')!.split('\n');
    // 《》 4 + ＣＡＲ－Ｔ 10 + 细胞研究 8 + 🧬 2 + ： 2 + 一项用 6 + CAR-T 5 + 细胞 4 + 💉 2 + 治疗红斑狼疮患者 16 + 👩‍🔬 2 + 的测试研究 10
    expect(first).toBe('《ＣＡＲ－Ｔ细胞研究》🧬：一项用CAR-T细胞💉治疗红斑狼疮患者👩‍🔬的测试研究');
    expect(displayWidth(first!)).toBe(71);
    expect(second).toBe('（日文名：カタカナのテスト）');
    expect(underline).toBe('='.repeat(71));
  });
});

describe('press.txt of the samples', () => {
  it('is wrapped at 72 columns, bounded, underlined and unchanged in content, in every language', async () => {
    const out = join(tempDir(), 'out');
    const report = await build({ inputs: [SAMPLES], out, formats: ['press'], press: PRESS });
    expect(errorLines(report)).toEqual([]);
    const texts = [...readTree(out)].filter(([path]) => path.endsWith('/press.txt'));
    expect(texts).toHaveLength(12);
    for (const [path, bytes] of texts) {
      expectMailReady(path, bytes.toString('utf8'), readFileSync(join(out, path.replace(/\.txt$/, '.md')), 'utf8'));
      expect(Math.max(...bytes.toString('utf8').split('\n').map(displayWidth)), path).toBeLessThanOrEqual(MAIL_LINE_WIDTH);
    }
  });
});

describe('markdownToText', () => {
  it('underlines a heading as wide as it is shown: emoji, kana, Hangul, fullwidth Latin and 《》 take 2 columns', () => {
    expect(markdownToText('# 《研究》🧬カナ한ＡＢ\n\n## Side effects 💉\n')).toBe('《研究》🧬カナ한ＡＢ\n====================\n\nSide effects 💉\n---------------\n');
  });

  it('wraps a long heading and underlines its widest line', () => {
    expect(markdownToText('# A title that is far too long for one line of a narrow mail', { width: 30 })).toBe('A title that is far too long\nfor one line of a narrow mail\n=============================\n');
  });

  it('hangs list items under their bullet or number, nested lists under their parent item', () => {
    const md = '- one two three four five six\n  - seven eight nine ten eleven\n- twelve\n\n1. thirteen fourteen fifteen\n2. sixteen\n';
    expect(markdownToText(md, { width: 20 })).toBe(
      ['- one two three four', '  five six', '  - seven eight nine', '    ten eleven', '- twelve', '', '1. thirteen fourteen', '   fifteen', '2. sixteen', ''].join('\n'),
    );
  });

  it('puts the quote marker on every line of a quote, the lines between its paragraphs too', () => {
    const md = '> We do not yet know whether the disease will stay away for good.\n>\n> — Georg Schett, one of the authors\n\nAfter the quote.\n';
    expect(markdownToText(md, { width: 30 })).toBe(
      ['> We do not yet know whether', '> the disease will stay away', '> for good.', '>', '> — Georg Schett, one of the', '> authors', '', 'After the quote.', ''].join('\n'),
    );
  });

  it('keeps links as "text <url>", the URL on a line of its own when it does not fit', () => {
    expect(markdownToText('DOI: [10.1056/NEJMoa2308917](https://doi.org/10.1056/NEJMoa2308917)', { width: 40 })).toBe('DOI: 10.1056/NEJMoa2308917\n<https://doi.org/10.1056/NEJMoa2308917>\n');
  });

  it(`writes no line over ${MAX_LINE_OCTETS} octets, even from a heading, list item or quote of one token 2,000 characters long`, () => {
    const emoji = '🧬'.repeat(1000);
    const letters = 'x'.repeat(2000);
    const txt = markdownToText(`# ${emoji}\n\n- ${letters}\n\n> ${emoji}\n`);
    const lines = txt.split('\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    expect(Math.max(...lines.map(displayWidth))).toBe(MAIL_LINE_WIDTH);
    expect(lines[28]).toBe('='.repeat(MAIL_LINE_WIDTH));
    expect(unwrapPlainText(txt).split('\n').map((line) => line.replace(/ /g, ''))).toEqual([emoji, `-${letters}`, emoji]);
  });

  it('keeps a hard line break, and shows runs of blanks as one space', () => {
    expect(markdownToText('first   line\\\nsecond\tline\n')).toBe('first line\nsecond line\n');
  });
});
