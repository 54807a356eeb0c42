/**
 * Consistency rules: facts that are each valid but do not agree with each other.
 *
 *   population.total 15, groups 8 + 3 + 3  →  "groups add up to 14, expected population.total 15"
 *
 * Term keys (conditions, measures, events, …) must exist in every language's locale.
 * A key no locale knows is a facts error (exit 2); a key only some languages know is a
 * locale gap (a failed check, exit 1), named with the language.
 */
import { diagnostic, formatPath, type Diagnostic, type DiagnosticKind } from '../diagnostics/index.js';
import type { Locator } from './parse.js';
import { concernsUnknown } from './partial.js';
import type { StudyFacts } from './schema.js';

/** The ways an age can be given; for one person, all that are given must be the same number. */
const AGE_FIELDS = ['mean', 'median', 'min', 'max'] as const;

/** Answers whether a language's locale has a term (namespace + key). */
export interface TermCatalog {
  /** Languages being built: each needs every term and every per-language text. */
  languages: readonly string[];
  /** Every configured language (locales/languages.json). */
  known: readonly string[];
  has(lang: string, namespace: string, key: string): boolean;
}

export interface TermUse {
  namespace: string;
  key: string;
  path: PropertyKey[];
}

/** Every term key a study uses, with the locale namespace it belongs to. */
export function termFields(facts: StudyFacts): TermUse[] {
  const uses: TermUse[] = [
    { namespace: 'designs', key: facts.design, path: ['design'] },
    { namespace: 'treatments', key: facts.intervention.name, path: ['intervention', 'name'] },
    { namespace: 'cellSources', key: facts.intervention.kind, path: ['intervention', 'kind'] },
  ];
  if (facts.intervention.schedule) uses.push({ namespace: 'schedules', key: facts.intervention.schedule, path: ['intervention', 'schedule'] });
  if (facts.status) uses.push({ namespace: 'statuses', key: facts.status, path: ['status'] });
  if (facts.aim) uses.push({ namespace: 'aims', key: facts.aim, path: ['aim'] });
  if (facts.rationale) uses.push({ namespace: 'rationales', key: facts.rationale, path: ['rationale'] });
  if (facts.furtherTrials) uses.push({ namespace: 'furtherTrials', key: facts.furtherTrials, path: ['furtherTrials'] });
  facts.intervention.pretreatment?.forEach((key, i) => uses.push({ namespace: 'drugs', key, path: ['intervention', 'pretreatment', i] }));
  facts.population.traits?.forEach((key, i) => uses.push({ namespace: 'traits', key, path: ['population', 'traits', i] }));
  facts.population.groups.forEach((g, i) => uses.push({ namespace: 'conditions', key: g.condition, path: ['population', 'groups', i, 'condition'] }));
  facts.outcomes.forEach((o, i) => {
    uses.push({ namespace: 'conditions', key: o.condition, path: ['outcomes', i, 'condition'] });
    uses.push({ namespace: 'measures', key: o.measure, path: ['outcomes', i, 'measure'] });
  });
  facts.measurements.forEach((m, i) => uses.push({ namespace: 'measures', key: m.measure, path: ['measurements', i, 'measure'] }));
  (facts.safety ?? []).forEach((e, i) => uses.push({ namespace: 'events', key: e.event, path: ['safety', i, 'event'] }));
  facts.medication.forEach((m, i) => uses.push({ namespace: 'medicationChanges', key: m.change, path: ['medication', i, 'change'] }));
  return uses;
}

/** What a failed rule read besides the field it names, and how it is reported. */
interface Failure {
  reads?: PropertyKey[][];
  kind?: DiagnosticKind;
  ruleId?: string;
}

/**
 * The facts' cross-checks. `unknown` lists fields that failed validation and hold stand-ins
 * (partial.ts): a rule that reads one says nothing, since its stand-in value means nothing.
 */
