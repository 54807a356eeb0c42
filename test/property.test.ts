/**
 * Property tests (issue 5 §4): random valid facts always render and keep every number true;
 * random invalid facts are always bad input with a message, never an exception.
 *
 * The generators draw only from keys the locales know (read from the project, so a new term is
 * covered without touching this file) and keep the facts consistent by construction: groups add
 * up to the total, responders ≤ assessed ≤ the group's size, counts ≤ the total, min ≤ median ≤ max.
 * Free text comes from short lists of real titles, names and quotes without digits, so the only
 * numbers in a summary are facts. A fixed seed keeps CI deterministic; on a failure fast-check
 * prints the shrunk counterexample and the seed/path to replay it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostic, loadProject, type BuildReport } from '../src/index.js';
import { tempDir } from './helpers.js';

/** `n` runs, or LAYSUM_RUNS (as in caches.test.ts): `LAYSUM_RUNS=10` for a quick look, more for a long search. */
const runs = (n: number) => ({ seed: 42, numRuns: Number(process.env.LAYSUM_RUNS ?? n) });
const project = loadProject();
const terms = project.locales.en!.terms as Record<string, Record<string, Record<string, unknown>>>;
const keysOf = (namespace: string, field?: string) =>
  Object.entries(terms[namespace]!)
    .filter(([, entry]) => !field || Object.keys(entry).some((k) => k === field || k.startsWith(`${field}_`)))
    .map(([key]) => key);

const CONDITIONS = keysOf('conditions');
const OUTCOME_MEASURES = keysOf('measures', 'achieved');
const MEAN_MEASURES = keysOf('measures', 'meanSentence');
const EVENTS = keysOf('events');
const MEDICATION_CHANGES = keysOf('medicationChanges');
const DESIGNS = keysOf('designs');
const CELL_SOURCES = keysOf('cellSources');
const SCHEDULES = keysOf('schedules');
const DRUGS = keysOf('drugs');
const TRAITS = keysOf('traits');
const STATUSES = keysOf('statuses');
const FURTHER = keysOf('furtherTrials');
const AIMS = keysOf('aims');
const RATIONALES = keysOf('rationales');
const TREATMENTS = keysOf('treatments');
const UNITS = ['day', 'week', 'month', 'year'] as const;
const LEVELS = ['easy', 'standard', 'expert'];
const LANGS = Object.keys(project.languages);

const TITLES: Record<string, string[]> = {
  en: ['A small study of CAR T cells in people with autoimmune disease', 'Treating severe autoimmune disease with engineered immune cells', 'What happened to people who received CAR T cells'],
  de: ['Eine kleine Studie mit CAR-T-Zellen bei Menschen mit Autoimmunerkrankungen', 'Behandlung schwerer Autoimmunerkrankungen mit veränderten Abwehrzellen', 'Was mit Menschen geschah, die CAR-T-Zellen bekamen'],
  zh: ['一项用CAR-T细胞治疗自身免疫病患者的小型研究', '用改造的免疫细胞治疗严重的自身免疫病', '接受CAR-T细胞治疗的患者后来怎么样了'],
};
const QUOTES: Record<string, string[]> = {
  en: ['It is too early to say whether the disease will stay away for good.', 'We need larger studies with a comparison group before we can speak of a cure.'],
  de: ['Ob die Krankheit für immer verschwunden ist, lässt sich noch nicht sagen.', 'Wir brauchen größere Studien mit einer Vergleichsgruppe, bevor wir von Heilung sprechen können.'],
  zh: ['现在还不能判断疾病是否会永远消失。', '在谈论治愈之前，我们需要设有对照组的更大规模研究。'],
};
const ROLES: Record<string, string> = { en: 'authors of the study', de: 'Autorenteam der Studie', zh: '研究作者' };
const NAMES = ['Test Group', 'University Hospital Research Team', 'Müller F', 'Schett G', 'Wang X'];
const FUNDERS = ['Deutsche Forschungsgemeinschaft', 'European Research Council', 'Deutsche Krebshilfe'];

type Facts = Record<string, any>;

