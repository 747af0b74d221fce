// Where the router's CPU goes: node benchmark/load/profile.mjs [operation] [seconds] [KEY=value …]
// Starts the production router (with any extra environment given) in front of the schema-backed
// stand-in subgraphs of the router tests (no JVMs, so the profile is the router's alone), sends the
// operation from a closed loop of 8 clients, and prints the router's V8 CPU profile: self time by
// package or project file, and the hottest functions. Needs no build; not a benchmark figure.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop } from './load.mjs';
import { awaitReady, freePort, startProcess, stopAll } from './processes.mjs';
import { workload } from './workload.mjs';
import { startSchemaSubgraphs } from '../../gateway-config/test/support/schema-subgraphs.mjs';
import { SUBGRAPHS, urlVariable } from '../../gateway-config/router/subgraphs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [operation = 'UserOrders', seconds = '20', ...extra] = process.argv.slice(2);
const profileDir = resolve(root, '.run', 'router-profile');
rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });

let measuredFromUs = 0;
const subgraphs = await startSchemaSubgraphs();
const port = await freePort();
const spawnedAt = Date.now();
const router = startProcess({
  name: 'router',
  command: 'node',
  args: ['--max-old-space-size=224', '--cpu-prof', `--cpu-prof-dir=${profileDir}`, 'node_modules/@graphql-hive/gateway/dist/bin.js',
    'supergraph', 'supergraph.graphql', '--host', '127.0.0.1', '--port', String(port)],
  env: {
    NODE_ENV: 'production',
    GATEWAY_MODE: 'production',
    JWT_PUBLIC_KEY_FILE: resolve(root, 'subgraph-starter-dev/src/main/resources/dev-keys/dev-public.pem'),
    ROUTER_HMAC_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_MAX: '100000000',
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), subgraphs.urls[name]])),
    ...Object.fromEntries(extra.map((pair) => pair.split('='))),
  },
  cwd: resolve(root, 'gateway-config'),
  logFile: resolve(profileDir, 'router.log'),
  ready: `http://127.0.0.1:${port}/readiness`,
});
try {
  await awaitReady(router);
  const { request } = workload(root);
  const next = () => request(`http://127.0.0.1:${port}/graphql`, operation);
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
