/**
 * JavaScript's own RegExp, run where a till that trusted it would run it, but in a
 * worker_thread with a wall-clock limit: a backtracking pattern can hang a thread for
 * hours, and `Worker.terminate()` is the only way to stop it. One worker per measurement,
 * so a hung one never affects the next.
 */
import { Worker } from 'node:worker_threads';

// Plain JavaScript evaluated in the worker: no TypeScript loader needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pattern, input, reps } = workerData;
const re = new RegExp(pattern);
let matched = false;
const start = performance.now();
for (let i = 0; i < reps; i++) matched = re.test(input);
parentPort.postMessage({ ms: performance.now() - start, matched });
`;

export type NativeResult =
  | { readonly status: 'done'; readonly msPerCall: number; readonly matched: boolean }
  | { readonly status: 'timeout'; readonly limitMs: number };

/** Runs `new RegExp(pattern).test(input)` `reps` times in a fresh worker, or gives up after `limitMs`. */
export function runNativeRegExp(
  pattern: string,
  input: string,
  reps: number,
  limitMs: number,
): Promise<NativeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pattern, input, reps } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ status: 'timeout', limitMs });
    }, limitMs);
    worker.once('message', (message: { ms: number; matched: boolean }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ status: 'done', msPerCall: message.ms / reps, matched: message.matched });
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
