import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BandsError,
  bandFor,
  chineseDifficulty,
  chineseWordsByFrequency,
  commonChineseWords,
  compareWithBand,
  countChinese,
  englishSyllables,
  fleschAmstad,
  fleschKincaidGrade,
  fleschReadingEase,
  germanSyllables,
  latinWords,
  measureReadability,
  parseBands,
  splitSentences,
  wienerSachtextformel1,
  wordLetters,
} from '../src/checks/readability/index.js';
import { check } from '../src/index.js';
import { FIXTURES, ROOT } from './helpers.js';

describe('formulas, against worked values', () => {
  it('Flesch Reading Ease (Flesch 1948)', () => {
    // 2 sentences, 20 words, 30 syllables: ASL 10, ASW 1.5
    // FRE = 206.835 − 1.015·10 − 84.6·1.5 = 206.835 − 10.15 − 126.9 = 69.785
    expect(fleschReadingEase({ sentences: 2, words: 20, syllables: 30 })).toBeCloseTo(69.785, 6);
    // 1 sentence, 10 words, 12 syllables: FRE = 206.835 − 10.15 − 84.6·1.2 (101.52) = 95.165
    expect(fleschReadingEase({ sentences: 1, words: 10, syllables: 12 })).toBeCloseTo(95.165, 6);
  });

  it('Flesch–Kincaid grade (Kincaid et al. 1975)', () => {
    // FKGL = 0.39·10 + 11.8·1.5 − 15.59 = 3.9 + 17.7 − 15.59 = 6.01
    expect(fleschKincaidGrade({ sentences: 2, words: 20, syllables: 30 })).toBeCloseTo(6.01, 6);
    // FKGL = 0.39·10 + 11.8·1.2 − 15.59 = 3.9 + 14.16 − 15.59 = 2.47
    expect(fleschKincaidGrade({ sentences: 1, words: 10, syllables: 12 })).toBeCloseTo(2.47, 6);
  });

  it('Flesch–Amstad (Amstad 1978)', () => {
    // 2 sentences, 20 words, 36 syllables: 180 − 10 − 58.5·1.8 = 180 − 10 − 105.3 = 64.7
    expect(fleschAmstad({ sentences: 2, words: 20, syllables: 36 })).toBeCloseTo(64.7, 6);
  });

  it('Wiener Sachtextformel 1 (Bamberger & Vanecek 1984), with percentages', () => {
    // 20 words in 2 sentences; 4 with ≥ 3 syllables (MS 20 %), 6 longer than 6 letters (IW 30 %), 10 with one syllable (ES 50 %), SL 10
    // WSTF1 = 0.1935·20 + 0.1672·10 + 0.1297·30 − 0.0327·50 − 0.875 = 3.87 + 1.672 + 3.891 − 1.635 − 0.875 = 6.923
    expect(wienerSachtextformel1({ sentences: 2, words: 20, polysyllables: 4, longWords: 6, monosyllables: 10 })).toBeCloseTo(6.923, 6);
  });

  it('Chinese difficulty (after Wang et al. 2020)', () => {
    // 2 sentences, 30 words, 3 difficult: 30/2 + 100·3/30 = 15 + 10 = 25
    expect(chineseDifficulty({ sentences: 2, words: 30, difficultWords: 3 })).toBeCloseTo(25, 6);
  });
});

