// The benchmark: node benchmark/load/bench.mjs [--quick] [--soak <minutes>] [--compare <name>] (see benchmark/README.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop, openModel, send } from './load.mjs';
import { cpuMeter, rssMiB, stopAll, stopAllOnSignal } from './processes.mjs';
import { NODE_PEER, UNCACHED_CATALOG, gcLogOf, sqlStatements, startSupergraph } from './supergraph.mjs';
import { pausesBetween } from './gc-log.mjs';
import { entitiesOf, entitiesRequest, mixed, workload } from './workload.mjs';
import { productionJvm } from './jvm.mjs';
import { markdownReport } from './report.mjs';
import { warmUntilCompiled } from './warm-up.mjs';
import { compare, compareReport } from './compare.mjs';
import { medianOf, round1, round3 } from './numbers.mjs';
import { benchmarkOptions } from './options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const options = benchmarkOptions('run', process.argv.slice(2));
const quick = options.quick ?? false;
const soakMinutes = Number(options.soak ?? 0);
// A fixed soak rate, to compare a configuration with an earlier soak at the same load.
const soakRate = Number(options.rate ?? 0);
// warmMs: the soak's warm-up.
// entitiesWarmMs: the catalog, raw baseline and Node peer of the `_entities` comparison, each, in turns
// (longer while the JVMs still compile); the second catalog starts cold, and a minute of it compiling
// would be charged to its requests.
// concurrencyMs: each side's closed loop at each number of clients of the `_entities` comparison.
// warmUp: every scenario in turn until the subgraphs' JIT compilers have settled (warm-up.mjs); a quick
// run stops after a minute whatever they do, so its figures include compilation.
const timing = quick ? { warmMs: 4000, warmUp: { sliceMs: 2000, minMs: 20_000, maxMs: 60_000 }, entitiesWarmMs: 6000,
  saturateMs: 5000, measureMs: 10000, concurrencyMs: 2000, rounds: 2 }
  : { warmMs: 10000, warmUp: { sliceMs: 4000, minMs: 60_000, maxMs: 480_000 }, entitiesWarmMs: 60000,
    saturateMs: 10000, measureMs: 20000, concurrencyMs: 4000, rounds: 3 };
const SATURATION_CONCURRENCY = 16;
const JAVA = ['catalog', 'users', 'orders'];
const BASELINES = ['raw', UNCACHED_CATALOG, NODE_PEER];
const ENTITIES_CONCURRENCY = [1, 2, 4, 8, 16, 32];

stopAllOnSignal();
// `--compare <name>`: two router configurations side by side (compare.mjs), instead of the full run.
const compareSpec = options.compare ?? null;
if (compareSpec) {
  await runComparison(compareSpec);
  process.exit(0);
}

