import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OutputFile } from '../src/index.js';
import { openStaging, wholeFile } from '../src/outputs/index.js';
import { buildSite, conditionPageCount, CONTRAST_PAIRS, groupByCondition, HOME_LISTS_STUDIES_UP_TO, PALETTE, planSite, SITE_CSS, SITE_KEYS, SiteInputError, siteIndexFiles, STUDIES_PER_CONDITION_PAGE, type SiteEntry, type SiteOptions } from '../src/site/index.js';
import { sitemapFiles, SITEMAP_LIMITS } from '../src/site/sitemap.js';
import type { PageEntry } from '../src/site/urls.js';
import { expectSameTree, FIXTURES, runCli, SAMPLES, shippedProject, tempDir } from './helpers.js';
import { languages, LANGS, LEVELS, SAMPLE_FILES, sitePages, STUDIES, translators } from './site-helpers.js';

const BASE = 'https://example.org/sub/path/';
const HTML_LANG: Record<string, string> = { en: 'en', de: 'de', zh: 'zh-Hans' };
const HOSTILE = join(FIXTURES, 'hostile', 'script-title.yaml');

const project = shippedProject();

const options: SiteOptions = { languages, levels: LEVELS, translators, baseUrl: BASE, defaultLang: 'en' };
const { pages } = sitePages();
const site = buildSite(pages, options);
const files = new Map(site.map((f) => [f.path, f.content]));
const htmlFiles = site.filter((f) => f.path.endsWith('.html'));