describe('German syllables', () => {
  // Hand-counted by pronunciation, one syllable per spoken vowel nucleus, checked against the
  // syllable breaks in Duden (which also splits single vowels, unlike its hyphenation: Ü·bel·keit).
  // A diphthong (ei, au, eu, ie as long i) is one nucleus; "ie" in Pa·ti·ent or Stu·di·e is two.
  const HAND_COUNTED: [string, number][] = [
    ['Autoimmunerkrankung', 7], // Au·to·im·mun·er·kran·kung
    ['Übelkeit', 3], // Ü·bel·keit
    ['Zelltherapie', 4], // Zell·the·ra·pie ("ie" = long i)
    ['Therapie', 3], // The·ra·pie
    ['Therapien', 4], // The·ra·pi·en
    ['Patient', 3], // Pa·ti·ent
    ['Patientinnen', 5], // Pa·ti·en·tin·nen
    ['Remission', 4], // Re·mis·si·on
    ['Ärztinnen', 3], // Ärz·tin·nen
    ['Studie', 3], // Stu·di·e
    ['Studien', 3], // Stu·di·en
    ['Studienteilnehmer', 6], // Stu·di·en·teil·neh·mer
    ['studieren', 3], // stu·die·ren (here "ie" is one long i)
    ['Infusion', 4], // In·fu·si·on
    ['Reaktion', 4], // Re·ak·ti·on
    ['Nebenwirkungen', 5], // Ne·ben·wir·kun·gen
    ['Lungenentzündung', 5], // Lun·gen·ent·zün·dung
    ['Krankenhaus', 3], // Kran·ken·haus
    ['Leitlinie', 4], // Leit·li·ni·e
    ['Familie', 4], // Fa·mi·li·e
    ['Abwehrzellen', 4], // Ab·wehr·zel·len
    ['Myositis', 4], // My·o·si·tis
    ['Sklerodermie', 4], // Skle·ro·der·mie
    ['Teilnehmende', 4], // Teil·neh·men·de
    ['Medikamente', 5], // Me·di·ka·men·te
    ['Koeffizient', 5], // Ko·ef·fi·zi·ent
    ['speziell', 3], // spe·zi·ell
    ['Bakterien', 4], // Bak·te·ri·en
    ['Hygiene', 4], // Hy·gi·e·ne
    ['Museum', 3], // Mu·se·um
    ['beendet', 3], // be·en·det
    ['Steuer', 2], // Steu·er
    ['Quelle', 2], // Quel·le ("qu" = kw)
    ['verdient', 2], // ver·dient
    ['vielleicht', 2], // viel·leicht
    ['Zytokinfreisetzungssyndrom', 8], // Zy·to·kin·frei·set·zungs·syn·drom
  ];

  it.each(HAND_COUNTED)('%s has %i syllables', (word, syllables) => {
    expect(germanSyllables(word)).toBe(syllables);
  });

  it('ignores the Mediopunkt of easy German and adds up hyphenated parts', () => {
    expect(germanSyllables('Zell·therapie')).toBe(4);
    expect(germanSyllables('Krankheits·aktivität')).toBe(6); // Krank·heits·ak·ti·vi·tät
    // CAR (1) + T (no vowel: spelled "te", 1) + Zell (1) + The·ra·pie (3)
    expect(germanSyllables('CAR-T-Zell-Therapie')).toBe(6);
    // A part without vowels is read letter by letter: CD = ce·de; the digits of "CD19" are not letters.
    expect(germanSyllables('CD19')).toBe(2);
  });
});

describe('English syllables', () => {
  it('uses `syllable` per hyphenated part and spells parts without vowels', () => {
    expect(englishSyllables('therapy')).toBe(3);
    expect(englishSyllables('people')).toBe(2);
    expect(englishSyllables('follow-up')).toBe(3);
    expect(englishSyllables('CAR-T')).toBe(2); // car + T
    expect(englishSyllables('CD')).toBe(2); // C-D
  });
});

describe('words (en, de)', () => {
  it('counts tokens with a letter; numbers and symbols are not words', () => {
    expect(latinWords('Die B-Zellen fehlten 112 ± 47 Tage; 1,5 mg; 2.5 mg; 53 %.')).toEqual(['Die', 'B-Zellen', 'fehlten', 'Tage', 'mg', 'mg']);
  });

  it('keeps hyphenated compounds and Mediopunkt words whole', () => {
    expect(latinWords('CAR-T-Zell-Therapie und Zell·therapie, follow-up')).toEqual(['CAR-T-Zell-Therapie', 'und', 'Zell·therapie', 'follow-up']);
    expect(wordLetters('Zell·therapie')).toBe('Zelltherapie');
    expect(wordLetters('CAR-T-Zell-Therapie')).toHaveLength(16);
  });

  it('counts a dotted abbreviation without spaces as one word', () => {
    expect(latinWords('e.g. lupus, z. B. Lupus')).toEqual(['e.g.', 'lupus', 'z', 'B', 'Lupus']);
  });
});

