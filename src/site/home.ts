/**
 * The language homes (studies grouped by condition), a page per condition on a large site, and
 * the root language chooser.
 *
 *   de/index.html:  <h1>Studien nach Erkrankung</h1>
 *                   <h2>Lupus</h2>  CAR-T-Zell-Therapie bei Lupus, Myositis … · Erkrankungen: Lupus, Myositis … · Veröffentlicht 2024
 *                   <h2>Myositis</h2> … (a study with three conditions is listed under each of them)
 *   index.html:     English / Deutsch / 中文, each link in its own language, → en/index.html, …
 *
 * A site of more than HOME_LISTS_STUDIES_UP_TO studies lists only the conditions on its homes, each
 * with how many studies it has, and each condition's studies on pages of their own,
 * STUDIES_PER_CONDITION_PAGE a page (`de/condition-sle.html`, `de/condition-sle-2.html`, …): listed
 * on the home, 1,000 studies of one to six conditions made a home of 1.1 MB a language, 10,000 one
 * of 11 MB; on one page a condition of 10,000 studies had 5,800 of them, 1.9 MB.
 *
 *   de/condition-sle-2.html:  <h1>Lupus, Seite 2 von 58</h1>  Studien 101 bis 200 von 5812
 *                             … · Vorherige Seite  1  2  3  4  …  58  Nächste Seite
 *
 * Groups are sorted by the condition's name in the page's language and studies by title, both
 * with Intl.Collator for the language (pinyin order for Chinese), ties broken by key and id so
 * the order never depends on the input order.
 */
import type { OutputFile } from '../outputs/index.js';
import { escapeHtml } from '../outputs/html.js';
import type { LanguageInfo, Translator } from '../i18n/index.js';
import { footerHtml, pageDocument, switcher } from './layout.js';
import { conditionFile, homeFile, levelNameKey, siteText, studyIndexFile, translator, type SiteEntry, type SitePlan } from './model.js';
import { relativeHref, type Alternate, type PageEntry } from './urls.js';

export const ROOT_FILE = 'index.html';

/** The most studies a home lists under their conditions; a larger site gives each condition pages of its own (see above). */
export const HOME_LISTS_STUDIES_UP_TO = 200;

/**
 * The studies one page of a condition lists: a page of about 35 KB, which a phone loads at once and
 * a reader scrolls through; a condition of 5,800 studies takes 58 of them.
 */
export const STUDIES_PER_CONDITION_PAGE = 100;

/** The page numbers a condition page links on either side of its own (the first and last are always linked). */
const PAGE_LINKS_AROUND = 2;

/** How many pages a condition of `studies` studies takes. */
export const conditionPageCount = (studies: number) => Math.max(1, Math.ceil(studies / STUDIES_PER_CONDITION_PAGE));

/** The hreflang cluster of the homes: each language's home, and the chooser as x-default. */
function homeAlternates(plan: SitePlan): Alternate[] {
  return [...plan.languages.map((l) => ({ hreflang: l.html, url: `${l.code}/` })), { hreflang: 'x-default', url: '' }];
}

/** A condition's everyday name, as a reader looks it up. */
export function conditionName(tr: Translator, key: string): string {
  return tr.t(`terms:conditions.${key}.lay`, { context: 'standard' });
}

/** First letter upper-cased for the locale: lay names are written for the middle of a sentence. */
function asHeading(name: string, language: LanguageInfo): string {
  const [first = '', ...rest] = [...name];
  return first.toLocaleUpperCase(language.intl) + rest.join('');
}

interface Group {
  key: string;
  name: string;
  studies: SiteEntry[];
}

