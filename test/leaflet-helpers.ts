/**
 * What the leaflet tests share: the project's leaflet template, a rendered leaflet per language,
 * and the checks a build runs on a leaflet's text. (Facts from a file and a translator are in
 * helpers.ts, for every test.)
 */
import Handlebars from 'handlebars';
import { allowedNumbers, checkFidelity, checkReadability, checkSummaryLanguage, deriveFacts, glossaryTerms, untranslatedNames, type StudyFacts } from '../src/index.js';
import { renderLeaflet } from '../src/outputs/leaflet/index.js';
import { shippedProject, translator } from './helpers.js';

export const project = shippedProject();
export const template = project.formats.leaflet!;

export const render = (f: StudyFacts, lang: string) => renderLeaflet(f, deriveFacts(f), translator(lang), template);

/** As the leaflet template prints text: Handlebars' HTML escaping. */
export const escapeHtml = (text: string) => Handlebars.Utils.escapeExpression(text);
export const svgs = (html: string) => html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];

/**
 * The messages of the checks a build runs on a leaflet's visible text (one paragraph a line):
 * numbers against the facts (`numbers`: those the leaflet may state, or only the summaries'),
 * language, and the easy readability band.
 */
export function leafletCheckMessages(f: StudyFacts, lang: string, text: string, numbers: 'leaflet' | 'summaries' = 'leaflet') {
  const place = { study: f.id, lang, level: 'easy', file: `${lang}/${f.id}/leaflet.html` };
  const paragraphs = text.split('\n').join('\n\n');
  const names = untranslatedNames(f);
  const allowed = allowedNumbers(f, deriveFacts(f), numbers === 'leaflet' ? 'leaflet' : undefined);
  const messages = (result: { diagnostics: { message: string }[] }) => result.diagnostics.map((d) => d.message);
  return {
    fidelity: checkFidelity(paragraphs, project.languages[lang]!, allowed, place, names).diagnostics,
    language: messages(checkSummaryLanguage(paragraphs, project.languages[lang]!, Object.values(project.languages), place, names)),
    readability: messages(checkReadability(paragraphs, lang, 'easy', project.bands, glossaryTerms(f, 'easy', translator(lang)), place)),
  };
}
