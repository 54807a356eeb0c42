/**
 * Figures that stand for several people: which people each figure holds, and where to cut a
 * figure shared by two groups (or cut short at the end) so each part's area is its share.
 *
 *   figureParts([{ count: 603 }, { count: 251 }], 1000, 50)
 *   → [[{ group: 0, people: 50 }], …, [{ group: 0, people: 3 }, { group: 1, people: 47 }], …]   (20 figures)
 *   cutAt(0.5) → 10 (the person is symmetric) · cutAt(0.06) → 3.37 (the left shoulder)
 *
 * Why by area: a reader judges a part of a figure by how much ink it has, and the person's edges
 * hold less ink than its middle; a cut at 6 % of the width would show about 1 % of the figure.
 * People are counted in whole numbers throughout, so no figure gains or loses anyone to rounding.
 */

/** One part of a figure: the group it shows (`none`: nobody marked) and how many people. */
export interface FigurePart {
  group: number | 'none';
  people: number;
}

/**
 * The figures of an array of `total` people, `perFigure` people each, the groups filled in order
 * and the unmarked people after them: one list of parts per figure. The last figure holds fewer
 * than `perFigure` people where `total` is not a multiple of it.
 */
export function figureParts(groups: readonly { count: number }[], total: number, perFigure: number): FigurePart[][] {
  const runs: FigurePart[] = [...groups.map((g, i) => ({ group: i, people: g.count })), { group: 'none' as const, people: total - groups.reduce((s, g) => s + g.count, 0) }];
  const figures: FigurePart[][] = [];
  let current: FigurePart[] = [];
  let room = perFigure;
  for (const run of runs) {
    let left = run.people;
    while (left > 0) {
      const people = Math.min(left, room);
      current.push({ group: run.group, people });
      left -= people;
      room -= people;
      if (room === 0) {
        figures.push(current);
        current = [];
        room = perFigure;
      }
    }
  }
  if (current.length) figures.push(current);
  return figures;
}

/**
 * The person's outline (PERSON_PATH in icon-array.ts) as heights over x in its 20 × 30 box: a head
 * (circle r 5 about x 10) over shoulders (half an ellipse 8.5 × 7.5 about x 10 on a 17 × 10.5 block).
 */
function heightAt(x: number): number {
  const head = Math.abs(x - 10) < 5 ? 2 * Math.sqrt(25 - (x - 10) ** 2) : 0;
  const u = (x - 10) / 8.5;
  const body = Math.abs(u) < 1 ? 10.5 + 7.5 * Math.sqrt(1 - u * u) : 0;
  return head + body;
}

const STEPS = 2000;
/** Area left of x = i / STEPS × 20, by the midpoint rule (exact to far below a printed dot). */
const cumulativeArea: number[] = (() => {
  const area = [0];
  const dx = 20 / STEPS;
  for (let i = 0; i < STEPS; i++) area.push(area[i]! + heightAt((i + 0.5) * dx) * dx);
  return area;
})();

/** Where to cut the person (x in its 20-unit-wide box) so the part left of the cut is `share` of its area; two decimals. */
export function cutAt(share: number): number {
  if (share <= 0) return 0;
  if (share >= 1) return 20;
  const target = share * cumulativeArea[STEPS]!;
  let lo = 0;
  let hi = STEPS;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cumulativeArea[mid]! < target) lo = mid;
    else hi = mid;
  }
  const a = cumulativeArea[lo]!;
  const b = cumulativeArea[hi]!;
  const x = ((lo + (b > a ? (target - a) / (b - a) : 0)) * 20) / STEPS;
  return Math.round(x * 100) / 100;
}