describe('sentence splitting', () => {
  it('de: keeps abbreviations, ordinals and decimals inside the sentence', () => {
    const text = 'Das hilft z. B. bei Lupus. Dr. Roth sah am 22. Februar 8 Personen. Am 1. Tag kam Fieber. Das war im Jahr 2024. Die Studie lief u. a. in Erlangen, d. h. in Bayern. Die Dosis lag bei ca. 1,5 mg bzw. 2.5 mg. Nr. 5 ist gut. Es gab z.B. Fieber.';
    expect(splitSentences(text, 'de')).toEqual([
      'Das hilft z. B. bei Lupus.',
      'Dr. Roth sah am 22. Februar 8 Personen.',
      'Am 1. Tag kam Fieber.',
      'Das war im Jahr 2024.',
      'Die Studie lief u. a. in Erlangen, d. h. in Bayern.',
      'Die Dosis lag bei ca. 1,5 mg bzw. 2.5 mg.',
      'Nr. 5 ist gut.',
      'Es gab z.B. Fieber.',
    ]);
  });

  it('de: a sentence may start with a number, and quotes close a sentence', () => {
    expect(splitSentences('Alle machten mit. 15 Personen waren es. „Es ist zu früh.“ Das sagte das Team.', 'de')).toEqual([
      'Alle machten mit.',
      '15 Personen waren es.',
      '„Es ist zu früh.“',
      'Das sagte das Team.',
    ]);
  });

  it('en: keeps e.g., i.e., et al., Dr., vs. and ± inside the sentence', () => {
    const text = 'Dr. Smith et al. found it, e.g. in lupus, i.e. SLE. The mean was 112 ± 47 days vs. 80 days. It cost approx. three dollars. Was it good? Yes! "It worked." He said so.';
    expect(splitSentences(text, 'en')).toEqual([
      'Dr. Smith et al. found it, e.g. in lupus, i.e. SLE.',
      'The mean was 112 ± 47 days vs. 80 days.',
      'It cost approx. three dollars.',
      'Was it good?',
      'Yes!',
      '"It worked."',
      'He said so.',
    ]);
  });

  it('en: every line is a block; headings and list items without a final stop are sentences; list markers go', () => {
    const text = 'What happened?\n\n- 8 of 8 people with lupus\n- 3 of 3 people had myositis. It got better.\n1. First point\n2) Second point\nSide effects';
    expect(splitSentences(text, 'en')).toEqual(['What happened?', '8 of 8 people with lupus', '3 of 3 people had myositis.', 'It got better.', 'First point', 'Second point', 'Side effects']);
  });

  it('zh: splits at 。！？； and their ASCII forms, never at a Latin period', () => {
    const text = '研究在德国开展。患者病情很重！真的吗？是的；很好\n词语解释\n- 15名患者中，8名得的是红斑狼疮。\n1、剂量为1.5 mg。Müller F, et al. 研究发表了!好';
    expect(splitSentences(text, 'zh')).toEqual([
      '研究在德国开展。',
      '患者病情很重！',
      '真的吗？',
      '是的；',
      '很好',
      '词语解释',
      '15名患者中，8名得的是红斑狼疮。',
      '剂量为1.5 mg。',
      'Müller F, et al. 研究发表了!',
      '好',
    ]);
  });

  it('zh: closing quotes stay with their sentence', () => {
    expect(splitSentences('医学上叫“细胞因子释放综合征。”之后再回来。', 'zh')).toEqual(['医学上叫“细胞因子释放综合征。”', '之后再回来。']);
  });
});

