/**
 * Readability bands: the limits each reading level sets per language, and the check against them.
 *
 *   parseBands({ easy: { en: { fleschKincaidGrade: { max: 6 } } }, expert: null })
 *     → { easy: { en: { fleschKincaidGrade: { max: 6 } } }, expert: {} }
 *   parseBands({ easy: { de: { fleschAmsted: { min: 70 } } } })
 *     → throws BandsError "easy.de.fleschAmsted: unknown figure for `de`; expected one of fleschAmstad, …"
 *   compareWithBand({ lang: 'en', fleschKincaidGrade: 7.2, … }, { fleschKincaidGrade: { max: 6 } })
 *     → [{ figure: 'fleschKincaidGrade', value: 7.2, limit: { max: 6 }, ok: false }]
 *
 * The numbers live in `templates/bands.json` (config, not code); this module only validates and
 * applies them. A level or language set to null or {} is reported, not limited.
 */
import { z } from 'zod';
import { formulaLanguage, type ReadabilityFigures } from './measure.js';

/** A figure's limit: at least one of min and max; both inclusive. */
export interface Limit {
  min?: number;
  max?: number;
}

/** Figure name (a numeric field of ReadabilityFigures) → limit. */
export type Band = Record<string, Limit>;

/** Level → language → band. Levels or languages given as null are empty bands. */
export type Bands = Record<string, Record<string, Band>>;

export interface BandCheck {
  figure: string;
  /** The measured value; NaN when the text does not have this figure (no sentences, or another language's figure). */
  value: number;
  limit: Limit;
  ok: boolean;
}

/** The numeric figures of ReadabilityFigures: the names a band may use. */
export type ReadabilityFigureName = {
  [K in keyof ReadabilityFigures]-?: NonNullable<ReadabilityFigures[K]> extends number ? K : never;
}[keyof ReadabilityFigures];

/** The figures a band may limit, per language; other languages may limit words per sentence only. */
export const BANDABLE_FIGURES: Readonly<Record<string, readonly ReadabilityFigureName[]>> = {
  en: ['fleschKincaidGrade', 'fleschReadingEase', 'wordsPerSentence', 'syllablesPerWord'],
  de: ['fleschAmstad', 'wienerSachtextformel1', 'wordsPerSentence', 'syllablesPerWord', 'polysyllablePercent', 'longWordPercent', 'monosyllablePercent'],
  zh: ['charactersPerSentence', 'difficulty', 'wordsPerSentence', 'difficultWordsPer100'],
  '*': ['wordsPerSentence'],
};

export class BandsError extends Error {
  /** `path` as a message shows it (`easy.de.fleschAmstad`), `keys` as the file has it. */
  constructor(readonly issues: { path: string; keys: PropertyKey[]; message: string }[]) {
    super(`invalid readability bands:\n${issues.map((i) => `  ${i.path || '(top)'}: ${i.message}`).join('\n')}`);
    this.name = 'BandsError';
  }
}

const Comment = z.string().optional();

const LimitSchema = z
  .strictObject({ min: z.number().optional(), max: z.number().optional(), $comment: Comment })
  .refine((l) => l.min !== undefined || l.max !== undefined, 'expected `min`, `max` or both')
  .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, 'expected `min` ≤ `max`');

const BandSchema = z.object({ $comment: Comment }).catchall(LimitSchema).nullable();
const LevelSchema = z.object({ $comment: Comment }).catchall(BandSchema).nullable();
const BandsSchema = z
  .object({ $comment: Comment })
  .catchall(LevelSchema)
  .superRefine((bands, ctx) => {
    for (const [level, langs] of entries(bands)) {
      for (const [lang, band] of entries(langs)) {
        const allowed = allowedFigures(lang);
        for (const [figure] of entries(band)) {
          if (allowed.includes(figure as ReadabilityFigureName)) continue;
          ctx.addIssue({ code: 'custom', path: [level, lang, figure], message: `unknown figure for \`${lang}\`; expected one of ${allowed.join(', ')}` });
        }
      }
    }
  });

/** Validate bands (e.g. the parsed `templates/bands.json`); throws BandsError naming each bad path. */
export function parseBands(json: unknown): Bands {
  const result = BandsSchema.safeParse(json);
  if (!result.success) {
    throw new BandsError(result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), keys: issue.path, message: issue.message })));
  }
  const bands: Bands = {};
  for (const [level, langs] of entries(result.data)) {
    const byLang: Record<string, Band> = {};
    for (const [lang, band] of entries(langs)) {
      const limits: Band = {};
      for (const [figure, limit] of entries(band)) {
        const { min, max } = limit as Limit;
        limits[figure] = { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
      }
      byLang[lang] = limits;
    }
    bands[level] = byLang;
  }
  return bands;
}

/** The band of one level and language (`en-GB` falls back to `en`); undefined when the bands name neither. */
export function bandFor(bands: Bands, level: string, lang: string): Band | undefined {
  const langs = bands[level];
  return langs?.[lang] ?? langs?.[formulaLanguage(lang)];
}

/** Each limited figure with its value and whether it is within the limit, in the band's order. */
export function compareWithBand(figures: ReadabilityFigures, band: Band | null | undefined): BandCheck[] {
  return Object.entries(band ?? {}).map(([figure, limit]) => {
    const raw = (figures as unknown as Record<string, unknown>)[figure];
    const value = typeof raw === 'number' ? raw : Number.NaN;
    const ok = !Number.isNaN(value) && (limit.min === undefined || value >= limit.min) && (limit.max === undefined || value <= limit.max);
    return { figure, value, limit: { ...limit }, ok };
  });
}

function allowedFigures(lang: string): readonly ReadabilityFigureName[] {
  return BANDABLE_FIGURES[formulaLanguage(lang)] ?? BANDABLE_FIGURES['*']!;
}

/** The entries of a validated object, `$comment` left out; null stands for an empty object. */
function entries(record: unknown): [string, unknown][] {
  if (record === null || typeof record !== 'object') return [];
  return Object.entries(record).filter(([key]) => key !== '$comment');
}
