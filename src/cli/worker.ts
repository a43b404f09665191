import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task';

// A pool worker: runs the tasks it is sent, one at a time.
parentPort?.on('message', (message: { index: number; task: Task }) => {
  try {
    parentPort?.postMessage({ index: message.index, result: runTask(message.task) });
  } catch (error) {
    parentPort?.postMessage({ index: message.index, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