/** Random facts that are valid and consistent by construction. */
const validFacts: fc.Arbitrary<Facts> = fc
  .uniqueArray(fc.constantFrom(...CONDITIONS), { minLength: 1, maxLength: 6 })
  .chain((conditions) => fc.tuple(fc.constant(conditions), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: conditions.length, maxLength: conditions.length })))
  .chain(([conditions, sizes]) => {
    const groups = conditions.map((condition, i) => ({ condition, n: sizes[i]! }));
    const total = sizes.reduce((a, b) => a + b, 0);
    const outcome = fc
      .record({ group: fc.nat(), measure: fc.constantFrom(...OUTCOME_MEASURES), assessed: fc.nat(), responders: fc.nat() })
      .map(({ group, measure, assessed, responders }) => {
        const g = groups[group % groups.length]!;
        const a = 1 + (assessed % g.n);
        return { condition: g.condition, measure, responders: responders % (a + 1), assessed: a };
      });
    const safetyEvent = fc
      .record({ event: fc.constantFrom(...EVENTS), grade: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), count: fc.nat() })
      .map(({ event, grade, count }) => ({ event, ...(grade === undefined ? {} : { grade }), count: count % (total + 1) }));
    const medication = fc
      .record({ change: fc.constantFrom(...MEDICATION_CHANGES), of: fc.nat(), count: fc.nat() })
      .map(({ change, of, count }) => {
        const o = 1 + (of % total);
        return { change, count: count % (o + 1), of: o };
      });
    const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })).map((xs) => xs.sort((a, b) => a - b));
    const ages = fc.tuple(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 })).map((xs) => xs.sort((a, b) => a - b));
    // Every shape the schema takes: a median alone, a mean with its SD, a range, a median with its range; one person's age is one number in each.
    const age = fc.tuple(ages, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 30 })).map(([[min, median, max], shape, sd]) =>
      total === 1
        ? [{ median }, { mean: median }, { min: median, max: median }, { median, min: median, max: median }][shape]!
        : [{ median }, { mean: median, sd }, { min, max }, { median, min, max }][shape]!,
    );
    const sex = fc.nat().map((female) => ({ female: female % (total + 1), male: total - (female % (total + 1)) }));
    // To the year, the month or the day: sentences say "in 2020", "in March 2021", "on 4 March 2021".
    const month = fc
      .tuple(fc.integer({ min: 2015, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 2 }))
      .map(([y, m, d, precision]) => [`${y}`, `${y}-${String(m).padStart(2, '0')}`, `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`][precision]!);
    const dates = fc
      .record({ start: month, end: month, published: month }, { requiredKeys: [] })
      .map((d) => (d.start && d.end && d.start > d.end ? { ...d, start: d.end, end: d.start } : d));
    const sponsor = fc.record({ name: fc.constantFrom(...FUNDERS), contact: fc.constantFrom('trials@example.org', 'https://example.org/contact') }, { requiredKeys: ['name'] });
    return fc.record({
      id: fc.constantFrom('random-study', 'property-study-a', 'property-study-b'),
      title: fc.record(Object.fromEntries(LANGS.map((l) => [l, fc.constantFrom(...TITLES[l]!)]))),
      citation: fc.record(
        {
          group: fc.constantFrom(...NAMES),
          authors: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 }),
          year: fc.integer({ min: 2000, max: 2025 }),
          doi: fc.constant('10.1056/NEJMoa2308917'),
          title: fc.constantFrom(...TITLES.en!),
          titleLanguage: fc.constant('en'),
          journal: fc.constantFrom('Journal of Test Medicine', 'Annals of Examples'),
          volume: fc.integer({ min: 1, max: 400 }),
          issue: fc.integer({ min: 1, max: 12 }),
          pages: fc.tuple(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 0, max: 30 })).map(([first, more]) => (more ? `${first}-${first + more}` : `${first}`)),
          published: month,
        },
        { requiredKeys: ['group', 'year'] },
      ),
      design: fc.constantFrom(...DESIGNS),
      status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
      intervention: fc.record(
        {
          name: fc.constantFrom(...TREATMENTS),
          kind: fc.constantFrom(...CELL_SOURCES),
          target: fc.constantFrom('CD19', 'BCMA'),
          schedule: fc.constantFrom(...SCHEDULES),
          pretreatment: fc.uniqueArray(fc.constantFrom(...DRUGS), { minLength: 1, maxLength: DRUGS.length }),
        },
        { requiredKeys: ['name', 'kind'] },
      ),
      population: fc.record(
        {
          total: fc.constant(total),
          groups: fc.constant(groups),
          traits: fc.uniqueArray(fc.constantFrom(...TRAITS), { minLength: 1, maxLength: TRAITS.length }),
          countries: fc.uniqueArray(fc.constantFrom('DE', 'CN', 'FR', 'US'), { minLength: 1, maxLength: 3 }),
          sex,
          age,
        },
        { requiredKeys: ['total', 'groups'] },
      ),
      followUp: fc.option(
        fc.tuple(range, fc.constantFrom(...UNITS)).map(([[min, median, max], unit]) => ({ median, min, max, unit })),
        { nil: undefined },
      ),
      outcomes: fc.array(outcome, { maxLength: 8 }),
      measurements: fc.array(
        // A group's mean and SD; one person's own value.
        fc.record({ measure: fc.constantFrom(...MEAN_MEASURES), mean: fc.integer({ min: 1, max: 400 }), sd: fc.integer({ min: 0, max: 200 }), unit: fc.constantFrom(...UNITS) }).map(({ mean, sd, ...m }) => (total === 1 ? { ...m, value: mean } : { ...m, mean, sd })),
        { maxLength: 2 },
      ),
      safety: fc.option(fc.array(safetyEvent, { maxLength: 10 }).map((events) => asReported(events, total)), { nil: undefined }),
      medication: fc.array(medication, { maxLength: 3 }),
      funding: fc.uniqueArray(fc.constantFrom(...FUNDERS), { maxLength: 3 }),
      quotes: fc.array(
        fc.record({ author: fc.constantFrom(...NAMES), kind: fc.constantFrom('direct', 'paraphrase'), quote: fc.nat(), role: fc.boolean() }).map(({ author, kind, quote, role }) => ({
          author,
          kind,
          ...(role ? { role: { ...ROLES } } : {}),
          text: Object.fromEntries(LANGS.map((l) => [l, QUOTES[l]![quote % QUOTES[l]!.length]!])),
        })),
        { maxLength: 2 },
      ),
      furtherTrials: fc.option(fc.constantFrom(...FURTHER), { nil: undefined }),
      aim: fc.option(fc.constantFrom(...AIMS), { nil: undefined }),
      rationale: fc.option(fc.constantFrom(...RATIONALES), { nil: undefined }),
      dates: fc.option(dates, { nil: undefined }),
      sponsor: fc.option(sponsor, { nil: undefined }),
    });
  })
  .map((facts) => JSON.parse(JSON.stringify(facts)) as Facts);

