/**
 * Deterministic generator of realistic synthetic studies for the benchmark.
 *
 *   npx tsx bench/generate.ts /dev/shm/laysum-bench/facts 1000 [seed]
 *   → 1000 facts files (1–6 conditions, 0–8 outcomes, 0–10 safety events, a measurement (mean ± SD)
 *     where more than one person took part, quotes in en/de/zh, a source text per study whose sentences
 *     every number cites; an aim, a rationale and study dates in most). A study of one person is a case
 *     report, as such reports are: one follow-up time, no mean ± SD (one person's values have no spread),
 *     and no quote about "a small group of patients".
 *
 * The same seed gives the same files byte for byte. Words come from the project's own locales,
 * so every generated study passes every check (language, readability, fidelity).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { StudyFacts } from '../src/facts/schema.js';
import { loadProject } from '../src/project/index.js';

/** mulberry32: small, fast, good enough for test data; deterministic across platforms. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONDITION_KEYS = ['sle', 'iim', 'ssc', 'ra', 'mg', 'uc'];
const GENERIC_MEASURES = ['remission', 'drug_free_remission', 'symptoms_resolved'];
const EVENTS = ['crs', 'icans', 'pneumonia_hospital'];
const QUOTES = [
  {
    en: 'It is too early to say how long the effect lasts. Larger studies with a comparison group are needed.',
    de: 'Wie lange die Wirkung anhält, lässt sich noch nicht sagen. Dafür braucht es größere Studien mit einer Vergleichsgruppe.',
    zh: '现在还不能判断疗效能维持多久。还需要更大规模、设有对照组的研究。',
  },
  {
    en: 'The results are encouraging, but they come from a small group of patients and need to be confirmed.',
    de: 'Die Ergebnisse machen Mut, aber sie stammen aus einer kleinen Gruppe und müssen sich erst bestätigen.',
    zh: '结果令人鼓舞，但只来自少数患者，还需要进一步证实。',
  },
];

export function generateStudies(dir: string, count: number, seed = 1): void {
  const project = loadProject();
  const terms = (lang: string) => project.locales[lang]!.terms as { conditions: Record<string, { lay: string }> };
  const random = rng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'sources'), { recursive: true });

  for (let i = 0; i < count; i++) {
    const id = `study-${String(i + 1).padStart(5, '0')}`;
    const conditionCount = int(1, 6);
    const conditions = [...CONDITION_KEYS].sort(() => random() - 0.5).slice(0, conditionCount);
    const groups = conditions.map((condition) => ({ condition, n: int(1, 12) }));
    const total = groups.reduce((s, g) => s + g.n, 0);
    const people = total === 1 ? 'person' : 'people';
    const source: string[] = [`In this study, ${total} ${people} took part.`];
    // Up to 8 outcomes, each a different measure in a different-or-same group (a real report does not
    // state the same measure twice for the same group).
    const reported = new Set<string>();
    const outcomes = Array.from({ length: int(0, 8) }, () => ({ group: pick(groups), measure: pick(GENERIC_MEASURES) }))
      .filter(({ group, measure }) => !reported.has(`${group.condition}-${measure}`) && reported.add(`${group.condition}-${measure}`))
      .map(({ group, measure }) => {
        const responders = int(0, group.n);
        const quote = `Among ${group.n} ${group.n === 1 ? 'patient' : 'patients'} with ${terms('en').conditions[group.condition]!.lay}, ${responders} responded (${measure.replace(/_/g, ' ')}).`;
        source.push(quote);
        return { condition: group.condition, measure, responders, assessed: group.n, source: { text: `${id}-en`, quote } };
      });
    const seen = new Set<string>();
    // A person is counted once per event, at their worst grade: an event's grades add up to at most the total.
    const counted = new Map<string, number>();
    const safety = Array.from({ length: int(0, 10) }, () => ({ event: pick(EVENTS), grade: int(1, 3), count: int(0, total) }))
      .filter((e) => {
        const key = `${e.event}-${e.grade}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((e) => {
        const count = Math.min(e.count, total - (counted.get(e.event) ?? 0));
        counted.set(e.event, (counted.get(e.event) ?? 0) + count);
        return { ...e, count };
      });
    for (const e of safety) source.push(`Grade ${e.grade} ${e.event.replace(/_/g, ' ')} was seen in ${e.count} of them.`);
    // Drawn for every study, so a study of one person leaves every later value of the corpus as it was.
    const mean = int(30, 200);
    const sd = int(5, 60);
    // A mean ± SD describes a group: one person has one value and no SD, and reports of one person give none.
    const single = total === 1;
    if (!single) source.push(`B cells were absent for ${mean} ± ${sd} days on average.`);
    const followUp = (() => {
      const min = int(1, 12);
      const max = min + int(0, 24);
      const median = int(min, max);
      // One person has one follow-up time: no spread (drawn all the same, so every other value stays as it was).
      return total === 1 ? { median, min: median, max: median, unit: 'month' as const } : { median, min, max, unit: 'month' as const };
    })();
    const months = (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`;
    source.push(single ? `Follow-up lasted ${months(followUp.median)}.` : `Follow-up lasted a median of ${months(followUp.median)} (range ${followUp.min} to ${followUp.max}).`);
    const names = (lang: string) => {
      const list = new Intl.ListFormat(project.languages[lang]!.intl, { type: 'conjunction' });
      return list.format(conditions.map((c) => terms(lang).conditions[c]!.lay));
    };
    const facts = {
      id,
      title: {
        en: `CAR T-cell therapy for ${names('en')} in ${total} ${people}`,
        de: `Eine Studie mit ${total} ${total === 1 ? 'Person' : 'Menschen'}: Wie wirkt die CAR-T-Zell-Therapie?`,
        zh: `CAR-T细胞疗法治疗${names('zh')}：${total}名患者的报告`,
      },
      citation: { group: 'Synthetic Benchmark Group', year: int(2019, 2026), doi: `10.5555/bench.${String(i + 1).padStart(5, '0')}` },
      // A report of one person is a case report, whatever a group's study would have been (drawn all the same).
      design: ((design) => (single ? 'case_report' : design))(pick(['case_series', 'pilot_study'])),
      intervention: { name: 'car_t', kind: pick(['autologous', 'donor_derived', 'donor_crispr_edited']), schedule: 'single_infusion' },
      population: { total, groups, countries: [pick(['DE', 'CN', 'FR', 'US'])] },
      followUp,
      outcomes,
      measurements: single ? [] : [{ measure: 'b_cell_aplasia', mean, sd, unit: 'day', source: { text: `${id}-en`, quote: `B cells were absent for ${mean} ± ${sd} days on average` } }],
      safety,
      funding: ['Synthetic Research Foundation'],
      furtherTrials: 'controlled_trials_needed',
      // A name, said as it is in every language ("In our words, Synthetic Benchmark Group said this", "Sinngemäß nach …").
      // The second quote speaks of "a small group of patients": not of one person.
      quotes: [{ author: 'Synthetic Benchmark Group', kind: 'paraphrase', text: ((quote) => (single ? QUOTES[0]! : quote))(pick(QUOTES)) }],
      sources: [{ id: `${id}-en`, path: `sources/${id}.en.md`, lang: 'en' }],
    };
    // Aim, rationale and dates follow from what is drawn above, so adding them left every other value of the corpus as it was.
    const year = facts.citation.year;
    const month = String((i % 12) + 1).padStart(2, '0');
    const dates = [{ start: `${year - 2}-${month}`, end: `${year - 1}-${month}-15` }, { start: `${year - 2}` }, undefined, { end: `${year - 1}-${month}` }][i % 4];
    const aim = (['feasibility_safety_effect', 'safety_and_effect', undefined] as const)[i % 3];
    const rationale = facts.intervention.kind === 'autologous' ? 'reset_immune_system' : 'off_the_shelf';
    const withContext = { ...facts, ...(dates ? { dates } : {}), ...(aim ? { aim } : {}), rationale };
    writeFileSync(join(dir, `${id}.yaml`), stringify(withContext, { lineWidth: 0 }));
    writeFileSync(join(dir, 'sources', `${id}.en.md`), `${source.join(' ')}\n`);
  }
}

/**
 * The same study `factor` times as large: every count multiplied, one fewer for each side effect
 * (so a leaflet's figures of several people are cut into parts). For the leaflet's pictures of
 * large studies (scripts/compare-large-leaflets.ts, scripts/fit-leaflet-height.ts).
 */
