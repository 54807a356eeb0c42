/**
 * Where a study took place, as a native reader expects it: in a sentence the names that take an
 * article have it ("in the United States", "in den USA", "in der Schweiz", "im Vereinigten
 * Königreich"), after a label they stand alone ("Country: United States"), and the label agrees
 * with how many there are (Country / Countries, Land / Länder). Every country code the facts may
 * give (two capital letters) is named in every language; the ISO 3166 countries by the locale's own
 * list (`locales/<lang>/countries.json`), no other code by its list's `unlisted` frame.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryPlaces, countryWords } from '../src/render/index.js';
import { buildSite } from '../src/site/index.js';
import { FIXTURES, translator, useFixtureBuild } from './helpers.js';
import { LEVELS, languages, sitePages, translators } from './site-helpers.js';

const DIR = join(FIXTURES, 'countries');
const fixtures = useFixtureBuild(DIR, 2);
const read = (path: string) => fixtures.read(path);
const LANGS = ['en', 'de', 'zh'] as const;

/** The sentence each language says where the study took place, for the two fixtures. */
const WHERE = {
  en: {
    'one-country': 'The study took place in the United States.',
    'several-countries': 'The study took place in Switzerland, the Netherlands, the United Kingdom and the United States.',
  },
  de: {
    'one-country': 'Die Studie fand in den USA statt.',
    'several-countries': 'Die Studie fand in der Schweiz, den Niederlanden, im Vereinigten Königreich und in den USA statt.',
  },
  zh: {
    'one-country': '研究在美国开展。',
    'several-countries': '研究在瑞士、荷兰、英国和美国开展。',
  },
} as const;

/** The label and the names after it (expert summary and press summary's "About the study"). */
const LABELLED = {
  en: { 'one-country': '**Country:** United States', 'several-countries': '**Countries:** Switzerland, Netherlands, United Kingdom and United States' },
  de: { 'one-country': '**Land:** USA', 'several-countries': '**Länder:** Schweiz, Niederlande, Vereinigtes Königreich und USA' },
  zh: { 'one-country': '**国家/地区**：美国', 'several-countries': '**国家/地区**：瑞士、荷兰、英国和美国' },
} as const;

const STUDIES = ['one-country', 'several-countries'] as const;

describe('where the study took place', () => {
  it.each(LANGS)('%s: easy, standard, press and the leaflet say it in a sentence, with the articles the names take', (lang) => {
    for (const study of STUDIES) {
      const sentence = WHERE[lang][study];
      for (const output of ['easy.md', 'standard.md', 'press.md', 'leaflet.html']) expect(read(`${lang}/${study}/${output}`), `${study} ${output}`).toContain(sentence);
      // The plain-text press summary wraps lines: the sentence is there once its line breaks are spaces again.
      expect(read(`${lang}/${study}/press.txt`).replace(/\n(?!\n)/g, lang === 'zh' ? '' : ' ')).toContain(sentence);
    }
  });

  it.each(LANGS)('%s: the expert summary and the press summary give the names after a label that agrees with their number', (lang) => {
    for (const study of STUDIES) {
      expect(read(`${lang}/${study}/expert.md`)).toContain(`- ${LABELLED[lang][study]}\n`);
      expect(read(`${lang}/${study}/press.md`)).toContain(`- ${LABELLED[lang][study]}\n`);
    }
  });

  it('no output says it as a label in running text (was "Where the study took place: United States.", "Ort der Studie: …")', () => {
    for (const lang of LANGS) {
      for (const study of STUDIES) {
        for (const output of ['easy.md', 'standard.md', 'press.md', 'leaflet.html']) expect(read(`${lang}/${study}/${output}`)).not.toMatch(/Where the study took place|Ort der Studie/);
        // The press summary's "About the study" is a list of labels; the body is not.
        for (const output of ['easy.md', 'standard.md', 'leaflet.html']) expect(read(`${lang}/${study}/${output}`)).not.toMatch(/Countr(?:y|ies):|Länder?:|国家\/地区/);
      }
    }
  });

  it('the site\'s study pages say it as the summaries do, in every language', () => {
    const { pages } = sitePages(STUDIES.map((id) => join(DIR, `${id}.yaml`)));
    const files = buildSite(pages, { languages, levels: LEVELS, translators, baseUrl: 'https://example.org/', defaultLang: 'en' });
    const page = (path: string) => String(files.find((f) => f.path === path)?.content);
    for (const lang of LANGS) {
      for (const study of STUDIES) {
        for (const level of ['easy', 'standard']) expect(page(`${lang}/${study}/${level}.html`), `${lang} ${study} ${level}`).toContain(WHERE[lang][study]);
        expect(page(`${lang}/${study}/expert.html`)).toContain(LABELLED[lang][study].replace(/\*\*(.+?)\*\*/, '<strong>$1</strong>'));
      }
    }
  });
});

/** Every code the facts schema accepts: two capital letters. */
const ALL_CODES = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((a) => [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((b) => a + b));

/** The ISO 3166-1 countries (officially assigned codes), and the European Union, "UK" and Kosovo's "XK" in common use. */
const ISO_COUNTRIES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ ' +
  'OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EU UK XK'
).split(' ');

