/**
 * Facts → the view model a level template sees, for one language and level.
 *
 * Every string taken from the facts file is Markdown-escaped here and nowhere else, so
 * templates can print model values as they are. Lists and percentages are formatted with `Intl`
 * for the target locale; country names come from the locale (`countries.json`).
 */
import type { StudyFacts } from '../facts/index.js';
import type { DerivedFacts } from '../derive/index.js';
import { EVENT_KINDS, shownValue, type EventKind, type Translator } from '../i18n/index.js';
import type { ReadingLevel } from '../project/index.js';
import type { PressConfig } from '../outputs/press.js';
import { escapeMarkdown as esc, escapeInline, escapeUrlPath } from './escape.js';

export interface GlossaryEntry {
  namespace: string;
  key: string;
}

/**
 * Studies of up to this many people are called small in the wording ("Only 15 people took part",
 * "this small group", "a small study may not show rare problems"). Above it the `…Large` wording
 * says the same limits without calling the study small: without a comparison group a study of
 * 1,000 proves no more about cause than one of 15, but it is not "only" 1,000 people.
 */
export const SMALL_STUDY_UP_TO = 100;

/**
 * The suffix of the wording a study's size chooses: '' (small), or 'Large' for the keys that
 * call a study small (`designs.*.lay|explain|limits|limitsEasy|limitsExpert`, `*.meaning.unknown`),
 * whose `…Large` forms do not. Templates name the key as `(concat "limits" studySize)`.
 */
export type StudySize = '' | 'Large';

export const studySizeOf = (total: number): StudySize => (total > SMALL_STUDY_UP_TO ? 'Large' : '');

/** An outcome as the summaries say it. */
export type SummaryOutcome = StudyFacts['outcomes'][number] & {
  /** The first outcome with its measure: a measure is explained where it first appears, then only named. */
  firstOfMeasure: boolean;
};

/** What every view of a study (summary, leaflet) takes from its facts as they are. */
export interface StudyView {
  design: string;
  status?: string;
  furtherTrials?: string;
  intervention: StudyFacts['intervention'];
  population: StudyFacts['population'];
  followUp?: StudyFacts['followUp'];
  /** The shortest and longest follow-up show as the same figure (everyone followed as long): said once, not "12 to 12 months". */
  followUpSame?: boolean;
  outcomes: SummaryOutcome[];
  /** How the wording speaks of the study's size (see StudySize). */
  studySize: StudySize;
  /** `single`: one person's value (`value`), not a group's mean ± SD. */
  measurements: (StudyFacts['measurements'][number] & { single: boolean })[];
  safety: NonNullable<StudyFacts['safety']>;
  /** The side effects as the summaries say them: one per event, in the order the facts first name it. */
  safetyEvents: SafetyEvent[];
  /** False when the facts say nothing about safety (unknown, not "none"). */
  safetyReported: boolean;
  medication: StudyFacts['medication'];
  singleGroup?: StudyFacts['population']['groups'][number];
  /** i18next context for sentences about the participants' sex, when known. */
  sexContext?: 'female' | 'male' | 'mixed';
  /** The context of the age sentence: the sex context where the sex is known ("She was 34"), else none. */
  ageContext: string;
  /** The median age, unless everyone was the same age (then `ageAll`). */
  ageMedian?: number;
  /** The age everyone had: the youngest and the oldest show the same figure. Said once ("All of them were 45 years old"),
   * not "45 to 45 years", nor a median ("about half were older than 45") or mean of it. */
  ageAll?: number;
  /** The mean age (and its SD), where the facts give no median: said instead of the median. */
  ageMean?: number;
  ageSd?: number;
  /** The youngest and oldest age, where the facts give neither median nor mean. */
  ageRange?: { min: number; max: number };
  /** Country names for the locale, as a list of names as a label gives them ("Germany and United States"): after "Country:". */
  countries?: string;
  /** The same countries as a sentence about where the study took place lists them (`countries:<code>.where`): "Germany and
   * the United States" (after "in"), "in Deutschland und in den USA", "德国和美国". */
  countriesWhere?: string;
  /** How many countries: a label says "Country" or "Countries". */
  countryCount?: number;
  /** When the study ran, where the facts give a start or an end date. */
  period?: StudyPeriod;
  /** Term keys: what the study set out to find out, and why it was done. */
  aim?: string;
  rationale?: string;
}

