/**
 * V8's tiering for a batch build on several threads (a module of its own: the laysum command's
 * main thread sets it before any thread starts, without loading the pipeline).
 *
 * Each thread is its own V8 isolate and optimises the pipeline's code for itself: on 500 studies,
 * one thread had TurboFan compile 914 functions, 2.7 s of compile jobs, run on the other core. With
 * both cores building, that work competes with the build. A larger interrupt budget (V8's count of
 * how much a function runs before it is considered for optimisation; default 67,584) leaves the
 * lukewarm functions to the interpreter and still optimises the hot ones. Measured on the 1,000
 * bench studies, interleaved runs: the `laysum build` command 7.38 → 6.69 s and its peak RSS
 * 200 → 188 MB (less optimised code); 1,000,000 ran about as fast as 500,000. One thread alone
 * runs slower with it (7.0 → 7.5 s: there the compile jobs had a core of their own), so it is
 * meant for builds on more than one thread.
 */
import { setFlagsFromString } from 'node:v8';

export const BATCH_INTERRUPT_BUDGET = 500_000;

let tuned = false;

/**
 * Sets V8's interrupt budget for this process (every thread, also the caller's own code) to
 * BATCH_INTERRUPT_BUDGET. The `laysum` command calls it for builds on more than one thread;
 * a program that runs large builds through the library may call it once before them.
 */
export function tuneForBatchBuild(): void {
  if (tuned) return;
  setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
  tuned = true;
}
