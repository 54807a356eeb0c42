import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, checkCaseForms, checkLocaleParity, createRenderer, deriveFacts, formatDiagnostic, loadProject, markdownToHtml, type BuildReport } from '../src/index.js';
import { errorLines, expectSameTree, FIXTURES, loadFacts, projectWith, readTree, SAMPLES, tempDir, translator } from './helpers.js';

const LANGS = ['en', 'de', 'zh'];
const LEVELS = ['easy', 'standard', 'expert'];
const STUDIES = ['crispr-donor-2024', 'first-patient-2021', 'mueller-2024', 'shanghai-donor-2025'];
const MUELLER = join(SAMPLES, 'mueller-2024.yaml');
const mueller = loadFacts(MUELLER);

describe('building the samples', () => {
  let out: string;
  let report: BuildReport;
  beforeAll(async () => {
    out = join(tempDir(), 'out');
    report = await build({ inputs: [SAMPLES], out });
  });

  it('succeeds with no errors, and warnings only for Annex V elements the facts do not have', () => {
    expect(report.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && d.ruleId !== 'coverage/unknown')).map(formatDiagnostic)).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('writes 4 studies × 3 languages × 3 levels as .md and .html', () => {
    const files = [...readTree(out).keys()].filter((f) => !f.startsWith('.'));
    const expected = LANGS.flatMap((lang) => STUDIES.flatMap((study) => LEVELS.flatMap((level) => [`${lang}/${study}/${level}.html`, `${lang}/${study}/${level}.md`])));
    expect(files.sort()).toEqual(expected.sort());
  });

  it.each(LANGS)('writes full %s HTML documents with lang, charset, viewport and the study title', (lang) => {
    const html = readFileSync(join(out, lang, 'mueller-2024', 'standard.html'), 'utf8');
    const htmlLang = { en: 'en', de: 'de', zh: 'zh-Hans' }[lang];
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${htmlLang}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const title = mueller.title[lang]!;
    const levelName = { en: 'Plain language', de: 'Allgemein verständlich', zh: '科普版' }[lang];
    expect(html.match(/<h1>.*<\/h1>/g)).toEqual([`<h1>${title}</h1>`]);
    expect(html).toContain(`<title>${title} – ${levelName}</title>`);
  });

  it('states the study figures in every language', () => {
    // Whole numbers only: "15" must not be found inside "2015" or "150".
    const number = (n: string) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])`);
    for (const lang of LANGS) {
      const md = readFileSync(join(out, lang, 'mueller-2024', 'expert.md'), 'utf8');
      for (const figure of ['15', '112', '47', '29', '687', '700']) expect(md, `${lang}: ${figure}`).toMatch(number(figure));
      expect(md, lang).toContain('(https://doi.org/10.1056/NEJMoa2308917)');
    }
  });

  it('uses Chinese counters and German number formats, not English ones', () => {
    const zh = readFileSync(join(out, 'zh', 'mueller-2024', 'standard.md'), 'utf8');
    const de = readFileSync(join(out, 'de', 'mueller-2024', 'standard.md'), 'utf8');
    expect(zh).toMatch(/15名/);
    expect(zh).not.toMatch(/\d+个(患者|病人|人)/);
    expect(de).toContain('53\u00a0%');
    expect(de).not.toMatch(/\d%/);
  });

  it('produces byte-identical output on a second build', async () => {
    const again = join(tempDir(), 'out');
    await build({ inputs: [SAMPLES], out: again });
    expectSameTree(again, out);
  });
});

describe('escaping', () => {
  let out: string;
  let report: BuildReport;
  beforeAll(async () => {
    out = join(tempDir(), 'out');
    report = await build({ inputs: [join(FIXTURES, 'hostile', 'script-title.yaml')], out });
  });

  it('builds the hostile study', () => {
    expect(errorLines(report)).toEqual([]);
  });

  it.each(LANGS.flatMap((lang) => LEVELS.map((level) => [lang, level])))('%s/%s: HTML from facts text comes out as text', (lang, level) => {
    const html = readFileSync(join(out, lang, 'script-title', `${level}.html`), 'utf8');
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
  });

  it('keeps a quote that starts with "- " from becoming a list', () => {
    const md = readFileSync(join(out, 'en', 'script-title', 'standard.md'), 'utf8');
    const html = readFileSync(join(out, 'en', 'script-title', 'standard.html'), 'utf8');
    expect(md).toContain('> \\- not a list item');
    expect(html).toContain('<blockquote>\n<p>- not a list item');
  });
});

describe('a study rendered at several levels', () => {
  it('says what the facts say when they were derived: changed facts, derived again, render anew', () => {
    const renderer = createRenderer(loadProject().templates, loadProject().partials);
    const en = translator('en');
    const facts = structuredClone(mueller);
    const derived = deriveFacts(facts);
    const before = LEVELS.map((level) => renderer.renderSummary(facts, derived, level, en).markdown);
    before.forEach((markdown) => expect(markdown).toContain(`# ${facts.title.en}`));
    facts.title.en = 'Another title';
    facts.citation.journal = 'Another Journal';
    const after = LEVELS.map((level) => renderer.renderSummary(facts, deriveFacts(facts), level, en).markdown);
    after.forEach((markdown) => expect(markdown).toContain('# Another title\n'));
    expect(after[2]).toContain('Another Journal');
    // Each level keeps its own wording around the shared view.
    expect(new Set(after).size).toBe(LEVELS.length);
  });
});

