// Where the router's CPU goes: node benchmark/load/profile.mjs [operation] [seconds] [KEY=value …]
// Starts the production router (with any extra environment given; SINK in a value is an OTLP endpoint on
// loopback that drops what it receives) in front of the schema-backed
// stand-in subgraphs of the router tests (no JVMs, so the profile is the router's alone), sends the
// operation from a closed loop of 8 clients, and prints the router's V8 CPU profile: self time by
// package or project file, and the hottest functions. Needs no build; not a benchmark figure.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { traceSink } from './comparisons.mjs';
import { closedLoop } from './load.mjs';
import { awaitReady, stopAll } from './processes.mjs';
import { root, startStandInRouter } from './stand-in-router.mjs';
import { workload } from './workload.mjs';
import { startSchemaSubgraphs } from '../../gateway-config/test/support/schema-subgraphs.mjs';

const [operation = 'UserOrders', seconds = '20', ...extra] = process.argv.slice(2);
const profileDir = resolve(root, '.run', 'router-profile');
rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });

let measuredFromUs = 0;
const subgraphs = await startSchemaSubgraphs();
const spawnedAt = Date.now();
const { router, url } = await startStandInRouter({
  name: 'router',
  subgraphs,
  env: Object.fromEntries(await Promise.all(extra.map(async (pair) => {
    const [key, ...value] = pair.split('=');
    const text = value.join('=');
    return [key, text.includes('SINK') ? text.replace('SINK', await traceSink()) : text];
  }))),
  nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  logFile: resolve(profileDir, 'router.log'),
});
try {
  await awaitReady(router);
  const { request } = workload(root);
  const next = () => request(url, operation);
  await closedLoop(next, { concurrency: 8, durationMs: 5000 });
  // Only the samples from here on are reported: start-up and warm-up are left out.
  measuredFromUs = (Date.now() - spawnedAt) * 1000;
  const run = await closedLoop(next, { concurrency: 8, durationMs: Number(seconds) * 1000 });
  console.log(`${operation}: ${run.completed} requests, ${run.rps.toFixed(0)} per second, ${run.failed} failed`);
} finally {
  await stopAll([router]);
  await subgraphs.close();
}
const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
if (!file) {
  throw new Error(`no profile written; see ${profileDir}/router.log`);
}
report(JSON.parse(readFileSync(resolve(profileDir, file), 'utf8')));

function report(profile) {
  const dt = new Map();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= measuredFromUs) {
      dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
  });
  const byGroup = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = dt.get(node.id) ?? 0;
    total += us;
    const { url, functionName, lineNumber } = node.callFrame;
    const group = groupOf(url, functionName);
    byGroup.set(group, (byGroup.get(group) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${group}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([name, us]) => `${(100 * us / total).toFixed(1).padStart(5)} %  ${name}`);
  console.log(`\nself time by package or file (${(total / 1e6).toFixed(1)} s sampled):`);
  console.log(top(byGroup, 25).join('\n'));
  console.log('\nhottest functions:');
  console.log(top(byFunction, 30).join('\n'));
}

function groupOf(url, functionName) {
  if (!url) {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('/gateway-config/')) {
    return url.slice(url.indexOf('/gateway-config/') + 1);
  }
  return url.startsWith('node:') ? 'node:internal' : url;
}
