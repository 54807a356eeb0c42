/**
 * The site's one stylesheet (assets/site.css), built from a small palette.
 *
 *   PALETTE.link → 'a{color:#0b5c80}'  ·  CONTRAST_PAIRS → [['link', 'background', 4.5], …]
 *
 * Every colour in the stylesheet comes from PALETTE, and CONTRAST_PAIRS lists each
 * foreground/background pair the stylesheet puts together with the contrast it needs
 * (WCAG 2.2: 4.5:1 for text, 3:1 for focus rings and control borders), so a test can prove
 * the whole stylesheet meets it. Fonts are the reader's own: no web fonts, no requests.
 */

export const PALETTE = {
  text: '#1a1a1a',
  background: '#ffffff',
  /** The header band. */
  band: '#eef3f6',
  muted: '#4a4a4a',
  link: '#0b5c80',
  /** Borders of switcher items and table cells. */
  border: '#6b7780',
  focus: '#a12a00',
  /** Print: black on white. */
  ink: '#000000',
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** [foreground, background, minimum contrast ratio, where the stylesheet uses the pair]. */
export const CONTRAST_PAIRS: ReadonlyArray<readonly [PaletteColour, PaletteColour, number, string]> = [
  ['text', 'background', 4.5, 'body text'],
  ['text', 'band', 4.5, 'header text'],
  ['muted', 'background', 4.5, 'study details on the home page, footer'],
  ['muted', 'band', 4.5, 'switcher labels in the header'],
  ['link', 'background', 4.5, 'links'],
  ['link', 'band', 4.5, 'links in the header'],
  ['background', 'link', 4.5, 'the current switcher item'],
  ['background', 'text', 4.5, 'the skip link when focused'],
  ['border', 'background', 3, 'switcher item and table borders'],
  ['border', 'band', 3, 'switcher item borders in the header'],
  ['focus', 'background', 3, 'focus ring'],
  ['focus', 'band', 3, 'focus ring in the header'],
  ['ink', 'background', 4.5, 'print'],
];

const c = PALETTE;

export const SITE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.125rem/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans",Arial,sans-serif;color:${c.text};background:${c.background}}
:lang(zh){font-family:system-ui,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
a{color:${c.link};text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid ${c.focus};outline-offset:2px}
main:focus{outline:none}
.skip-link{position:absolute;left:.5rem;top:-10rem;z-index:10;padding:.5rem 1rem;color:${c.background};background:${c.text};font-weight:700}
.skip-link:focus{top:.5rem;color:${c.background}}
.site-header{background:${c.band};border-bottom:1px solid ${c.border}}
.site-header-inner,main,.site-footer{max-width:44rem;margin:0 auto;padding:0 1rem}
.site-header-inner{padding-top:.75rem;padding-bottom:.75rem}
.site-name{margin:0 0 .5rem;font-weight:700}
.switcher{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;margin:.25rem 0}
.switcher-label{margin:0;color:${c.muted};font-size:.95rem}
.switcher ul{display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0;list-style:none}
.switcher a{display:inline-block;padding:.2rem .65rem;border:1px solid ${c.border};border-radius:.4rem;background:${c.background};text-decoration:none;font-size:1rem}
.switcher a[aria-current="page"]{color:${c.background};background:${c.link};border-color:${c.link};font-weight:700}
main{padding-top:1.5rem;padding-bottom:2rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin-top:2rem}
h3{font-size:1.1rem}
table{border-collapse:collapse}
th,td{border:1px solid ${c.border};padding:.25rem .5rem;text-align:left;vertical-align:top}
blockquote{border-left:4px solid ${c.link};margin-left:0;padding-left:1rem}
.choose-language span{display:block}
.language-list,.study-list,.toc ul{padding:0;list-style:none}
.language-list li{margin:0 0 1rem}
.language-list a{display:inline-block;padding:.5rem 0}
.language-name{display:block;font-size:1.3rem;font-weight:700}
.language-site{display:block;color:${c.muted}}
.toc ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.study-list li{margin:0 0 1.25rem}
.study-link{font-weight:700}
.study-meta{margin:.2rem 0 0;color:${c.muted};font-size:1rem}
.study-meta span{display:block}
.back-link{margin-top:2.5rem}
.site-footer{padding-top:1rem;padding-bottom:2rem;border-top:1px solid ${c.border};color:${c.muted};font-size:1rem}
@media print{
.skip-link,.site-header nav,.toc,.back-link{display:none!important}
body,.site-header,.site-footer,.study-meta,.language-site{color:${c.ink};background:${c.background}}
body{font-size:11pt}
.site-header{border:0}
.site-header-inner,main,.site-footer{max-width:none;padding:0}
a{color:${c.ink}}
a[href^="http://"]::after,a[href^="https://"]::after{content:" (" attr(href) ")";word-break:break-all}
h1,h2,h3{break-after:avoid}
li,blockquote,tr{break-inside:avoid}
}
`;