export function checkConsistency(facts: StudyFacts, file: string, locate: Locator, catalog: TermCatalog, unknown: readonly string[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fail = (path: PropertyKey[], message: string, { reads = [], kind = 'input', ruleId = 'facts/consistency' }: Failure = {}) => {
    if ([path, ...reads].some((p) => concernsUnknown(formatPath(p), unknown))) return;
    out.push(diagnostic({ ruleId, kind, severity: 'error', message, place: { file, path: formatPath(path), ...(locate(path) ?? {}) } }));
  };
  const TOTAL = ['population', 'total'];
  const GROUPS = ['population', 'groups'];

  const { population: pop } = facts;
  const groupSum = pop.groups.reduce((s, g) => s + g.n, 0);
  if (groupSum !== pop.total) {
    fail(['population', 'total'], `condition groups add up to ${groupSum} (${pop.groups.map((g) => `${g.condition} ${g.n}`).join(' + ')}), expected population.total ${pop.total}`, { reads: [GROUPS] });
  }
  const seen = new Set<string>();
  pop.groups.forEach((g, i) => {
    if (seen.has(g.condition)) fail(['population', 'groups', i, 'condition'], `condition \`${g.condition}\` is listed twice; expected one group per condition`, { reads: [GROUPS] });
    seen.add(g.condition);
  });
  if (pop.sex && pop.sex.female + pop.sex.male !== pop.total) {
    fail(['population', 'sex'], `female ${pop.sex.female} + male ${pop.sex.male} = ${pop.sex.female + pop.sex.male}, expected population.total ${pop.total}`, { reads: [TOTAL] });
  }
  const range = (path: PropertyKey[], r: { min?: number; median?: number; max?: number }) => {
    const { min, median, max } = r;
    if (min !== undefined && max !== undefined && min > max) fail(path, `range min ${min} is greater than max ${max}; expected min ≤ median ≤ max`);
    else if (median !== undefined && ((min !== undefined && median < min) || (max !== undefined && median > max))) {
      fail(path, `median ${median} is outside the range ${min ?? '…'}–${max ?? '…'}; expected min ≤ median ≤ max`);
    }
  };
  if (pop.age) range(['population', 'age'], pop.age);
  if (facts.followUp) range(['followUp'], facts.followUp);

  // One person's value has no mean and no spread; a group's is not one value.
  facts.measurements.forEach((m, i) => {
    if (pop.total === 1 && m.value === undefined) fail(['measurements', i, 'mean'], 'one person has no mean ± SD (population.total is 1); expected `value`, the person\'s own', { reads: [TOTAL, ['measurements', i]] });
    if (pop.total > 1 && m.value !== undefined) fail(['measurements', i, 'value'], `\`value\` is one person's; expected \`mean\` and \`sd\` of the ${pop.total} people (population.total)`, { reads: [TOTAL, ['measurements', i]] });
  });
  if (pop.total === 1 && pop.age?.sd !== undefined && pop.age.sd !== 0) fail(['population', 'age', 'sd'], `one person's age has no spread (population.total is 1); expected no sd: one person's age is one number`, { reads: [TOTAL] });
  if (pop.total === 1 && pop.age) {
    // One person's age is one number however it is given: a median of 30 and a max of 41 cannot both be theirs.
    const given = AGE_FIELDS.filter((field) => pop.age![field] !== undefined);
    const other = given.find((field) => pop.age![field] !== pop.age![given[0]!]);
    if (other) fail(['population', 'age', other], `one person's age is one number (population.total is 1); got ${given.map((f) => `${f} ${pop.age![f]}`).join(', ')}, expected them equal`, { reads: [TOTAL] });
  }

  facts.outcomes.forEach((o, i) => {
    if (o.responders > o.assessed) fail(['outcomes', i, 'responders'], `responders ${o.responders} is greater than assessed ${o.assessed}; expected responders ≤ assessed`, { reads: [['outcomes', i]] });
    const group = pop.groups.find((g) => g.condition === o.condition);
    if (!group) fail(['outcomes', i, 'condition'], `condition \`${o.condition}\` is not one of the population groups (${pop.groups.map((g) => g.condition).join(', ')})`, { reads: [GROUPS] });
    else if (o.assessed > group.n) fail(['outcomes', i, 'assessed'], `assessed ${o.assessed} is greater than the ${group.n} participants with \`${o.condition}\`; expected assessed ≤ group n`, { reads: [['outcomes', i], GROUPS] });
  });
  // Summaries say each side effect once, its people summed over the grades (a person is counted
  // at their worst grade): so an event is given by grade or as a whole, each grade once.
  const eventEntries = new Map<string, number[]>();
  (facts.safety ?? []).forEach((e, i) => {
    if (e.count > pop.total) fail(['safety', i, 'count'], `count ${e.count} is greater than population.total ${pop.total}`, { reads: [TOTAL] });
    const earlier = eventEntries.get(e.event) ?? [];
    const same = earlier.find((j) => facts.safety![j]!.grade === e.grade);
    if (same !== undefined) {
      fail(['safety', i], `event \`${e.event}\`${e.grade === undefined ? ' without a grade' : ` grade ${e.grade}`} is also at safety[${same}]; expected each event and grade once`, { reads: earlier.map((j) => ['safety', j]) });
    } else if (earlier.some((j) => (facts.safety![j]!.grade === undefined) !== (e.grade === undefined))) {
      fail(['safety', i, 'grade'], `event \`${e.event}\` is given both with and without a grade (safety[${earlier.join('], safety[')}]); expected one entry per grade, or one entry without a grade`, { reads: [['safety', i], ...earlier.map((j) => ['safety', j])] });
    }
    eventEntries.set(e.event, [...earlier, i]);
  });
  for (const [event, entries] of eventEntries) {
    const sum = entries.reduce((n, j) => n + facts.safety![j]!.count, 0);
    if (entries.length > 1 && sum > pop.total) {
      fail(['safety', entries.at(-1)!, 'count'], `event \`${event}\`: the counts of its grades add up to ${sum}, more than population.total ${pop.total}; expected each person counted once, at their worst grade`, {
        reads: [...entries.map((j) => ['safety', j]), TOTAL],
      });
    }
  }
  facts.medication.forEach((m, i) => {
    if (m.count > m.of) fail(['medication', i, 'count'], `count ${m.count} is greater than of ${m.of}; expected count ≤ of`, { reads: [['medication', i]] });
    if (m.of > pop.total) fail(['medication', i, 'of'], `of ${m.of} is greater than population.total ${pop.total}`, { reads: [TOTAL] });
  });
  if (facts.dates?.start && facts.dates.end && facts.dates.start > facts.dates.end) {
    fail(['dates', 'end'], `end ${facts.dates.end} is before start ${facts.dates.start}`, { reads: [['dates']] });
  }

  const sourceIds = new Set<string>();
  facts.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) fail(['sources', i, 'id'], `source id \`${s.id}\` is used twice; expected unique ids`, { reads: [['sources']] });
    sourceIds.add(s.id);
  });
  const factSources: [PropertyKey[], { text: string } | undefined][] = [
    [['followUp', 'source'], facts.followUp?.source],
    ...facts.outcomes.map((o, i): [PropertyKey[], { text: string } | undefined] => [['outcomes', i, 'source'], o.source]),
    ...facts.measurements.map((m, i): [PropertyKey[], { text: string } | undefined] => [['measurements', i, 'source'], m.source]),
    ...(facts.safety ?? []).map((e, i): [PropertyKey[], { text: string } | undefined] => [['safety', i, 'source'], e.source]),
    ...facts.medication.map((m, i): [PropertyKey[], { text: string } | undefined] => [['medication', i, 'source'], m.source]),
  ];
  for (const [path, src] of factSources) {
    if (src && !sourceIds.has(src.text)) fail([...path, 'text'], `source \`${src.text}\` is not in \`sources\` (${[...sourceIds].join(', ') || 'none'})`, { reads: [['sources']] });
  }

  // Per-language text must exist for every language the project renders.
  for (const lang of catalog.languages) {
    if (!facts.title[lang]) fail(['title'], `missing title for language \`${lang}\`; expected one title per language (${catalog.languages.join(', ')})`);
    facts.quotes.forEach((q, i) => {
      if (!q.text[lang]) fail(['quotes', i, 'text'], `missing quote text for language \`${lang}\``);
      if (q.role && !q.role[lang]) fail(['quotes', i, 'role'], `missing role for language \`${lang}\``);
    });
  }
  // A text in a language laysum does not know is never shown: a typo (`dee`, `fr` for `de`) is bad input, for quotes as for titles.
  const perLanguage: [PropertyKey[], Record<string, string> | undefined][] = [
    [['title'], facts.title],
    ...facts.quotes.flatMap((q, i): [PropertyKey[], Record<string, string> | undefined][] => [
      [['quotes', i, 'text'], q.text],
      [['quotes', i, 'role'], q.role],
    ]),
  ];
  for (const [path, texts] of perLanguage) {
    for (const lang of Object.keys(texts ?? {})) {
      if (!catalog.known.includes(lang)) fail([...path, lang], `unknown language \`${lang}\`; expected one of ${catalog.known.join(', ')} (locales/languages.json)`);
    }
  }

  for (const use of termFields(facts)) {
    const missing = catalog.languages.filter((lang) => !catalog.has(lang, use.namespace, use.key));
    if (missing.length === catalog.languages.length) {
      fail(use.path, `unknown ${use.namespace} key \`${use.key}\`; expected a key of \`${use.namespace}\` in locales/<lang>/terms.json`);
    } else {
      for (const lang of missing) {
        fail(use.path, `locale \`${lang}\` has no term \`terms:${use.namespace}.${use.key}\`; add it to locales/${lang}/terms.json`, { kind: 'check', ruleId: 'locale/missing-term' });
      }
    }
  }
  return out;
}