function file(path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no ${path} in the site`);
  return content;
}

/** The attributes of every `<tag …>` (e.g. `a`, `link`) in `html`, in document order. */
function tags(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function canonicalOf(html: string): string {
  const links = tags(html, 'link').filter((l) => l.rel === 'canonical');
  expect(links).toHaveLength(1);
  return unescape(links[0]!.href!);
}

/** The links of `html` (of class `cls`), unescaped, in document order. */
const links = (html: string, cls?: string) => tags(html, 'a').filter((a) => cls === undefined || a.class === cls).map((a) => unescape(a.href!));

/** `main`'s inner HTML. */
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const headerOf = (html: string) => html.slice(html.indexOf('<header'), html.indexOf('</header>'));

/** The index files of a site of `entries`, each whole, by path. */
const indexFiles = (entries: readonly SiteEntry[], opts: SiteOptions = options) => new Map([...siteIndexFiles(entries, opts)].map((f) => [f.path, wholeFile(f).content]));

/** The file of page `n` of a condition in a language. */
const conditionPath = (lang: string, key: string, n: number) => `${lang}/condition-${key}${n === 1 ? '' : `-${n}`}.html`;
/** A condition's pages among `files`, in order: as many as there are, from the first. */
function conditionPaths(files: Map<string, string>, lang: string, key: string): string[] {
  const paths: string[] = [];
  for (let n = 1; files.has(conditionPath(lang, key, n)); n++) paths.push(conditionPath(lang, key, n));
  return paths;
}

const TITLE: Record<string, string> = { en: 'Study', de: 'Studie', zh: '研究' };
/** Studies of one to three of lupus, myositis and systemic sclerosis; the last one alone has myasthenia gravis. */
const studyEntries = (count: number): SiteEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `study-${String(i + 1).padStart(4, '0')}`,
    conditions: i === count - 1 ? ['mg'] : [['sle'], ['sle', 'iim'], ['iim', 'ssc', 'sle']][i % 3]!,
    year: 2020 + (i % 5),
    titles: Object.fromEntries(LANGS.map((l) => [l, `${TITLE[l]} ${count - i}`])),
  }));

describe('the static site of the samples', () => {
  it('has a root, a home per language, every study × language × level, a folder index per study, CSS, sitemap and robots.txt, sorted by path', () => {
    const expected = [
      'assets/site.css',
      'index.html',
      'robots.txt',
      'sitemap.xml',
      ...LANGS.map((lang) => `${lang}/index.html`),
      ...LANGS.flatMap((lang) => STUDIES.flatMap((id) => [...LEVELS, 'index'].map((level) => `${lang}/${id}/${level}.html`))),
    ].sort();
    expect(site.map((f) => f.path)).toEqual(expected);
  });

  it('asks the locales for the site words missingSiteKeys checks before a build renders anything, and for no other', () => {
    const asked = new Set<string>();
    const recording = Object.fromEntries(Object.entries(translators).map(([lang, tr]) => [lang, { ...tr, t: (key: string, o?: Record<string, unknown>) => (asked.add(key), tr.t(key, o)) }]));
    buildSite(pages, { ...options, translators: recording });
    // A site too large to list its studies on its homes says how many each condition has, and pages a condition of more than a page's studies.
    indexFiles(studyEntries(HOME_LISTS_STUDIES_UP_TO + 1), { ...options, translators: recording });
    // A key said here but not in SITE_KEYS would be found only by the first language's render of a study, one build at a time.
    expect([...asked].filter((key) => key.startsWith('site:')).sort()).toEqual([...SITE_KEYS.map((key) => `site:${key}`), ...LEVELS.map((level) => `site:levels.${level}`)].sort());
  });

  it('serves the standard level as the study folder’s index.html', () => {
    for (const lang of LANGS) for (const id of STUDIES) expect(file(`${lang}/${id}/index.html`)).toBe(file(`${lang}/${id}/standard.html`));
  });

  it.each(htmlFiles.map((f) => f.path))('%s is a full document with lang, charset, viewport, title, canonical URL and hreflang alternates', (path) => {
    const html = file(path);
    const lang = path.includes('/') ? path.split('/')[0]! : 'en';
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${HTML_LANG[lang]}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(canonicalOf(html).startsWith(BASE)).toBe(true);
    const alternates = tags(html, 'link').filter((l) => l.rel === 'alternate');
    expect(alternates.map((a) => a.hreflang)).toEqual(['en', 'de', 'zh-Hans', 'x-default']);
    for (const a of alternates) expect(a.href!.startsWith(BASE)).toBe(true);
    // The page is one of its own alternates.
    expect(alternates.map((a) => a.href)).toContain(canonicalOf(html));
    const stylesheets = tags(html, 'link').filter((l) => l.rel === 'stylesheet');
    expect(stylesheets).toHaveLength(1);
    expect(stylesheets[0]!.href).toBe(posix.relative(posix.dirname(path), 'assets/site.css'));
    expect(html).not.toMatch(/<script|<iframe|<img|@import|url\(/i);
  });

  it('gives a study level the same URL in every language, with x-default in the default language, and the index level its folder', () => {
    const html = file('de/mueller-2024/easy.html');
    const alternates = Object.fromEntries(tags(html, 'link').filter((l) => l.rel === 'alternate').map((l) => [l.hreflang!, l.href!]));
    expect(alternates).toEqual({
      en: `${BASE}en/mueller-2024/easy.html`,
      de: `${BASE}de/mueller-2024/easy.html`,
      'zh-Hans': `${BASE}zh/mueller-2024/easy.html`,
      'x-default': `${BASE}en/mueller-2024/easy.html`,
    });
    expect(canonicalOf(file('de/mueller-2024/standard.html'))).toBe(`${BASE}de/mueller-2024/`);
    expect(canonicalOf(file('de/index.html'))).toBe(`${BASE}de/`);
    expect(canonicalOf(file('index.html'))).toBe(BASE);
  });

  it('links only to files it generates (relative links, fragments to ids that exist)', () => {
    let checked = 0;
    for (const { path, content } of htmlFiles) {
      const refs = [...tags(content, 'a'), ...tags(content, 'link').filter((l) => l.rel === 'stylesheet')].map((t) => unescape(t.href ?? t.src ?? ''));
      for (const ref of refs) {
        if (/^https?:\/\//.test(ref)) continue; // checked by the next test
        expect(ref, `${path}: ${ref}`).not.toMatch(/^[a-z][a-z+.-]*:|^\//i);
        const [target = '', fragment] = ref.split('#');
        const resolved = target === '' ? path : posix.normalize(posix.join(posix.dirname(path), target));
        expect(files.has(resolved), `${path} links to ${ref} (${resolved})`).toBe(true);
        if (fragment) expect(file(resolved), `${path} links to ${ref}`).toContain(`id="${fragment}"`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(htmlFiles.length * 5);
  });

  it('makes no request to another host: absolute URLs are the base URL’s, or DOI links from the summary itself', () => {
    let doi = 0;
    for (const { path, content } of htmlFiles) {
      for (const [url] of content.matchAll(/\bhttps?:\/\/[^\s"'<>)]+/g)) {
        if (url.startsWith(BASE)) continue;
        expect(url, path).toMatch(/^https:\/\/doi\.org\//);
        expect(mainOf(content), path).toContain(url);
        doi++;
      }
      // Absolute URLs only in <head> (canonical, alternates) and summary links: never in src= or in the stylesheet link.
      for (const t of tags(content, 'a')) if (t.href!.startsWith('http')) expect(t.href).toMatch(/^https:\/\/doi\.org\//);
    }
    expect(doi).toBeGreaterThan(0);
    expect(SITE_CSS).not.toMatch(/https?:\/\/\w|url\(|@import|@font-face/);
  });

  it('lists every page in the sitemap, by its canonical URL, with all its hreflang alternates', () => {
    const xml = file('sitemap.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')).toBe(true);
    const entries = [...xml.matchAll(/<url>\n<loc>([^<]+)<\/loc>\n([\s\S]*?)<\/url>/g)].map((m) => ({ loc: m[1]!, alternates: tags(m[2]!, 'xhtml:link') }));
    const locs = entries.map((e) => e.loc);
    // Root, 3 homes, 4 studies × 3 languages × 3 levels (standard.html and index.html are one page).
    expect(locs).toHaveLength(1 + 3 + 4 * 3 * 3);
    expect(new Set(locs).size).toBe(locs.length);
    expect(new Set(htmlFiles.map((f) => canonicalOf(f.content)))).toEqual(new Set(locs));
    for (const entry of entries) {
      expect(entry.alternates.map((a) => a.hreflang)).toEqual(['en', 'de', 'zh-Hans', 'x-default']);
      expect(entry.alternates.map((a) => a.href)).toContain(entry.loc);
      // Reciprocal: every alternate is itself a listed page.
      for (const a of entry.alternates) expect(locs).toContain(a.href);
    }
    // The same alternates as the page itself says.
    const page = entries.find((e) => e.loc === `${BASE}zh/mueller-2024/expert.html`)!;
    expect(page.alternates.map((a) => a.href)).toEqual(tags(file('zh/mueller-2024/expert.html'), 'link').filter((l) => l.rel === 'alternate').map((l) => l.href));
  });

  it('splits a sitemap past the protocol limits into parts under an index named sitemap.xml (50,000 URLs, 50 MB a file)', () => {
    const page = (i: number): PageEntry => {
      const url = `en/study-${String(i).padStart(6, '0')}/easy.html`;
      return { url, alternates: [{ hreflang: 'en', url }, { hreflang: 'de', url: url.replace('en/', 'de/') }] };
    };
    const urlsIn = (xml: string) => [...xml.matchAll(/<url>\n<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const sitemap = (pages: PageEntry[], limits: { urls: number; bytes: number } = SITEMAP_LIMITS) => [...sitemapFiles(BASE, () => pages, limits)].map(wholeFile);
    // 50,001 pages (a site of about 5,600 studies): the 50,001st goes into a second file.
    const pages = Array.from({ length: SITEMAP_LIMITS.urls + 1 }, (_, i) => page(i));
    const split = sitemap(pages);
    expect(split.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(split[0]!.content).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>${BASE}sitemap-1.xml</loc></sitemap>\n<sitemap><loc>${BASE}sitemap-2.xml</loc></sitemap>\n</sitemapindex>\n`,
    );
    const [first, second] = [urlsIn(split[1]!.content), urlsIn(split[2]!.content)];
    expect([first.length, second.length]).toEqual([SITEMAP_LIMITS.urls, 1]);
    // Every page once, in URL order across the parts, each part a whole urlset.
    expect([...first, ...second]).toEqual(pages.map((p) => `${BASE}${p.url}`).sort());
    for (const part of split.slice(1)) {
      expect(part.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset ')).toBe(true);
      expect(part.content.endsWith('</url>\n</urlset>\n')).toBe(true);
      expect(Buffer.byteLength(part.content)).toBeLessThanOrEqual(SITEMAP_LIMITS.bytes);
    }
    // One page fewer fits one file, as a small site's sitemap always has.
    expect(sitemap(pages.slice(1)).map((f) => f.path)).toEqual(['sitemap.xml']);
    // The byte limit cuts too, and no part is over it: pages of about 290 bytes, at most 1,000 bytes a file.
    const bySize = sitemap(pages.slice(0, 20), { urls: SITEMAP_LIMITS.urls, bytes: 1_000 });
    expect(bySize.length).toBeGreaterThan(3);
    for (const part of bySize.slice(1)) expect(Buffer.byteLength(part.content)).toBeLessThanOrEqual(1_000);
    expect(bySize.slice(1).flatMap((f) => urlsIn(f.content))).toEqual(pages.slice(0, 20).map((p) => `${BASE}${p.url}`).sort());
    // The pages come in URL order, each once (the files are cut as they come): anything else is a bug, refused.
    expect(() => sitemap([page(2), page(1)])).toThrow(SiteInputError);
    expect(() => sitemap([page(1), page(1)])).toThrow(/sitemap pages out of URL order/);
  });

  it('has a robots.txt that allows all and points at the sitemap by its absolute URL', () => {
    expect(file('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}sitemap.xml\n`);
  });

  it('is deterministic: the same pages in any order give the same bytes', () => {
    const again = buildSite(sitePages().pages, options);
    expect(again).toEqual(site);
    const shuffled = buildSite([...pages].reverse(), { ...options, translators: { zh: translators.zh!, de: translators.de!, en: translators.en! } });
    expect(shuffled).toEqual(site);
  });

  it('accepts a base URL without the final slash', () => {
    const other = buildSite(pages, { ...options, baseUrl: 'https://example.org/sub/path' });
    expect(other).toEqual(site);
  });
});