let fileCount = 0;
const dir = tempDir('laysum-property-');
/** Writes facts (or raw bytes) to a fresh file, as YAML or JSON. */
function writeStudy(content: Facts | string | Uint8Array, format: 'yaml' | 'json'): string {
  const file = join(dir, `study-${++fileCount}.${format}`);
  const text = typeof content === 'string' || content instanceof Uint8Array ? content : format === 'json' ? JSON.stringify(content, null, 2) : stringifyYaml(content);
  writeFileSync(file, text);
  return file;
}

const STACK_LINE = /\n\s+at /;


/**
 * Side effects as a report gives them: each event by grade or as a whole, each grade once, and a
 * person counted once per event (at their worst grade), so an event's counts add up to at most the total.
 */
function asReported<E extends { event: string; grade?: number; count: number }>(events: E[], total: number): E[] {
  const kept: E[] = [];
  const counted = new Map<string, number>();
  for (const e of events) {
    const same = kept.filter((k) => k.event === e.event);
    if (same.some((k) => k.grade === e.grade || (k.grade === undefined) !== (e.grade === undefined))) continue;
    const count = Math.min(e.count, total - (counted.get(e.event) ?? 0));
    counted.set(e.event, (counted.get(e.event) ?? 0) + count);
    kept.push({ ...e, count });
  }
  return kept;
}