/**
 * One side effect: the people who had it, summed over the grades the facts give it by (a person
 * is counted once, at their worst grade; facts/consistency makes sure), so no reader has to add
 * "10 of 15 … mild" and "1 of 15 … moderate" up to 11 of 15 (writing.md: no sums for the reader).
 */
export interface SafetyEvent {
  /** Term key (`events.*`). */
  event: string;
  count: number;
  /** Its grades, lowest first, where the facts give it by grade; empty for an event given as a whole. */
  grades: { grade: number; count: number }[];
  /** More than one grade: the expert table adds an "any grade" row. */
  byGrade: boolean;
}

/**
 * The side effects of a study of `total` people. For one person, a grade nobody had is left out (the
 * person is counted once, at their worst grade): the expert table gives the grade the person had, or one
 * row without a grade for a side effect they did not have, not a "0/1 (0%)" row for each other grade.
 */
export function safetyEvents(safety: NonNullable<StudyFacts['safety']>, total?: number): SafetyEvent[] {
  const byEvent = new Map<string, SafetyEvent>();
  for (const e of safety) {
    let found = byEvent.get(e.event);
    if (!found) byEvent.set(e.event, (found = { event: e.event, count: 0, grades: [], byGrade: false }));
    found.count += e.count;
    if (e.grade !== undefined && !(total === 1 && e.count === 0)) found.grades.push({ grade: e.grade, count: e.count });
  }
  for (const e of byEvent.values()) {
    e.grades.sort((a, b) => a.grade - b.grade);
    e.byGrade = e.grades.length > 1;
  }
  return [...byEvent.values()];
}

/** The grade of an adverse event that is death (CTCAE grade 5). */
const FATAL_GRADE = 5;

/**
 * The kind of a side effect (`terms:events.<key>.kind`, one of EVENT_KINDS; the project's checks
 * make sure every language gives the same one), or '' where the locale gives none.
 */
export function eventKind(tr: Translator, event: string): EventKind | '' {
  const key = `terms:events.${event}.kind`;
  if (!tr.has(key)) return '';
  const kind = tr.t(key);
  return (EVENT_KINDS as readonly string[]).includes(kind) ? (kind as EventKind) : '';
}

/**
 * How many grades one sentence of a level lists at most (`<level>.safety.gradesPerSentence`, a
 * whole number as text: easy sentences are kept short, and how many items fit depends on the
 * language); no limit where the level has none.
 */
function gradesPerSentence(tr: Translator, level: string): number {
  const key = `${level}.safety.gradesPerSentence`;
  const limit = tr.has(key) ? Number(tr.t(key)) : NaN;
  return Number.isSafeInteger(limit) && limit > 0 ? limit : Infinity;
}

/** Items in as few parts of at most `limit` each as they need, the parts as even as can be, longer ones first: 4 by 3 → 2 + 2, 3 by 2 → 2 + 1. */
function evenParts<T>(items: readonly T[], limit: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / limit));
  const parts: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.ceil((items.length - start) / (count - i));
    parts.push(items.slice(start, start + size));
    start += size;
  }
  return parts;
}

/**
 * How severe a side effect was, in the words of a level (`easy`, `standard`): "It was mild." for
 * one grade, "It was mild for 10 and moderate for 1." for several (`<level>.safety.grades`, its
 * items `<level>.safety.gradeFor<n>`); '' when nobody had it or the facts give no grade.
 *
 * The event's kind (eventKind) is the i18next context of every one of these sentences, so a
 * language can word an illness and a low blood value differently where its general sentence fits
 * only one of them: German "Der Verlauf war leicht." / "Der Mangel war leicht." (`grade1_deficiency`).
 *
 * More grades than the level's `gradesPerSentence` are said in two (or more) sentences of the
 * same frame, split as evenly as can be: "Der Verlauf war bei 8 Menschen leicht und bei 3
 * Menschen mittelschwer. Der Verlauf war bei 2 Menschen schwer und bei 1 Person lebens·bedrohlich."
 *
 * Where the level has a sentence for deaths (`<level>.safety.died`: easy), grade 5 among other
 * grades is not one more degree of the list but a sentence of its own after it: "It was mild for
 * 10. 1 person died of it." (One grade stays one sentence: "It led to death.", also for a study's
 * one person.)
 */
