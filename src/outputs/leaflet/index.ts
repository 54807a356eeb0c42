/**
 * Patient leaflet: (facts, language) → a print-ready HTML document (A4, at most two pages,
 * reading level easy) with icon arrays, and the text a reader sees on it.
 *
 *   renderLeaflet(mueller2024, deriveFacts(mueller2024), zhTranslator, project.formats.leaflet)
 *   → { html: '<!doctype html>\n<html lang="zh-Hans">…<svg class="icon-array" role="img" …>…',
 *       text: '给患者和家属的说明 · 易读版\nCAR-T细胞疗法治疗红斑狼疮、肌炎和系统性硬化症：15名患者的报告\n研究的是什么？\n…' }
 *
 * The structure is `templates/formats/leaflet.hbs`, an HTML template: its own Handlebars
 * environment escapes every value for HTML (the Markdown summaries use a separate one that
 * does not). Facts text is data in the model and never compiled. Every word comes from the
 * locale: `leaflet:` for leaflet-only wording, `summary:easy.…` and `terms:` where the easy
 * summary already says it.
 */
import Handlebars from 'handlebars';
import type { StudyFacts } from '../../facts/index.js';
import type { DerivedFacts } from '../../derive/index.js';
import type { Translator } from '../../i18n/index.js';
import { closeHanSpacing, helperNames, registerHelpers, type RenderData } from '../../render/index.js';
import { iconArray, type IconArrayOptions } from './icon-array.js';
import { buildLeafletModel, fullArrayLayout, LEAFLET_LEVEL, type LeafletModel, type LeafletModelOptions } from './model.js';
import { estimatePrintedHeight } from './fit.js';
import { pictureDescriptions, visibleText } from './text.js';

export { iconArray, estimateTextWidth, OKABE_ITO, UNMARKED, type IconArrayOptions, type IconGroup } from './icon-array.js';
export { cutAt, figureParts, type FigurePart } from './figure-parts.js';
export { buildLeafletModel, fullArrayLayout, LEAFLET_LEVEL, SIDE_BY_SIDE_FROM, type LeafletModel, type LeafletModelOptions, type SafetyLayout } from './model.js';
export { estimateLeafletRoom, estimatePrintedHeight, type LeafletRoom } from './fit.js';
export { pictureDescriptions, visibleText } from './text.js';

export interface Leaflet {
  /** The full HTML document: inline CSS and SVG, no scripts, no external requests. */
  html: string;
  /** The reader-visible text in reading order, then the pictures' descriptions a screen reader reads; blocks separated by "\n" (for the checks). */
  text: string;
}

function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  // The same `t`, `term`, `headword`, `unit` … as the summaries; this environment escapes for HTML.
  registerHelpers(hb);
  // {{icons whoArray}}: the prepared icon array as inline SVG (escaped inside iconArray).
  hb.registerHelper('icons', function (spec: unknown) {
    if (!spec || typeof spec !== 'object') throw new Error('helper `icons` expected an icon array from the model');
    return new hb.SafeString(iconArray(spec as IconArrayOptions));
  });
  return hb;
}

const environment = createEnvironment();

/** The helpers the leaflet template may call: the summaries' and `icons`. */
export function leafletHelperNames(): string[] {
  return helperNames(environment);
}
/** Compiled templates by source: the CLI renders many leaflets from one template. */
const compiled = new Map<string, Handlebars.TemplateDelegate<LeafletModel>>();

function compile(template: string): Handlebars.TemplateDelegate<LeafletModel> {
  let delegate = compiled.get(template);
  if (!delegate) {
    delegate = environment.compile<LeafletModel>(template, { strict: true });
    compiled.set(template, delegate);
  }
  return delegate;
}

/**
 * Estimated height (estimatePrintedHeight) above which full side-effect arrays give way to strips,
 * by how the full arrays are set. Two A4 pages hold about 2,030 px of the template's content, less
 * what page breaks leave blank before a figure that may not be split (a leaflet laid out 1,861 px
 * tall printed on three pages). Set by printing (scripts/fit-leaflet-height.ts with seeds 3, 11
 * and 23 printed 1,311 leaflets with full arrays in rows and 738 in pairs): the lowest estimate
 * that printed on three pages was 1,860 (rows) and 1,935 (pairs); each limit is below it by more
 * than the estimate's largest error (22 px).
 */
export const FULL_ARRAYS_MAX_HEIGHT = { rows: 1_830, pairs: 1_880 } as const;

function renderHtml(facts: StudyFacts, derived: DerivedFacts, tr: Translator, template: string, options: LeafletModelOptions): string {
  const model = buildLeafletModel(facts, derived, tr, options);
  const renderData: RenderData = { tr, level: LEAFLET_LEVEL, covered: new Set() };
  const rendered = compile(template)(model, { data: { renderData } });
  return `${(tr.language.script === 'Han' ? closeHanSpacing(rendered) : rendered).trim()}\n`;
}

/**
 * A leaflet is made to print on two pages: a study whose side effects, drawn as full icon arrays,
 * would make it longer gets them as strips of small icons (the same people, the same sentences).
 * Chosen from the facts and the wording alone, so the HTML and its PDF agree and stay the same
 * from build to build. What still does not fit two pages is warned about when printed (checks/pages).
 */
export function renderLeaflet(facts: StudyFacts, derived: DerivedFacts, tr: Translator, template: string, layout: LeafletModelOptions = {}): Leaflet {
  let html = renderHtml(facts, derived, tr, template, layout);
  // One array per side effect, however many grades the facts give it by.
  const events = new Set((facts.safety ?? []).map((e) => e.event)).size;
  // With `layout.strips` given, the caller has chosen.
  if (layout.strips === undefined && events > 0 && estimatePrintedHeight(html, tr.language.script === 'Han' ? 'Han' : 'Latin') > FULL_ARRAYS_MAX_HEIGHT[fullArrayLayout(events)]) {
    html = renderHtml(facts, derived, tr, template, { strips: true });
  }
  return { html, text: [visibleText(html), ...pictureDescriptions(html)].join('\n') };
}
