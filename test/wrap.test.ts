/**
 * Line wrapping for press.txt (src/outputs/wrap.ts): display width by East Asian Width, where
 * lines may break (Latin at spaces, Chinese between characters, kinsoku), what is never split,
 * that joining the lines gives the text back, and the 998-octet bound of a mail line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterWidth, displayWidth, MAIL_LINE_WIDTH, MAX_LINE_OCTETS, wrapText } from '../src/outputs/wrap.js';
import { joinWrapped } from './plain-text.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
/** No line starts with these (kinsoku), as the Chinese and Japanese rules list them; a test's own list, not the code's. */
const CLOSING = /^[，。、：；！？）》」』】〉”’…·%)\].,:;!?ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/u;
/** No line ends with these. */
const OPENING = /[（《「『【〈“‘(\[]$/u;

describe('displayWidth', () => {
  it.each([
    ['abc', 3, 'ASCII'],
    ['Müller', 6, 'Latin with diacritics (East Asian Ambiguous: narrow)'],
    ['研究', 4, 'Han: Wide'],
    ['ひらがな', 8, 'hiragana'],
    ['カタカナ', 8, 'katakana'],
    ['ｶﾀｶﾅ', 4, 'halfwidth katakana'],
    ['한국어', 6, 'Hangul'],
    ['ＣＡＲ－Ｔ', 10, 'fullwidth Latin'],
    ['《》「」（）', 12, 'CJK brackets'],
    ['，。、：；！？', 14, 'CJK punctuation'],
    ['“”…', 3, 'Ambiguous punctuation: narrow'],
    ['🧬', 2, 'emoji'],
    ['👩‍🔬', 2, 'zero-width-joiner sequence: one emoji'],
    ['👨‍👩‍👧', 2, 'family sequence'],
    ['👍🏽', 2, 'skin tone modifier'],
    ['🇩🇪', 2, 'flag'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 2, 'tag sequence'],
    ['❤️', 2, 'text-default emoji with VS16'],
    ['❤', 1, 'text-default emoji without VS16'],
    ['1️⃣', 2, 'keycap'],
    ['e\u0301', 1, 'combining accent'],
    ['\u0301', 0, 'combining mark alone'],
    ['\u200b\u2060\ufeff', 0, 'zero-width characters'],
    ['53\u00a0%', 4, 'no-break space'],
    ['', 0, 'empty'],
  ])('%s is %i columns (%s)', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('measures a Chinese title with emoji: 20 Han × 2 + "CAR-T" + 4 emoji × 2 = 53 (the old underline counted 55 code points)', () => {
    expect(displayWidth('一项🧬用CAR-T细胞💉治疗红斑狼疮患者👩‍🔬及其家人👨‍👩‍👧的研究')).toBe(53);
  });

  it('gives a grapheme cluster the width of its base character, or 2 as an emoji', () => {
    expect([...'a研ｱ'].map(clusterWidth)).toEqual([1, 2, 1]);
    expect(clusterWidth('👩🏽‍⚕️')).toBe(2);
  });
});

describe('wrapText: where lines break', () => {
  it('fills each line with as many words as fit, breaking Latin text at spaces only', () => {
    expect(wrapText('The researchers used CAR-T cell therapy in 15 people with lupus.', { width: 24 })).toEqual([
      'The researchers used',
      'CAR-T cell therapy in',
      '15 people with lupus.',
    ]);
  });

  it('never splits or hyphenates a word longer than the line (a German compound)', () => {
    expect(wrapText('Die Langzeitnebenwirkungsbeobachtungsstudie beginnt.', { width: 20 })).toEqual(['Die', 'Langzeitnebenwirkungsbeobachtungsstudie', 'beginnt.']);
  });

  it('puts a URL wider than the line on a line of its own, unbroken', () => {
    const url = 'https://www.uk-erlangen.de/einrichtungen/medizinische-klinik-3/forschung/klinische-studien/kontakt?studie=1';
    expect(wrapText(`Kontakt: ${url} (Formular)`)).toEqual(['Kontakt:', url, '(Formular)']);
    expect(wrapText(`详见${url}。`, { width: 30 })).toEqual(['详见', `${url}。`]);
  });

  it('keeps a number with its unit or percent sign, after a plain or a no-break space', () => {
    expect(wrapText('Each person got a dose of 15 mg per kilogram.', { width: 28 })).toEqual(['Each person got a dose of', '15 mg per kilogram.']);
    expect(wrapText('Bei 8 von 15 Menschen (53\u00a0%) kam die Krankheit zur Ruhe.', { width: 27 })).toEqual(['Bei 8 von 15 Menschen', '(53\u00a0%) kam die Krankheit', 'zur Ruhe.']);
    expect(wrapText('Fieber über 38 °C trat auf.', { width: 16 })).toEqual(['Fieber über', '38 °C trat auf.']);
  });

  it('keeps a number with the word it counts', () => {
    // "bei 1" would fit on the first line (31 columns), leaving "Person" to start the next.
    expect(wrapText('Ein schwerer Verlauf trat bei 1 Person auf.', { width: 31 })).toEqual(['Ein schwerer Verlauf trat bei', '1 Person auf.']);
    expect(wrapText('It was severe for 2 people.', { width: 19 })).toEqual(['It was severe for', '2 people.']);
    // Only a word: a number before another number or a bracket may still end a line.
    expect(wrapText('Grades 1 2 3 (4 of 5)', { width: 8 })).toEqual(['Grades 1', '2 3', '(4 of 5)']);
  });

  it('breaks Chinese between any two characters, but keeps a number with its neighbours', () => {
    // "于2024年" is one piece (8 columns): "研究结果于" would fit in 10, but not with the number.
    expect(wrapText('研究结果于2024年发表。', { width: 10 })).toEqual(['研究结果', '于2024年发', '表。']);
  });

  it('keeps kinsoku: closing punctuation goes down with the character before it, opening punctuation with the character after it', () => {
    // 5 columns hold two Han characters: a naive break would start line 2 with "，" and end line 1 with "「".
    expect(wrapText('你好，世界', { width: 5 })).toEqual(['你', '好，', '世界']);
    expect(wrapText('你好「世界」', { width: 6 })).toEqual(['你好', '「世', '界」']);
    expect(wrapText('《中华风湿病学杂志》（2024）发表', { width: 20 })).toEqual(['《中华风湿病学杂志》', '（2024）发表']);
  });

  it('breaks between Chinese and Latin text, emoji or kana without adding or losing a space', () => {
    const lines = wrapText('一项🧬用CAR-T细胞💉治疗红斑狼疮患者👩‍🔬及其家人的研究（カタカナ）', { width: 16 });
    expect(lines).toEqual(['一项🧬用CAR-T细', '胞💉治疗红斑狼疮', '患者👩‍🔬及其家人的', '研究（カタカナ）']);
    expect(lines.join('')).toBe('一项🧬用CAR-T细胞💉治疗红斑狼疮患者👩‍🔬及其家人的研究（カタカナ）');
  });

  it('starts no line with "From " (mbox turns it into ">From "), ">" (shown as quoted) or a lone dash', () => {
    expect(wrapText('the side effects went away quickly. From here on', { width: 36 })).toEqual(['the side effects went away', 'quickly. From here on']);
    expect(wrapText('p-value of the test > 0.05 here', { width: 20 })).toEqual(['p-value of the', 'test > 0.05 here']);
    expect(wrapText('Sklerose – 15 Behandelte', { width: 10 })).toEqual(['Sklerose –', '15 Behandelte']);
    // Between Chinese and Latin text too, where a line may break without a space.
    expect(wrapText('研究From here', { width: 5 })).toEqual(['研', '究From', 'here']);
    expect(wrapText('研究>结果', { width: 4 })).toEqual(['研', '究>', '结果']);
  });

  it('hangs later lines under the first with the rest prefix, and keeps a quote marker on every line', () => {
    expect(wrapText('11 of 15 people had a strong immune reaction with fever.', { width: 30, firstPrefix: '- ', restPrefix: '  ' })).toEqual([
      '- 11 of 15 people had a strong',
      '  immune reaction with fever.',
    ]);
    expect(wrapText('We do not yet know whether the disease will stay away.', { width: 30, firstPrefix: '> ' })).toEqual([
      '> We do not yet know whether',
      '> the disease will stay away.',
    ]);
  });

  it('keeps a line break of the text, and leaves no trailing space on an empty line', () => {
    expect(wrapText('first line\n\nsecond line', { width: 30, firstPrefix: '> ' })).toEqual(['> first line', '>', '> second line']);
  });

  it('wraps at MAIL_LINE_WIDTH (72) columns by default', () => {
    expect(MAIL_LINE_WIDTH).toBe(72);
    const lines = wrapText('word '.repeat(100).trim());
    expect(lines.map((l) => l.length)).toEqual([...Array(7).fill(69), 9]);
    expect(wrapText('研'.repeat(100)).map(displayWidth)).toEqual([72, 72, 56]);
  });
});

describe(`wrapText: no line over ${MAX_LINE_OCTETS} octets`, () => {
  it('keeps a token that fits in a mail line whole on its own line, however wide', () => {
    const url = `https://example.org/${'a'.repeat(MAX_LINE_OCTETS - 20)}`;
    expect(wrapText(`See ${url} here`)).toEqual(['See', url, 'here']);
  });

  it.each([
    ['2,000 letters', 'x'.repeat(2000)],
    ['1,000 emoji (4,000 octets)', '🧬'.repeat(1000)],
    ['a URL of 1,500 characters', `https://example.org/${'a/'.repeat(740)}`],
  ])('cuts a longer token (%s) into lines of the line width, at grapheme boundaries, joined back with nothing', (_, token) => {
    const lines = wrapText(`Before ${token} after`);
    expect(lines[0]).toBe('Before');
    // The last piece is a line like any other: the next word joins it if it fits.
    expect(lines.slice(1).join('')).toBe(`${token} after`);
    expect(lines.length).toBe(2 + Math.floor((displayWidth(token) - 1) / MAIL_LINE_WIDTH));
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
      expect(displayWidth(line)).toBeLessThanOrEqual(MAIL_LINE_WIDTH);
    }
  });

  it('cuts even one grapheme cluster longer than a mail line (a letter with 1,200 combining marks) at code points', () => {
    const cluster = `e${'\u0301'.repeat(1200)}`;
    const lines = wrapText(cluster, { firstPrefix: '> ' });
    expect(lines.length).toBe(3);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    expect(lines.map((l) => l.slice(2)).join('')).toBe(cluster);
  });
});

/** Pieces that never break inside, each at most 10 columns wide; Latin ones are joined by spaces, Chinese ones by nothing. */
const latinPiece = fc.constantFrom('the', 'people', 'lupus', 'CAR-T', 'Müller', 'Übelkeit', 'Behandlung', 'T-Zellen', '15', '(53\u00a0%)', '15 mg', 'e.g.', '🧬', '👩‍🔬', 'ok,', '(DORIS)');
const hanPiece = fc.constantFrom('研', '究', '患者', '疗法', '，', '。', '、', '：', '（', '）', '《', '》', '「', '」', '“', '”', '2024年', '15名', 'カ', 'ナ', 'ー', 'ＡＢ', '💉', '！', '？');
const paragraph = fc
  .array(fc.oneof(fc.array(latinPiece, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')), fc.array(hanPiece, { minLength: 1, maxLength: 40 }).map((w) => w.join(''))), { minLength: 1, maxLength: 8 })
  .map((runs) => runs.join(''));
const RUNS = { seed: 20240601, numRuns: 400 } as const;

describe('wrapText: properties over generated English, German and Chinese text (fast-check, fixed seed)', () => {
  it('joining the lines gives the text back: a space at a Latin break, nothing at a Chinese one', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 8, max: 90 }), (text, width) => {
        expect(joinWrapped(wrapText(text, { width }))).toBe(text);
      }),
      RUNS,
    );
  });

  it('no line is wider than the line width once the width holds every piece with its punctuation', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 30, max: 90 }), (text, width) => {
        for (const line of wrapText(text, { width })) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      }),
      RUNS,
    );
  });

  it('no line starts with closing punctuation or ends with opening punctuation, and none has a trailing space', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 8, max: 90 }), (text, width) => {
        const lines = wrapText(text, { width });
        lines.forEach((line, i) => {
          expect(line).not.toMatch(/\s$/);
          if (i > 0) expect(line).not.toMatch(CLOSING);
          if (i < lines.length - 1) expect(line).not.toMatch(OPENING);
        });
      }),
      RUNS,
    );
  });

  it('gives the same lines every time', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 8, max: 90 }), (text, width) => {
        expect(wrapText(text, { width })).toEqual(wrapText(text, { width }));
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});
