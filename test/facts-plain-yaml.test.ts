/**
 * The fast reader of plain facts files (src/facts/plain-yaml.ts) against the `yaml` library it
 * stands in for: wherever it accepts a file whose data is valid facts, the data must be exactly
 * what `yaml` reads; everything it declines goes to `yaml`, whose messages the golden tests check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseWithYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseStudyFacts, StudyFacts } from '../src/facts/index.js';
import { readPlainYaml } from '../src/facts/plain-yaml.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesUnder(path);
      return /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
}

const FILES = [...filesUnder('samples'), ...filesUnder('test/fixtures')];
const TEXTS = FILES.map((f) => readFileSync(f, 'utf8'));

/** `yaml`'s reading, or undefined where it finds an error. */
function reference(text: string): unknown {
  try {
    return parseWithYaml(text, { uniqueKeys: true, prettyErrors: false, strict: true, maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/**
 * Data as comparable text: keys in their order, numbers that JSON cannot tell apart (-0, NaN,
 * ±Infinity) spelled out. (`toStrictEqual` would compare an own `constructor` key by identity.)
 */
function canonical(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    typeof value === 'number' && (Object.is(value, -0) || !Number.isFinite(value)) ? `<number ${Object.is(value, -0) ? '-0' : String(value)}>` : value,
  );
}

describe('plain YAML reader', () => {
  it('reads every sample and fixture it accepts as `yaml` does', () => {
    let accepted = 0;
    for (const [i, text] of TEXTS.entries()) {
      const fast = readPlainYaml(text);
      if (fast === undefined) continue;
      accepted++;
      expect(canonical(fast), FILES[i]).toBe(canonical(reference(text)));
    }
    // Most of them are plain files; the rest (anchors, tags, …) are left to `yaml`.
    expect(accepted).toBeGreaterThan(FILES.length / 2);
  });

  it('resolves plain scalars by YAML 1.2 core schema, as `yaml` does', () => {
    const scalars = [
      '0b101', '0o17', '017', '0x1F', '0X1f', '1_000', '+12', '-0', '00', '0123', '.5', '5.', '1e3', '1E+3', '-.5e-3', '0.1e1', '1e400',
      '.inf', '-.Inf', '+.inf', '.NaN', '.nan', 'NaN', 'Infinity', '~', 'null', 'Null', 'NULL', 'nUll', '', 'true', 'True', 'TRUE', 'tRue',
      'yes', 'no', 'on', 'off', 'y', 'n', '2024-01-02', '12:30', '1:2', '1,000', '3.14.15', '1e', '.e3', '+', '0x', '0o', '0o8', '0xG', '+0x1',
      '-0o7', '9007199254740993', '"12"', "'true'", '[1, 0x1F, ~, .5]', '{a: 1, b: ~}',
    ];
    for (const scalar of scalars) {
      const text = `value: ${scalar}\n`;
      expect(canonical(readPlainYaml(text)), text).toBe(canonical(reference(text)));
    }
  });

  it('leaves anchors, aliases, tags, directives, merge and collection keys to `yaml`', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 12\n', '%YAML 1.2\n---\na: 1\n', 'a:\n  <<: {b: 1}\n', '? a\n: 1\n', '[en]: x\n', '{a: 1}: x\n']) {
      expect(readPlainYaml(text), text).toBeUndefined();
    }
  });

  it('leaves quoted scalars and flow collections over several lines, and text right after them, to `yaml` (js-yaml is laxer there)', () => {
    for (const text of ['a:\n  q: "x\ny"\n', "a:\n  q: 'x\n  y'\n", 'a:\n  q: "x\\\n  y"\n', 'a: {b: 1,\nc: 2}\n', 'a: [1,\n 2]\n', "a: 'x'#\n", 'a: "x"y\n', 'a: {b: 1}#\n', 'a: [1]x\n']) {
      expect(readPlainYaml(text), text).toBeUndefined();
    }
    // Apostrophes and brackets inside plain text open nothing; quotes and brackets closed on their line are read.
    for (const text of ["t: Müller's [x] study {y}\n", "a: 'it''s' # note\nb: [1, 'x, y']\nc: {d: \"e # f\"}\n"]) {
      expect(readPlainYaml(text), text).toBeDefined();
      expect(canonical(readPlainYaml(text)), text).toBe(canonical(reference(text)));
    }
  });

  it('reads mutated facts files as `yaml` does wherever the result is valid facts', () => {
    const valid = TEXTS.filter((text) => readPlainYaml(text) !== undefined && StudyFacts.safeParse(readPlainYaml(text)).success);
    expect(valid.length).toBeGreaterThan(3);
    const pieces = [' ', '  ', '\n', '\t', ':', ': ', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '\\', '\\n', 'x', '1', '0x1', '~', '.5', 'é', '中'];
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), insert: fc.constantFrom(...pieces, '') });
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.array(edit, { minLength: 1, maxLength: 3 }), (original, edits) => {
        let text = original;
        for (const { at, cut, insert } of edits) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + insert + text.slice(p + cut);
        }
        const fast = readPlainYaml(text);
        if (fast === undefined || !StudyFacts.safeParse(fast).success) return;
        compared++;
        expect(canonical(fast)).toBe(canonical(reference(text)));
      }),
      { seed: 7, numRuns: 3000 },
    );
    // The edits leave many files valid (in comments, inside text), so the comparison is not empty.
    expect(compared).toBeGreaterThan(300);
  });

  it('gives the same facts and positions whichever reader read the file', () => {
    for (const file of filesUnder('samples').filter((f) => f.endsWith('.yaml') && !f.endsWith('.config.yaml'))) {
      const text = readFileSync(file, 'utf8');
      const fast = parseStudyFacts(text, file);
      // A comment line with an anchor-like `&` sends the same file to `yaml` alone (else this would compare the fast reader with itself).
      expect(readPlainYaml(`# &\n${text}`), file).toBeUndefined();
      const slow = parseStudyFacts(`# &\n${text}`, file);
      expect(fast.diagnostics, file).toEqual([]);
      expect(canonical(fast.facts), file).toBe(canonical(slow.facts));
      const position = fast.locate(['population', 'total']);
      expect(position).toBeDefined();
      expect(slow.locate(['population', 'total'])).toEqual({ ...position!, line: position!.line + 1 });
    }
  });
});