// `--entities`: only the `_entities` comparison, written to results/entities.*.
const entitiesOnly = options.entities ?? false;
const logDir = resolve(root, '.run', 'bench-logs');
const supergraph = await startSupergraph(root, logDir, { nodePeer: soakMinutes === 0 });
try {
  const results = soakMinutes > 0 ? await soak(soakMinutes) : entitiesOnly ? await entitiesRun() : await fullRun();
  const outDir = resolve(root, 'benchmark', 'results');
  mkdirSync(outDir, { recursive: true });
  const name = soakMinutes > 0 ? 'soak' : entitiesOnly ? 'entities' : 'latest';
  writeFileSync(resolve(outDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = markdownReport(results);
  writeFileSync(resolve(outDir, `${name}.md`), markdown);
  console.log(markdown);
} finally {
  await stopAll(supergraph.processes);
}

async function runComparison(spec) {
  const compareTiming = quick ? { subgraphWarmMs: 40000, warmMs: 2000, saturateMs: 3000, measureMs: 5000, rounds: 3 }
    : { subgraphWarmMs: 90000, warmMs: 8000, saturateMs: 8000, measureMs: 15000, rounds: 3 };
  if (options.rounds !== undefined) {
    compareTiming.rounds = Number(options.rounds);
  }
  // --scenarios UserOrders,mix (default: the comparison's own, else these two) and --rates UserOrders=20,mix=50
  // (default: half of A's saturating rate)
  const scenarios = options.scenarios?.split(',') ?? null;
  const rates = options.rates ? Object.fromEntries(options.rates.split(',')
    .map((pair) => pair.split('=')).map(([scenario, rate]) => [scenario, Number(rate)])) : {};
  const os = await import('node:os');
  const machine = { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))) };
  const outDir = resolve(root, 'benchmark', 'results');
  mkdirSync(outDir, { recursive: true });
  // --as <name>: the results' name when a list of comparisons would make an unwieldy file name.
  const name = options.as ?? spec;
  const file = `compare-${name.replace(/[^\w-]+/g, '-')}`;
  // The commit the run started from (a commit made while it runs is not what it measured).
  const startCommit = commit();
  const write = (comparisons) => {
    const results = { name, spec, commit: startCommit, date: new Date().toISOString(), machine, timing: compareTiming, comparisons };
    writeFileSync(resolve(outDir, `${file}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const markdown = compareReport(results);
    writeFileSync(resolve(outDir, `${file}.md`), markdown);
    return markdown;
  };
  const comparisons = await compare(root, spec, { timing: compareTiming, scenarios, rates, log, onResult: write });
  console.log(write(comparisons));
}

async function fullRun() {
  const { operations, request } = workload(root);
  const router = supergraph.url('router');
  const scenarios = [
    ...operations.map((operation) => ({ name: operation, next: () => request(router, operation) })),
    { name: 'mix', next: mixed(request, router) },
  ];
  const warmUp = await warmUntilCompiled(JAVA.concat('inventory').map((name) => supergraph.byName[name]),
    scenarios.map((scenario) => scenario.next), { ...timing.warmUp, log });
  const operationResults = [];
  for (const scenario of scenarios) {
    operationResults.push(await measure(scenario));
  }
  return {
    commit: commit(),
    date: new Date().toISOString(),
    machine: await machine(),
    timing,
    warmUp: { ...warmUp, compilerShareByTurn: undefined, lastTurn: warmUp.compilerShareByTurn.at(-1) },
    operations: operationResults,
    entities: await entitiesSideBySide(),
    rssMiB: Object.fromEntries(supergraph.processes.map((proc) => [proc.name, Math.round(rssMiB(proc.pid))])),
  };
}

async function entitiesRun() {
  return { commit: commit(), date: new Date().toISOString(), machine: await machine(), timing, entities: await entitiesSideBySide() };
}

async function machine() {
  return { cpus: (await import('node:os')).cpus().length, node: process.version, java: javaVersion() };
}

/** Saturating rate with a closed loop, then an open-model measurement at half of it. */
async function measure({ name, next }) {
  const saturation = await closedLoop(next, { concurrency: SATURATION_CONCURRENCY, durationMs: timing.saturateMs });
  const rate = Math.max(1, Math.floor(saturation.rps / 2));
  log(`${name}: saturates at ${saturation.rps.toFixed(0)} rps; measuring at ${rate} rps`);
  const sqlBefore = await sqlCounts();
  const meter = cpuMeter(supergraph.processes.filter((proc) => !BASELINES.includes(proc.name)));
  const from = Date.now();
  const run = await openModel(next, { rate, durationMs: timing.measureMs });
  const cpu = meter();
  const to = Date.now();
  const sqlAfter = await sqlCounts();
  return {
    name,
    saturatingRps: round1(saturation.rps),
    saturationErrors: saturation.failed,
    rate,
    ...summary(run),
    cpuMsPerRequest: perRequest(cpu, run.requests),
    // The metric counts the reads of the metrics endpoint itself too: none here (it is HTTP, not SQL).
    sqlPerRequest: Object.fromEntries(JAVA.map((sub) => [sub, round3((sqlAfter[sub] - sqlBefore[sub]) / run.requests, 2)])),
    // A stop-the-world pause holds every request the subgraph has in hand: the p99's usual suspect.
    gcPauses: Object.fromEntries(JAVA.map((sub) => [sub, pausesBetween(gcLogOf(logDir, sub), from, to)])),
  };
}

/**
 * `_entities` for 100 Products at the catalog subgraph, at the raw JDBC + Jackson baseline and at the
 * Node peer (`@apollo/subgraph` + `pg`), in interleaved rounds: first at the same rate (half the
 * subgraph's saturating rate in that round), so all see the same machine and the ratio of CPU per
 * request is the result; then closed loops at each of ENTITIES_CONCURRENCY, for throughput.
 */
async function entitiesSideBySide() {
  // The catalog with its read cache off (supergraph.mjs), so the code path is measured, not the cache.
  const side = (name, url, pid) => ({ name, url, next: entitiesRequest(url, supergraph.secret), pid });
  const catalog = side('catalog', supergraph.url(UNCACHED_CATALOG), supergraph.byName[UNCACHED_CATALOG]);
  const raw = side('raw', `http://127.0.0.1:${supergraph.ports.raw}/graphql`, supergraph.byName.raw);
  const node = side('node', `http://127.0.0.1:${supergraph.ports[NODE_PEER]}/graphql`, supergraph.byName[NODE_PEER]);
  const sides = [catalog, raw, node];
  await sameAnswers(sides);
  // Each side for a third of entitiesWarmMs per turn, three turns at least, more while the JVMs still compile.
  await warmUntilCompiled([catalog.pid, raw.pid], sides.map((s) => s.next), { concurrency: 4,
    sliceMs: timing.entitiesWarmMs / 3, minMs: timing.entitiesWarmMs * 3, maxMs: timing.entitiesWarmMs * 6, log });
  const rounds = [];
  for (let round = 0; round < timing.rounds; round += 1) {
    const row = {};
    for (const { name, next } of sides) {
      const saturation = await closedLoop(next, { concurrency: 8, durationMs: timing.saturateMs / 2 });
      row[name] = { saturatingRps: saturation.rps, failed: saturation.failed };
    }
    const rate = Math.max(1, Math.floor(row.catalog.saturatingRps / 2));
    for (const { name, next, pid } of inTurn(sides, round)) {
      const meter = cpuMeter([pid]);
      const run = await openModel(next, { rate, durationMs: timing.measureMs / 2 });
      const cpu = meter();
      Object.assign(row[name], { rate, ...summary(run), cpuMsPerRequest: round3((cpu[pid.name] * 1000) / run.requests),
        postgresCpuMsPerRequest: round3((cpu.postgres * 1000) / run.requests) });
    }
    log(`entities round ${round + 1}: CPU ms/request ${sides.map(({ name }) => `${name} ${row[name].cpuMsPerRequest}`).join(', ')}`);
    rounds.push(row);
  }
  const median = (name, key) => round3(medianOf(rounds.map((row) => row[name][key])));
  return {
    rounds,
    catalogCpuMs: median('catalog', 'cpuMsPerRequest'),
    rawCpuMs: median('raw', 'cpuMsPerRequest'),
    nodeCpuMs: median('node', 'cpuMsPerRequest'),
    // The subgraph's efficiency against the floor: 1.0 would be as cheap as raw JDBC + Jackson.
    cpuRatio: round3(median('raw', 'cpuMsPerRequest') / median('catalog', 'cpuMsPerRequest')),
    saturationRatio: round3(median('catalog', 'saturatingRps') / median('raw', 'saturatingRps')),
    // Above 1: the subgraph is cheaper per request than the Node peer.
    nodeCpuRatio: round3(median('node', 'cpuMsPerRequest') / median('catalog', 'cpuMsPerRequest')),
    byConcurrency: await entitiesByConcurrency(sides),
  };
}

/** `sides` starting with a different one each round, so that no side always runs right after the same other. */
function inTurn(sides, round) {
  const first = round % sides.length;
  return [...sides.slice(first), ...sides.slice(0, first)];
}

/**
 * Fails the run unless every side answers the same `_entities` request with the same JSON (an
 * unknown id included): a peer that answered less would be measured doing less.
 */
async function sameAnswers(sides) {
  const ids = [...Array.from({ length: 99 }, (_, i) => 1 + i * 50), 999_999_999];
  const answers = await Promise.all(sides.map(async ({ name, url }) => {
    const { status, text } = await send(entitiesOf(url, supergraph.secret, ids));
    return { name, status, data: JSON.stringify(JSON.parse(text)) };
  }));
  const [first, ...others] = answers;
  for (const other of others) {
    if (first.status !== 200 || other.status !== 200 || other.data !== first.data) {
      throw new Error(`_entities answers differ: ${first.name} ${first.status} ${first.data.slice(0, 300)} against `
        + `${other.name} ${other.status} ${other.data.slice(0, 300)}`);
    }
  }
}

/**
 * Each side's closed-loop throughput and CPU per request at each of ENTITIES_CONCURRENCY clients,
 * sides and rounds interleaved; medians over the rounds.
 */
async function entitiesByConcurrency(sides) {
  const perRound = [];
  for (let round = 0; round < timing.rounds; round += 1) {
    const row = {};
    for (const concurrency of ENTITIES_CONCURRENCY) {
      for (const { name, next, pid } of inTurn(sides, round)) {
        const meter = cpuMeter([pid]);
        const run = await closedLoop(next, { concurrency, durationMs: timing.concurrencyMs });
        const cpu = meter();
        row[`${name}@${concurrency}`] = { rps: run.rps, failed: run.failed, cpuMsPerRequest: (cpu[pid.name] * 1000) / run.completed };
      }
    }
    perRound.push(row);
  }
  return ENTITIES_CONCURRENCY.map((concurrency) => {
    const figures = Object.fromEntries(sides.map(({ name }) => {
      const runs = perRound.map((row) => row[`${name}@${concurrency}`]);
      return [name, { rps: round1(medianOf(runs.map((run) => run.rps))), cpuMsPerRequest: round3(medianOf(runs.map((run) => run.cpuMsPerRequest))),
        failed: runs.reduce((sum, run) => sum + run.failed, 0) }];
    }));
    log(`entities at ${concurrency} clients: rps ${sides.map(({ name }) => `${name} ${figures[name].rps}`).join(', ')}`);
    return { concurrency, ...figures, catalogOverNode: round3(figures.catalog.rps / figures.node.rps) };
  });
}

/** The mix at half its saturating rate for `minutes`, sampling every process's RSS. */
async function soak(minutes) {
  const { request } = workload(root);
  const next = mixed(request, supergraph.url('router'));
  await closedLoop(next, { concurrency: 4, durationMs: timing.warmMs });
  const saturation = await closedLoop(next, { concurrency: SATURATION_CONCURRENCY, durationMs: timing.saturateMs });
  const rate = soakRate || Math.max(1, Math.floor(saturation.rps / 2));
  log(`soak: mix saturates at ${saturation.rps.toFixed(0)} rps; ${minutes} min at ${rate} rps`);
  const samples = [];
  const sample = () => samples.push({ atSeconds: samples.length * 10,
    ...Object.fromEntries(supergraph.processes.map((proc) => [proc.name, Math.round(rssMiB(proc.pid))])) });
  sample();
  const timer = setInterval(sample, 10000);
  const meter = cpuMeter(supergraph.processes.filter((proc) => !BASELINES.includes(proc.name)));
  const run = await openModel(next, { rate, durationMs: minutes * 60000 });
  const cpu = meter();
  clearInterval(timer);
  sample();
  return { commit: commit(), date: new Date().toISOString(), soakMinutes: minutes, rate, saturatingRps: round1(saturation.rps), ...summary(run),
    cpuMsPerRequest: perRequest(cpu, run.requests), rssSamples: samples };
}

async function sqlCounts() {
  return Object.fromEntries(await Promise.all(JAVA.map(async (name) => [name, await sqlStatements(supergraph.ports[name])])));
}

function summary(run) {
  return { rps: round1(run.rps), requests: run.requests, dropped: run.dropped, failures: run.failures,
    p50: round1(run.p50), p95: round1(run.p95), p99: round1(run.p99) };
}

function perRequest(cpu, requests) {
  return Object.fromEntries(Object.entries(cpu).map(([name, seconds]) => [name, round3((seconds * 1000) / requests)]));
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The JVM the subgraphs run on (the catalog's stands for all: they share options and JDK). */
function javaVersion() {
  const jvm = productionJvm(root, 'catalog');
  const version = spawnSync(jvm.command, ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0];
  return `subgraphs on ${version} (${jvm.describe})`;
}

function log(message) {
  console.error(`▶ ${message}`);
}
