/**
 * The heap bounds of the build's threads (in a module of its own: the laysum command's main thread
 * reads them without loading the pipeline).
 *
 * Each worker's heap, bounded. A worker's live data is about 30 MB (code, templates, the check
 * caches, which are bounded, and the batch in hand); without a bound V8 lets a heap grow to
 * about four times that before collecting, with a bound under 256 MB to about 1.3 times. The young
 * generation (where a study's short-lived strings are made and dropped): measured on 1,000
 * studies, 2 threads, the laysum command, 8 MB runs as fast as 16 MB (7.2–7.4 s either way, now
 * that a study allocates less than it did) and the build's peak RSS is 22–25 MB lower; 32 MB costs
 * 40 MB more. The laysum command gives the build's own thread the same young generation (src/cli).
 */
import { setFlagsFromString } from 'node:v8';

export const WORKER_MEMORY = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 } as const;

/**
 * How far an old generation may grow past what the last full collection kept before the next
 * one: V8 picks a factor between 1.1 and 4 by how fast the program allocates, and a build
 * allocates fast, so each thread's heap settles at about 1.6 times its live data. A full
 * collection of a build thread's heap (35–40 MB live) takes 5–8 ms; with 10 % growth a build of
 * 1,000 studies makes a few dozen more of them. Measured on the 1,000 bench studies, interleaved
 * runs of the laysum command: peak RSS 192–196 → 186–188 MB, time 7.05–7.58 s → 6.66–7.38 s
 * (within the noise); of the library build on two threads: 4–5 % slower (5 % and 20 % grow alike).
 */
export const HEAP_GROWING_PERCENT = 10;

let bounded = false;

/**
 * Sets HEAP_GROWING_PERCENT for every heap of this process, the ones made later too (V8 reads it
 * at each full collection). Process-wide, like tuneForBatchBuild, so the laysum command calls it
 * and a library caller decides for itself.
 */
export function boundHeapGrowth(): void {
  if (bounded) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  bounded = true;
}
