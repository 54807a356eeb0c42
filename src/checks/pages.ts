/**
 * Printed length: a patient leaflet is made to print on at most two A4 pages (README, "leaflet").
 * Its HTML cannot know where the pages break; the PDF can. Checked on every printed leaflet.
 *
 *   checkLeafletPages([{ file: 'out/en/big-2025/leaflet.pdf', study: 'big-2025', lang: 'en', pages: 3, room: { figureRows: 481, figures: 100, … } }])
 *   → warning `leaflet/pages` "prints on 3 A4 pages, more than the 2 a leaflet is made for, because of the number
 *     of participants: pictures of up to 100 figures, one for each person, take about 481 px more than …"
 *
 * A warning, not an error: every word and number on the pages is checked and right, and a
 * study with many groups and side effects may need the room; the team that prints it decides.
 * The message names what makes the leaflet long (estimated from its HTML, outputs/leaflet/fit.ts),
 * so that team knows whether to look at the pictures or at the text.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { LeafletRoom } from '../outputs/leaflet/fit.js';

/** Most A4 pages a printed leaflet is made for. */
export const LEAFLET_MAX_PAGES = 2;

/**
 * Rows of figures (beyond each picture's first) from which the number of participants is named as
 * the cause: about a seventh of two pages. Set between what the pictures take where they are not
 * the cause and where they are: the samples up to 77 px, studies drawn 10 to 500 people a figure
 * up to 104, the 45 people with eight side effects of test/fixtures/leaflet-long 175–246 (its text
 * is what is long); 100 people, one figure each, with five side effects 424–502.
 */
export const FIGURE_ROWS_NAMED_FROM = 300;

/** A printed leaflet: its PDF (`file`), study, language, number of pages (undefined: unknown) and, where its HTML was read, what takes its room. */
export interface PrintedLeaflet {
  file: string;
  study: string;
  lang: string;
  pages: number | undefined;
  room?: LeafletRoom;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function figuresOf(room: LeafletRoom): string {
  const each = room.peoplePerFigure === 1 ? 'one for each person' : `each for ${room.peoplePerFigure} people`;
  return `pictures of up to ${plural(room.figures, 'figure', 'figures')}, ${each}`;
}

function contents(room: LeafletRoom): string {
  const parts = [plural(room.groups, 'group', 'groups'), plural(room.sideEffects, 'side effect', 'side effects'), plural(room.glossaryTerms, 'glossary term', 'glossary terms')];
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/**
 * The estimate under which leaflets print on two pages (FULL_ARRAYS_MAX_HEIGHT.rows in
 * outputs/leaflet, not imported: the checks do not load the renderer).
 */
export const TWO_PAGES_ESTIMATE = 1_830;

/**
 * Why a leaflet is long: the number of participants where its pictures' rows of figures take much
 * room, or enough that with one row each it would fit two pages; else what it says.
 */
export function lengthCause(room: LeafletRoom | undefined): string {
  if (!room) return '';
  if (room.figureRows >= FIGURE_ROWS_NAMED_FROM || (room.figureRows > 0 && room.height - room.figureRows <= TWO_PAGES_ESTIMATE)) {
    return `, because of the number of participants: ${figuresOf(room)}, take about ${room.figureRows} px more than one row each would (it also has ${contents(room)})`;
  }
  return `, because of how much it says: ${contents(room)} (its ${figuresOf(room)}, take about ${room.figureRows} px beyond one row each)`;
}

export function checkLeafletPages(printed: readonly PrintedLeaflet[]): Diagnostic[] {
  return printed
    .filter((p) => p.pages !== undefined && p.pages > LEAFLET_MAX_PAGES)
    .map((p) =>
      diagnostic({
        ruleId: 'leaflet/pages',
        kind: 'check',
        severity: 'warning',
        message: `prints on ${p.pages} A4 pages, more than the ${LEAFLET_MAX_PAGES} a leaflet is made for${lengthCause(p.room)}; look at the PDF before it is handed out`,
        place: { file: p.file, study: p.study, lang: p.lang },
      }),
    );
}