describe('facts text is data, never template', () => {
  it.each(LEVELS)('%s: Handlebars syntax in a title and a quote comes out as written, not evaluated', (level) => {
    const project = loadProject();
    const facts = structuredClone(mueller);
    facts.title.en = 'A study of {{t "easy.intro"}} and {{#each population.groups}}{{condition}}{{/each}} in lupus';
    facts.quotes[0]!.text.en = 'We said {{term "conditions" "sle"}} and {{{title}}} out loud.';
    const renderer = createRenderer(project.templates, project.partials);
    const { markdown } = renderer.renderSummary(facts, deriveFacts(facts), level, translator('en'));
    // Markdown-escaped once (`#` → `\#`), otherwise as written.
    expect(markdown).toContain('# A study of {{t "easy.intro"}} and {{\\#each population.groups}}{{condition}}{{/each}} in lupus\n');
    expect(markdownToHtml(markdown)).toContain('<h1>A study of {{t &quot;easy.intro&quot;}} and {{#each population.groups}}{{condition}}{{/each}} in lupus</h1>');
    if (level !== 'easy') expect(markdown).toContain('We said {{term "conditions" "sle"}} and {{{title}}} out loud.');
    // The locale sentence the title names is not pulled in by it.
    const intro = translator('en').t('easy.intro', { context: 'easy', count: 15 });
    expect(markdown.split(intro).length - 1).toBe(level === 'easy' ? 1 : 0);
  });
});

