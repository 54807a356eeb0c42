/**
 * What the leaflet tests share: the project's leaflet template, facts read from a file, a
 * translator and a rendered leaflet per language, and the checks a build runs on a leaflet's text.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import {
  allowedNumbers,
  checkFidelity,
  checkReadability,
  checkSummaryLanguage,
  createTranslator,
  deriveFacts,
  glossaryTerms,
  loadProject,
  parseStudyFacts,
  untranslatedNames,
  type StudyFacts,
  type Translator,
} from '../src/index.js';
import { renderLeaflet } from '../src/outputs/leaflet/index.js';

export const project = loadProject();
export const template = project.formats.leaflet!;

/** A facts file that must parse (a fixture): its facts, or an error naming what is wrong. */
export function facts(path: string): StudyFacts {
  const parsed = parseStudyFacts(readFileSync(path, 'utf8'), path);
  if (!parsed.facts) throw new Error(`${path} does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.facts;
}

export const translator = (lang: string): Translator => createTranslator(project.languages[lang]!, project.locales[lang]!);
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
