/**
 * Studies spread over threads, one per core: this thread and a worker thread for each other core.
 * Each worker takes a small batch, renders, checks and writes it, and asks for the next; this
 * thread takes one study at a time in between, so a slow study never holds up the rest. Outcomes
 * come back in any order and are handed on with their task's index; the caller puts them in
 * order, so a build's report and files never depend on which worker ran what, or when.
 *
 * Few studies, one core, or laysum running from its TypeScript sources (no compiled worker):
 * the same work runs in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { processStudy, workbench, type StudyOutcome, type StudySettings, type StudyTask } from './study-file.js';
import type { WorkerReply } from './worker.js';
import { WORKER_MEMORY } from './memory.js';

/** Studies per message: small enough to balance the load, large enough that messages cost nothing. */
const BATCH = 4;
/** Below this many studies a worker's start-up (loading the pipeline, compiling templates) costs more than it saves. */
const MIN_PER_WORKER = 12;

const WORKER_FILE = new URL('./worker.js', import.meta.url);


/** Threads for a build of `tasks` studies, this one included: `requested` (default: one per core), at most one per MIN_PER_WORKER studies. */
export function workerCount(tasks: number, requested?: number): number {
  const wanted = requested ?? availableParallelism();
  if (!existsSync(fileURLToPath(WORKER_FILE))) return 1;
  return Math.max(1, Math.min(wanted, Math.floor(tasks / MIN_PER_WORKER)));
}

class WorkerFailure extends Error {
  constructor(name: string, message: string, stack?: string) {
    super(message);
    this.name = name;
    if (stack) this.stack = stack;
  }
}

export async function runStudies(tasks: readonly StudyTask[], settings: StudySettings, workers: number, onOutcome: (outcome: StudyOutcome) => void): Promise<void> {
  if (tasks.length === 0) return;
  if (workers <= 1) {
    const bench = workbench(settings);
    for (const task of tasks) onOutcome(processStudy(task, bench));
    return;
  }
  let next = 0;
  let failed = false;
  const pool: Worker[] = [];
  // This thread is one of the `workers`: a thread fewer is a JavaScript heap fewer (each holds
  // the pipeline's code, its caches and its garbage), at the same speed.
  const here = new Promise<void>((resolve, reject) => {
    let bench: ReturnType<typeof workbench> | undefined;
    const step = () => {
      if (failed || next >= tasks.length) return resolve();
      // One study at a time, so the workers' replies are taken in between.
      const task = tasks[next++]!;
      try {
        bench ??= workbench(settings);
        onOutcome(processStudy(task, bench));
      } catch (error) {
        return reject(error);
      }
      setImmediate(step);
    };
    setImmediate(step);
  });
  try {
    await Promise.all([
      here,
      ...Array.from({ length: workers - 1 }, () => {
        const worker = new Worker(WORKER_FILE, { workerData: { settings }, resourceLimits: WORKER_MEMORY });
        pool.push(worker);
        return new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const feed = () => {
            if (next >= tasks.length) {
              if (inFlight === 0) resolve();
              return;
            }
            worker.postMessage(tasks.slice(next, next + BATCH));
            next += BATCH;
            inFlight++;
          };
          worker.on('message', (reply: WorkerReply) => {
            if (reply.type === 'error') return reject(new WorkerFailure(reply.name, reply.message, reply.stack));
            inFlight--;
            try {
              for (const outcome of reply.outcomes) onOutcome(outcome);
            } catch (error) {
              return reject(error);
            }
            feed();
          });
          worker.on('error', (error: Error & { code?: string }) =>
            reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`a build worker ran out of memory (${WORKER_MEMORY.maxOldGenerationSizeMb} MB); a study or its source texts may be far larger than usual`) : error),
          );
          worker.on('exit', (code) => reject(new Error(`a build worker stopped unexpectedly (exit code ${code})`)));
          // Two batches ahead, so a worker never waits for the next while its last result travels back.
          feed();
          feed();
        });
      }),
    ]);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
