// Router configurations side by side without JVMs: node benchmark/load/router-ab.mjs [operation]
//   [seconds per round] [rounds] [rate] NAME=KEY=value,KEY=value … (one argument per configuration)
// Starts one production router per configuration in front of the router tests' schema-backed
// stand-in subgraphs, sends them all the same open-model load at once in each round, then each in turn
// a closed loop that saturates it, and prints per configuration the router's CPU ms per request and its
// saturating rate (medians of the rounds) with their ratios to the first configuration (the median
// of each round's ratio). NODE_FLAGS=<flags separated by spaces> in a configuration starts its node with
// them (V8's flags, which NODE_OPTIONS refuses). GATEWAY_CONFIG=<dir> in a configuration runs the router of another
// checkout (a git worktree whose gateway-config has the node_modules), to compare two builds. A
// router's own parts are measured here, not the stack: the stand-ins cost next to nothing, so the
// saturating rate is the router's throughput, one event loop's worth.
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
  const { GATEWAY_CONFIG: gatewayConfig, NODE_FLAGS: nodeFlags = '', ...routerEnv } = env;
  return { name, env: routerEnv, gatewayConfig, nodeFlags: nodeFlags.split(' ').filter(Boolean) };
});

const subgraphs = await startSchemaSubgraphs();
const routers = [];
try {
  for (const { name, env, gatewayConfig, nodeFlags } of configurations) {
    const { router, url } = await startStandInRouter({ name, subgraphs, env, gatewayConfig, nodeFlags, logFile: resolve(logDir, `${name}.log`) });
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
    // All routers under the same open-model load at the same time: a host that is slower for a while
    // (a shared machine's steal, its clock) slows every one of them alike, so the ratios hold.
    const before = routers.map((each) => cpuSeconds(each.router.pid));
    const runs = await Promise.all(routers.map((each) =>
      openModel(() => request(each.url, operation), { rate: Number(rate), durationMs: Number(seconds) * 1000 })));
    routers.forEach((each, index) => each.cpu.push(((cpuSeconds(each.router.pid) - before[index]) * 1000) / runs[index].requests));
    for (const [index, each] of (round % 2 ? [...routers].reverse() : routers).entries()) {
      const run = runs[routers.indexOf(each)];
      const saturated = await closedLoop(() => request(each.url, operation), { concurrency: 8, durationMs: Number(seconds) * 1000 });
      each.rps.push(saturated.rps);
      const failed = Object.values(run.failures).reduce((sum, count) => sum + count, 0) + saturated.failed;
      console.log(`round ${round + 1} ${each.name}: ${each.cpu.at(-1).toFixed(2)} ms CPU/request, p50 ${run.p50.toFixed(1)} p99 ${run.p99.toFixed(1)} ms, `
        + `saturating ${saturated.rps.toFixed(1)} rps (${index + 1}. in turn), ${failed} failed ${JSON.stringify(run.failures)}`);
    }
  }
} finally {
  await stopAll(routers.map(({ router }) => router));
  await subgraphs.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const [base] = routers;
// The ratio of each round's pair, then their median: steadier than the ratio of the medians.
const ratio = (each, key) => median(each[key].map((value, round) => value / base[key][round]));
for (const each of routers) {
  console.log(`${each.name.padEnd(16)} ${median(each.cpu).toFixed(2)} ms CPU/request  ratio ${ratio(each, 'cpu').toFixed(2)}`
    + `   saturating ${median(each.rps).toFixed(1)} rps  ratio ${ratio(each, 'rps').toFixed(2)}`);
}
