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
import { closeHanSpacing, registerHelpers, type RenderData } from '../../render/index.js';
import { iconArray, type IconArrayOptions } from './icon-array.js';
import { buildLeafletModel, LEAFLET_LEVEL, type LeafletModel } from './model.js';
import { visibleText } from './text.js';

export { iconArray, estimateTextWidth, OKABE_ITO, UNMARKED, type IconArrayOptions, type IconGroup } from './icon-array.js';
export { buildLeafletModel, LEAFLET_LEVEL, SIDE_BY_SIDE_FROM, type LeafletModel } from './model.js';
export { visibleText } from './text.js';

export interface Leaflet {
  /** The full HTML document: inline CSS and SVG, no scripts, no external requests. */
  html: string;
  /** The reader-visible text in reading order, blocks separated by "\n" (for the language and number checks). */
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

export function renderLeaflet(facts: StudyFacts, derived: DerivedFacts, tr: Translator, template: string): Leaflet {
  const model = buildLeafletModel(facts, derived, tr);
  const renderData: RenderData = { tr, level: LEAFLET_LEVEL, covered: new Set() };
  const rendered = compile(template)(model, { data: { renderData } });
  const html = `${(tr.language.script === 'Han' ? closeHanSpacing(rendered) : rendered).trim()}\n`;
  return { html, text: visibleText(html) };
}