/** Studies by condition, groups and studies in the language's collation order. */
export function groupByCondition(plan: SitePlan, lang: string, entries: readonly SiteEntry[] = plan.entries): Group[] {
  const tr = translator(plan, lang);
  const collator = new Intl.Collator(tr.language.intl);
  const title = (study: SiteEntry) => study.titles[lang] ?? '';
  const groups = new Map<string, Group>();
  for (const study of entries) {
    for (const key of study.conditions) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, name: conditionName(tr, key), studies: [] }));
      group.studies.push(study);
    }
  }
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const group of groups.values()) group.studies.sort((a, b) => collator.compare(title(a), title(b)) || byCode(a.id, b.id));
  return [...groups.values()].sort((a, b) => collator.compare(a.name, b.name) || byCode(a.key, b.key));
}

function studyItem(plan: SitePlan, lang: string, study: SiteEntry): string {
  const tr = translator(plan, lang);
  const href = relativeHref(homeFile(lang), studyIndexFile(lang, study.id));
  const conditions = tr.formatList(study.conditions.map((key) => conditionName(tr, key)));
  return `<li><a class="study-link" href="${escapeHtml(href)}">${escapeHtml(study.titles[lang] ?? '')}</a>
<p class="study-meta"><span>${escapeHtml(siteText(tr, 'home.conditions', { list: conditions, count: study.conditions.length }))}</span> <span>${escapeHtml(siteText(tr, 'home.published', { year: study.year }))}</span></p></li>`;
}

function studyList(plan: SitePlan, lang: string, studies: readonly SiteEntry[]): string {
  return `<ul class="study-list">
${studies.map((s) => studyItem(plan, lang, s)).join('\n')}
</ul>`;
}

/** The header of a language's home or condition page: the site's name and the same page in every language. */
function pageHeader(plan: SitePlan, tr: Translator, lang: string, path: string, fileIn: (lang: string) => string): string {
  const languages = switcher(
    'language',
    siteText(tr, 'nav.language'),
    plan.languages.map((l) => ({ href: relativeHref(path, fileIn(l.code)), label: l.name, lang: l.html, hreflang: l.html, current: l.code === lang })),
  );
  return `<p class="site-name">${escapeHtml(siteText(tr, 'name'))}</p>\n${languages}`;
}

function siteFooter(tr: Translator): string {
  return footerHtml([{ text: siteText(tr, 'footer.generated') }, { text: siteText(tr, 'footer.advice') }]);
}

function homePage(plan: SitePlan, language: LanguageInfo, groups: readonly Group[], ownPages: boolean): OutputFile {
  const lang = language.code;
  const tr = translator(plan, lang);
  const path = homeFile(lang);
  const levelNames = tr.formatList(plan.levels.map((l) => tr.t(levelNameKey(l))));
  const name = (g: Group) => escapeHtml(asHeading(g.name, language));
  const toc = ownPages
    ? groups.map((g) => `<li><a href="${escapeHtml(relativeHref(path, conditionFile(lang, g.key)))}">${name(g)}</a> <span class="study-count">${escapeHtml(siteText(tr, 'home.studyCount', { count: g.studies.length }))}</span></li>`)
    : groups.map((g) => `<li><a href="#condition-${g.key}">${name(g)}</a></li>`);
  const sections = ownPages
    ? []
    : groups.map(
        (g) => `<section>
<h2 id="condition-${g.key}">${name(g)}</h2>
${studyList(plan, lang, g.studies)}
</section>`,
      );
  const heading = siteText(tr, 'home.heading');
  const content = pageDocument({
    path,
    language,
    title: siteText(tr, 'home.documentTitle', { heading, site: siteText(tr, 'name') }),
    canonical: `${lang}/`,
    alternates: homeAlternates(plan),
    baseUrl: plan.baseUrl,
    skipLink: siteText(tr, 'skipLink'),
    header: pageHeader(plan, tr, lang, path, homeFile),
    main: `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(siteText(tr, 'home.intro', { levels: levelNames }))}</p>
<nav class="toc" aria-label="${escapeHtml(siteText(tr, 'nav.conditions'))}">
<ul>
${toc.join('\n')}
</ul>
</nav>
${sections.join('\n')}`,
    footer: siteFooter(tr),
  });
  return { path, content };
}