export function scaleStudy(f: StudyFacts, factor: number): StudyFacts {
  if (factor === 1) return f;
  return {
    ...f,
    population: { ...f.population, total: f.population.total * factor, groups: f.population.groups.map((g) => ({ ...g, n: g.n * factor })) },
    outcomes: f.outcomes.map((o) => ({ ...o, responders: o.responders * factor, assessed: o.assessed * factor })),
    ...(f.safety ? { safety: f.safety.map((e) => ({ ...e, count: Math.max(0, e.count * factor - 1) })) } : {}),
  };
}

const MORE_EVENTS = ['neutropenia', 'infection', 'hypogammaglobulinemia', 'thrombocytopenia', 'anemia', 'crs', 'icans', 'pneumonia_hospital'];

/**
 * The same study with `events` kinds of side effect (at most 8): the kinds it lacks added, every
 * other one graded, counts spread over its participants by `salt` (deterministic). Generated
 * studies have up to 3; from 5 on the leaflet sets full arrays two to a row.
 */
export function withSideEffects(f: StudyFacts, events: number, salt: number): StudyFacts {
  const total = f.population.total;
  const have = new Set((f.safety ?? []).map((e) => e.event));
  const added = MORE_EVENTS.filter((event) => !have.has(event))
    .slice(0, Math.max(0, events - have.size))
    .map((event, j) => ({ event, ...(j % 2 ? { grade: 1 + ((salt + j) % 3) } : {}), count: Math.round((total * ((salt * 7 + j * 3) % 10)) / 10) }));
  return { ...f, safety: [...(f.safety ?? []), ...added] } as StudyFacts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir) throw new Error('usage: tsx bench/generate.ts <dir> [count] [seed]');
  generateStudies(dir, Number(count ?? 1000), Number(seed ?? 1));
}