export function gradeSentence(tr: Translator, level: string, event: SafetyEvent): string {
  const grades = event.grades.filter((g) => g.count > 0);
  if (event.count === 0 || grades.length === 0) return '';
  const context = eventKind(tr, event.event);
  if (grades.length === 1) return tr.t(`${level}.safety.grade${grades[0]!.grade}`, { context });
  // The sentence as one form (Chinese) or plural forms, of which every language has `other`.
  const saysDeaths = tr.has(`${level}.safety.died`) || tr.has(`${level}.safety.died_other`);
  const died = saysDeaths ? grades.find((g) => g.grade === FATAL_GRADE) : undefined;
  const listed = grades.filter((g) => g !== died);
  const items = listed.map((g) => tr.t(`${level}.safety.gradeFor${g.grade}`, { context, count: g.count }));
  const sentences = evenParts(items, gradesPerSentence(tr, level)).map((part) => tr.t(`${level}.safety.grades`, { context, grades: tr.formatClauses(part) }));
  if (died) sentences.push(tr.t(`${level}.safety.died`, { context, count: died.count }));
  // Chinese sets no space between sentences (as the leaflet's joinSentences).
  return sentences.join(tr.language.script === 'Han' ? '' : ' ');
}

/**
 * When the study ran, in the locale's words. `context` chooses the sentence: both dates
 * (`range`), or only one; every phrase is a string ('' where the date is missing), so a
 * sentence takes what its language needs: the date alone (`start`), after "in"/"on" (`startAt`),
 * or as a range's end (`from` … `to`). The prepositions live in the locale (`format.date*`).
 */
export interface StudyPeriod {
  context: 'range' | 'start' | 'end';
  start: string;
  end: string;
  startAt: string;
  endAt: string;
  from: string;
  to: string;
}

function studyPeriod(dates: StudyFacts['dates'], tr: Translator): StudyPeriod | undefined {
  if (!dates?.start && !dates?.end) return undefined;
  const phrases = (iso: string | undefined, at: string, range: string) => {
    if (!iso) return ['', '', ''] as const;
    const date = tr.formatDate(iso);
    const options = { context: date.precision, date: date.text };
    return [date.text, tr.t(at, options), tr.t(range, options)] as const;
  };
  const [start, startAt, from] = phrases(dates.start, 'format.dateAt', 'format.dateFrom');
  const [end, endAt, to] = phrases(dates.end, 'format.dateAt', 'format.dateTo');
  return { context: start && end ? 'range' : start ? 'start' : 'end', start, end, startAt, endAt, from, to };
}

/**
 * The i18next context of an "N of M people" sentence whose numbers ask for other words: nobody
 * (`none`: "None of the 8 people …"; `neither` of two: "Neither of the 2 people …", "Keiner der beiden …"), everyone (`all`: "All 15 people …", "In all 8 people with lupus
 * …", not "15 of 15", "8 of 8"; `both` for two of two: "In both people with systemic sclerosis …"),
 * the study's one person (`person`, `personNone`: "The person …"); '' for the plain sentence. A
 * locale without the variant falls back to the plain sentence, which stays true ("0 of 1 …", "2 of
 * 2 …"); a variant chosen by a count alone ("_single", "_zero") could not tell one responder of one
 * from none of one.
 */
export type CountContext = '' | 'none' | 'neither' | 'all' | 'both' | 'person' | 'personNone';

export function countContext(part: number, whole: number): CountContext {
  if (whole === 1) return part === 1 ? 'person' : part === 0 ? 'personNone' : '';
  if (part === 0) return whole === 2 ? 'neither' : 'none';
  if (part === whole && Number.isSafeInteger(whole)) return whole === 2 ? 'both' : 'all';
  return '';
}

/**
 * A country in the locale's words (`locales/<lang>/countries.json`): its `name` as a label gives it
 * ("United States", "USA", "美国"), or the form a sentence about where the study took place lists it in
 * (`where`: "the United States", "in den USA", "美国"; English adds "in" before the list, German says
 * it with each country, for it differs: "in der Schweiz", "im Iran", "auf den Philippinen"). A code
 * the locale does not list (a former or reserved one) is named by the runtime's region name, or by
 * the code, in the locale's `unlisted` frame; a project whose locales have no country list (made
 * before it) gets that name as it is.
 */
export function countryWords(tr: Translator, code: string, field: 'name' | 'where'): string {
  const key = `countries:${code}.${field}`;
  if (tr.has(key)) return tr.t(key);
  const name = regionNamesFor(tr.language.intl).of(code) ?? code;
  const frame = `countries:unlisted.${field}`;
  return tr.has(frame) ? tr.t(frame, { name }) : name;
}