/** The hreflang cluster of a condition's page: the same page of the condition in each language, the default language's as x-default. */
function conditionAlternates(plan: SitePlan, key: string, page: number): Alternate[] {
  const file = (lang: string) => conditionFile(lang, key, page);
  return [...plan.languages.map((l) => ({ hreflang: l.html, url: file(l.code) })), { hreflang: 'x-default', url: file(plan.defaultLang.code) }];
}

/** The page numbers a condition page links, in order, with `gap` where numbers are left out (more than one in a row). */
function pageNumbersShown(page: number, pages: number): (number | 'gap')[] {
  const shown: (number | 'gap')[] = [];
  for (let n = 1; n <= pages; n++) {
    const near = n === 1 || n === pages || Math.abs(n - page) <= PAGE_LINKS_AROUND;
    // A single page left out is linked rather than replaced by a gap that says no less.
    const lone = Math.abs(n - page) === PAGE_LINKS_AROUND + 1 && (n === 2 || n === pages - 1);
    if (near || lone) shown.push(n);
    else if (shown.at(-1) !== 'gap') shown.push('gap');
  }
  return shown;
}

/** Previous, page numbers and next, between the pages of a condition's list. */
function pageNavigation(tr: Translator, lang: string, key: string, page: number, pages: number): string {
  const path = conditionFile(lang, key, page);
  const href = (n: number) => escapeHtml(relativeHref(path, conditionFile(lang, key, n)));
  const items = pageNumbersShown(page, pages).map((n) =>
    n === 'gap'
      ? '<li aria-hidden="true">…</li>'
      : `<li><a href="${href(n)}" aria-label="${escapeHtml(siteText(tr, 'pages.number', { page: n }))}"${n === page ? ' aria-current="page"' : ''}>${escapeHtml(tr.formatNumber(n))}</a></li>`,
  );
  if (page > 1) items.unshift(`<li><a href="${href(page - 1)}" rel="prev">${escapeHtml(siteText(tr, 'pages.previous'))}</a></li>`);
  if (page < pages) items.push(`<li><a href="${href(page + 1)}" rel="next">${escapeHtml(siteText(tr, 'pages.next'))}</a></li>`);
  // The switcher's look (css.ts): the stylesheet of a small site stays as it was.
  const label = escapeHtml(siteText(tr, 'nav.pages'));
  return `<nav class="switcher switcher-pages" aria-label="${label}">
<p class="switcher-label" aria-hidden="true">${label}</p>
<ul>
${items.join('\n')}
</ul>
</nav>`;
}

/** Page `page` of `pages` of a condition's studies, on a site too large to list them on its home. */
function conditionPage(plan: SitePlan, language: LanguageInfo, group: Group, page: number, pages: number): OutputFile {
  const lang = language.code;
  const tr = translator(plan, lang);
  const path = conditionFile(lang, group.key, page);
  const name = asHeading(group.name, language);
  const paged = pages > 1;
  const heading = paged ? siteText(tr, 'pages.heading', { condition: name, page, pages }) : name;
  const first = (page - 1) * STUDIES_PER_CONDITION_PAGE;
  const studies = group.studies.slice(first, first + STUDIES_PER_CONDITION_PAGE);
  const range = paged ? `<p>${escapeHtml(siteText(tr, 'pages.range', { from: first + 1, to: first + studies.length, total: group.studies.length }))}</p>\n` : '';
  const navigation = paged ? `${pageNavigation(tr, lang, group.key, page, pages)}\n` : '';
  const content = pageDocument({
    path,
    language,
    title: siteText(tr, 'home.documentTitle', { heading, site: siteText(tr, 'name') }),
    canonical: path,
    alternates: conditionAlternates(plan, group.key, page),
    baseUrl: plan.baseUrl,
    skipLink: siteText(tr, 'skipLink'),
    header: pageHeader(plan, tr, lang, path, (l) => conditionFile(l, group.key, page)),
    main: `<h1>${escapeHtml(heading)}</h1>
${range}${studyList(plan, lang, studies)}
${navigation}<p class="back-link"><a href="${escapeHtml(relativeHref(path, homeFile(lang)))}">${escapeHtml(siteText(tr, 'study.back'))}</a></p>`,
    footer: siteFooter(tr),
  });
  return { path, content };
}