describe('measureReadability', () => {
  it('en, counted by hand', () => {
    // "The cells came from each person." 6 words: the 1, cells 1, came 1, from 1, each 1, per·son 2 = 7 syllables
    // "They were given once." 4 words: they 1, were 1, giv·en 2, once 1 = 5 syllables
    // ASL 10/2 = 5, ASW 12/10 = 1.2
    // FRE = 206.835 − 1.015·5 − 84.6·1.2 = 206.835 − 5.075 − 101.52 = 100.24
    // FKGL = 0.39·5 + 11.8·1.2 − 15.59 = 1.95 + 14.16 − 15.59 = 0.52
    const f = measureReadability('The cells came from each person. They were given once.', 'en');
    expect(f).toMatchObject({ lang: 'en', sentences: 2, words: 10, syllables: 12, wordsPerSentence: 5, syllablesPerWord: 1.2 });
    expect(f.fleschReadingEase).toBeCloseTo(100.24, 2);
    expect(f.fleschKincaidGrade).toBeCloseTo(0.52, 2);
  });

  it('en: numbers are not words, compounds and abbreviations are', () => {
    // Dr 2 (spelled), Smith 1, gave 1, people 2, CAR-T 2, cell 1, ther·a·py 3, e.g. 2, for 1, lu·pus 2 = 17 syllables in 10 words; "15" is a number
    // FKGL = 0.39·10 + 11.8·1.7 − 15.59 = 3.9 + 20.06 − 15.59 = 8.37
    // FRE = 206.835 − 10.15 − 84.6·1.7 (143.82) = 52.865
    const f = measureReadability('Dr. Smith gave 15 people CAR-T cell therapy, e.g. for lupus.', 'en');
    expect(f).toMatchObject({ sentences: 1, words: 10, numbers: 1, syllables: 17 });
    expect(f.fleschKincaidGrade).toBeCloseTo(8.37, 2);
    expect(f.fleschReadingEase).toBeCloseTo(52.865, 1);
  });

  it('de, counted by hand, with a Mediopunkt word', () => {
    // "Die Ärztinnen gaben 15 Personen eine Zell·therapie." Die 1, Ärz·tin·nen 3, ga·ben 2, Per·so·nen 3, ei·ne 2, Zell·the·ra·pie 4 = 15
    // "Danach hatten 10 von 15 Übelkeit." Da·nach 2, hat·ten 2, von 1, Ü·bel·keit 3 = 8
    // 10 words (3 numbers are not), 23 syllables, 2 sentences: ASL 5, ASW 2.3
    // Amstad = 180 − 5 − 58.5·2.3 = 180 − 5 − 134.55 = 40.45
    // MS: Ärztinnen, Personen, Zell·therapie, Übelkeit = 40 %; IW (> 6 letters): the same four = 40 %; ES: Die, von = 20 %
    // WSTF1 = 0.1935·40 + 0.1672·5 + 0.1297·40 − 0.0327·20 − 0.875 = 7.74 + 0.836 + 5.188 − 0.654 − 0.875 = 12.235
    const f = measureReadability('Die Ärztinnen gaben 15 Personen eine Zell·therapie. Danach hatten 10 von 15 Übelkeit.', 'de');
    expect(f).toMatchObject({ lang: 'de', sentences: 2, words: 10, numbers: 3, syllables: 23, polysyllablePercent: 40, longWordPercent: 40, monosyllablePercent: 20 });
    expect(f.fleschAmstad).toBeCloseTo(40.45, 2);
    expect(f.wienerSachtextformel1).toBeCloseTo(12.235, 1);
  });

  it('zh: characters, words and difficult words per sentence; glossary terms can be left out', () => {
    // 医生|试用|了|CAR|T|细胞|疗法 (7 words; Han 医生试用了细胞疗法 = 9) and 研究|在|德国|开展 (4 words; 7 Han)
    // Not among the 5000 most common words: 试用, 疗法, 开展 → 3 difficult in 11 words
    // characters per sentence 16/2 = 8; words per sentence 11/2 = 5.5; per 100 words 300/11 = 27.27
    // difficulty = 5.5 + 27.27 = 32.77
    // The Latin citation line has no Han character and is not a sentence.
    const text = '医生试用了CAR-T细胞疗法。研究在德国开展。\nMüller F, et al. N Engl J Med 2024.';
    // The plain rule (composedOfCommonWords: false); the default rule is tested below.
    const f = measureReadability(text, 'zh', { composedOfCommonWords: false });
    expect(f).toMatchObject({ lang: 'zh', sentences: 2, words: 11, hanCharacters: 16, charactersPerSentence: 8, wordsPerSentence: 5.5, difficultWords: 3, excludedGlossaryTerms: 0 });
    expect(f.difficultWordsPer100).toBeCloseTo(27.27, 2);
    expect(f.difficulty).toBeCloseTo(32.77, 2);
    // With "CAR-T细胞疗法" explained in the glossary, 疗法 no longer counts: 2 difficult, 200/11 = 18.18, 5.5 + 18.18 = 23.68
    const g = measureReadability(text, 'zh', { glossaryTerms: ['CAR-T细胞疗法', '不在文中'], composedOfCommonWords: false });
    expect(g).toMatchObject({ difficultWords: 2, excludedGlossaryTerms: 1 });
    expect(g.difficulty).toBeCloseTo(23.68, 2);
  });

  it('zh: the size of the common-word list is a setting', () => {
    expect(countChinese(['患者病情很重。']).difficultWords).toBeGreaterThan(countChinese(['患者病情很重。'], { commonWords: 10000 }).difficultWords);
  });

  it('zh: by default, a segment made of common words is common', () => {
    // ICU gives 分数|越低|越好, none of them in the list; 分 + 数, 越 + 低 and 越 + 好 all are.
    // 病例 stays difficult: 病 is common, 例 is not.
    expect(countChinese(['分数越低越好。'], { composedOfCommonWords: false }).difficultWords).toBe(3);
    expect(countChinese(['分数越低越好。']).difficultWords).toBe(0);
    expect(countChinese(['分数越低越好。'], { composedOfCommonWords: true }).difficultWords).toBe(0);
    expect(countChinese(['病例。'], { composedOfCommonWords: true }).difficultWords).toBe(1);
  });

  it('an empty text has counts of 0 and no ratios; other languages get counts only', () => {
    expect(measureReadability('', 'de')).toEqual({ lang: 'de', sentences: 0, words: 0, numbers: 0 });
    expect(measureReadability('\n15 | 8\n', 'en')).toMatchObject({ sentences: 0, words: 0, numbers: 2 });
    expect(measureReadability('', 'zh')).toMatchObject({ sentences: 0, words: 0, hanCharacters: 0 });
    const fr = measureReadability('Le patient va bien. Il rentre chez lui.', 'fr');
    expect(fr).toEqual({ lang: 'fr', sentences: 2, words: 8, numbers: 0, wordsPerSentence: 4 });
    // A regional code is measured as its language.
    expect(measureReadability('The cells came.', 'en-GB').fleschKincaidGrade).toBe(measureReadability('The cells came.', 'en').fleschKincaidGrade);
    expect(measureReadability('The cells came.', 'en').fleschKincaidGrade).toEqual(expect.any(Number));
  });
});

