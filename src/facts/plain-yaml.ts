/**
 * A fast first reading of plain facts files, with `yaml`'s meaning.
 *
 * The `yaml` library keeps every node's source range, which the messages need (line:column of a
 * field), and was a tenth of a batch build's time: 0.7 ms a file, against 0.06 ms for js-yaml,
 * which keeps no ranges. So a file is first read by js-yaml; when that gives a mapping that
 * passes validation, nothing needs a position and the `yaml` document is never made (the
 * locator makes it when first asked). Everything else — a syntax error, a value that fails
 * validation, a file that uses a YAML feature this reader does not take — is read again by
 * `yaml`, which then decides and reports as before. So js-yaml can only ever say yes, and only to
 * files both libraries read alike:
 *
 * - scalars are resolved by YAML 1.2's core schema as `yaml` defines it (below): js-yaml's own
 *   schemas read `0b101` as 5 and leave `-.5e-3` a string, where `yaml` does the opposite;
 * - anchors and aliases, tags, directives, merge keys, explicit (`?`) keys and collections as
 *   keys (`[en]: …`, which js-yaml reads as the key `en`, `yaml` as `[ en ]`) are declined
 *   (FEATURES, a cautious over-match: any `&`, `*` or `!` in the file sends it to `yaml`);
 * - the keys the two read differently otherwise (`~: …` is `null` to js-yaml, `` to `yaml`)
 *   are no field name or language code, so validation refuses them, and the file goes to `yaml`.
 *
 * test/facts-plain-yaml.test.ts reads every fixture and thousands of mutated files with both and
 * compares the data.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/**
 * What sends a file to `yaml`: directives (`%YAML`), anchors, aliases, tags, merge keys, explicit
 * keys, collections as keys, and anything but a space, `,` or a bracket right after a closing
 * bracket (`}#`, `]x`: js-yaml reads on, `yaml` stops).
 */
const FEATURES = /^%|[&*!]|<<|^[ \t-]*\?(?:[ \t]|$)|[\]}][ \t]*:|[\]}][^\s,\]}]/m;

// The resolvers of `yaml`'s core schema (yaml 2.x, dist/schema/core and common/null).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string | null) => s === null || NULL.test(s), construct: () => null }),
    new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (s: string) => BOOL.test(s), construct: (s: string) => s[0] === 't' || s[0] === 'T' }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string) => INT_OCT.test(s) || INT.test(s) || INT_HEX.test(s),
      construct: (s: string) => (INT_OCT.test(s) ? parseInt(s.substring(2), 8) : INT_HEX.test(s) ? parseInt(s.substring(2), 16) : parseInt(s, 10)),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (s: string) => FLOAT_NAN.test(s) || FLOAT_EXP.test(s) || FLOAT.test(s),
      construct: (s: string) => (FLOAT_NAN.test(s) ? (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity) : parseFloat(s)),
    }),
  ],
});

/**
 * True when a quoted scalar or a flow collection (`{…}`, `[…]`) runs over a line break, or a
 * quoted scalar is followed by more than a separator: js-yaml
 * takes a continuation line at any indentation, `yaml` wants it indented below its key (fuzzed
 * files showed both), so such files are left to `yaml`. A quote or bracket counts where a scalar
 * can begin (after `:`, `-`, `[`, `{`, `,` or at a line's start), so the apostrophe in
 * `Müller's` opens nothing.
 */
function flowOverLines(text: string): boolean {
  let quote = '';
  let depth = 0;
  let scalarMayStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\n' || c === '\r') return true;
      if (quote === '"' && c === '\\') {
        if (text[i + 1] === '\n' || text[i + 1] === '\r') return true;
        i++;
      } else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else {
          quote = '';
          scalarMayStart = false;
          // `'a'#`, `"a"x`: js-yaml reads on after the closing quote, `yaml` stops.
          const next = text[i + 1];
          if (next !== undefined && !/[\s:,\]}]/.test(next)) return true;
        }
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (depth > 0) return true;
      scalarMayStart = true;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) return false;
      i = end - 1;
    } else if ((c === '"' || c === "'") && scalarMayStart) quote = c;
    else if ((c === '[' || c === '{') && scalarMayStart) depth++;
    else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      scalarMayStart = false;
    } else if (c !== ' ' && c !== '\t') scalarMayStart = c === ':' || c === '-' || c === ',' || ((c === '[' || c === '{') && scalarMayStart);
  }
  return false;
}

/**
 * The data of a plain YAML (or JSON) text as `yaml` would read it, or undefined where this
 * reader declines: the text uses a feature it leaves to `yaml`, or js-yaml finds an error
 * (which `yaml` then reports in its own words, with the line).
 */
export function readPlainYaml(text: string): unknown {
  if (FEATURES.test(text) || flowOverLines(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
}
