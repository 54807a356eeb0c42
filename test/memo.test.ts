import { describe, expect, it } from 'vitest';
import { digitShape, DigitShapeMemo, keptBy, TextMemo, TextShape } from '../src/memo/index.js';

describe('DigitShapeMemo', () => {
  it('finds a result by the shape of a text that differs only in its digits', () => {
    const memo = new DigitShapeMemo<string>(10);
    memo.set(digitShape('8 of 19 people (42%)'), 'counted');
    expect(memo.get(digitShape('5 of 16 people (31%)'))).toBe('counted');
    expect(memo.get(digitShape('5 of 160 people (31%)'))).toBeUndefined();
  });

  it('keeps, by default, what is asked for again when it turns over, and lets one-offs go', () => {
    const memo = new DigitShapeMemo<number>(3);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect(memo.get('a')).toBe(1);
    memo.set('d', 4); // full: a, b, c become the older generation
    expect(memo.get('a')).toBe(1); // asked again: brought back
    memo.set('e', 5);
    memo.set('f', 6); // full again (d, a, e): the older generation with b and c goes
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('c')).toBeUndefined();
    expect([memo.get('a'), memo.get('d'), memo.get('e'), memo.get('f')]).toEqual([1, 4, 5, 6]);
  });

  it('with one generation, empties itself when full', () => {
    const memo = new DigitShapeMemo<number>(2, { generations: false });
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([undefined, undefined, 3]);
  });

  it('with second sight, keeps a result only for a shape it saw before', () => {
    const memo = new DigitShapeMemo<number>(10, { secondSight: true });
    memo.set('a', 1);
    expect(memo.get('a')).toBeUndefined();
    memo.set('a', 1);
    expect(memo.get('a')).toBe(1);
  });

  it('stays within twice its limit however many shapes it is given', () => {
    const memo = new DigitShapeMemo<number>(100);
    for (let i = 0; i < 10_000; i++) memo.set(`shape ${String.fromCharCode(65 + (i % 26))}${i.toString(36)}`, i);
    let kept = 0;
    for (let i = 0; i < 10_000; i++) if (memo.get(`shape ${String.fromCharCode(65 + (i % 26))}${i.toString(36)}`) !== undefined) kept++;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(200);
  });
});

describe('TextShape', () => {
  it('finds a result kept on the shape object, and one kept by the same text on another object', () => {
    const memo = new DigitShapeMemo<string>(10);
    const shape = new TextShape(digitShape('8 of 19 people (42%)'));
    memo.setShape(shape, 'counted');
    expect(shape.resultOf(memo)).toBe('counted');
    // Another object of the same shape (another run of the Markdown reader) finds it by its text, and keeps it.
    const other = new TextShape(digitShape('5 of 16 people (31%)'));
    expect(other.resultOf(memo)).toBeUndefined();
    expect(memo.getShape(other)).toBe('counted');
    expect(other.resultOf(memo)).toBe('counted');
    // A shape asked of the text alone is found too: the two ways share one table.
    expect(memo.get(shape.text)).toBe('counted');
  });

  it('keeps each memo’s result apart, for a bounded number of memos', () => {
    const memos = Array.from({ length: 20 }, () => new DigitShapeMemo<number>(10));
    const shape = new TextShape('0 of 00');
    memos.forEach((memo, i) => memo.setShape(shape, i));
    // Every memo finds its own result: the first four on the object, the others in their tables.
    expect(memos.map((memo) => memo.getShape(shape))).toEqual(memos.map((_, i) => i));
    expect(memos.map((memo) => shape.resultOf(memo))).toEqual(memos.map((_, i) => (i < 4 ? i : undefined)));
  });

  it('keeps nothing on the object for a memo with second sight (its first sight keeps nothing)', () => {
    const memo = new DigitShapeMemo<number>(10, { secondSight: true });
    const shape = new TextShape('a');
    memo.setShape(shape, 1);
    expect(memo.getShape(shape)).toBeUndefined();
  });
});

describe('TextMemo', () => {
  it('keeps texts with digits in a store of their own, so they never push out the texts without', () => {
    const memo = new TextMemo<number>(2, 2);
    memo.set('heading', 0);
    for (let i = 0; i < 100; i++) memo.set(`line ${i}`, i);
    expect(memo.get('heading')).toBe(0);
    expect(memo.get('line 99')).toBe(99);
    expect(memo.get('line 1')).toBeUndefined();
  });
});

describe('keptBy', () => {
  it('computes a key once, an undefined result too', () => {
    let calls = 0;
    const lookup = keptBy((key: string) => {
      calls++;
      return key === 'none' ? undefined : key.length;
    });
    expect([lookup('abc'), lookup('abc'), lookup('none'), lookup('none')]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toBe(2);
  });
});