describe('Chinese common-word list', () => {
  it('is loaded once, in frequency order', () => {
    const words = chineseWordsByFrequency();
    expect(words).toHaveLength(10000);
    expect(words[0]).toBe('我');
    expect(chineseWordsByFrequency()).toBe(words);
    expect(commonChineseWords(5000)).toBe(commonChineseWords(5000));
    expect(commonChineseWords(5000).has('细胞')).toBe(true); // rank 4876
    expect(commonChineseWords(5000).has('患者')).toBe(false); // rank 5382
  });
});

describe('bands', () => {
  const bands = parseBands(JSON.parse(readFileSync(join(ROOT, 'templates', 'bands.json'), 'utf8')));

  it('templates/bands.json holds the defaults', () => {
    expect(bands.easy).toEqual({
      en: { fleschKincaidGrade: { max: 6 } },
      de: { fleschAmstad: { min: 70 }, wienerSachtextformel1: { max: 6 } },
      zh: { charactersPerSentence: { max: 20 }, difficulty: { max: 20 } },
    });
    expect(bands.standard).toEqual({
      en: { fleschKincaidGrade: { max: 9 } },
      de: { fleschAmstad: { min: 50 }, wienerSachtextformel1: { max: 10 } },
      zh: { charactersPerSentence: { max: 30 }, difficulty: { max: 30 } },
    });
    expect(bands.expert).toEqual({ en: {}, de: {}, zh: {} });
    expect(bandFor(bands, 'easy', 'en-GB')).toEqual({ fleschKincaidGrade: { max: 6 } });
    expect(bandFor(bands, 'easy', 'fr')).toBeUndefined();
  });

  it('accepts null for a level or language without limits, and comments anywhere', () => {
    expect(parseBands({ $comment: 'x', expert: null, easy: { $comment: 'y', en: null, de: { fleschAmstad: { min: 70, $comment: 'z' } } } })).toEqual({
      expert: {},
      easy: { en: {}, de: { fleschAmstad: { min: 70 } } },
    });
  });

  it('names the bad path', () => {
    const message = (json: unknown) => {
      try {
        parseBands(json);
      } catch (e) {
        expect(e).toBeInstanceOf(BandsError);
        return (e as Error).message;
      }
      throw new Error('expected parseBands to throw');
    };
    expect(message({ easy: { de: { fleschAmstad: { min: '70' } } } })).toMatch(/easy\.de\.fleschAmstad\.min: .*number/);
    expect(message({ easy: { de: { fleschAmsted: { min: 70 } } } })).toMatch(/easy\.de\.fleschAmsted: unknown figure for `de`; expected one of fleschAmstad, wienerSachtextformel1/);
    expect(message({ easy: { en: { fleschAmstad: { min: 70 } } } })).toMatch(/easy\.en\.fleschAmstad: unknown figure for `en`/);
    expect(message({ easy: { en: { fleschKincaidGrade: {} } } })).toMatch(/easy\.en\.fleschKincaidGrade: expected `min`, `max` or both/);
    expect(message({ easy: { en: { fleschKincaidGrade: { min: 9, max: 6 } } } })).toMatch(/easy\.en\.fleschKincaidGrade: expected `min` ≤ `max`/);
    expect(message({ easy: { en: { fleschKincaidGrade: { maximum: 6 } } } })).toMatch(/easy\.en\.fleschKincaidGrade/);
    expect(message({ easy: 6 })).toMatch(/easy: /);
    expect(message([])).toMatch(/\(top\)/);
  });

  it('compares figures with a band', () => {
    // FKGL 0.52 (see above) ≤ 6; FRE 100.24 is not ≤ 90
    const figures = measureReadability('The cells came from each person. They were given once.', 'en');
    expect(compareWithBand(figures, { fleschKincaidGrade: { max: 6 }, fleschReadingEase: { min: 60, max: 90 } })).toEqual([
      { figure: 'fleschKincaidGrade', value: 0.52, limit: { max: 6 }, ok: true },
      { figure: 'fleschReadingEase', value: 100.24, limit: { min: 60, max: 90 }, ok: false },
    ]);
    expect(compareWithBand(figures, bands.expert!.en)).toEqual([]);
    expect(compareWithBand(figures, undefined)).toEqual([]);
  });

  it('passes a figure exactly at its limit, and fails it just past (the limits are inclusive)', () => {
    const figures = measureReadability('The cells came from each person. They were given once.', 'en');
    const grade = figures.fleschKincaidGrade!;
    const ok = (limit: { min?: number; max?: number }) => compareWithBand(figures, { fleschKincaidGrade: limit })[0]!.ok;
    expect([ok({ max: grade }), ok({ min: grade }), ok({ min: grade, max: grade })]).toEqual([true, true, true]);
    expect([ok({ max: grade - 0.01 }), ok({ min: grade + 0.01 })]).toEqual([false, false]);
  });

  it('fails a figure the text does not have', () => {
    const [check] = compareWithBand(measureReadability('', 'en'), { fleschKincaidGrade: { max: 6 } });
    expect(check!.ok).toBe(false);
    expect(check!.value).toBeNaN();
  });
});

