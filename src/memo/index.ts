/**
 * Bounded memos of results computed from texts, for a batch build: the checks and the Markdown
 * reader keep what they worked out for a text, and find it again for the same text (TextMemo) or
 * for a text that differs only in its digits (DigitShapeMemo).
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

const ASCII_DIGITS = /[0-9]/g;

/** A text with every ASCII digit made 0: "8 of 15 (53%)" → "0 of 00 (00%)". */
export function digitShape(text: string): string {
  return text.replace(ASCII_DIGITS, '0');
}

/**
 * A digit shape as one object, which the Markdown reader hands out for every paragraph of that
 * shape (src/markdown keeps the shapes it read): each memo keeps its result for the shape on the
 * object too, so a check asking again finds it there, by the memo's identity, without hashing and
 * comparing the shape's text in a table of thousands (those lookups were 8 % of a one-thread
 * build). Results live as long as the object; the reader's memos bound how many objects live.
 */
export class TextShape {
  // Four memos ask for a paragraph's shape (language, foreign sentences, numbers, readability),
  // each in the paragraph's one language: four slots in the object itself (an array of results
  // cost 7 MB more at the peak of a 1,000-study build). A fifth memo finds its result in its table.
  private memo0: object | undefined = undefined;
  private result0: unknown = undefined;
  private memo1: object | undefined = undefined;
  private result1: unknown = undefined;
  private memo2: object | undefined = undefined;
  private result2: unknown = undefined;
  private memo3: object | undefined = undefined;
  private result3: unknown = undefined;

  constructor(
    /** The `digitShape` of the paragraphs this object stands for. */
    readonly text: string,
  ) {}

  /** The result `memo` kept on this shape. */
  resultOf<V>(memo: object): V | undefined {
    if (this.memo0 === memo) return this.result0 as V;
    if (this.memo1 === memo) return this.result1 as V;
    if (this.memo2 === memo) return this.result2 as V;
    if (this.memo3 === memo) return this.result3 as V;
    return undefined;
  }

  /** Keep `memo`'s result on this shape, where a slot is free. */
  keepResult(memo: object, value: unknown): void {
    if (this.memo0 === undefined || this.memo0 === memo) {
      this.memo0 = memo;
      this.result0 = value;
    } else if (this.memo1 === undefined || this.memo1 === memo) {
      this.memo1 = memo;
      this.result1 = value;
    } else if (this.memo2 === undefined || this.memo2 === memo) {
      this.memo2 = memo;
      this.result2 = value;
    } else if (this.memo3 === undefined || this.memo3 === memo) {
      this.memo3 = memo;
      this.result3 = value;
    }
  }
}

/** How a DigitShapeMemo keeps its results. */
export interface DigitShapeMemoOptions {
  /**
   * Keep a result only for a shape seen before (the shapes seen are kept, the results not): where
   * most shapes occur once and results are large (Markdown runs: of 29,000 run shapes in 1,000
   * studies, 25,000 occurred once, holding 9 MB of text), the memo keeps what recurs at the cost of
   * working a recurring shape out twice.
   */
  secondSight?: boolean;
  /**
   * When full, keep the results as an older generation instead of dropping them, and bring back
   * from it what is asked for again: what is in use survives, what was seen once goes with the
   * next turn (at most twice `limit` results). The default.
   */
  generations?: boolean;
}

/**
 * A bounded memo of results that depend on a text's letters and layout but not on what its digits
 * are (readability counts, detections, number words, Markdown runs), keyed by `digitShape`: a
 * batch's lines differ mostly in their figures ("- 8 of 19 people (42%) had …"), and on 6,000
 * English and German summaries their 51,000 distinct lines with digits are 4,200 distinct shapes.
 * Emptied when full (or turned into the older generation, see the options).
 */
export class DigitShapeMemo<V> {
  private store = new Map<string, V>();
  private older: Map<string, V> | undefined;
  private readonly seen: Set<string> | undefined;
  private readonly generations: boolean;

  /**
   * The default: 6,000 results in two generations. Measured on the 1,000 bench studies, one
   * thread: the checks' memos found 95–98 % of what they were asked, as with one generation of
   * 20,000 (which never turned over, and held 14,000 paragraph shapes in the language check's
   * memo alone); the laysum command's peak RSS went down by 4–5 MB.
   */
  constructor(
    private readonly limit = 6_000,
    options: DigitShapeMemoOptions = {},
  ) {
    if (options.secondSight) this.seen = new Set();
    this.generations = options.generations ?? true;
  }

  /** The result for a text whose `digitShape` is `shape`. */
  get(shape: string): V | undefined {
    const found = this.store.get(shape);
    if (found !== undefined || !this.older) return found;
    const old = this.older.get(shape);
    if (old !== undefined) this.keep(shape, old);
    return old;
  }

  /** The result for a shape given as a TextShape: kept on the object, or found by its text (and then kept on it). */
  getShape(shape: TextShape): V | undefined {
    let found = shape.resultOf<V>(this);
    if (found === undefined) {
      found = this.get(shape.text);
      if (found !== undefined) shape.keepResult(this, found);
    }
    return found;
  }

  setShape(shape: TextShape, value: V): void {
    this.set(shape.text, value);
    // A memo that keeps results from a shape's second sight on keeps none on the object either.
    if (!this.seen) shape.keepResult(this, value);
  }

  set(shape: string, value: V): void {
    if (this.seen && !this.seen.delete(shape)) {
      if (this.seen.size >= this.limit) this.seen.clear();
      this.seen.add(shape);
      return;
    }
    this.keep(shape, value);
  }

  private keep(shape: string, value: V): void {
    if (this.store.size >= this.limit) {
      if (this.generations) this.older = this.store;
      this.store = new Map();
    }
    this.store.set(shape, value);
  }
}

/**
 * `compute` kept per key, for the small lookups a batch repeats (number formats, plural
 * categories, syllables of a word): a Map emptied when it holds `limit` results, like the memos
 * above. A result may be undefined (it is kept too).
 */
export function keptBy<K, V>(compute: (key: K) => V, limit = 20_000): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let result = kept.get(key);
    if (result === undefined && !kept.has(key)) {
      result = compute(key);
      if (kept.size >= limit) kept.clear();
      kept.set(key, result);
    }
    return result as V;
  };
}
