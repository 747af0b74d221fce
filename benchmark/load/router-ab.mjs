// Router configurations side by side without JVMs: node benchmark/load/router-ab.mjs [operation]
//   [seconds per round] [rounds] [rate] NAME=KEY=value,KEY=value … (one argument per configuration)
// Starts one production router per configuration in front of the router tests' schema-backed
// stand-in subgraphs, sends each the same open-model load in interleaved rounds, then a closed loop
// that saturates it, and prints per configuration the router's CPU ms per request and its saturating
// rate (medians of the rounds) with their ratios to the first configuration. A router's own parts are
// measured here, not the stack: the stand-ins cost next to nothing, so the saturating rate is the
// router's throughput, one event loop's worth.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { traceSink } from './comparisons.mjs';
import { closedLoop, openModel } from './load.mjs';
import { awaitReady, cpuSeconds, stopAll } from './processes.mjs';
import { root, startStandInRouter } from './stand-in-router.mjs';
import { workload } from './workload.mjs';
import { startSchemaSubgraphs } from '../../gateway-config/test/support/schema-subgraphs.mjs';

const [operation = 'UserOrders', seconds = '10', rounds = '3', rate = '40', ...specs] = process.argv.slice(2);
const logDir = resolve(root, '.run', 'router-ab');
mkdirSync(logDir, { recursive: true });

// SINK in a value: an OTLP endpoint on loopback that drops what it receives.
const sinkUrl = await traceSink();

const configurations = specs.map((spec) => {
  const [name, ...rest] = spec.split('=');
  const env = Object.fromEntries(rest.join('=').split(',').filter(Boolean).map((pair) => {
    const [key, ...value] = pair.split('=');
    return [key, value.join('=').replace('SINK', sinkUrl)];
  }));
  return { name, env };
});

const subgraphs = await startSchemaSubgraphs();
const routers = [];
try {
  for (const { name, env } of configurations) {
    const { router, url } = await startStandInRouter({ name, subgraphs, env, logFile: resolve(logDir, `${name}.log`) });
    routers.push({ name, router, url, cpu: [], rps: [] });
  }
  await Promise.all(routers.map(({ router }) => awaitReady(router)));
  const { request } = workload(root);
  // V8 keeps optimising the request path for many thousands of requests: each router gets a few, in turns.
  for (let turn = 0; turn < 3; turn += 1) {
    for (const each of routers) {
      await closedLoop(() => request(each.url, operation), { concurrency: 8, durationMs: 5000 });
    }
  }
  for (let round = 0; round < Number(rounds); round += 1) {
    for (const each of round % 2 ? [...routers].reverse() : routers) {
      const before = cpuSeconds(each.router.pid);
      const run = await openModel(() => request(each.url, operation), { rate: Number(rate), durationMs: Number(seconds) * 1000 });
      const used = cpuSeconds(each.router.pid) - before;
      each.cpu.push((used * 1000) / run.requests);
      const saturated = await closedLoop(() => request(each.url, operation), { concurrency: 8, durationMs: Number(seconds) * 1000 });
      each.rps.push(saturated.rps);
      const failed = Object.values(run.failures).reduce((sum, count) => sum + count, 0) + saturated.failed;
      console.log(`round ${round + 1} ${each.name}: ${each.cpu.at(-1).toFixed(2)} ms CPU/request, p50 ${run.p50.toFixed(1)} p99 ${run.p99.toFixed(1)} ms, `
        + `saturating ${saturated.rps.toFixed(1)} rps, ${failed} failed ${JSON.stringify(run.failures)}`);
    }
  }
} finally {
  await stopAll(routers.map(({ router }) => router));
  await subgraphs.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const [base] = routers;
for (const each of routers) {
  console.log(`${each.name.padEnd(16)} ${median(each.cpu).toFixed(2)} ms CPU/request  ratio ${(median(each.cpu) / median(base.cpu)).toFixed(2)}`
    + `   saturating ${median(each.rps).toFixed(1)} rps  ratio ${(median(each.rps) / median(base.rps)).toFixed(2)}`);
}