describe('readability of a long study in the real summaries', () => {
  it('a study of six conditions stays within every band, in every language and level (Chinese easy once did not)', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'valid', 'six-conditions.yaml')] });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const zhEasy = report.studies[0]!.summaries.find((s) => s.lang === 'zh' && s.level === 'easy')!;
    expect(zhEasy.readability!.checks.map((c) => [c.figure, c.ok])).toEqual([
      ['charactersPerSentence', true],
      ['difficulty', true],
    ]);
    // Six condition lines and a side effect, each a natural frequency of the same 28 people.
    expect(zhEasy.readability!.figures.difficulty).toBeLessThan(20);
  });
});

describe('proper names from the facts', () => {
  it('are left out of the English and German figures: long official funder and sponsor names do not push an easy text out of its band', async () => {
    const report = await check({ inputs: [join(FIXTURES, 'valid', 'long-names.yaml')], formats: ['summary', 'leaflet'] });
    expect(report.diagnostics.filter((d) => d.ruleId === 'readability/band')).toEqual([]);
    expect(report.exitCode).toBe(0);
    const easy = report.studies[0]!.summaries.find((s) => s.lang === 'de' && s.level === 'easy')!;
    expect(easy.readability!.figures.fleschAmstad).toBeGreaterThanOrEqual(70);
  });
});
