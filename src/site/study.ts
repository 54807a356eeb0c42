/**
 * One study in one language and level → its page (and, for the index level, the folder's index.html).
 *
 *   mueller-2024 · de · easy → de/mueller-2024/easy.html:
 *     header: site name (→ ../index.html), language switcher (English · Deutsch · 中文),
 *             level switcher (Einfache Sprache · Allgemein verständlich · Für Fachkreise)
 *     main:   the summary (<h1>…), "Zurück zu allen Studien"
 *   mueller-2024 · de · standard → de/mueller-2024/standard.html and de/mueller-2024/index.html
 *     (the same bytes: both files sit in one folder, so every relative link is the same)
 */
import type { OutputFile } from '../outputs/index.js';
import { escapeHtml } from '../outputs/html.js';
import { footerHtml, pageDocument, switcher } from './layout.js';
import { homeFile, levelNameKey, siteText, pageOf, studyFile, studyIndexFile, studyUrl, translator, type SitePlan, type SiteStudy } from './model.js';
import { byCodeUnits, relativeHref, type Alternate, type PageEntry } from './urls.js';

/** The hreflang cluster of a study at one level: the same level in every language. */
function studyAlternates(plan: SitePlan, id: string, level: string): Alternate[] {
  return [
    ...plan.languages.map((l) => ({ hreflang: l.html, url: studyUrl(plan, l.code, id, level) })),
    { hreflang: 'x-default', url: studyUrl(plan, plan.defaultLang.code, id, level) },
  ];
}

/**
 * The sitemap entries of the studies' pages (each level in each language, by canonical URL), in
 * URL order, one study at a time. Every URL of a study in a language starts with `<lang>/<id>/`,
 * which is no other's start (neither a language nor an id has a `/`): so languages in the order of
 * `<lang>/`, ids in the order of `<id>/` (`a-b/` comes before `a/`), and each study's few URLs
 * sorted are all the URLs sorted, without holding them.
 */
export function* studyPageEntriesInUrlOrder(plan: SitePlan, ids: readonly string[]): Generator<PageEntry> {
  const languages = plan.languages.map((l) => l.code).sort((a, b) => byCodeUnits(`${a}/`, `${b}/`));
  const folders = [...ids].sort((a, b) => byCodeUnits(`${a}/`, `${b}/`));
  for (const lang of languages) {
    for (const id of folders) {
      yield* plan.levels.map((level) => ({ url: studyUrl(plan, lang, id, level), alternates: studyAlternates(plan, id, level) })).sort((a, b) => byCodeUnits(a.url, b.url));
    }
  }
}

export function studyPages(plan: SitePlan, study: SiteStudy): { files: OutputFile[]; entries: PageEntry[] } {
  const files: OutputFile[] = [];
  const entries: PageEntry[] = [];
  for (const language of plan.pageLanguages) {
    const lang = language.code;
    const tr = translator(plan, lang);
    for (const level of plan.levels) {
      const page = pageOf(study, lang, level);
      const path = studyFile(lang, study.id, level);
      const home = relativeHref(path, homeFile(lang));
      const languages = switcher(
        'language',
        siteText(tr, 'nav.language'),
        plan.languages.map((l) => ({ href: relativeHref(path, studyFile(l.code, study.id, level)), label: l.name, lang: l.html, hreflang: l.html, current: l.code === lang })),
      );
      const levels = switcher(
        'level',
        siteText(tr, 'nav.level'),
        plan.levels.map((l) => ({ href: relativeHref(path, studyFile(lang, study.id, l)), label: tr.t(levelNameKey(l)), lang: language.html, current: l === level })),
      );
      const canonical = studyUrl(plan, lang, study.id, level);
      const alternates = studyAlternates(plan, study.id, level);
      const content = pageDocument({
        path,
        language,
        title: siteText(tr, 'study.documentTitle', { title: page.title, level: tr.t(levelNameKey(level)), site: siteText(tr, 'name') }),
        canonical,
        alternates,
        baseUrl: plan.baseUrl,
        skipLink: siteText(tr, 'skipLink'),
        header: `<p class="site-name"><a href="${escapeHtml(home)}">${escapeHtml(siteText(tr, 'name'))}</a></p>\n${languages}\n${levels}`,
        // bodyHtml is markdown-it output with raw HTML off: safe as it is.
        main: `${page.bodyHtml.trimEnd()}\n<p class="back-link"><a href="${escapeHtml(home)}">${escapeHtml(siteText(tr, 'study.back'))}</a></p>`,
        footer: footerHtml([{ text: siteText(tr, 'footer.generated') }, { text: siteText(tr, 'footer.advice') }]),
      });
      files.push({ path, content });
      if (level === plan.indexLevel) files.push({ path: studyIndexFile(lang, study.id), content });
      entries.push({ url: canonical, alternates });
    }
  }
  return { files, entries };
}
