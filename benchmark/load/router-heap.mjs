// What the router allocates per request, and what of it reaches the old generation:
//   node benchmark/load/router-heap.mjs [allocated|promoted] [operation] [rate] [seconds]
// One production router in front of the router tests' stand-in subgraphs (no JVMs), warmed by 8
// clients for 15 s, then an open-model load at the rate given while V8's sampling heap profiler runs
// in the router (router-window.mjs). `allocated` counts every allocation, `promoted` only the objects
// that outlived the young generation's collections: what fills the old generation, whose full
// collections are the router's longest pauses. Prints KB per request by allocating function and by
// the innermost function outside Node's own code, with the event loop's delay and utilization.
// Sampled, so a few percent either way; not a benchmark figure.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { closedLoop, openModel } from './load.mjs';
import { awaitReady, stopAll } from './processes.mjs';
import { root, routerWindow, startStandInRouter } from './stand-in-router.mjs';
import { workload } from './workload.mjs';
import { startSchemaSubgraphs } from '../../gateway-config/test/support/schema-subgraphs.mjs';

const [kind = 'promoted', operation = 'UserOrders', rate = '60', seconds = '20'] = process.argv.slice(2);
if (!['allocated', 'promoted'].includes(kind)) {
  throw new Error(`allocated or promoted, not ${kind}`);
}
const dir = resolve(root, '.run', 'router-heap');
mkdirSync(dir, { recursive: true });
const window = routerWindow(dir, kind);
const subgraphs = await startSchemaSubgraphs();
const { router, url } = await startStandInRouter({
  name: 'router', subgraphs, env: window.env, nodeFlags: window.nodeFlags, logFile: resolve(dir, 'router.log'),
});
let run;
let seen;
try {
  await awaitReady(router);
  const { request } = workload(root);
  await closedLoop(() => request(url, operation), { concurrency: 8, durationMs: 15_000 });
  window.open(router);
  run = await openModel(() => request(url, operation), { rate: Number(rate), durationMs: Number(seconds) * 1000 });
  seen = await window.close(router);
} finally {
  await stopAll([router]);
  await subgraphs.close();
}

const byFunction = new Map();
const byOwner = new Map();
let bytes = 0;
const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
(function walk(node, stack) {
  const { functionName, url: file, lineNumber } = node.callFrame;
  const frame = { name: `${functionName || '(anonymous)'} ${where(file)}:${lineNumber + 1}`, internal: isInternal(file) };
  const frames = [...stack, frame];
  if (node.selfSize) {
    bytes += node.selfSize;
    add(byFunction, frame.name, node.selfSize);
    add(byOwner, (frames.findLast((f) => !f.internal) ?? frame).name, node.selfSize);
  }
  node.children.forEach((child) => walk(child, frames));
})(seen.heapProfile.head, []);

const perRequest = (size) => (size / run.requests / 1024).toFixed(1).padStart(6);
const table = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 20)
  .map(([name, size]) => `${perRequest(size)} KB  ${name}`).join('\n');
console.log(`${operation} at ${rate} requests a second for ${seconds} s: ${run.requests} requests, `
  + `p50 ${run.p50.toFixed(1)} p99 ${run.p99.toFixed(1)} ms; router event loop ${pct(seen.eventLoopUtilization)} busy, `
  + `its delay p50 ${seen.eventLoopDelayMs.p50.toFixed(1)} p99 ${seen.eventLoopDelayMs.p99.toFixed(1)} `
  + `max ${seen.eventLoopDelayMs.max.toFixed(1)} ms`);
console.log(`\n${kind}: ${perRequest(bytes).trim()} KB per request\n\nby allocating function:\n${table(byFunction)}`);
console.log(`\nby the innermost function outside Node's own code:\n${table(byOwner)}`);

function where(file) {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? (file.includes('/gateway-config/') ? file.slice(file.indexOf('/gateway-config/') + 1) : file || '(native)');
}

function isInternal(file) {
  return !file || file.startsWith('node:');
}

function pct(share) {
  return `${(share * 100).toFixed(0)} %`;
}