describe('study pages', () => {
  const html = file('de/mueller-2024/easy.html');
  const facts = pages.find((p) => p.facts.id === 'mueller-2024')!.facts;

  it('switch language: the same study and level in each language, each link with lang and hreflang, the current one marked', () => {
    const nav = html.match(/<nav class="switcher switcher-language" aria-label="Sprache">[\s\S]*?<\/nav>/)![0];
    expect(tags(nav, 'a')).toEqual([
      { href: '../../en/mueller-2024/easy.html', lang: 'en', hreflang: 'en' },
      { href: 'easy.html', lang: 'de', hreflang: 'de', 'aria-current': 'page' },
      { href: '../../zh/mueller-2024/easy.html', lang: 'zh-Hans', hreflang: 'zh-Hans' },
    ]);
    expect([...nav.matchAll(/>([^<>]+)<\/a>/g)].map((m) => m[1])).toEqual(['English', 'Deutsch', '中文']);
  });

  it('switch level: the three levels with their names from the locale, the current one marked', () => {
    const nav = html.match(/<nav class="switcher switcher-level" aria-label="Lesestufe">[\s\S]*?<\/nav>/)![0];
    expect(tags(nav, 'a')).toEqual([
      { href: 'easy.html', lang: 'de', 'aria-current': 'page' },
      { href: 'standard.html', lang: 'de' },
      { href: 'expert.html', lang: 'de' },
    ]);
    expect([...nav.matchAll(/>([^<>]+)<\/a>/g)].map((m) => m[1])).toEqual(['Einfache Sprache', 'Allgemein verständlich', 'Für Fachkreise']);
  });

  it('show the summary under landmarks, its h1 the page’s first and only one, with a skip link and a way back home', () => {
    const page = pages.find((p) => p.facts.id === 'mueller-2024' && p.lang === 'de' && p.level === 'easy')!;
    expect(mainOf(html)).toContain(page.bodyHtml.trimEnd());
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(headerOf(html)).not.toMatch(/<h[1-6][\s>]/);
    expect(mainOf(html)).toMatch(/^<main id="main" tabindex="-1">\n<h1>/);
    expect(html).toContain(`<h1>${facts.title.de}</h1>`);
    expect(html).toContain('<a class="skip-link" href="#main">Direkt zum Inhalt</a>');
    expect(mainOf(html)).toContain('<p class="back-link"><a href="../index.html">Zurück zu allen Studien</a></p>');
    expect(html).toMatch(/<header class="site-header">[\s\S]*<\/header>\n<main[\s\S]*<\/main>\n<footer class="site-footer">\n<p>Diese Zusammenfassungen wurden aus strukturierten Angaben/);
    expect(html).toContain(`<title>${facts.title.de} – Einfache Sprache – Studienergebnisse verständlich erklärt</title>`);
  });

  it('have headings in order in every language and level: one h1, then no level skipped', () => {
    for (const { path, content } of htmlFiles) {
      const levels = [...content.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      expect(levels[0], path).toBe(1);
      expect(levels.filter((l) => l === 1), path).toHaveLength(1);
      levels.forEach((level, i) => i > 0 && expect(level, `${path} heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1));
    }
  });

  it('have lang on every switcher link and localized nav labels in every language', () => {
    const labels = { en: ['Language', 'Reading level'], de: ['Sprache', 'Lesestufe'], zh: ['语言', '阅读版本'] };
    for (const lang of LANGS) {
      const content = file(`${lang}/first-patient-2021/expert.html`);
      const navs = [...content.matchAll(/<nav class="switcher[^"]*" aria-label="([^"]+)">([\s\S]*?)<\/nav>/g)];
      expect(navs.map((n) => n[1])).toEqual(labels[lang as keyof typeof labels]);
      const htmlLang = { en: 'en', de: 'de', zh: 'zh-Hans' };
      // Language switcher: each link in its own language; level switcher: every link in the page's language.
      expect(tags(navs[0]![2]!, 'a').map((a) => a.lang)).toEqual(['en', 'de', 'zh-Hans']);
      expect(tags(navs[1]![2]!, 'a').map((a) => a.lang)).toEqual(['easy', 'standard', 'expert'].map(() => htmlLang[lang as keyof typeof htmlLang]));
    }
  });
});

describe('a large site', () => {
  const large = studyEntries(HOME_LISTS_STUDIES_UP_TO + 1);
  const index = indexFiles(large);
  const page = (path: string) => index.get(path) ?? expect.fail(`no ${path} in the site`);
  const KEYS_PAGED = ['iim', 'iim-2', 'mg', 'sle', 'sle-2', 'ssc'];

  it(`lists the conditions on its homes past ${HOME_LISTS_STUDIES_UP_TO} studies, each with its count and a page of its own`, () => {
    // Lupus (200 studies) and myositis (133) take two pages; the first keeps the name it had before pages.
    expect([...index.keys()].filter((p) => p.includes('condition-')).sort()).toEqual(LANGS.flatMap((l) => KEYS_PAGED.map((k) => `${l}/condition-${k}.html`)).sort());
    const home = page('en/index.html');
    expect(links(home, 'study-link')).toEqual([]);
    expect(home).not.toContain('<section>');
    expect(home).toContain('<li><a href="condition-sle.html">Lupus</a> <span class="study-count">200 studies</span></li>');
    expect(home).toContain('<li><a href="condition-mg.html">Myasthenia gravis</a> <span class="study-count">1 study</span></li>');
    expect(page('de/index.html')).toContain('<span class="study-count">1 Studie</span>');
    expect(page('de/index.html')).toContain('<span class="study-count">133 Studien</span>');
    expect(page('zh/index.html')).toContain('<span class="study-count">200项研究</span>');
    // In the order of the condition names, as the small site's sections.
    for (const lang of LANGS) {
      const order = groupByCondition(planSite([], options), lang, large).map((g) => `condition-${g.key}.html`);
      expect(links(page(`${lang}/index.html`)).filter((href) => href.startsWith('condition-'))).toEqual(order);
    }
    // A home of 201 studies is small now: the lists are on the condition pages.
    expect(Buffer.byteLength(home)).toBeLessThan(5_000);
  });

  it.each(LANGS)(`gives each condition %s pages that list its studies in title order, each once, ${STUDIES_PER_CONDITION_PAGE} a page, back to the home`, (lang) => {
    const collator = new Intl.Collator(project.languages[lang]!.intl);
    for (const group of groupByCondition(planSite([], options), lang, large)) {
      const paths = conditionPaths(index, lang, group.key);
      expect(paths).toHaveLength(Math.ceil(group.studies.length / STUDIES_PER_CONDITION_PAGE));
      const ids = large.filter((e) => e.conditions.includes(group.key)).sort((a, b) => collator.compare(a.titles[lang]!, b.titles[lang]!)).map((e) => `${e.id}/index.html`);
      const listed = paths.map((path) => links(page(path), 'study-link'));
      expect(listed.flat()).toEqual(ids);
      for (const studies of listed.slice(0, -1)) expect(studies).toHaveLength(STUDIES_PER_CONDITION_PAGE);
      paths.forEach((path, i) => {
        const html = page(path);
        const file = path.slice(lang.length + 1);
        expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
        expect(canonicalOf(html)).toBe(`${BASE}${path}`);
        // The same page of the condition in every language.
        expect(tags(html, 'link').filter((l) => l.rel === 'alternate').map((l) => [l.hreflang, l.href])).toEqual([...LANGS.map((l) => [HTML_LANG[l], `${BASE}${l}/${file}`]), ['x-default', `${BASE}en/${file}`]]);
        // The language switcher leads to the same page; the way back, to the home.
        expect(links(headerOf(html))).toEqual(LANGS.map((l) => (l === lang ? file : `../${l}/${file}`)));
        expect(links(html).at(-1)).toBe('index.html');
        expect(html.includes('rel="next"')).toBe(i < paths.length - 1);
      });
    }
    expect(page(`${lang}/condition-ssc.html`)).toContain(`<h1>${lang === 'en' ? 'Systemic sclerosis' : lang === 'de' ? 'Sklerodermie' : '硬皮病'}</h1>`);
  });

  it('lists every condition page in the sitemap, with the same page in every language as its alternates', () => {
    const xml = page('sitemap.xml');
    const listed = [...xml.matchAll(/<url>\n<loc>([^<]+)<\/loc>\n([\s\S]*?)<\/url>/g)].filter((m) => m[1]!.includes('/condition-'));
    expect(listed.map((m) => m[1]!).sort()).toEqual([...index.keys()].filter((p) => p.includes('condition-')).map((p) => `${BASE}${p}`).sort());
    for (const [, loc, alternates] of listed) {
      const file = loc!.replace(/^.*\//, '');
      expect(tags(alternates!, 'xhtml:link').map((a) => [a.hreflang, a.href])).toEqual([...LANGS.map((l) => [HTML_LANG[l], `${BASE}${l}/${file}`]), ['x-default', `${BASE}en/${file}`]]);
    }
  });

  it(`lists the studies on the homes up to ${HOME_LISTS_STUDIES_UP_TO} studies, with no condition pages`, () => {
    const small = indexFiles(studyEntries(HOME_LISTS_STUDIES_UP_TO));
    expect([...small.keys()].filter((p) => p.includes('condition-'))).toEqual([]);
    expect(links(small.get('en/index.html')!, 'study-link')).toHaveLength(HOME_LISTS_STUDIES_UP_TO + Math.floor(HOME_LISTS_STUDIES_UP_TO / 3) * 3);
  });

  it('lists every page in its sitemap once, in URL order, whatever the ids (one the start of another, one named like a condition page)', () => {
    const tricky = ['a', 'a-b', 'a-1', 'ab', 'a0', 'condition-sle', 'condition-sle-2', 'condition-sle-2-1', 'en', 'zz'];
    const entries = studyEntries(HOME_LISTS_STUDIES_UP_TO + 1).map((e, i) => ({ ...e, id: tricky[i] ?? e.id }));
    const files = indexFiles(entries);
    const locs = [...files.get('sitemap.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toEqual([...locs].sort());
    expect(new Set(locs).size).toBe(locs.length);
    const conditionPages = [...files.keys()].filter((p) => p.includes('/condition-'));
    expect(locs).toHaveLength(1 + LANGS.length + conditionPages.length + entries.length * LANGS.length * LEVELS.length);
    for (const id of tricky) for (const lang of LANGS) expect(locs).toContain(`${BASE}${lang}/${id}/`);
  });

  it(`says nothing of pages on a site of up to ${HOME_LISTS_STUDIES_UP_TO} studies, nor on a condition page of up to ${STUDIES_PER_CONDITION_PAGE}: those pages are as they were`, () => {
    const asked = new Set<string>();
    const recording = Object.fromEntries(Object.entries(translators).map(([lang, tr]) => [lang, { ...tr, t: (key: string, o?: Record<string, unknown>) => (asked.add(key), tr.t(key, o)) }]));
    const small = indexFiles(studyEntries(HOME_LISTS_STUDIES_UP_TO), { ...options, translators: recording });
    expect([...asked].filter((key) => key.startsWith('site:pages.') || key === 'site:nav.pages')).toEqual([]);
    for (const [path, content] of small) expect(content, path).not.toMatch(/switcher-pages|rel="(prev|next)"/);
    expect(small.get('assets/site.css')).toBe(SITE_CSS);
    // On the large site, a condition of one page: its name as heading and title, its studies, the way home, nothing more.
    const html = page('en/condition-ssc.html');
    expect(mainOf(html)).toMatch(/^<main id="main" tabindex="-1">\n<h1>Systemic sclerosis<\/h1>\n<ul class="study-list">\n[\s\S]*<\/ul>\n<p class="back-link"><a href="index.html">Back to all studies<\/a><\/p>\n$/);
    expect(html).toContain('<title>Systemic sclerosis – Study summaries in plain language</title>');
  });
});

/** A site of `counts[key]` studies of each condition, each of one condition, titled in every language. */
const studiesOf = (counts: Record<string, number>): SiteEntry[] =>
  Object.entries(counts).flatMap(([key, count]) =>
    Array.from({ length: count }, (_, i) => ({ id: `${key}-${String(i + 1).padStart(4, '0')}`, conditions: [key], year: 2024, titles: Object.fromEntries(LANGS.map((l) => [l, `${TITLE[l]} ${key} ${i + 1}`])) })),
  );

describe('condition pages of a large site', () => {
  const N = STUDIES_PER_CONDITION_PAGE;
  /** Each item of a page's navigation: `prev`/`next` (with where it leads), a page number (marked `*` when current), or the gap `…`. */
  const navigation = (html: string) => {
    const nav = html.match(/<nav class="switcher switcher-pages" aria-label="([^"]+)">\n<p class="switcher-label" aria-hidden="true">([^<]+)<\/p>\n<ul>\n([\s\S]*?)\n<\/ul>\n<\/nav>/);
    if (!nav) return undefined;
    expect(nav[1]).toBe(nav[2]);
    return nav[3]!.split('\n').map((item) => {
      if (item === '<li aria-hidden="true">…</li>') return '…';
      const [a] = tags(item, 'a');
      if (a?.rel) return `${a.rel} ${a.href}`;
      const number = item.match(/>(\d+)<\/a><\/li>$/)![1]!;
      expect(a!['aria-label']).toMatch(new RegExp(`\\b${number}\\b`));
      expect(a!.href).toBe(conditionPath('en', 'sle', Number(number)).slice(3));
      return a!['aria-current'] === 'page' ? `${number}*` : number;
    });
  };

  it(`take ${N} studies a page: exactly ${N} is one page, ${N + 1} two, the second with one study`, () => {
    expect([N, N + 1, 2 * N, 2 * N + 1].map(conditionPageCount)).toEqual([1, 2, 2, 3]);
    const files = indexFiles(studiesOf({ sle: N, iim: N + 1 }));
    expect([...files.keys()].filter((p) => p.startsWith('en/condition-')).sort()).toEqual(['en/condition-iim-2.html', 'en/condition-iim.html', 'en/condition-sle.html']);
    expect(links(files.get('en/condition-sle.html')!, 'study-link')).toHaveLength(N);
    expect(navigation(files.get('en/condition-sle.html')!)).toBeUndefined();
    expect(links(files.get('en/condition-iim.html')!, 'study-link')).toHaveLength(N);
    expect(links(files.get('en/condition-iim-2.html')!, 'study-link')).toEqual(['iim-0099/index.html']);
    // Both on the home, each by its first page.
    expect(links(files.get('en/index.html')!).filter((href) => href.startsWith('condition-'))).toEqual(['condition-sle.html', 'condition-iim.html']);
  });

  const studies = studiesOf({ sle: 25 * N - 3, mg: 1 });
  const files = indexFiles(studies);
  const file = (path: string) => files.get(path) ?? expect.fail(`no ${path} in the site`);

  it('list every study once, in the collation order of the language, across the pages', () => {
    for (const lang of LANGS) {
      const collator = new Intl.Collator(project.languages[lang]!.intl);
      const paths = conditionPaths(files, lang, 'sle');
      expect(paths).toHaveLength(25);
      const listed = paths.flatMap((path) => links(file(path), 'study-link'));
      const sle = studies.filter((s) => s.conditions[0] === 'sle');
      expect(listed).toEqual(sle.sort((a, b) => collator.compare(a.titles[lang]!, b.titles[lang]!)).map((s) => `${s.id}/index.html`));
      expect(links(file(paths.at(-1)!), 'study-link')).toHaveLength(N - 3);
    }
  });

  it('link the previous and next page (rel), the first, the last and two on either side, marking the current one', () => {
    const nav = (n: number) => navigation(file(conditionPath('en', 'sle', n)));
    expect(nav(1)).toEqual(['1*', '2', '3', '…', '25', 'next condition-sle-2.html']);
    expect(nav(2)).toEqual(['prev condition-sle.html', '1', '2*', '3', '4', '…', '25', 'next condition-sle-3.html']);
    // A single page between is linked, not left out.
    expect(nav(5)).toEqual(['prev condition-sle-4.html', '1', '2', '3', '4', '5*', '6', '7', '…', '25', 'next condition-sle-6.html']);
    expect(nav(12)).toEqual(['prev condition-sle-11.html', '1', '…', '10', '11', '12*', '13', '14', '…', '25', 'next condition-sle-13.html']);
    expect(nav(25)).toEqual(['prev condition-sle-24.html', '1', '…', '23', '24', '25*']);
    // Following `next` from the first page reaches every page in order, `prev` from the last back again.
    const walk = (start: number, rel: string) => {
      const seen = [conditionPath('en', 'sle', start)];
      for (let next; (next = nav(Number(seen.at(-1)!.match(/-(\d+)\.html$/)?.[1] ?? 1))!.find((item) => item.startsWith(`${rel} `))); ) seen.push(`en/${next.slice(rel.length + 1)}`);
      return seen;
    };
    expect(walk(1, 'next')).toEqual(conditionPaths(files, 'en', 'sle'));
    expect(walk(25, 'prev')).toEqual(conditionPaths(files, 'en', 'sle').reverse());
  });

  it.each([
    ['en', 'Lupus, page 12 of 25', 'Lupus, page 12 of 25 – Study summaries in plain language', 'Studies 1101 to 1200 of 2497', 'Pages', 'Previous page', 'Next page', 'Page 11'],
    ['de', 'Lupus, Seite 12 von 25', 'Lupus, Seite 12 von 25 – Studienergebnisse verständlich erklärt', 'Studien 1101 bis 1200 von 2497', 'Seiten', 'Vorherige Seite', 'Nächste Seite', 'Seite 11'],
    ['zh', '红斑狼疮（第12页，共25页）', '红斑狼疮（第12页，共25页）｜临床研究通俗摘要', '第1101至1200项，共2497项研究', '分页', '上一页', '下一页', '第11页'],
  ])('say in %s which page a reader is on, and name the ways to the others', (lang, heading, title, range, label, previous, next, page11) => {
    const html = file(conditionPath(lang, 'sle', 12));
    expect(html).toContain(`<title>${title}</title>`);
    expect(mainOf(html)).toContain(`<h1>${heading}</h1>\n<p>${range}</p>\n<ul class="study-list">`);
    expect(html).toContain(`<nav class="switcher switcher-pages" aria-label="${label}">`);
    expect(html).toContain(`<li><a href="condition-sle-11.html" rel="prev">${previous}</a></li>`);
    expect(html).toContain(`<li><a href="condition-sle-13.html" rel="next">${next}</a></li>`);
    expect(html).toContain(`<li><a href="condition-sle-11.html" aria-label="${page11}">11</a></li>`);
    expect(html).toContain(`aria-current="page">12</a>`);
    // The first page says it is one of 25 too.
    expect(file(conditionPath(lang, 'sle', 1))).toContain(`<h1>${heading.replace('12', '1')}</h1>`);
  });

  it('are written one at a time, the sitemap in pieces, to the bytes they have when made whole', () => {
    const dir = tempDir('laysum-site-stream-');
    const out = join(dir, 'site');
    const staging = openStaging(out);
    const made: string[] = [];
    const streamed: string[] = [];
    function* watched() {
      for (const f of siteIndexFiles(studies, options)) {
        // Each file is on the disk before the next is made.
        if (made.length) expect(existsSync(join(staging.dir, made.at(-1)!))).toBe(true);
        made.push(f.path);
        if ('pieces' in f) streamed.push(f.path);
        yield f;
      }
    }
    expect(staging.write(watched())).toBe(files.size);
    staging.commit();
    expect(streamed).toEqual(['sitemap.xml']);
    expectSameTree(out, new Map([...files].map(([path, content]) => [path, Buffer.from(content)])), { ignore: ['.laysum-output'] });
  });
});

describe('home pages', () => {
  const homeSections = (html: string) =>
    [...html.matchAll(/<section>\n<h2 id="condition-([a-z_]+)">([^<]+)<\/h2>([\s\S]*?)<\/section>/g)].map((m) => ({
      key: m[1]!,
      name: m[2]!,
      studies: [...m[3]!.matchAll(/<a class="study-link" href="([^"]+)\/index\.html">([^<]+)<\/a>/g)].map((s) => s[1]!),
    }));

  it('group studies by condition: a study with three conditions is listed under each of them', () => {
    const html = file('en/index.html');
    expect(homeSections(html)).toEqual([
      { key: 'sle', name: 'Lupus', studies: ['shanghai-donor-2025', 'mueller-2024', 'first-patient-2021'] },
      { key: 'iim', name: 'Myositis', studies: ['mueller-2024', 'crispr-donor-2024'] },
      { key: 'ssc', name: 'Systemic sclerosis', studies: ['mueller-2024', 'crispr-donor-2024'] },
    ]);
    expect(html.match(/href="mueller-2024\/index\.html"/g)).toHaveLength(3);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<h1>Studies by condition</h1>');
    expect(html).toContain('<span>Conditions: lupus, myositis and systemic sclerosis</span> <span>Published 2024</span>');
    // One condition is named under a singular label.
    expect(html).toContain('<span>Condition: lupus</span> <span>Published 2021</span>');
    expect(file('de/index.html')).toMatch(/<span>Erkrankung: [^<,]+<\/span> <span>Veröffentlicht 2021<\/span>/);
    expect(html).toContain('<a href="#condition-ssc">Systemic sclerosis</a>');
  });

  it.each(LANGS)('sort the %s groups by the localized condition name and the studies by title, with the language’s collation', (lang) => {
    const collator = new Intl.Collator(project.languages[lang]!.intl);
    const sections = homeSections(file(`${lang}/index.html`));
    expect(sections.map((s) => s.key).sort()).toEqual(['iim', 'sle', 'ssc']);
    const names = sections.map((s) => s.name);
    expect([...names].sort(collator.compare)).toEqual(names);
    const titleOf = (id: string) => pages.find((p) => p.facts.id === id && p.lang === lang && p.level === 'standard')!.title;
    for (const s of sections) expect([...s.studies].sort((a, b) => collator.compare(titleOf(a), titleOf(b)))).toEqual(s.studies);
    // groupByCondition is the order the page shows.
    expect(groupByCondition(planSite(pages, options), lang).map((g) => [g.key, g.studies.map((s) => s.id)])).toEqual(sections.map((s) => [s.key, s.studies]));
  });

  it('show the German home with German words and the Chinese one with Chinese ones, years through the locale', () => {
    const de = file('de/index.html');
    expect(de).toContain('<h1>Studien nach Erkrankung</h1>');
    const lay = (lang: string, key: string) => translators[lang]!.t(`terms:conditions.${key}.lay`, { context: 'standard' });
    expect(de).toContain(`<span>Erkrankungen: ${lay('de', 'sle')}, ${lay('de', 'iim')} und ${lay('de', 'ssc')}</span> <span>Veröffentlicht 2024</span>`);
    const zh = file('zh/index.html');
    expect(zh).toContain('<h1>按疾病浏览研究</h1>');
    expect(zh).toMatch(/<span>疾病：[^<]+、[^<]+和[^<]+<\/span> <span>2024年发表<\/span>/);
  });

  it('the root chooses a language: each by its own name, in its own language', () => {
    const html = file('index.html');
    const links = tags(mainOf(html), 'a');
    expect(links).toEqual([
      { href: 'en/index.html', lang: 'en', hreflang: 'en' },
      { href: 'de/index.html', lang: 'de', hreflang: 'de' },
      { href: 'zh/index.html', lang: 'zh-Hans', hreflang: 'zh-Hans' },
    ]);
    expect([...html.matchAll(/<span class="language-name">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual(['English', 'Deutsch', '中文']);
    expect(html).toContain('<h1 class="choose-language"><span lang="en">Choose your language</span> <span lang="de">Wählen Sie Ihre Sprache</span> <span lang="zh-Hans">请选择语言</span></h1>');
    expect(tags(html, 'link').find((l) => l.hreflang === 'x-default')!.href).toBe(BASE);
  });
});

describe('hostile text', () => {
  const hostile = buildSite(sitePages([...SAMPLE_FILES, HOSTILE]).pages, options);

  it('comes out as text: a <script> in a title is escaped in <title>, in the heading and on the home pages', () => {
    for (const f of hostile) {
      expect(f.content, f.path).not.toMatch(/<script|<img|<b>|href="javascript:/i);
    }
    const page = hostile.find((f) => f.path === 'en/script-title/easy.html')!.content;
    expect(page).toContain('<title>A study &lt;script&gt;alert(document.cookie)&lt;/script&gt; of CAR T cells in people with lupus – Easy to read – Study summaries in plain language</title>');
    expect(page).toContain('<h1>A study &lt;script&gt;alert(document.cookie)&lt;/script&gt; of CAR T cells in people with lupus</h1>');
    const home = hostile.find((f) => f.path === 'zh/index.html')!.content;
    expect(home).toContain('<a class="study-link" href="script-title/index.html">一项&lt;script&gt;alert(document.cookie)&lt;/script&gt;用CAR-T细胞治疗红斑狼疮患者的研究</a>');
  });
});

describe('bad input', () => {
  it('refuses a study that lacks a page, naming it (it would be a broken link)', () => {
    const missing = pages.filter((p) => !(p.facts.id === 'mueller-2024' && p.lang === 'zh' && p.level === 'easy'));
    expect(() => buildSite(missing, options)).toThrow(SiteInputError);
    expect(() => buildSite(missing, options)).toThrow('study mueller-2024 has no page for zh/easy');
  });

  it('refuses a page twice, an unknown language or level, a default language not built, and a base URL that is not absolute http(s)', () => {
    expect(() => buildSite([...pages, pages[0]!], options)).toThrow('is given twice');
    expect(() => buildSite(pages, { ...options, languages: languages.slice(0, 2) })).toThrow('language `zh` is not one of the site');
    expect(() => buildSite(pages, { ...options, levels: ['easy', 'standard'] })).toThrow('level `expert` is not one of the site');
    expect(() => buildSite(pages, { ...options, defaultLang: 'fr' })).toThrow('default language `fr`');
    expect(() => buildSite(pages, { ...options, baseUrl: '/sub/path/' })).toThrow(SiteInputError);
    expect(() => buildSite(pages, { ...options, baseUrl: 'ftp://example.org/' })).toThrow('must use http or https');
    for (const baseUrl of ['https://example.org/sub/?', 'https://example.org/sub/#', 'https://example.org/sub/?a=1']) {
      expect(() => buildSite(pages, { ...options, baseUrl }), baseUrl).toThrow('must not have a query or fragment');
    }
    expect(() => buildSite(pages, { ...options, baseUrl: 'https://user:secret@example.org/' })).toThrow('must not hold a user name or password');
  });

  it('laysum site with a bad --base-url: exit 2 with one line before any study is read, nothing written', () => {
    const out = join(tempDir(), 'site');
    const result = runCli(['site', SAMPLES, '--out', out, '--base-url', 'example.org/laysum/']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('laysum: base URL `example.org/laysum/` is not an absolute URL; expected e.g. https://example.org/laysum/');
    expect(existsSync(out)).toBe(false);
  });

  it('builds a subset of levels, with the first level as the folder index when standard is not built', () => {
    const easy = buildSite(
      pages.filter((p) => p.level === 'easy'),
      { ...options, levels: ['easy'] },
    );
    const get = (path: string) => easy.find((f: OutputFile) => f.path === path)!.content;
    expect(get('de/mueller-2024/index.html')).toBe(get('de/mueller-2024/easy.html'));
    expect(canonicalOf(get('de/mueller-2024/easy.html'))).toBe(`${BASE}de/mueller-2024/`);
  });
});

describe('style and words', () => {
  /** WCAG 2.2 relative luminance and contrast ratio. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it.each(CONTRAST_PAIRS.map(([fg, bg, min, what]) => [what, fg, bg, min] as const))('%s: %s on %s has a contrast of at least %s:1', (_what, fg, bg, min) => {
    expect(contrast(PALETTE[fg], PALETTE[bg])).toBeGreaterThanOrEqual(min);
  });

  it('uses only palette colours, a visible focus style, and a print stylesheet without navigation that shows external link URLs', () => {
    const colours = new Set(Object.values(PALETTE));
    for (const [c] of file('assets/site.css').matchAll(/#[0-9a-f]{3,8}\b/gi)) expect(colours, c).toContain(c.toLowerCase());
    expect(SITE_CSS).not.toMatch(/\b(rgb|hsl)a?\(|\b(red|blue|gray|grey|black|white)\b/);
    expect(SITE_CSS).toMatch(/:focus-visible\{outline:3px solid #/);
    expect(SITE_CSS).not.toMatch(/outline:\s*(none|0)[^}]*\}[^{]*:focus-visible|a:focus\{outline:none/);
    const print = SITE_CSS.slice(SITE_CSS.indexOf('@media print{'));
    expect(print).toMatch(/\.skip-link,\.site-header nav,\.toc,\.back-link\{display:none!important\}/);
    expect(print).toContain(`color:${PALETTE.ink};background:${PALETTE.background}`);
    expect(print).toContain('a[href^="http://"]::after,a[href^="https://"]::after{content:" (" attr(href) ")"');
  });

  it('has the same site keys in every language (each in the plural forms its language has), and no number written into a sentence', () => {
    const keys = (tree: unknown, prefix = ''): string[] => [
      ...new Set(Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`] : keys(v, `${prefix}${k}.`)))),
    ];
    const en = keys(project.locales.en!.site).sort();
    for (const lang of LANGS) {
      const site = project.locales[lang]!.site!;
      expect(keys(site).sort(), lang).toEqual(en);
      const values = (tree: unknown): string[] => Object.values(tree as Record<string, unknown>).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
      for (const value of values(site)) expect(value.replace(/\{\{\w+\}\}/g, ''), `${lang}: ${value}`).not.toMatch(/[0-9０-９二三四五六七八九十两]/);
    }
  });

  it('writes Chinese sentences with full-width punctuation', () => {
    const values = JSON.stringify(project.locales.zh!.site);
    expect(values).not.toMatch(/[\u4e00-\u9fff][,.:;!?()]|[,.:;!?()][\u4e00-\u9fff]/);
  });
});
