/**
 * Facts → the view model the leaflet template sees, for one language (reading level easy).
 *
 *   mueller-2024, zh → { title: 'CAR-T细胞疗法治疗…', population: { total: 15, … },
 *                        whoArray: { total: 15, groups: [{ count: 8, label: '8名红斑狼疮患者' }, …], title: '15名患者参加了研究。', … },
 *                        safetyArrays: [{ total: 15, groups: [{ count: 10, … }], title: '15人中，有10人出现了发热反应。程度轻。', … }, …], … }
 *
 * Unlike the Markdown model (render/model.ts) nothing here is escaped: the leaflet template
 * escapes for HTML when it prints. The icon arrays are prepared here because their labels are
 * built per group and per event; their words still come from the locale. Every array uses
 * `population.total` as its denominator, so a reader compares like with like, and the same key: a
 * figure for each person, or for a large study one figure for several people (derive:
 * peoplePerFigure), said in the who-took-part and side-effect sections. Outcomes get no
 * array: each has its own denominator (the people assessed), and one page with several
 * denominators is what natural-frequency practice warns against; their sentences say
 * "8 of 8 people with lupus" instead.
 */
import type { StudyFacts } from '../../facts/index.js';
import type { DerivedFacts } from '../../derive/index.js';
import type { Translator } from '../../i18n/index.js';
import { buildSummaryModel, countContext, escapeUrlPath, gradeSentence, studyView, type SafetyEvent, type StudyView, termHeadword, termName, withFullStop, type GlossaryEntry } from '../../render/index.js';
import { citationTitleLanguage } from '../html.js';
import type { IconArrayOptions } from './icon-array.js';

/** The leaflet is for patients and families: always the easy reading level. */
export const LEAFLET_LEVEL = 'easy';

export interface LeafletModel extends StudyView {
  lang: string;
  htmlLang: string;
  /** The study's title in the leaflet's language, as written in the facts file. */
  title: string;
  /** i18next context for the age sentence: the sex where known, else the level. */
  ageContext: string;
  age?: number;
  year: number;
  fundingList?: string;
  /** How many funders the list names: "This organisation paid …" or "These organisations paid …". */
  fundingCount?: number;
  /** Who runs the study, and how to reach them, as written in the facts file (the template escapes HTML). */
  sponsor?: { name: string; contact?: string };
  /** https://doi.org/… as text: on paper a reader needs to see the address. */
  doiUrl?: string;
  /** Authors (or group), original title, journal, year, volume, pages. */
  reference: PrintedReference;
  whoArray: IconArrayOptions;
  safetyArrays: IconArrayOptions[];
  /** People one figure stands for, in every array of the leaflet (derive: peoplePerFigure). */
  peoplePerFigure: number;
  /** A figure stands for several people: the leaflet prints the key that says how many. */
  scaledFigures: boolean;
  /** Some figure is drawn in part (shared by two groups, or holding fewer people): the key says what a part means. */
  partFigures: boolean;
  /** How the side-effect arrays are set (see SafetyLayout). */
  safetyLayout: SafetyLayout;
  /** `safetyLayout` is `pairs`, for the template. */
  safetySideBySide: boolean;
  /** `safetyLayout` is `strips`, for the template. */
  safetyStrips: boolean;
  glossary: GlossaryEntry[];
}

/**
 * How the side-effect arrays are set:
 * - `rows`: one a row, legend beside (a few arrays: the samples);
 * - `pairs`: two to a row, each legend under its icons (from SIDE_BY_SIDE_FROM arrays on);
 * - `strips`: one strip of small icons a line, beside its sentence, under one key for all: where
 *   full arrays would push the leaflet past two printed pages (renderLeaflet decides).
 */
export type SafetyLayout = 'rows' | 'pairs' | 'strips';

/** From this many side-effect arrays on, full arrays are set two to a row (one a row, eight arrays of 45 people took a page and a half). */
export const SIDE_BY_SIDE_FROM = 5;

