// `node benchmark/load/builds-ab.mjs <root A> [<root B>] [--only <part of a scenario's name>] [--rounds N]`:
// two builds of the subgraphs side by side,
// each subgraph's jar from checkout A (e.g. a worktree of the commit before a change, built with
// `./mvnw -DskipTests package`) and from checkout B (default: this one), on the same databases,
// in production configuration (10 % field timing, 10 % of traces exported to a sink on loopback,
// the catalog's read cache off so its code path is measured). Each scenario is one request kind
// straight at a subgraph, signed like the router's and carrying `traceparent` with one in ten
// sampled. After a warm-up of every instance in turns, each round measures A and B (the order
// alternating) twice: a closed loop of 4 clients (saturating: rps and CPU per request) and an
// open-model run at a fixed rate (CPU per request at a moderate load). Prints each round and the
// medians with their ratios B / A, then each instance's RSS after the rounds.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { traceSink } from './comparisons.mjs';
import { closedLoop, openModel, warmInTurn } from './load.mjs';
import { startLocalPostgres } from './local-postgres.mjs';
import { medianOf } from './numbers.mjs';
import { awaitReady, cpuMeter, freePort, rssMiB, stopAll, stopAllOnSignal } from './processes.mjs';
import { startSubgraphInstance } from './supergraph.mjs';
import { USERS, signedRequest, subgraphRequest, traced, userTokens } from './workload.mjs';

const here = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const [rootA, rootB = here] = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'))
  .map((path) => resolve(path));
if (!rootA) {
  console.error('usage: node benchmark/load/builds-ab.mjs <checkout A> [<checkout B>] [--only <scenario name part>] [--rounds N]');
  process.exit(2);
}
const ROUNDS = Number(option('--rounds', 4));
const PHASE_MS = 10_000;
const WARM_MS = 45_000;
const SUBGRAPHS = ['users', 'orders', 'catalog'];

/** A user's first page of orders with their items, as orders serves it to the router for `UserOrders`. */
function userOrdersRequest(url, secret) {
  const query = 'query E($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { '
    + 'orders(first: 10) { edges { cursor node { id status placedAt total { amount currency } items { quantity '
    + 'unitPrice { amount currency } product { id } } } } pageInfo { hasNextPage endCursor } } } } }';
  const tokens = userTokens();
  return () => {
    const user = 1 + Math.floor(Math.random() * USERS);
    return signedRequest(url, secret, query, { representations: [{ __typename: 'User', id: String(user) }] },
      { authorization: `Bearer ${tokens[user]}` });
  };
}

const SCENARIOS = [
  { name: 'user(id)', subgraph: 'users', request: (url, secret) => subgraphRequest('users', url, secret), rate: 300 },
  { name: 'User.orders with items', subgraph: 'orders', request: userOrdersRequest, rate: 150 },
  { name: 'order(id) with items', subgraph: 'orders', request: (url, secret) => subgraphRequest('orders', url, secret), rate: 200 },
  { name: '_entities x 100 Product', subgraph: 'catalog', request: (url, secret) => subgraphRequest('catalog', url, secret), rate: 150 },
].filter((scenario) => scenario.name.includes(option('--only', '')));

const logDir = resolve(here, '.run', 'builds-ab');
mkdirSync(logDir, { recursive: true });
const secret = randomBytes(32).toString('hex');
const postgres = await startLocalPostgres(here, logDir, SUBGRAPHS);
const started = [postgres.proc];
stopAllOnSignal();
const production = ['--subgraph.observability.field-sample-rate=0.1', '--management.tracing.sampling.probability=0.1',
  `--management.opentelemetry.tracing.export.otlp.endpoint=${await traceSink()}`, '--catalog.cache.enabled=false'];
try {
  const instances = {};
  // A first: its start seeds each database, which B then finds seeded.
  for (const [side, root] of [['a', rootA], ['b', rootB]]) {
    const procs = await Promise.all(SUBGRAPHS.map(async (subgraph) => {
      const port = await freePort();
      const proc = startSubgraphInstance(root, logDir, { name: `${subgraph}-${side}`, subgraph, port,
        databasePort: postgres.ports[subgraph], secret, args: production });
      started.push(proc);
      instances[`${subgraph}-${side}`] = { pid: proc.pid, url: `http://127.0.0.1:${port}/graphql` };
      return proc;
    }));
    await Promise.all(procs.map((proc) => awaitReady(proc)));
  }
  const sides = (scenario) => ['a', 'b'].map((side) => {
    const instance = instances[`${scenario.subgraph}-${side}`];
    return { side, pid: instance.pid, next: traced(scenario.request(instance.url, secret)) };
  });
  const loads = SCENARIOS.map((scenario) => ({ scenario, sides: sides(scenario) }));
  console.log(`A = ${rootA}, B = ${rootB}; warming up every instance (${WARM_MS / 1000} s per scenario, in turns)`);
  await warmInTurn(loads.flatMap((load) => load.sides.map((side) => side.next)), WARM_MS);
  for (const { scenario, sides: pair } of loads) {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const row = {};
      for (const side of round % 2 ? [...pair].reverse() : pair) {
        let meter = cpuMeter([{ name: 'subgraph', pid: side.pid }]);
        const saturated = await closedLoop(side.next, { concurrency: 4, durationMs: PHASE_MS });
        const saturatedCpu = meter().subgraph;
        meter = cpuMeter([{ name: 'subgraph', pid: side.pid }]);
        const open = await openModel(side.next, { rate: scenario.rate, durationMs: PHASE_MS });
        const openCpu = meter().subgraph;
        row[side.side] = { rps: saturated.rps, saturatedMs: (saturatedCpu * 1000) / saturated.completed,
          openMs: (openCpu * 1000) / open.requests, p99: open.p99,
          failed: saturated.failed + open.dropped + Object.values(open.failures).reduce((sum, count) => sum + count, 0) };
      }
      rounds.push(row);
      const line = (side) => `${row[side].rps.toFixed(0)} rps ${row[side].saturatedMs.toFixed(3)} ms, at ${scenario.rate}/s `
        + `${row[side].openMs.toFixed(3)} ms, failed ${row[side].failed}`;
      console.log(`${scenario.name} round ${round + 1}: A ${line('a')}; B ${line('b')}`);
    }
    const median = (side, key) => medianOf(rounds.map((row) => row[side][key]));
    const compare = (key, digits) => `A ${median('a', key).toFixed(digits)} → B ${median('b', key).toFixed(digits)} `
      + `(${(median('b', key) / median('a', key)).toFixed(2)})`;
    console.log(`== ${scenario.name} (${scenario.subgraph}): saturating rps ${compare('rps', 0)}; CPU ms/request saturated `
      + `${compare('saturatedMs', 3)}, at ${scenario.rate}/s ${compare('openMs', 3)}; p99 ms at ${scenario.rate}/s ${compare('p99', 1)}`);
  }
  // Memory after the same load on both sides (each signed request leaves its nonce in the replay memory).
  console.log(`RSS after the rounds, MiB: ${SUBGRAPHS.map((subgraph) => `${subgraph} A ${rssMiB(instances[`${subgraph}-a`].pid).toFixed(0)}`
    + ` → B ${rssMiB(instances[`${subgraph}-b`].pid).toFixed(0)}`).join(', ')}`);
} finally {
  await stopAll(started);
}
