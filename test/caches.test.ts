/**
 * What the batch caches rely on (issue 5 §1): a cached result must be the result.
 *
 * - Markdown is read block by block (src/markdown): random documents, cut by `markdownBlocks`,
 *   must give markdown-it's HTML and inline texts of the whole document.
 * - Readability counts, detections and number words are kept by digit shape (src/memo): random
 *   texts and the same texts with other digits must split, count and clean alike.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { describe, expect, it } from 'vitest';
import { markdownBlocks, readMarkdown } from '../src/markdown/index.js';
import { digitShape, TextShape } from '../src/memo/index.js';
import { countChinese, countNumbers, englishSyllables, germanSyllables, latinWords, measureReadabilityOfLines, splitSentences } from '../src/checks/readability/index.js';
import { findNumbers, stripForDetection } from '../src/checks/index.js';
import { createTranslator, loadProject } from '../src/index.js';

const RUNS = { seed: 7, numRuns: Number(process.env.LAYSUM_RUNS ?? 400) } as const;

/** Each line's digit shape as the Markdown reader gives it. */
const shapesOf = (lines: readonly string[]) => lines.map((line) => new TextShape(digitShape(line)));

/** The same text with every digit replaced by a random digit. */
const withOtherDigits = (text: string, digits: number[]) => {
  let i = 0;
  return text.replace(/[0-9]/g, () => String(digits[i++ % digits.length]));
};

/** A fresh markdown-it with laysum's settings: the reference, without laysum's cache. */
const reference = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);

function wholeRead(source: string) {
  const tokens = reference.parse(source, {});
  const inline = (t: (typeof tokens)[number]) =>
    (t.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' ? ' ' : '')).join('');
  const heading = tokens.findIndex((t) => t.type === 'heading_open');
  return {
    html: reference.renderer.render(tokens, reference.options, {}),
    title: heading >= 0 ? (tokens[heading + 1]!.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('') : '',
    paragraphs: tokens.filter((t) => t.type === 'inline').map((t) => inline(t).trim()).filter(Boolean),
  };
}

/** Lines of every kind that can take part in a block across a blank line, or not. */
const LINES = [
  '# Title', '## Side effects', 'Plain text with **bold** and *em*', 'More text, 8 of 15 (53%).', '患者病情很重。',
  '- item', '- item with `code`', '* star item', '+ plus item', '1. first', '2) second', '10. tenth',
  '  continued two spaces', '    four spaces: code or item text', '\tTab', '> quote', '> - quoted item', '>',
  '| a | b |', '|---|---|', '| 1 | 2 |', '```', '~~~', '[ref]: https://example.org', 'see [ref] and [x](https://x.org)',
  '---', '***', '===', '  # indented heading', '#5 no heading', '#', '###### six', 'Text with a break\\', 'lazy line', '<b>raw</b>', '\\# escaped', '', '', '', '',
  // Digits where markdown-it keeps them as text, and where it moves, drops or adds them.
  '# 19 people in 2024', '- 6 of 19 people (32%)', '8 of *15* people, `CD19`', '| 12 | 3,5 |', '1. 12 items', '3) third', '> 2. quoted',
  '2024. A year', 'Text 42 with [link 7](https://doi.org/10.5555/x.9)', '![chart 3](img/4.png)', '&#49; and &#x32; entities',
  '<https://example.org/5>', 'A %41 and 100% sign', '    code 0 and 7', '\\1. escaped marker', '12', '0',
  // List items that open a block of their own inside the item, or do not (lists are read item by item).
  '- # heading in an item', '- > quote in an item', '- - nested', '- * nested star', '- 1. ordered in an item', '- 8) ordered too', '- 12.5 mg',
  '-', '*', '1.', '2)', '- 2024', '- ***', '- ---', '- **CAR-T:** bold start', '- ***both*** start', '-  two spaces', '- =', '- ===', '- |x|', '- `code` start',
  '- [link 3](https://x.org/3)', '- &amp; entity', '- <b>raw</b>', '- _em_ start', '- ___', '- +', '- trailing spaces  ', '- 患者 8 名',
  // Table rows with fewer or more cells than the head, aligned columns, escaped pipes, code with a pipe.
  '| a |', '| a | b | c |', '|:-:|--:|', '| x \\| y | z |', '|---|', '| `a|b` | c |', '|  |  |', '| 3 | 4 |',
];
const documents = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }).map((lines) => `${lines.join('\n')}\n`);