/** The layout of `events` full-size side-effect arrays. */
export function fullArrayLayout(events: number): Exclude<SafetyLayout, 'strips'> {
  return events >= SIDE_BY_SIDE_FROM ? 'pairs' : 'rows';
}

const AUTHORS_IN_FULL = 6;

/** A printed reference in its parts, so the template can mark the title's language. */
export interface PrintedReference {
  names: string;
  title?: string;
  /** The title's language where it is not the leaflet's (`<span lang>`, WCAG 3.1.2). */
  titleLang?: string;
  /** Journal, year, volume, issue, pages. */
  source: string;
}

function reference(facts: StudyFacts, tr: Translator): PrintedReference {
  const { authors, group, title, journal, year, volume, issue, pages } = facts.citation;
  const names = authors ? (authors.length > AUTHORS_IN_FULL ? [...authors.slice(0, 3), tr.t('reference.etAl')] : authors).join(', ') : (group ?? '');
  const source = [journal, `${year}${volume ? `;${volume}${issue ? `(${issue})` : ''}` : ''}${pages ? `:${pages}` : ''}`].filter(Boolean).join(' ');
  const titleLang = citationTitleLanguage(facts, tr.language.code);
  return { names: withFullStop(names), ...(title ? { title: withFullStop(title) } : {}), ...(titleLang ? { titleLang } : {}), source: `${source}.` };
}

/** Chinese sets no space between sentences; Latin-script languages one. */
const joinSentences = (tr: Translator, sentences: string[]) => sentences.join(tr.language.script === 'Han' ? '' : ' ');

/**
 * What the figures stand for, for an array's text alternative: one person each, or (a large
 * study) the key the page prints, with what a part of a figure means where there is one.
 */
function figureKey(tr: Translator, perFigure: number, parts: boolean): string[] {
  const context = LEAFLET_LEVEL;
  if (perFigure === 1) return [tr.t('leaflet:arrays.eachPerson', { context })];
  return [tr.t('leaflet:arrays.eachFigure', { context, people: perFigure }), ...(parts ? [tr.t('leaflet:arrays.partFigure', { context, people: perFigure })] : [])];
}

/** Some count of an array (its total, a group) is not a whole number of figures, so some figure is drawn in part. */
const hasPartFigure = (counts: readonly number[], perFigure: number) => counts.some((n) => n % perFigure !== 0);

function whoArray(facts: StudyFacts, tr: Translator, id: string, perFigure: number, parts: boolean): IconArrayOptions {
  const { total, groups } = facts.population;
  const context = LEAFLET_LEVEL;
  const only = groups.length === 1 ? groups[0] : undefined;
  const sentences = only
    ? [tr.t('easy.who.allHad', { context, count: total, condition: termName(tr, context, 'conditions', only.condition) })]
    : groups.map((g) => tr.t('easy.who.group', { context, count: g.n, total, condition: termName(tr, context, 'conditions', g.condition) }));
  return {
    id,
    total,
    legend: 'right',
    title: tr.t('easy.who.total', { context, count: total }),
    description: joinSentences(tr, [...sentences, ...figureKey(tr, perFigure, parts)]),
    ...(perFigure > 1 ? { peoplePerFigure: perFigure } : {}),
    groups: groups.map((g) => ({
      count: g.n,
      label: tr.t('leaflet:arrays.group', { context, count: g.n, condition: termHeadword(tr, context, 'conditions', g.condition), patients: tr.t(`terms:conditions.${g.condition}.patients`, { context, count: g.n }) }),
    })),
  };
}