describe('locales', () => {
  it('a sentence with a placeholder the template does not pass is a locale error, naming key, language and placeholder', async () => {
    const changed = projectWith((p) => {
      (p.locales.de!.summary!.easy as Record<string, string>).intro = 'Hier lesen Sie kurz, was {{studie}} gezeigt hat. Wir schreiben so einfach wie möglich.';
    });
    const report = await build({ inputs: [MUELLER], langs: ['de'], levels: ['easy'], write: false, project: changed });
    expect(report.diagnostics.filter((d) => d.ruleId === 'locale/interpolation').map(formatDiagnostic)).toEqual([
      expect.stringMatching(/locale key `easy\.intro` in language `de` uses `\{\{studie\}\}`, which the template does not pass/),
    ]);
    expect(report.exitCode).toBe(1);
  });

  it('every key of the English locale exists in German and Chinese', () => {
    expect(checkLocaleParity(loadProject().locales).map(formatDiagnostic)).toEqual([]);
  });

  it('German names a condition after “mit” in the dative, where it inflects, and keeps the name elsewhere', () => {
    const project = loadProject();
    const facts = structuredClone(mueller);
    facts.population.groups[0]!.condition = 'ra';
    const renderer = createRenderer(project.templates, project.partials, project.formats);
    const de = translator('de');
    const standard = renderer.renderSummary(facts, deriveFacts(facts), 'standard', de).markdown;
    expect(standard).toMatch(/Menschen mit rheumatoider Arthritis, Myositis \(Muskelentzündung\) und Sklerodermie\./);
    expect(standard).not.toContain('mit rheumatoide ');
    // The per-group line says “hatten …” (accusative: the name as it is).
    expect(standard).toContain('hatten rheumatoide Arthritis.');
    const press = renderer.renderSummary(facts, deriveFacts(facts), 'standard', de, { format: 'press' }).markdown;
    expect(press).toContain('mit rheumatoider Arthritis');
    // The expert summary lists the conditions after a dash: nominative.
    expect(renderer.renderSummary(facts, deriveFacts(facts), 'expert', de).markdown).toContain('– rheumatoide Arthritis (RA), ');
    // English has no case forms: the name as it is.
    expect(renderer.renderSummary(facts, deriveFacts(facts), 'standard', translator('en')).markdown).toContain('people with rheumatoid arthritis, ');
  });

  it('a case form without the level variant its name has is a locale error naming the missing key', () => {
    expect(checkCaseForms(loadProject().locales, LEVELS).map(formatDiagnostic)).toEqual([]);
    const project = projectWith((p) => {
      delete (p.locales.de!.terms!.conditions as Record<string, Record<string, string>>).ra!.lay_dative_easy;
    });
    expect(project.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/locales\/de\/terms\.json.*missing locale key `terms:conditions\.ra\.lay_dative_easy` in language `de`: `lay_easy` has a level variant, so its dative form `lay_dative` needs one too/),
    ]);
  });

  it('a clause-list style the locale names must be one Intl knows: a locale error naming the file and the styles', () => {
    expect(loadProject().diagnostics.filter((d) => d.ruleId === 'locale/setting')).toEqual([]);
    const project = projectWith((p) => {
      (p.locales.zh!.summary!.format as Record<string, unknown>).clauseList = 'bogus';
    });
    expect(project.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/locales\/zh\/summary\.json.*`format\.clauseList` is `bogus` in language `zh`; expected long, short, narrow \[locale\/setting\]/),
    ]);
  });

  it('a German key deleted fails the build naming language and key, and writes nothing', async () => {
    const project = projectWith((p) => {
      delete (p.locales.de!.summary!.easy as Record<string, unknown>).intro;
    });
    const out = join(tempDir(), 'out');
    const report = await build({ inputs: [SAMPLES], out, project });
    const messages = report.diagnostics.map(formatDiagnostic).join('\n');
    expect(messages).toContain('missing locale key `summary:easy.intro` in language `de`');
    expect(report.exitCode).toBe(1);
    expect(report.written).toBe(0);
    expect(() => readTree(out)).toThrow();
  });

  it('never falls back to English for a key missing in German', async () => {
    const project = projectWith((p) => {
      delete (p.locales.de!.terms!.conditions as Record<string, Record<string, unknown>>).sle!.lay;
    });
    const report = await build({ inputs: [join(SAMPLES, 'mueller-2024.yaml')], langs: ['de'], levels: ['easy'], write: false, project });
    expect(report.diagnostics.map(formatDiagnostic).join('\n')).toContain('`terms:conditions.sle.lay` in language `de`');
    expect(report.exitCode).toBe(1);
  });

  it('a term used by a study but missing in one language names that language', async () => {
    const project = projectWith((p) => {
      delete (p.locales.zh!.terms!.measures as Record<string, unknown>).remission;
    });
    const report = await build({ inputs: [join(FIXTURES, 'valid', 'minimal.yaml')], write: false, project });
    const messages = report.diagnostics.map(formatDiagnostic).join('\n');
    expect(messages).toContain("locale `zh` has no term `terms:measures.remission`");
    expect(report.exitCode).toBe(1);
  });
});

describe('DOI links', () => {
  it('keep `#` and `?` in the DOI (percent-encoded), so the link goes to the DOI as written', async () => {
    const { escapeUrlPath } = await import('../src/render/index.js');
    expect(escapeUrlPath('10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2#x?y=1')).toBe('10.1002/%28SICI%291097-0258%2819980815/30%2917:15/16%3C1661::AID-SIM968%3E3.0.CO;2-2%23x%3Fy=1');
  });
});
