/**
 * `--shard k/n`: which part of a split a study is in. A module of its own, without the pipeline's
 * imports, so the command's main thread can check a --shard value with the same rule as build().
 */

/**
 * The most parts a build may be split into. A merge has to be given every part 1…n, so n is the
 * number of machines of a CI matrix (GitHub Actions runs at most 256 jobs of one); a larger n is a
 * typo, and `--shard 1/100000000` made `site --merge` run out of memory listing the missing parts.
 */
export const MAX_SHARDS = 1000;

/** Why `k/n` is not a part of a split, or undefined when it is one. */
export function shardProblem(index: number, count: number): string | undefined {
  if (!(Number.isInteger(index) && Number.isInteger(count) && count >= 1 && index >= 1 && index <= count)) return 'expected k/n with 1 ≤ k ≤ n, e.g. --shard 2/4';
  if (count > MAX_SHARDS) return `expected at most ${MAX_SHARDS} parts (n ≤ ${MAX_SHARDS}), one per machine that builds a part`;
  return undefined;
}

/** The shard (1-based) of a study id: FNV-1a of the id, so a study stays in its shard as others come and go. */
export function shardOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}
