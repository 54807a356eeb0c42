/**
 * The text a reader sees on a leaflet, in reading order: one block per line.
 *
 *   '<h2>Who took part?</h2><p>15 people <b>took</b> part.</p><svg><title>…</title><text>8 people with lupus</text></svg>'
 *   → 'Who took part?\n15 people took part.\n8 people with lupus'
 *
 * The checks (language, numbers) read this and the pictures' descriptions (pictureDescriptions)
 * instead of the HTML. It is taken from the rendered document, not rebuilt from the model, so it
 * is exactly what the template printed. The document's `<title>` and the SVGs' `<title>`/`<desc>`
 * are left out: they are not on the page.
 *
 * The input is laysum's own output (a template with escaped data), not arbitrary HTML, so a
 * tag-level scan is enough: no comments inside text, no `>` inside attribute values.
 */

/** Elements whose start and end separate blocks of text. */
const BLOCK = /<\/?(?:address|article|aside|blockquote|body|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|main|ol|p|section|svg|table|td|th|tr|ul|text)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function visibleText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<head\b[\s\S]*?<\/head>/gi, '')
    .replace(/<(style|script|title|desc|defs)\b[\s\S]*?<\/\1>/gi, '');
  return decodeEntities(body.replace(BLOCK, '\n').replace(/<[^>]*>/g, ''))
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * What a screen reader says of each picture beyond its visible caption: the SVGs' `<desc>`
 * ("Filled figures show the people who had this problem. …"), one block each. No page shows it,
 * so it is checked with the visible text: a sentence a translator left in English there is read
 * aloud to a German reader. (An SVG's `<title>` is its caption, which the page prints.)
 */
export function pictureDescriptions(html: string): string[] {
  // Blanks collapsed as visibleText does: a no-break space stays, for it groups digits (10 000).
  return [...html.matchAll(/<desc\b[^>]*>([\s\S]*?)<\/desc>/gi)].map((m) => decodeEntities(m[1]!).replace(/[ \t\n\r\f\v]+/g, ' ').trim()).filter(Boolean);
}
