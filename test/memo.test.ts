import { describe, expect, it } from 'vitest';
import { digitShape, DigitShapeMemo, keptBy, TextMemo } from '../src/memo/index.js';

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
