import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runTask, type Task, type TaskResult } from './task';

type Reply = { index: number; result?: TaskResult; error?: string };

/**
 * Runs tasks on all cores with worker_threads (one worker per core, at most one per task).
 * A single task runs in this thread: starting a worker would cost more than it saves.
 */
export async function runAll(tasks: readonly Task[], threads = availableParallelism()): Promise<TaskResult[]> {
  if (tasks.length <= 1 || threads <= 1) return tasks.map(runTask);
  const results: TaskResult[] = new Array<TaskResult>(tasks.length);
  let next = 0;
  const size = Math.min(threads, tasks.length);
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: size }, () => {
        // The CLI runs from TypeScript sources (tsx): the entry registers tsx in the new thread.
        const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const feed = () => {
            if (next >= tasks.length) {
              resolve();
              return;
            }
            const index = next++;
            worker.postMessage({ index, task: tasks[index] });
          };
          worker.on('message', (reply: Reply) => {
            if (reply.error !== undefined || !reply.result) {
              reject(new Error(`simulation failed in a worker: ${reply.error ?? 'no result'}`));
              return;
            }
            results[reply.index] = reply.result;
            feed();
          });
          worker.on('error', reject);
          feed();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
