// The router's latency tail beside its garbage collections: node benchmark/load/router-gc.mjs [operation]
//   [rate] [seconds] [node flags…]
// One production router (with the node flags given on top of the image's, e.g. --max-old-space-size=320)
// in front of the router tests' schema-backed stand-in subgraphs, started with --trace-gc; after a
// 15 s warm-up of 8 clients, an open-model load at the rate given. Prints p50/p95/p99/max and the
// router's full collections (Mark-Compact) in the measured window: each one's heap before and after,
// its pause and the wall time of its marking; and how busy the router's event loop was and how long
// a ready callback waited for it (router-window.mjs). The stand-ins answer at once, so the tail is
// the router's own. Not a benchmark figure.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { closedLoop, openModel } from './load.mjs';
import { awaitReady, stopAll } from './processes.mjs';
import { root, routerWindow, startStandInRouter } from './stand-in-router.mjs';
import { workload } from './workload.mjs';
import { startSchemaSubgraphs } from '../../gateway-config/test/support/schema-subgraphs.mjs';

const [operation = 'UserOrders', rate = '88', seconds = '20', ...nodeFlags] = process.argv.slice(2);
const logDir = resolve(root, '.run', 'router-gc');
mkdirSync(logDir, { recursive: true });
const logFile = resolve(logDir, 'router.log');

const subgraphs = await startSchemaSubgraphs();
const loop = routerWindow(logDir);
const { router, url } = await startStandInRouter({
  name: 'router', subgraphs, env: loop.env, nodeFlags: ['--trace-gc', ...loop.nodeFlags, ...nodeFlags], logFile,
});
const started = performance.now();
let window;
try {
  await awaitReady(router);
  const { request } = workload(root);
  await closedLoop(() => request(url, operation), { concurrency: 8, durationMs: 15_000 });
  const from = performance.now();
  loop.open(router);
  const ownLoop = performance.eventLoopUtilization();
  const run = await openModel(() => request(url, operation), { rate: Number(rate), durationMs: Number(seconds) * 1000 });
  window = { from: from - started, to: performance.now() - started };
  const ownBusy = performance.eventLoopUtilization(ownLoop).utilization;
  const { eventLoopDelayMs: delay, eventLoopUtilization } = await loop.close(router);
  console.log(`${operation} at ${rate} rps for ${seconds} s${nodeFlags.length ? ` with ${nodeFlags.join(' ')}` : ''}: `
    + `p50 ${run.p50.toFixed(1)} p95 ${run.p95.toFixed(1)} p99 ${run.p99.toFixed(1)} max ${run.max.toFixed(1)} ms, `
    + `${run.requests} requests; the router's event loop ${(eventLoopUtilization * 100).toFixed(0)} % busy, a ready `
    + `callback waited p50 ${delay.p50.toFixed(1)} p99 ${delay.p99.toFixed(1)} max ${delay.max.toFixed(1)} ms for it; `
    + `this script's own process (the load and the stand-ins) ${(ownBusy * 100).toFixed(0)} % busy`);
} finally {
  await stopAll([router]);
  await subgraphs.close();
}
// --trace-gc lines of the main isolate: "[pid:isolate]  12345 ms: Mark-Compact 170.2 (186.2) ->
// 128.5 (186.1) MB, 7.02 / 0.05 ms (+ 30.4 ms in 40 steps …, walltime since start of marking 54 ms)".
// Their times count from the router's start, a little after this script's `started`: the window is approximate.
const collections = readFileSync(logFile, 'utf8').split('\n')
  .map((line) => /\s(\d+) ms: Mark-Compact ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+) \/.*?(?:walltime since start of marking (\d+) ms)?\)/.exec(line))
  .filter((match) => match && Number(match[1]) >= window.from && Number(match[1]) <= window.to + 1000);
console.log(`${collections.length} full collections in the measured window (about one every `
  + `${(Number(seconds) / Math.max(1, collections.length)).toFixed(1)} s):`);
for (const [, at, before, after, pause, wall] of collections) {
  console.log(`  at ${((Number(at) - window.from) / 1000).toFixed(1)} s: ${before} -> ${after} MB, pause ${pause} ms, marking ${wall ?? '?'} ms wall`);
}
