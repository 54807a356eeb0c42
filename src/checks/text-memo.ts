/**
 * A bounded memo of results computed from a text, for the checks of a batch build.
 *
 * A batch's summaries repeat their digit-free text (headings, explanations, glossary entries)
 * thousands of times: on 3,000 generated summaries, 37,000 such paragraphs were 86 distinct
 * texts. Text with digits is mostly one study's own (29,000 paragraphs, 18,000 distinct) and
 * recurs, if at all, within that study's other outputs. So digit-free texts get a large store,
 * texts with digits a small one, each emptied when full: memory stays flat whatever the corpus,
 * and what recurs is still found.
 */
const HAS_DIGIT = /\d/;

export class TextMemo<V> {
  private readonly general = new Map<string, V>();
  private readonly recent = new Map<string, V>();

  constructor(
    private readonly generalLimit = 20_000,
    private readonly recentLimit = 2_000,
  ) {}

  get(text: string): V | undefined {
    return (HAS_DIGIT.test(text) ? this.recent : this.general).get(text);
  }

  set(text: string, value: V): void {
    const recent = HAS_DIGIT.test(text);
    const store = recent ? this.recent : this.general;
    if (store.size >= (recent ? this.recentLimit : this.generalLimit)) store.clear();
    store.set(text, value);
  }
}