/** The root: a language chooser that speaks every language (each part marked with its `lang`). */
function rootPage(plan: SitePlan): OutputFile {
  const language = plan.defaultLang;
  const tr = translator(plan, language.code);
  const each = plan.languages.map((l) => ({ language: l, tr: translator(plan, l.code) }));
  const heading = each.map(({ language: l, tr: t }) => `<span lang="${escapeHtml(l.html)}">${escapeHtml(siteText(t, 'chooseLanguage'))}</span>`);
  const items = each.map(
    ({ language: l, tr: t }) =>
      `<li><a href="${escapeHtml(relativeHref(ROOT_FILE, homeFile(l.code)))}" lang="${escapeHtml(l.html)}" hreflang="${escapeHtml(l.html)}"><span class="language-name">${escapeHtml(l.name)}</span> <span class="language-site">${escapeHtml(siteText(t, 'name'))}</span></a></li>`,
  );
  const content = pageDocument({
    path: ROOT_FILE,
    language,
    title: siteText(tr, 'name'),
    canonical: '',
    alternates: homeAlternates(plan),
    baseUrl: plan.baseUrl,
    skipLink: siteText(tr, 'skipLink'),
    header: `<p class="site-name">${escapeHtml(siteText(tr, 'name'))}</p>`,
    main: `<h1 class="choose-language">${heading.join(' ')}</h1>
<nav aria-label="${escapeHtml(siteText(tr, 'nav.language'))}">
<ul class="language-list">
${items.join('\n')}
</ul>
</nav>`,
    footer: footerHtml(each.map(({ language: l, tr: t }) => ({ text: siteText(t, 'footer.generated'), lang: l.html }))),
  });
  return { path: ROOT_FILE, content };
}

/** Whether a site of `studies` studies lists them on condition pages rather than on its homes. */
const hasConditionPages = (studies: readonly SiteEntry[]) => studies.length > HOME_LISTS_STUDIES_UP_TO;

/**
 * The root, each language's home and, on a large site, each condition's pages: one at a time, as
 * the writer takes them, so a site's index pages are never all in memory at once.
 */
export function* homePages(plan: SitePlan, studies: readonly SiteEntry[] = plan.entries): Generator<OutputFile> {
  const ownPages = hasConditionPages(studies);
  yield rootPage(plan);
  for (const language of plan.languages) {
    const groups = groupByCondition(plan, language.code, studies);
    yield homePage(plan, language, groups, ownPages);
    if (!ownPages) continue;
    for (const group of groups) {
      const pages = conditionPageCount(group.studies.length);
      for (let page = 1; page <= pages; page++) yield conditionPage(plan, language, group, page, pages);
    }
  }
}

/** The sitemap entries of the pages homePages makes, without making them: a condition has as many pages in every language. */
export function homePageEntries(plan: SitePlan, studies: readonly SiteEntry[] = plan.entries): PageEntry[] {
  const alternates = homeAlternates(plan);
  const entries: PageEntry[] = [{ url: '', alternates }, ...plan.languages.map((l) => ({ url: `${l.code}/`, alternates }))];
  if (!hasConditionPages(studies)) return entries;
  const counts = new Map<string, number>();
  for (const study of studies) for (const key of study.conditions) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, count] of counts) {
    for (let page = 1; page <= conditionPageCount(count); page++) {
      const pageAlternates = conditionAlternates(plan, key, page);
      entries.push(...plan.languages.map((l) => ({ url: conditionFile(l.code, key, page), alternates: pageAlternates })));
    }
  }
  return entries;
}
