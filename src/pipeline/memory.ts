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
export const WORKER_MEMORY = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 } as const;