/** Documents of whole blocks, so that lists and tables come as runs of their own (read item by item, row by row). */
const ITEMS = LINES.filter((line) => /^(?:[-*+]|\d+[.)])(?: |$)/.test(line));
const ROWS = LINES.filter((line) => line.startsWith('|'));
const block = fc.oneof(
  fc.array(fc.constantFrom(...ITEMS), { minLength: 1, maxLength: 6 }),
  fc.tuple(fc.constantFrom('| a | b |', '| a |', '| Event | n | % |', '| x \\| y | z |'), fc.constantFrom('|---|---|', '|:-:|--:|', '|---|', '| --- | :-- | --: |'), fc.array(fc.constantFrom(...ROWS), { maxLength: 5 })).map(([head, delimiter, rows]) => [head, delimiter, ...rows]),
  fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 3 }),
);
const blockDocuments = fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n')), { minLength: 1, maxLength: 8 }).map((blocks) => blocks.map(([lines, gap]) => lines.join('\n') + gap).join(''));

/** readMarkdown gives what markdown-it gives for the whole text, and each paragraph's digit shape. */
function expectReadWhole(source: string): void {
  const { shapes, ...read } = readMarkdown(source);
  expect(read).toEqual(wholeRead(source));
  expect(shapes.map((shape) => shape.text)).toEqual(read.paragraphs.map(digitShape));
}