describe('country names for every code', () => {
  it('the list holds 249 ISO countries and three codes in common use', () => {
    expect(new Set(ISO_COUNTRIES).size).toBe(252);
  });

  it.each(LANGS)('%s: every ISO country has a name and a "where" form of its own in the locale', (lang) => {
    const tr = translator(lang);
    for (const code of ISO_COUNTRIES) {
      expect(tr.has(`countries:${code}.name`), code).toBe(true);
      expect(tr.has(`countries:${code}.where`), code).toBe(true);
    }
  });

  it.each(LANGS)('%s: no code is named with a short form meant for menus ("Bosnia & Herzegovina", "Congo - Kinshasa", "Hong Kong SAR China")', (lang) => {
    const tr = translator(lang);
    for (const code of ALL_CODES) {
      for (const field of ['name', 'where'] as const) {
        const words = countryWords(tr, code, field);
        expect(words.trim(), `${code} ${field}`).not.toBe('');
        if (ISO_COUNTRIES.includes(code)) expect(words, `${code} ${field}`).not.toMatch(/&| - |SAR|特别行政区/);
      }
    }
  });

  it('en: a sentence gives the names that take "the" with it, and only those; a label gives the name alone', () => {
    const tr = translator('en');
    const withThe = ISO_COUNTRIES.filter((code) => countryWords(tr, code, 'where').startsWith('the '));
    expect(withThe.sort()).toEqual(
      'AE AX BQ BS CC CD CF CG CK DO EU FK FO GB GM IM IO KM KY MH MP MV NL PH PN PS SB SC TC TF UK UM US VG VI'.split(' '),
    );
    for (const code of ISO_COUNTRIES) {
      const [name, where] = [countryWords(tr, code, 'name'), countryWords(tr, code, 'where')];
      expect(where, code).toBe(withThe.includes(code) ? `the ${name}` : name);
      // "United …", "… Republic", "… Islands" (a group, said alone) are said with "the".
      if (/^United |Republic|^[^&]*Islands$/.test(name) && !/ and /.test(name)) expect(withThe, name).toContain(code);
    }
    expect(['US', 'GB', 'NL', 'PH', 'CD', 'DE', 'FR', 'CN'].map((c) => countryWords(tr, c, 'where'))).toEqual([
      'the United States',
      'the United Kingdom',
      'the Netherlands',
      'the Philippines',
      'the Democratic Republic of the Congo',
      'Germany',
      'France',
      'China',
    ]);
  });

  it('de: a sentence says each country with its own preposition and article, in the dative', () => {
    const tr = translator('de');
    for (const code of ALL_CODES) expect(countryWords(tr, code, 'where'), code).toMatch(/^(?:in|im|auf) /);
    expect(['US', 'GB', 'NL', 'CH', 'TR', 'IR', 'PH', 'AE', 'DE', 'AT', 'FR', 'CN'].map((c) => countryWords(tr, c, 'where'))).toEqual([
      'in den USA',
      'im Vereinigten Königreich',
      'in den Niederlanden',
      'in der Schweiz',
      'in der Türkei',
      'im Iran',
      'auf den Philippinen',
      'in den Vereinigten Arabischen Emiraten',
      'in Deutschland',
      'in Österreich',
      'in Frankreich',
      'in China',
    ]);
    expect(['US', 'GB', 'NL', 'CH'].map((c) => countryWords(tr, c, 'name'))).toEqual(['USA', 'Vereinigtes Königreich', 'Niederlande', 'Schweiz']);
  });

  it('de: a preposition two countries in a row start with is said once; "im" and a change of preposition are said again', () => {
    const places = (...codes: string[]) => countryPlaces(translator('de'), codes);
    // Four times "in" made a German sentence read as English to the language check (leaflet-large, participants-10000).
    expect(places('DE', 'FR', 'IT', 'ES')).toBe('in Deutschland, Frankreich, Italien und Spanien');
    expect(places('CH', 'NL', 'GB', 'US')).toBe('in der Schweiz, den Niederlanden, im Vereinigten Königreich und in den USA');
    expect(places('IR', 'IQ', 'DE')).toBe('im Iran, im Irak und in Deutschland');
    expect(places('PH', 'MV', 'JP')).toBe('auf den Philippinen, den Malediven und in Japan');
    // English and Chinese list the names; the sentence says "in" once.
    expect(countryPlaces(translator('en'), ['DE', 'NL', 'US'])).toBe('Germany, the Netherlands and the United States');
    expect(countryPlaces(translator('zh'), ['DE', 'NL', 'US'])).toBe('德国、荷兰和美国');
  });

  it('zh: a sentence and a label give the same name; Hong Kong, Macao and Taiwan as the Unicode CLDR names them (中国香港, 中国澳门 without "特别行政区"; 台湾)', () => {
    const tr = translator('zh');
    for (const code of ALL_CODES) expect(countryWords(tr, code, 'where'), code).toBe(countryWords(tr, code, 'name'));
    expect(['US', 'GB', 'NL', 'CH', 'DE', 'CN', 'HK', 'MO', 'TW'].map((c) => countryWords(tr, c, 'name'))).toEqual(['美国', '英国', '荷兰', '瑞士', '德国', '中国', '中国香港', '中国澳门', '台湾']);
  });

  it('a code the locale does not list is named by the runtime\'s region name, or the code, in the list\'s frame', () => {
    const name = (lang: string, code: string, field: 'name' | 'where') => countryWords(translator(lang), code, field);
    expect([name('en', 'QQ', 'where'), name('de', 'QQ', 'where'), name('zh', 'QQ', 'where')]).toEqual(['QQ', 'in QQ', 'QQ']);
    expect(name('de', 'QQ', 'name')).toBe('QQ');
  });
});
