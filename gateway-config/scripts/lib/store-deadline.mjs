// A deadline on a command's reads of the supergraph store. The store's functions read synchronously (they run
// under the store's lock), and a read of a hung network mount never returns: no timer of the thread that waits
// for it could fire, and process.exit would wait for it too. So a worker thread (this module again) keeps the
// time: when the store has not answered within the deadline it prints the refusal and ends the process by
// SIGTERM (exit status 143).
import { writeSync } from 'node:fs';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

if (!isMainThread && workerData?.storeDeadline) {
  watch(workerData.storeDeadline);
}

/**
 * `within(action)` runs `action` (synchronous) and ends the process with `message` if it has not returned after
 * `ms`; `outside(action)`, called within it, runs a part that reads no store (a check that takes seconds) with the
 * clock stopped, and starts it again after.
 */
export function storeDeadline(message, ms) {
  // 0: no deadline running; n > 0: the n-th one.
  const state = new Int32Array(new SharedArrayBuffer(4));
  let runs = 0;
  let worker = null;
  const set = (value) => {
    Atomics.store(state, 0, value);
    Atomics.notify(state, 0);
  };
  return {
    within(action) {
      // No options of the command's own Node (a preload, --input-type): the watch needs none.
      worker ??= new Worker(new URL(import.meta.url), { execArgv: [],
        workerData: { storeDeadline: { state, ms, message: `\u2716 ${message}\n` } } });
      worker.unref();
      set(++runs);
      try {
        return action();
      } finally {
        set(0);
      }
    },
    outside(action) {
      set(0);
      try {
        return action();
      } finally {
        set(++runs);
      }
    },
  };
}

/** The worker: waits for a deadline to start, then for it to end in time, else ends the process. */
function watch({ state, ms, message }) {
  for (;;) {
    Atomics.wait(state, 0, 0);
    const run = Atomics.load(state, 0);
    if (Atomics.wait(state, 0, run, ms) === 'timed-out' && Atomics.load(state, 0) === run) {
      writeSync(2, message);
      process.kill(process.pid, 'SIGTERM');
    }
  }
}
