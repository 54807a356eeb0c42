/**
 * Parts of a page in another language than the page (the cited title, where the facts give its
 * language) are marked with `lang`, so screen readers read them in their own voice (WCAG 3.1.2):
 * in the .html summaries, the press summary, the leaflet and the site.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foreignTexts, markdownToHtml } from '../src/index.js';
import { sitePage } from '../src/site/index.js';
import { FIXTURES, loadFacts, useFixtureBuild } from './helpers.js';

const FOLDER = join(FIXTURES, 'foreign');
const fixtures = useFixtureBuild(FOLDER, 1);
const FILE = join(FOLDER, 'german-title.yaml');
const facts = loadFacts(FILE);
const TITLE_HTML = 'Zelltherapie bei Lupus &amp; Myositis – &quot;erste&quot; Ergebnisse aus Erlangen';
const marked = (html: string) => [...html.matchAll(/<span lang="([^"]+)">([^<]*)<\/span>/g)].filter(([, , text]) => text!.startsWith(TITLE_HTML));

describe('text in another language than the page', () => {
  it.each(['en', 'zh'])('%s pages mark the German title with lang="de" wherever the reference is printed', (lang) => {
    for (const page of ['standard', 'expert', 'press', 'leaflet']) {
      const found = marked(fixtures.read(`${lang}/german-title/${page}.html`));
      expect(found.map(([, tag]) => tag), page).toEqual(['de']);
      // The whole title, as printed (the leaflet ends it with its full stop).
      expect(found[0]![2], page).toMatch(/Klinik &lt;2024&gt; \*vorläufig\*\.?$/);
    }
  });

  it('German pages leave it unmarked, and the Markdown files stay plain', () => {
    for (const page of ['standard', 'expert', 'press', 'leaflet']) {
      const html = fixtures.read(`de/german-title/${page}.html`);
      expect(html, page).toContain(TITLE_HTML);
      expect(html, page).not.toContain('<span lang="de">');
    }
    expect(fixtures.read('en/german-title/standard.md')).not.toContain('<span');
  });

  it('marks it on the site pages too', () => {
    const markdown = fixtures.read('zh/german-title/standard.md');
    expect(marked(sitePage(facts, 'zh', 'standard', markdown).bodyHtml).map(([, tag]) => tag)).toEqual(['de']);
    expect(marked(sitePage(facts, 'de', 'standard', fixtures.read('de/german-title/standard.md')).bodyHtml)).toEqual([]);
  });

  it('knows nothing foreign where the facts do not give the title language', () => {
    const { titleLanguage: _, ...citation } = facts.citation;
    expect(foreignTexts({ ...facts, citation }, 'en')).toEqual([]);
    expect(foreignTexts(facts, 'en')).toEqual([{ text: facts.citation.title, lang: 'de' }]);
    expect(markdownToHtml('Plain *text*.', [{ text: '', lang: 'de' }])).toBe('<p>Plain <em>text</em>.</p>\n');
  });
});
