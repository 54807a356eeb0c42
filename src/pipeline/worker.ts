/**
 * A build worker thread: receives batches of studies, sends back their outcomes (see pool.ts).
 * Started with the build's StudySettings as workerData; builds its translators and templates
 * once, then keeps them (and its caches) for every study it is given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processStudy, workbench, type StudySettings, type StudyTask } from './study-file.js';

export type WorkerReply = { type: 'outcomes'; outcomes: ReturnType<typeof processStudy>[] } | { type: 'error'; name: string; message: string; stack?: string };

const port = parentPort;
if (port) {
  const bench = workbench((workerData as { settings: StudySettings }).settings);
  port.on('message', (tasks: StudyTask[]) => {
    let reply: WorkerReply;
    try {
      reply = { type: 'outcomes', outcomes: tasks.map((task) => processStudy(task, bench)) };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { type: 'error', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
    }
    port.postMessage(reply);
  });
}
