// The benchmark's regression check for CI: node benchmark/load/check.mjs (see benchmark/README.md).
// A short run at fixed, modest rates; every figure is CPU per request divided by the raw JDBC +
// Jackson baseline's CPU per request measured in the same rounds, so it is a property of the code,
// not of how fast or busy the machine is. A figure more than 20 % over its budget in
// benchmark/budgets.json fails the check; a failure is measured once more and counts only if the
// figure is over its limit both times, so one noisy run does not fail a build.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop, openModel } from './load.mjs';
import { cpuMeter, stopAll } from './processes.mjs';
import { UNCACHED_CATALOG, startSupergraph } from './supergraph.mjs';
import { entitiesRequest, mixed, workload } from './workload.mjs';
import { medianOf } from './numbers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOLERANCE = 1.2;
const ROUNDS = 5;
const budgets = JSON.parse(readFileSync(resolve(root, 'benchmark', 'budgets.json'), 'utf8'));

const supergraph = await startSupergraph(root, resolve(root, '.run', 'bench-logs'));
const stop = () => stopAll(supergraph.processes).then(() => process.exit(1));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
let failed = false;
try {
  const scenarios = scenariosOf(supergraph);
  for (const scenario of scenarios) {
    await closedLoop(scenario.next, { concurrency: 4, durationMs: 30000 });
  }
  let figures = await measure(scenarios);
  let over = regressions(figures);
  if (over.length > 0) {
    console.error(`▶ over budget in a first run (${over.map((row) => row.figure).join(', ')}); measuring again`);
    const again = await measure(scenarios);
    // Each figure at the lower of its two runs; the unit as the second run measured it.
    figures = Object.fromEntries(Object.entries(again)
      .map(([figure, value]) => [figure, figure === 'rawCpuMs' ? value : Math.min(value, figures[figure])]));
    over = regressions(figures);
  }
  const rows = Object.keys(figures).filter((figure) => figure !== 'rawCpuMs').map((figure) => {
    const budget = budgets.figures[figure];
    return { figure, budget: budget ?? '–', measured: figures[figure], limit: budget ? round(budget * TOLERANCE) : '–',
      verdict: budget === undefined ? 'no budget' : figures[figure] > budget * TOLERANCE ? 'REGRESSION' : 'ok' };
  });
  failed = over.length > 0;
  const outDir = resolve(root, '.run');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'benchmark-check.json'), `${JSON.stringify({ date: new Date().toISOString(), rows, figures }, null, 2)}\n`);
  console.log(report(rows, figures));
} finally {
  await stopAll(supergraph.processes);
}
process.exit(failed ? 1 : 0);

/** The measured scenarios, each at a fixed rate the slowest machine of this kind sustains easily. */
function scenariosOf({ url, secret, ports, byName }) {
  const { request } = workload(root);
  const router = url('router');
  return [
    { name: 'raw', rate: 100, ms: 8000, next: entitiesRequest(`http://127.0.0.1:${ports.raw}/graphql`, secret), procs: [byName.raw] },
    // the catalog's code path with its read cache off, as in benchmark/run
    { name: 'entities', rate: 100, ms: 8000, next: entitiesRequest(url(UNCACHED_CATALOG), secret), procs: [byName[UNCACHED_CATALOG]] },
    { name: 'UserOrders', rate: 15, ms: 12000, next: () => request(router, 'UserOrders'), procs: subgraphsAndRouter() },
    { name: 'mix', rate: 30, ms: 12000, next: mixed(request, router), procs: subgraphsAndRouter() },
  ];

  function subgraphsAndRouter() {
    return ['router', 'users', 'orders', 'catalog'].map((name) => byName[name]);
  }
}

/** Interleaved rounds; the median of each figure, in units of the raw baseline's CPU per request. */
async function measure(scenarios) {
  const perRound = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const cpu = {};
    for (const scenario of scenarios) {
      const meter = cpuMeter(scenario.procs);
      const run = await openModel(scenario.next, { rate: scenario.rate, durationMs: scenario.ms });
      const used = meter();
      const failures = Object.values(run.failures).reduce((sum, count) => sum + count, 0);
      if (failures > 0) {
        throw new Error(`${scenario.name}: ${failures} failed requests (${JSON.stringify(run.failures)})`);
      }
      for (const proc of scenario.procs) {
        cpu[`${scenario.name}.${proc.name}`] = (used[proc.name] * 1000) / run.requests;
      }
    }
    const unit = cpu['raw.raw'];
    perRound.push(Object.fromEntries(Object.entries(cpu).filter(([key]) => key !== 'raw.raw')
      .map(([key, ms]) => [key, ms / unit]).concat([['rawCpuMs', unit]])));
    console.error(`▶ round ${round + 1}: CPU ms per request ${Object.entries(cpu).map(([key, ms]) => `${key} ${ms.toFixed(2)}`).join(', ')}`);
  }
  return Object.fromEntries(Object.keys(perRound[0]).map((key) => [key, round(medianOf(perRound.map((row) => row[key])))]));
}

function regressions(figures) {
  return Object.entries(budgets.figures)
    .filter(([figure, budget]) => !(figures[figure] <= budget * TOLERANCE))
    .map(([figure]) => ({ figure }));
}

function report(rows, figures) {
  return [
    `CPU per request in units of the raw baseline's (${figures.rawCpuMs} ms here); a figure over its budget by more than 20 % is a regression.`,
    '',
    '| figure | budget | limit | measured | verdict |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((row) => `| ${row.figure} | ${row.budget} | ${row.limit} | ${row.measured} | ${row.verdict} |`),
  ].join('\n');
}

function round(value) {
  return Math.round(value * 100) / 100;
}