describe('random valid facts', () => {
  it('always render at every level in every language and keep every number true (fidelity)', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, fc.constantFrom('yaml' as const, 'json' as const), async (facts, format) => {
        const report = await check({ inputs: [writeStudy(facts, format)] });
        const problems = report.diagnostics.filter((d) => d.kind === 'input' || /^(fidelity|render|locale)\//.test(d.ruleId)).map(formatDiagnostic);
        expect(problems).toEqual([]);
        const rendered = report.studies[0]?.summaries.map((s) => `${s.lang}/${s.level}`).sort();
        expect(rendered).toEqual(LANGS.flatMap((l) => LEVELS.map((v) => `${l}/${v}`)).sort());
        for (const s of report.studies[0]!.summaries) expect(s.fidelity.unmatched, `${s.lang}/${s.level}`).toBe(0);
      }),
      runs(50),
    );
  });

  it('also render as press summaries and leaflets with every number true', async () => {
    await fc.assert(
      fc.asyncProperty(validFacts, async (facts) => {
        const report = await check({ inputs: [writeStudy(facts, 'yaml')], formats: ['press', 'leaflet'] });
        expect(report.diagnostics.filter((d) => d.kind === 'input' || /^(fidelity|render|locale)\//.test(d.ruleId)).map(formatDiagnostic)).toEqual([]);
        expect(report.studies[0]!.summaries.map((s) => `${s.lang}/${s.level}`).sort()).toEqual(LANGS.flatMap((l) => [`${l}/leaflet`, `${l}/press`]).sort());
      }),
      runs(30),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid facts: a valid study, broken in one way.

type Mutation = { kind: string; content: Facts | string | Uint8Array; format: 'yaml' | 'json' };

const getAt = (data: any, path: (string | number)[]) => path.reduce((node, seg) => node?.[seg], data);
function setAt(data: any, path: (string | number)[], value: unknown): void {
  const parent = getAt(data, path.slice(0, -1));
  if (value === undefined) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = value;
}
const format = fc.constantFrom('yaml' as const, 'json' as const);

const NUMBER_FIELDS: (string | number)[][] = [['population', 'total'], ['population', 'groups', 0, 'n'], ['citation', 'year']];
const STRING_FIELDS: (string | number)[][] = [['id'], ['design'], ['population', 'groups', 0, 'condition'], ['citation', 'group'], ['title', 'en'], ['intervention', 'name']];
const REQUIRED: (string | number)[][] = [['id'], ['title'], ['citation'], ['citation', 'year'], ['citation', 'group'], ['design'], ['intervention'], ['intervention', 'name'], ['intervention', 'kind'], ['population'], ['population', 'total'], ['population', 'groups'], ['population', 'groups', 0, 'n'], ['population', 'groups', 0, 'condition']];
const OBJECTS: (string | number)[][] = [[], ['citation'], ['intervention'], ['population'], ['population', 'groups', 0]];

/** A valid study whose citation names a group only (so deleting `group` is always a missing field); a fresh copy each time, as mutations change it. */
const withoutAuthors: fc.Arbitrary<Facts> = validFacts.map((f) => {
  const { authors: _authors, ...citation } = f.citation;
  return { ...f, citation };
});
const fresh = <T>(value: T): T => structuredClone(value);

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  // A number where text belongs, text where a number belongs, or a list, an object, null, a boolean.
  fc.tuple(withoutAuthors, fc.constantFrom(...NUMBER_FIELDS), fc.constantFrom<unknown>('five', '', true, [], {}, null, [5]), format).map(([f0, path, value, fmt]) => {
    const f = fresh(f0);
    setAt(f, path, value);
    return { kind: `wrong type at ${path.join('.')}`, content: f, format: fmt };
  }),
  fc.tuple(withoutAuthors, fc.constantFrom(...STRING_FIELDS), fc.constantFrom<unknown>(5, true, [], {}, null, ['x']), format).map(([f0, path, value, fmt]) => {
    const f = fresh(f0);
    setAt(f, path, value);
    return { kind: `wrong type at ${path.join('.')}`, content: f, format: fmt };
  }),
  // A negative or fractional count.
  fc.tuple(withoutAuthors, fc.constantFrom<(string | number)[]>(['population', 'total'], ['population', 'groups', 0, 'n']), fc.constantFrom(-1, -40, 0.5, 2.25), format).map(([f0, path, value, fmt]) => {
    const f = fresh(f0);
    setAt(f, path, value);
    return { kind: `bad count at ${path.join('.')}`, content: f, format: fmt };
  }),
  // A required field missing.
  fc.tuple(withoutAuthors, fc.constantFrom(...REQUIRED), format).map(([f0, path, fmt]) => {
    const f = fresh(f0);
    setAt(f, path, undefined);
    return { kind: `missing ${path.join('.')}`, content: f, format: fmt };
  }),
  // An unknown key, including the ones that would pollute a prototype and ones no terminal should print.
  fc
    .tuple(withoutAuthors, fc.constantFrom(...OBJECTS), fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'colour', 'Title', 'titel', '\u001b[2J', 'a\u202Eb'), fc.string({ minLength: 1 }).map((s) => `zz${s}`)), format)
    .map(([f0, path, key, fmt]) => {
    const f = fresh(f0);
      const target = path.length ? getAt(f, path) : f;
      Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      return { kind: `unknown key ${JSON.stringify(key)} at ${path.join('.') || 'top'}`, content: f, format: fmt };
    }),
  // Numbers that do not add up.
  fc.tuple(withoutAuthors, fc.integer({ min: 1, max: 20 }), fc.constantFrom('total', 'responders', 'safety', 'followUp', 'medication'), format).map(([f0, k, what, fmt]) => {
    const f = fresh(f0);
    const total = f.population.total as number;
    if (what === 'total') f.population.total = total + k;
    else if (what === 'responders') f.outcomes = [{ condition: f.population.groups[0].condition, measure: OUTCOME_MEASURES[0], responders: f.population.groups[0].n + k, assessed: f.population.groups[0].n }];
    else if (what === 'safety') f.safety = [{ event: EVENTS[0], count: total + k }];
    else if (what === 'followUp') f.followUp = { median: 5, min: 5 + k, max: 5, unit: 'month' };
    else f.medication = [{ change: MEDICATION_CHANGES[0], count: total + k, of: total + k }];
    return { kind: `inconsistent ${what}`, content: f, format: fmt };
  }),
  // A term key no locale knows.
  fc.tuple(withoutAuthors, fc.constantFrom('lupus', 'unknown_condition', 'sle_typo'), format).map(([f0, key, fmt]) => {
    const f = fresh(f0);
    f.population.groups[0].condition = key;
    f.outcomes = [];
    return { kind: `unknown condition ${key}`, content: f, format: fmt };
  }),
  // Random bytes and random text, which may be anything from invalid UTF-8 to a YAML scalar.
  fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 400 }), format).map(([bytes, fmt]) => ({ kind: 'random bytes', content: bytes, format: fmt })),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), format).map(([text, fmt]) => ({ kind: 'random text', content: text, format: fmt })),
  // A valid study's text with a random slice cut out of its middle and random junk put there.
  fc.tuple(withoutAuthors, fc.nat(), fc.nat(), fc.constantFrom('{', '[', ']', '}', ':', '- ', '"', "'", '\t', '&a', '*a', '!!', '%', '\n  x', ','), format).map(([f0, at, len, junk, fmt]) => {
    const f = fresh(f0);
    const text = fmt === 'json' ? JSON.stringify(f, null, 2) : stringifyYaml(f);
    const start = at % text.length;
    return { kind: `junk ${JSON.stringify(junk)} at ${start}`, content: `${text.slice(0, start)}${junk}${text.slice(start + (len % 5))}`, format: fmt };
  }),
);

