/**
 * A rendered summary (Markdown) → the site's input for that page.
 *
 *   sitePage(facts, 'de', 'easy', '# Die erste Lupus-Patientin …\n\n…')
 *   → { facts, lang: 'de', level: 'easy', title: 'Die erste Lupus-Patientin …', bodyHtml: '<h1>Die erste …</h1>\n…' }
 *
 * The same markdown-it settings as the .html summaries (raw HTML off), so the body is safe to
 * insert as it is and the title is plain text, escaped where the site inserts it.
 */
import type { StudyFacts } from '../facts/index.js';
import { foreignTexts, markdownToHtml, plainTitle } from '../outputs/html.js';
import type { SitePage } from './model.js';

export function sitePage(facts: StudyFacts, lang: string, level: string, markdown: string): SitePage {
  return { facts, lang, level, title: plainTitle(markdown), bodyHtml: markdownToHtml(markdown, foreignTexts(facts, lang)) };
}
