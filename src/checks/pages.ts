/**
 * Printed length: a patient leaflet is made to print on at most two A4 pages (README, "leaflet").
 * Its HTML cannot know where the pages break; the PDF can. Checked on every printed leaflet.
 *
 *   checkLeafletPages([{ file: 'out/en/mueller-2024/leaflet.pdf', study: 'mueller-2024', lang: 'en', pages: 3 }])
 *   → warning `leaflet/pages` "prints on 3 A4 pages, more than the 2 a leaflet is made for; …"
 *
 * A warning, not an error: every word and number on the pages is checked and right, and a
 * study with many groups and side effects may need the room; the team that prints it decides.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';

/** Most A4 pages a printed leaflet is made for. */
export const LEAFLET_MAX_PAGES = 2;

/** A printed leaflet: its PDF (`file`), study, language and number of pages (undefined: unknown). */
export interface PrintedLeaflet {
  file: string;
  study: string;
  lang: string;
  pages: number | undefined;
}

export function checkLeafletPages(printed: readonly PrintedLeaflet[]): Diagnostic[] {
  return printed
    .filter((p) => p.pages !== undefined && p.pages > LEAFLET_MAX_PAGES)
    .map((p) =>
      diagnostic({
        ruleId: 'leaflet/pages',
        kind: 'check',
        severity: 'warning',
        message: `prints on ${p.pages} A4 pages, more than the ${LEAFLET_MAX_PAGES} a leaflet is made for (many groups, side effects or glossary terms); look at the PDF before it is handed out`,
        place: { file: p.file, study: p.study, lang: p.lang },
      }),
    );
}