/**
 * The countries as a "where" sentence lists them: a preposition two countries in a row start with is
 * said once, where the locale names it among `countries:saidOnce` ("in Deutschland, Frankreich und
 * in der Schweiz" would repeat it: "in Deutschland, Frankreich und der Schweiz"; "im Iran" keeps its
 * own, and so does a country after it: "im Iran und in Deutschland").
 */
export function countryPlaces(tr: Translator, codes: readonly string[]): string {
  const once = tr.has('countries:saidOnce') ? tr.t('countries:saidOnce').split(/\s+/) : [];
  const places = codes.map((code) => countryWords(tr, code, 'where'));
  const firstWord = (place: string | undefined) => place?.split(' ', 1)[0];
  return tr.formatList(
    places.map((place, i) => {
      const word = firstWord(place)!;
      return i > 0 && word !== place && once.includes(word) && firstWord(places[i - 1]) === word ? place.slice(word.length + 1) : place;
    }),
  );
}

/** Region names by locale: making an Intl.DisplayNames costs more than rendering a sentence. */
const regionNamesByLocale = new Map<string, Intl.DisplayNames>();

function regionNamesFor(intl: string): Intl.DisplayNames {
  let names = regionNamesByLocale.get(intl);
  if (!names) regionNamesByLocale.set(intl, (names = new Intl.DisplayNames(intl, { type: 'region' })));
  return names;
}

/** The age a summary states: the one age of all, where the youngest and the oldest show the same; else the median;
 * else the mean (with its SD); else the range. */
function ageSummary(age: StudyFacts['population']['age'], total: number): Pick<StudyView, 'ageMedian' | 'ageAll' | 'ageMean' | 'ageSd' | 'ageRange'> {
  if (!age) return {};
  if (age.min !== undefined && age.max !== undefined && shownValue(age.min) === shownValue(age.max)) return { ageAll: age.min };
  if (age.median !== undefined) return { ageMedian: age.median };
  // One person's age is their age, whichever field gives it: not an average (the facts check refuses a spread).
  if (total === 1 && age.mean !== undefined) return { ageMedian: age.mean };
  if (age.mean !== undefined) return { ageMean: age.mean, ...(age.sd !== undefined ? { ageSd: age.sd } : {}) };
  if (age.min !== undefined && age.max !== undefined) return { ageRange: { min: age.min, max: age.max } };
  return {};
}

export function studyView(facts: StudyFacts, tr: Translator): StudyView {
  const { population } = facts;
  const sex = population.sex;
  const period = studyPeriod(facts.dates, tr);
  const sexContext = sex ? (sex.female === population.total ? 'female' : sex.male === population.total ? 'male' : 'mixed') : undefined;
  return {
    design: facts.design,
    ...(facts.status ? { status: facts.status } : {}),
    ...(facts.furtherTrials ? { furtherTrials: facts.furtherTrials } : {}),
    intervention: facts.intervention,
    population,
    ...(facts.followUp ? { followUp: facts.followUp, followUpSame: shownValue(facts.followUp.min) === shownValue(facts.followUp.max) } : {}),
    outcomes: facts.outcomes.map((outcome, i) => ({ ...outcome, firstOfMeasure: facts.outcomes.findIndex((o) => o.measure === outcome.measure) === i })),
    studySize: studySizeOf(population.total),
    measurements: facts.measurements.map((m) => ({ ...m, single: m.value !== undefined })),
    safety: facts.safety ?? [],
    safetyEvents: safetyEvents(facts.safety ?? [], population.total),
    safetyReported: facts.safety !== undefined,
    medication: facts.medication,
    ...(population.groups.length === 1 ? { singleGroup: population.groups[0] } : {}),
    ...(sexContext ? { sexContext } : {}),
    ageContext: sexContext ?? '',
    ...ageSummary(population.age, population.total),
    ...(population.countries?.length
      ? {
          countries: tr.formatList(population.countries.map((c) => countryWords(tr, c, 'name'))),
          countriesWhere: countryPlaces(tr, population.countries),
          countryCount: population.countries.length,
        }
      : {}),
    ...(period ? { period } : {}),
    ...(facts.aim ? { aim: facts.aim } : {}),
    ...(facts.rationale ? { rationale: facts.rationale } : {}),
  };
}