describe('Markdown read block by block', () => {
  it('gives the HTML, title and paragraphs of the whole document, whatever the document', () => {
    fc.assert(
      fc.property(documents, (source) => {
        expectReadWhole(source);
      }),
      RUNS,
    );
  });

  it('gives the same for documents of whole lists, tables and paragraphs, also after one of the same shape', () => {
    fc.assert(
      fc.property(blockDocuments, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 7 }), (source, digits) => {
        for (const text of [source, withOtherDigits(source, digits)]) {
          expectReadWhole(text);
        }
      }),
      RUNS,
    );
  });

  it('gives the same for a document read after one of the same shape (its digits put back in)', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 7 }), (source, digits) => {
        readMarkdown(source);
        const other = withOtherDigits(source, digits);
        expectReadWhole(other);
      }),
      RUNS,
    );
  });

  it('cuts a summary before its headings and paragraphs, and before a list where no list is open', () => {
    const source = '# Title\n\nIntro text.\n\n## Who took part?\n\n- 6 of 19 people\n- 2 of 19 people\n\nWhere: Germany.\n\n- a list after a paragraph\n';
    expect(markdownBlocks(source)).toEqual(['# Title\n\n', 'Intro text.\n\n', '## Who took part?\n\n', '- 6 of 19 people\n- 2 of 19 people\n\n', 'Where: Germany.\n\n', '- a list after a paragraph\n']);
  });

  it('does not cut where a block goes on across a blank line', () => {
    // A paragraph that starts with a figure opens no list; one that starts with a list marker does, even an empty one.
    expect(markdownBlocks('15 people took part.\n\n- 8 of 15 had lupus\n')).toEqual(['15 people took part.\n\n', '- 8 of 15 had lupus\n']);
    expect(markdownBlocks('15. people took part.\n\n- 8 of 15 had lupus\n')).toHaveLength(1);
    expect(markdownBlocks('-\n\n- b\n')).toHaveLength(1);
    // A loose list: the second item belongs to the first item's list.
    expect(markdownBlocks('- a\n\n- b\n')).toEqual(['- a\n\n- b\n']);
    // An indented line continues the list item.
    expect(markdownBlocks('1. a\n\n   more of a\n')).toHaveLength(1);
    // A heading inside a list item (indented) does not end the list.
    expect(markdownBlocks('- a\n\n  # H\n\n- b\n')).toHaveLength(1);
    // A paragraph line right after an item is the item's (a lazy continuation line).
    expect(markdownBlocks('- a\nlazy\n\n- b\n')).toHaveLength(1);
    // A fence holds blank lines; a reference definition reaches across the text.
    expect(markdownBlocks('```\ncode\n\nTitle\n```\n')).toHaveLength(1);
    expect(markdownBlocks('See [x].\n\nText\n\n[x]: https://example.org\n')).toHaveLength(1);
  });

  it('reads a block again from its cache the same as the first time', () => {
    const a = readMarkdown('# A\n\nShared block.\n');
    const b = readMarkdown('# B\n\nShared block.\n');
    expect(a.html).toBe('<h1>A</h1>\n<p>Shared block.</p>\n');
    expect(b.html).toBe('<h1>B</h1>\n<p>Shared block.</p>\n');
    expect(b.title).toBe('B');
    const c = readMarkdown('# 19 people\n\n- 6 of 19 people (32%)\n');
    const d = readMarkdown('# 25 people\n\n- 8 of 25 people (32%)\n');
    expect(c.html).toBe('<h1>19 people</h1>\n<ul>\n<li>6 of 19 people (32%)</li>\n</ul>\n');
    expect(d.html).toBe('<h1>25 people</h1>\n<ul>\n<li>8 of 25 people (32%)</li>\n</ul>\n');
    expect(d.title).toBe('25 people');
    expect(d.paragraphs).toEqual(['25 people', '8 of 25 people (32%)']);
    // The same shape objects, on which the checks keep their results.
    d.shapes.forEach((shape, i) => expect(shape).toBe(c.shapes[i]));
  });
});

/** Latin-script text with figures, abbreviations, ordinals, list markers and words with digits. */
const TOKENS = [
  'The', 'people', 'Personen', 'nahmen', 'teil', 'am', 'im', 'Jahr', 'Februar', 'z. B.', 'Dr.', 'e.g.', 'CD19', 'COVID-19',
  'KYV-101', 'IL-6', 'H2O', '1st', 'Zell·therapie', 'follow-up', '8', '15', '1,500', '2.5', '1,5', '53%', '12.', '3.', '(grade 3)',
  '±', '–', '.', '.', '!', '?', ',', ':', '- ', '1. ', '\n',
];
/** Chinese text with figures, list markers, Latin terms, glossary terms and sentence ends. */
const HAN_TOKENS = ['研究', '患者', '红斑狼疮', '系统性', '细胞', 'CAR-T细胞疗法', '肌炎', '名', '例', '8', '15', '12.5', '53%', '1. ', '一、', '（', '）', '，', '。', '！', '；', ' ', '停药后', '病情', '稳定', '第3期', '9期'];
const latinTexts = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 25 }).map((t) => t.join(' '));

