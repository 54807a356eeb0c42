/**
 * The date printed PDFs carry: SOURCE_DATE_EPOCH (the reproducible-builds convention) when set,
 * else 2000-01-01 UTC. A value that is not whole seconds is bad input — exit 2, naming the variable,
 * nothing written — never read as another date: `abc` used to stamp 2000-01-01 without a word, an
 * empty value 1970-01-01, and `1e20` stopped the build with an internal error.
 *
 * The CLI cases need no browser: the date is checked before anything is printed, so LAYSUM_CHROMIUM
 * only has to name a file that exists.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_DATE_EPOCH, pdfDate, SourceDateEpochError, withFixedDates } from '../src/outputs/pdf.js';
import { expectSameTree, readTree, runCli, tempDir } from './helpers.js';

describe('pdfDate: SOURCE_DATE_EPOCH as the reproducible-builds convention defines it', () => {
  it('unset: 2000-01-01 UTC; whole seconds: that time', () => {
    expect(pdfDate(undefined).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(pdfDate('0').toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(pdfDate('1700000000').toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(pdfDate(String(MAX_SOURCE_DATE_EPOCH)).toISOString()).toBe('9999-12-31T23:59:59.000Z');
  });

  it.each(['', 'abc', '-5', '1.5', '1e9', ' 1700000000', '0x10', String(MAX_SOURCE_DATE_EPOCH + 1), '1e20'])('refuses %j, naming the variable and what it expects', (value) => {
    expect(() => pdfDate(value)).toThrow(SourceDateEpochError);
    expect(() => pdfDate(value)).toThrow(/^SOURCE_DATE_EPOCH is .*; expected whole seconds since 1970-01-01 00:00 UTC, as `date \+%s` prints them/);
  });

  it('withFixedDates writes the given date in as many bytes', () => {
    const pdf = Buffer.from("%PDF-1.4\n<< /CreationDate (D:20240517093015+02'00') /ModDate (D:20240517093015Z) >>\n", 'latin1');
    const fixed = withFixedDates(pdf, pdfDate('1700000000'));
    expect(fixed.toString('latin1')).toBe("%PDF-1.4\n<< /CreationDate (D:20231114221320+00'00') /ModDate (D:20231114221320Z) >>\n");
    expect(fixed.length).toBe(pdf.length);
  });
});

describe('laysum build --pdf with a SOURCE_DATE_EPOCH that is no date: exit 2, one line naming it, the previous output untouched', () => {
  const study = 'test/fixtures/valid/minimal.yaml';
  // A file that exists, so the build gets as far as printing would start (no browser is launched).
  const env = (value: string) => ({ SOURCE_DATE_EPOCH: value, LAYSUM_CHROMIUM: process.execPath });

  it.each(['abc', '', '1e20', '-1'])('SOURCE_DATE_EPOCH=%j', (value) => {
    const out = join(tempDir(), 'out');
    expect(runCli(['build', study, '--lang', 'en', '--format', 'leaflet', '--out', out, '-q']).code).toBe(0);
    const before = readTree(out);
    const r = runCli(['build', study, '--lang', 'en', '--format', 'leaflet', '--pdf', '--out', out, '-q'], undefined, env(value));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${new SourceDateEpochError(value).message} [output/pdf]\n`);
    expectSameTree(out, before);
  });

  it('is not read without --pdf, or with --pdf auto when there is nothing to print with', () => {
    const out = join(tempDir(), 'out');
    expect(runCli(['build', study, '--lang', 'en', '--format', 'leaflet', '--out', out, '-q'], undefined, env('abc')).code).toBe(0);
    expect(runCli(['build', study, '--lang', 'en', '--format', 'leaflet', '--pdf', 'auto', '--out', out, '-q'], undefined, { SOURCE_DATE_EPOCH: 'abc', LAYSUM_CHROMIUM: '/nonexistent/chromium' }).code).toBe(0);
  });
});