export interface SummaryModel extends StudyView {
  lang: string;
  level: ReadingLevel;
  title: string;
  conditionList: string;
  /** The same list after a preposition (`mit`, `bei`): German inflects the names (dative). */
  conditionListDative: string;
  /** How many different conditions the people had: a sentence about "these diseases" names the one where there is one
   * ("People with lupus often need …", not "People with these diseases …" of one person with one disease). */
  conditionCount: number;
  pretreatmentList?: string;
  fundingList?: string;
  funding: string[];
  /** Who runs the study, and how to reach them (escaped). */
  sponsor?: { name: string; contact?: string };
  quotes: { kind: 'direct' | 'paraphrase'; author: string; role?: string; text: string }[];
  citation: Omit<StudyFacts['citation'], 'authors'> & { doiUrl?: string };
  /** Markdown link to the publication, when it has a DOI. */
  doiLink?: string;
  /** Authors (or the research group), ending with exactly one full stop. */
  byline: string;
  glossary: GlossaryEntry[];
  derived: DerivedFacts;
  /** Notes to editors (press format only), escaped. */
  press?: { organisation: string; about?: string; contactName: string; contactEmail: string; contactPhone?: string };
}

/**
 * A form of a term's name a sentence can ask for, where a language needs one: a grammatical case
 * (German after `mit`, `bei`: `dative`), or the name negated (`negated`: German says "Die Person hatte
 * keine Blutarmut", not "hatte Blutarmut nicht"; English negates the verb, but a name that is itself
 * a "too few" reads as a double negative after it — "did not have too few red blood cells" — so it
 * says "did not have a low number of red blood cells"; Chinese negates the verb and needs none).
 */
export type GrammaticalCase = 'dative' | 'negated';
export const GRAMMATICAL_CASES: readonly GrammaticalCase[] = ['dative', 'negated'];

/**
 * Names a term at this level: lay words for `easy`/`standard`, expert terms for `expert`. With a
 * case, the locale's `<field>_<case>` form where it has one ("mit rheumatoider Arthritis"), else the
 * name as it is (English and Chinese do not inflect; a German name that does not change needs none).
 * `checkCaseForms` makes sure a case form exists for every level variant of the name it replaces.
 */
export function termName(tr: Translator, level: ReadingLevel, namespace: string, key: string, grammaticalCase?: GrammaticalCase): string {
  // A summary names its terms again and again (20 condition names in one summary): asked once per
  // translator, level, case and term. The locales never change after a translator is made.
  let byTranslator = termNames.get(tr);
  if (!byTranslator) termNames.set(tr, (byTranslator = new Map()));
  const names = child(child(child(byTranslator, level), grammaticalCase ?? ''), namespace);
  let name = names.get(key);
  if (name === undefined) {
    const field = level === 'expert' ? 'expert' : 'lay';
    const inflected = grammaticalCase ? `terms:${namespace}.${key}.${field}_${grammaticalCase}` : undefined;
    name = tr.t(inflected && tr.has(inflected) ? inflected : `terms:${namespace}.${key}.${field}`, { context: level });
    if (names.size >= TERM_NAMES_PER_NAMESPACE) names.clear();
    names.set(key, name);
  }
  return name;
}

/** Term names by translator, then level, case, namespace and key (bounded per namespace: keys come from facts files). */
type Nested<V> = Map<string, V>;
const termNames = new WeakMap<Translator, Nested<Nested<Nested<Nested<string>>>>>();
const TERM_NAMES_PER_NAMESPACE = 2_000;

function child<V>(map: Nested<Map<string, V>>, key: string): Map<string, V> {
  let next = map.get(key);
  if (!next) map.set(key, (next = new Map()));
  return next;
}

/** A term as a headword or label (glossary, legend): its `headword` where the locale has one (no article), else its name. */
export function termHeadword(tr: Translator, level: ReadingLevel, namespace: string, key: string): string {
  const headword = `terms:${namespace}.${key}.headword`;
  return tr.has(headword) ? tr.t(headword, { context: level }) : termName(tr, level, namespace, key);
}

const AUTHORS_IN_FULL = 6;

/** A sentence or reference part ending in a full stop (not doubled). */
export const withFullStop = (text: string): string => (text.endsWith('.') ? text : `${text}.`);

function authorList(authors: string[], tr: Translator): string {
  const shown = authors.length > AUTHORS_IN_FULL ? authors.slice(0, 3) : authors;
  const list = shown.map(esc).join(', ');
  return authors.length > AUTHORS_IN_FULL ? `${list}, ${tr.t('reference.etAl')}` : list;
}