function safetyArray(event: SafetyEvent, total: number, tr: Translator, id: string, layout: SafetyLayout, perFigure: number): IconArrayOptions {
  const context = LEAFLET_LEVEL;
  // Worded as the easy summary words it: "None of the 15 people …", "The person …", no severity for nobody.
  const sentence = tr.t('easy.safety.event', {
    context: countContext(event.count, total),
    count: event.count,
    total,
    event: termName(tr, context, 'events', event.event),
    eventNegated: termName(tr, context, 'events', event.event, 'negated'),
  });
  const grade = gradeSentence(tr, LEAFLET_LEVEL, event);
  // By grade, one group each (its own colour and pattern, named in the legend), where more than
  // one grade has people; a strip has no legend, so there the caption alone says the grades.
  const graded = event.grades.filter((g) => g.count > 0);
  const groups =
    graded.length > 1 && layout !== 'strips'
      ? graded.map((g) => ({ count: g.count, label: tr.t(`leaflet:arrays.grade${g.grade}`, { context, count: g.count }) }))
      : [{ count: event.count, label: tr.t('leaflet:arrays.hadIt', { context, count: event.count }) }];
  return {
    id,
    total,
    legend: layout === 'strips' ? 'none' : layout === 'pairs' ? 'below' : 'right',
    ...(layout === 'strips' ? { size: 'strip' as const } : {}),
    title: joinSentences(tr, grade ? [sentence, grade] : [sentence]),
    description: perFigure === 1 ? tr.t('leaflet:arrays.eventDescription', { context }) : joinSentences(tr, [tr.t('leaflet:arrays.eventDescription', { context }), ...figureKey(tr, perFigure, hasPartFigure([total, ...groups.map((g) => g.count)], perFigure))]),
    ...(perFigure > 1 ? { peoplePerFigure: perFigure } : {}),
    groups,
    otherLabel: tr.t('leaflet:arrays.others', { context }),
  };
}

export interface LeafletModelOptions {
  /** Side effects as strips of small icons instead of full arrays. */
  strips?: boolean;
}

export function buildLeafletModel(facts: StudyFacts, derived: DerivedFacts, tr: Translator, options: LeafletModelOptions = {}): LeafletModel {
  const lang = tr.language.code;
  const { population } = facts;
  const view = studyView(facts, tr);
  const idBase = `leaflet-${facts.id}`;
  // The glossary is the easy summary's: the same medical words, explained the same way.
  const { glossary } = buildSummaryModel(facts, derived, LEAFLET_LEVEL, tr);
  const layout: SafetyLayout = options.strips ? 'strips' : fullArrayLayout(view.safetyEvents.length);
  const perFigure = derived.peoplePerFigure;
  const safetyArrays = view.safetyEvents.map((e, i) => safetyArray(e, population.total, tr, `${idBase}-safety-${i}`, layout, perFigure));
  const whoParts = hasPartFigure([population.total, ...population.groups.map((g) => g.n)], perFigure);
  const partFigures = whoParts || safetyArrays.some((a) => hasPartFigure([a.total, ...a.groups.map((g) => g.count)], perFigure));
  return {
    lang,
    htmlLang: tr.language.html,
    title: facts.title[lang] ?? '',
    ...view,
    ageContext: view.sexContext ?? LEAFLET_LEVEL,
    ...(view.ageMedian !== undefined ? { age: view.ageMedian } : {}),
    year: facts.citation.year,
    ...(facts.funding.length ? { fundingList: tr.formatList(facts.funding), fundingCount: facts.funding.length } : {}),
    ...(facts.sponsor ? { sponsor: facts.sponsor } : {}),
    ...(facts.citation.doi ? { doiUrl: `https://doi.org/${escapeUrlPath(facts.citation.doi)}` } : {}),
    reference: reference(facts, tr),
    whoArray: whoArray(facts, tr, `${idBase}-who`, perFigure, whoParts),
    safetyArrays,
    peoplePerFigure: perFigure,
    scaledFigures: perFigure > 1,
    partFigures,
    safetyLayout: layout,
    safetySideBySide: layout === 'pairs',
    safetyStrips: layout === 'strips',
    glossary,
  };
}
