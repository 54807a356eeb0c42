/** Reading press.txt back: wrapped lines joined into the text they came from (no vitest import, so scripts can use it too). */
/** Scripts written without spaces (Han, CJK punctuation, kana, fullwidth forms): a line break next to one of their characters stands for nothing, elsewhere for one space (how src/outputs/wrap.ts breaks lines). */
const NO_SPACE_SCRIPT = /[\p{Script=Han}\u3000-\u30ff\uff00-\uffef]/u;

/** Wrapped lines joined back into the text they came from: with a space between Latin text, with nothing next to Chinese. */
export function joinWrapped(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const gap = text === '' || NO_SPACE_SCRIPT.test([...text].at(-1)!) || NO_SPACE_SCRIPT.test([...line][0] ?? '') ? '' : ' ';
    text += `${gap}${line}`;
  }
  return text;
}

/**
 * A press.txt unwrapped: one line per heading, paragraph and list item, its wrapped lines joined
 * back (joinWrapped), quote markers, hanging indents and heading underlines dropped.
 */
export function unwrapPlainText(text: string): string {
  const blocks: string[] = [];
  let lines: string[] = [];
  let inList = false;
  const flush = () => {
    if (lines.length) blocks.push(joinWrapped(lines));
    lines = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^(?:> ?)+/, '');
    if (line === '' || /^(?:=+|-+)$/.test(line)) {
      flush();
      inList = false;
    } else if (/^(?:- |\d+\. )/.test(line) && (lines.length === 0 || inList)) {
      flush();
      inList = true;
      lines.push(line);
    } else lines.push(line.trimStart());
  }
  flush();
  return blocks.join('\n');
}