function glossaryOf(facts: StudyFacts): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [{ namespace: 'treatments', key: facts.intervention.name }];
  for (const g of facts.population.groups) entries.push({ namespace: 'conditions', key: g.condition });
  for (const o of facts.outcomes) entries.push({ namespace: 'measures', key: o.measure });
  for (const m of facts.measurements) entries.push({ namespace: 'measures', key: m.measure });
  for (const e of facts.safety ?? []) entries.push({ namespace: 'events', key: e.event });
  entries.push({ namespace: 'designs', key: facts.design });
  const seen = new Set<string>();
  return entries.filter((e) => {
    const id = `${e.namespace}.${e.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** What a summary says of a study in one language, whatever its level. */
type LanguageView = Omit<SummaryModel, 'level' | 'conditionList' | 'conditionListDative' | 'conditionCount' | 'pretreatmentList' | 'derived' | 'press'>;

/**
 * Each study's language view, made once for the levels and formats of a language (four or five
 * renders): the study's view, its quotes, citation and byline do not depend on the level. Kept by
 * the study's derived facts, which a build works out once per study from facts it no longer
 * changes (a caller who changes the facts derives them again, and so gets a new view). Models
 * share it and are read, never changed.
 */
const languageViews = new WeakMap<DerivedFacts, WeakMap<Translator, LanguageView>>();

function languageView(facts: StudyFacts, derived: DerivedFacts, tr: Translator): LanguageView {
  let byTranslator = languageViews.get(derived);
  if (!byTranslator) languageViews.set(derived, (byTranslator = new WeakMap()));
  let view = byTranslator.get(tr);
  if (view) return view;
  const lang = tr.language.code;
  const { authors, ...citation } = facts.citation;
  view = {
    lang,
    title: esc(facts.title[lang] ?? ''),
    ...studyView(facts, tr),
    ...(facts.funding.length ? { fundingList: tr.formatList(facts.funding.map(esc)) } : {}),
    funding: facts.funding.map(esc),
    ...(facts.sponsor ? { sponsor: { name: esc(facts.sponsor.name), ...(facts.sponsor.contact ? { contact: escapeInline(facts.sponsor.contact) } : {}) } } : {}),
    quotes: facts.quotes.map((q) => ({
      kind: q.kind,
      author: esc(q.author),
      ...(q.role?.[lang] ? { role: esc(q.role[lang]) } : {}),
      text: esc(q.text[lang] ?? ''),
    })),
    citation: {
      ...citation,
      ...(citation.group ? { group: esc(citation.group) } : {}),
      ...(citation.title ? { title: esc(citation.title) } : {}),
      ...(citation.journal ? { journal: esc(citation.journal) } : {}),
      ...(citation.doi ? { doi: escapeInline(citation.doi), doiUrl: escapeUrlPath(citation.doi) } : {}),
    },
    ...(citation.doi ? { doiLink: `[${escapeInline(citation.doi)}](https://doi.org/${escapeUrlPath(citation.doi)})` } : {}),
    byline: withFullStop(authors ? authorList(authors, tr) : esc(citation.group ?? '')),
    glossary: glossaryOf(facts),
  };
  byTranslator.set(tr, view);
  return view;
}

export function buildSummaryModel(facts: StudyFacts, derived: DerivedFacts, level: ReadingLevel, tr: Translator, press?: PressConfig): SummaryModel {
  const lang = tr.language.code;
  const { population } = facts;
  return {
    ...languageView(facts, derived, tr),
    level,
    conditionList: tr.formatList(population.groups.map((g) => termName(tr, level, 'conditions', g.condition))),
    conditionListDative: tr.formatList(population.groups.map((g) => termName(tr, level, 'conditions', g.condition, 'dative'))),
    conditionCount: new Set(population.groups.map((g) => g.condition)).size,
    ...(facts.intervention.pretreatment?.length
      ? { pretreatmentList: tr.formatList(facts.intervention.pretreatment.map((d) => termName(tr, level, 'drugs', d))) }
      : {}),
    derived,
    ...(press
      ? {
          press: {
            organisation: esc(press.organisation),
            ...(press.about?.[lang] ? { about: esc(press.about[lang]) } : {}),
            contactName: esc(press.contact.name),
            contactEmail: escapeInline(press.contact.email),
            ...(press.contact.phone ? { contactPhone: escapeInline(press.contact.phone) } : {}),
          },
        }
      : {}),
  };
}
