/**
 * What the site tests share (test/site.test.ts, test/browser/site.test.ts): the samples, each
 * rendered in every language and level as the site's input.
 */
import { join } from 'node:path';
import { createRenderer, deriveFacts, type StudyFacts } from '../src/index.js';
import { sitePage, type SitePage } from '../src/site/index.js';
import { loadFacts, SAMPLES, shippedProject, translator } from './helpers.js';

export const LANGS = ['en', 'de', 'zh'];
export const LEVELS = ['easy', 'standard', 'expert'];
export const STUDIES = ['crispr-donor-2024', 'first-patient-2021', 'mueller-2024', 'shanghai-donor-2025'];
export const SAMPLE_FILES = STUDIES.map((id) => join(SAMPLES, `${id}.yaml`));

export const languages = LANGS.map((code) => shippedProject().languages[code]!);
export const translators = Object.fromEntries(LANGS.map((code) => [code, translator(code)]));
const renderer = createRenderer(shippedProject().templates, shippedProject().partials);

/**
 * Every study of `files` rendered in every language and level, as the site's input; with each
 * page's Markdown (by `study/lang/level`) and each study's facts (by id).
 */
export function sitePages(files: string[] = SAMPLE_FILES): { pages: SitePage[]; markdown: Map<string, string>; facts: Map<string, StudyFacts> } {
  const markdown = new Map<string, string>();
  const facts = new Map<string, StudyFacts>();
  const pages = files.flatMap((file) => {
    const study = loadFacts(file);
    facts.set(study.id, study);
    const derived = deriveFacts(study);
    return LANGS.flatMap((lang) =>
      LEVELS.map((level) => {
        const md = renderer.renderSummary(study, derived, level, translators[lang]!).markdown;
        markdown.set(`${study.id}/${lang}/${level}`, md);
        return sitePage(study, lang, level, md);
      }),
    );
  });
  return { pages, markdown, facts };
}