describe('results kept by digit shape depend on the shape alone', () => {
  it('sentences, words, numbers and syllables are the same for the same text with other digits', () => {
    fc.assert(
      fc.property(latinTexts, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 7 }), fc.constantFrom('en', 'de'), (text, digits, lang) => {
        const other = withOtherDigits(text, digits);
        expect(splitSentences(other, lang).map(digitShape)).toEqual(splitSentences(text, lang).map(digitShape));
        expect(latinWords(other).map(digitShape)).toEqual(latinWords(text).map(digitShape));
        expect(countNumbers(other)).toBe(countNumbers(text));
        const syllables = lang === 'en' ? englishSyllables : germanSyllables;
        expect(latinWords(other).map(syllables)).toEqual(latinWords(text).map(syllables));
        // Detection reads the cleaned text: numbers are gone from it.
        expect(stripForDetection(other)).toBe(stripForDetection(text));
      }),
      RUNS,
    );
  });

  it('Chinese readability read by line shape is the same as read from the text, glossary matches included', () => {
    // A glossary term with a digit covers a difficult word in the text, not in its shape ("第0期…").
    const line = ['第9期红斑狼疮患者病情稳定。'];
    const byText = countChinese(splitSentences(line[0]!, 'zh'), { glossaryTerms: ['9期红斑狼疮'] });
    expect(byText.excludedGlossaryTerms).toBeGreaterThan(0);
    expect(measureReadabilityOfLines(line, 'zh', { glossaryTerms: ['9期红斑狼疮'] }, shapesOf(line)).excludedGlossaryTerms).toBe(byText.excludedGlossaryTerms);
    const lines = fc.array(fc.array(fc.constantFrom(...HAN_TOKENS), { minLength: 1, maxLength: 12 }).map((t) => t.join('')), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(lines, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 7 }), fc.subarray(['红斑狼疮', '细胞', 'CAR-T细胞疗法', '肌炎', '第3期', '9期红斑狼疮']), (text, digits, glossaryTerms) => {
        const other = text.map((line) => withOtherDigits(line, digits));
        measureReadabilityOfLines(text, 'zh', { glossaryTerms }, shapesOf(text));
        const figures = measureReadabilityOfLines(other, 'zh', { glossaryTerms }, shapesOf(other));
        const counts = countChinese(splitSentences(other.join('\n'), 'zh'), { glossaryTerms });
        expect([figures.sentences, figures.words, figures.hanCharacters, figures.difficultWords, figures.excludedGlossaryTerms]).toEqual([counts.sentences, counts.words, counts.hanCharacters, counts.difficultWords, counts.excludedGlossaryTerms]);
      }),
      RUNS,
    );
  });

  it('numbers are read from the text itself, not from an earlier text of the same shape', () => {
    const en = loadProject().languages.en!;
    expect(findNumbers('8 of 15 people, fifteen in all', en).map((n) => n.value)).toEqual([8, 15, 15]);
    expect(findNumbers('5 of 16 people, fifteen in all', en).map((n) => n.value)).toEqual([5, 16, 15]);
    expect(findNumbers('0 of 00 people, fifteen in all', en).map((n) => n.value)).toEqual([0, 0, 15]);
  });
});

describe('sentences kept by shape', () => {
  it('a translation is the same as i18next’s own, whatever was asked before (plural category, 0 and 1, context, values)', () => {
    const project = loadProject();
    const translators = Object.fromEntries(['en', 'de', 'zh'].map((lang) => [lang, createTranslator(project.languages[lang]!, project.locales[lang]!)]));
    const call = fc.record({
      lang: fc.constantFrom('en', 'de', 'zh'),
      key: fc.constantFrom('standard.standfirst', 'easy.who.group', 'standard.who.group', 'easy.safety.event', 'easy.intro', 'document.levelName', 'standard.results.outcome'),
      context: fc.constantFrom('easy', 'standard', 'expert'),
      count: fc.oneof(fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 40 })),
      total: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom('40', 'many')),
      text: fc.constantFrom('Lupus', 'rheumatoider Arthritis', 'CAR-T', '{{count}}', '$t(easy.intro)'),
    });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 20 }), (calls) => {
        for (const { lang, key, context, count, total, text } of calls) {
          const options = { context, count, total, responders: count, assessed: total, patients: text, achieved: text, percent: text, design: text, treatment: text, conditions: text, condition: text, event: text };
          // An option that is not a plain value makes the translator ask i18next itself.
          expect(translators[lang]!.t(key, options)).toBe(translators[lang]!.t(key, { ...options, postProcess: [] }));
        }
      }),
      RUNS,
    );
  });
});