/** Cutting junk into a text can, rarely, still leave a valid study (`,` inside a title); such a case proves nothing. */
const isStillValid = (m: Mutation, report: BuildReport) => m.kind.startsWith('junk') && report.exitCode !== 2;

describe('random invalid facts', () => {
  it('always give at least one bad-input diagnostic with a message, never an exception or a stack trace', async () => {
    let judged = 0;
    await fc.assert(
      fc.asyncProperty(mutations, async (m) => {
        const file = writeStudy(m.content, m.format);
        const report = await check({ inputs: [file] });
        if (isStillValid(m, report)) return;
        judged++;
        const input = report.diagnostics.filter((d) => d.kind === 'input' && d.severity === 'error');
        expect(input.length, m.kind).toBeGreaterThan(0);
        expect(report.exitCode, m.kind).toBe(2);
        for (const d of report.diagnostics) {
          expect(d.message.trim().length, m.kind).toBeGreaterThan(0);
          const line = formatDiagnostic(d);
          expect(line, m.kind).not.toMatch(STACK_LINE);
          // One line each, with nothing a terminal would act on.
          expect(line, m.kind).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        }
        expect(({}) as Record<string, unknown>).not.toHaveProperty('polluted');
      }),
      runs(60),
    );
    // Nearly all judged (more than 50 of 60): junk that leaves a valid study is rare.
    expect(judged).toBeGreaterThan((runs(60).numRuns * 5) / 6);
  });
});
