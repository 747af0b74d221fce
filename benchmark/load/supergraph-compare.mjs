// `benchmark/run --compare supergraph-observability`: two complete supergraphs, A and B, side by side
// (a production router and every subgraph each; the subgraphs of both on the same databases), measured
// as a client sees them: through each router, in interleaved rounds (A, B, then B, A, …). Per round
// and side: the CPU of each of the side's processes and of PostgreSQL per request at one open-model
// rate, then the side's saturating rate from a closed loop. A comparison of routers alone
// (compare.mjs) shares its subgraphs, and one of subgraph instances (subgraph-compare.mjs) has no
// router; this one changes both at once, which is what a client's throughput depends on.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUBGRAPHS as REGISTRY } from '../../gateway-config/router/subgraphs.mjs';
import { startLocalPostgres } from './local-postgres.mjs';
import { closedLoop, openModel } from './load.mjs';
import { medianOf, round1, round3 } from './numbers.mjs';
import { awaitReady, cpuMeter, freePort, stopAll } from './processes.mjs';
import { sqlStatements, startProductionRouter, startSubgraphInstance, subgraphCalls } from './supergraph.mjs';
import { warmUntilCompiled } from './warm-up.mjs';
import { mixed, workload } from './workload.mjs';

const SUBGRAPHS = REGISTRY.map((subgraph) => subgraph.name);
/** Every process a side's request costs, in report order. */
export const SUPERGRAPH_PROCESSES = ['router', ...SUBGRAPHS, 'postgres'];
const SATURATION_CONCURRENCY = 16;

/**
 * Runs one comparison with `supergraphs: true` (comparisons.mjs): A and B differ by the router's
 * environment (`env`) and the subgraphs' Spring properties (`args`); `prepare` may add to both and
 * return a `sink` whose counts are reported. `rates` (scenario -> rps) fixes the rates, otherwise
 * each scenario runs at half of A's saturating rate.
 */
export async function compareSupergraphs(root, comparison, { timing, scenarios, rates = {}, log }) {
  const logDir = resolve(root, '.run', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  log(`${comparison.name}: A = ${comparison.a.label}; B = ${comparison.b.label}`);
  const postgres = await startLocalPostgres(root, logDir, SUBGRAPHS);
  const started = [postgres.proc];
  const prepared = { a: await comparison.a.prepare?.() ?? {}, b: await comparison.b.prepare?.() ?? {} };
  const { request } = workload(root);
  try {
    const sides = [];
    // A first: its start migrates and seeds each database, which B then finds ready.
    for (const side of ['a', 'b']) {
      sides.push(await startSide(side));
    }
    // Eight fresh JVMs compile the request paths at these low rates for minutes: both sides in turns, each
    // scenario, for at least subgraphWarmMs per side and scenario and on while any subgraph still compiles.
    log(`warming up both supergraphs (at least ${timing.subgraphWarmMs / 1000} s per side and scenario, until their compilers settle)`);
    const loads = scenarios.flatMap((scenario) => sides.map((side) => side.next(scenario)));
    const jvms = sides.flatMap((side) => side.processes.filter((proc) => proc.name !== 'router')
      .map((proc) => ({ name: `${proc.name}-${side.side}`, pid: proc.pid })));
    await warmUntilCompiled(jvms, loads, { concurrency: 4, sliceMs: timing.subgraphWarmMs / 3,
      minMs: timing.subgraphWarmMs * loads.length, maxMs: timing.subgraphWarmMs * loads.length * 2, log });
    const results = [];
    for (const scenario of scenarios) {
      results.push(await measureScenario(scenario, sides));
    }
    return { name: comparison.name, about: comparison.about, a: comparison.a, b: comparison.b, kind: 'supergraphs',
      scenarios: results, sink: prepared.b.sink ?? prepared.a.sink ?? null };
  } finally {
    await stopAll(started);
  }

  async function startSide(side) {
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()])));
    const url = (name) => `http://127.0.0.1:${ports[name]}/graphql`;
    const subgraphs = SUBGRAPHS.map((name) => startSubgraphInstance(root, logDir, { name: `${name}-${side}`, subgraph: name,
      port: ports[name], databasePort: postgres.ports[name], secret,
      args: [...subgraphCalls(name, url), ...(comparison[side].args ?? []), ...(prepared[side].args ?? [])] }));
    started.push(...subgraphs);
    await Promise.all(subgraphs.map((proc) => awaitReady(proc)));
    const routerPort = await freePort();
    const router = startProductionRouter(root, logDir, { name: `router-${side}`, port: routerPort, secret, subgraphUrl: url,
      env: { ...comparison[side].env, ...prepared[side].env } });
    started.push(router);
    await awaitReady(router);
    const routerUrl = `http://127.0.0.1:${routerPort}/graphql`;
    return {
      side,
      /** The SQL statements of all its subgraphs so far; null when one counts none (SQL metrics off). */
      sql: async () => {
        const counts = await Promise.all(SUBGRAPHS.map((name) => sqlStatements(ports[name])));
        return counts.includes(null) ? null : counts.reduce((sum, count) => sum + count, 0);
      },
      // Metered under their roles' names, so A's and B's figures line up.
      processes: [{ name: 'router', pid: router.pid }, ...subgraphs.map((proc, i) => ({ name: SUBGRAPHS[i], pid: proc.pid }))],
      next: (scenario) => (scenario === 'mix' ? mixed(request, routerUrl) : () => request(routerUrl, scenario)),
    };
  }

  async function measureScenario(scenario, sides) {
    const next = Object.fromEntries(sides.map((side) => [side.side, side.next(scenario)]));
    for (const side of sides) {
      await closedLoop(next[side.side], { concurrency: 4, durationMs: timing.warmMs });
    }
    const saturation = rates[scenario] ? null
      : await closedLoop(next.a, { concurrency: SATURATION_CONCURRENCY, durationMs: timing.saturateMs });
    const rate = rates[scenario] ?? Math.max(1, Math.floor(saturation.rps / 2));
    log(`${comparison.name} ${scenario}: ${timing.rounds} rounds at ${rate} rps, then saturated`);
    const rounds = [];
    for (let round = 0; round < timing.rounds; round += 1) {
      const row = {};
      // A, B in odd rounds and B, A in even ones: a drift of the shared machine's load favours neither side.
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const meter = cpuMeter(side.processes);
        const sqlBefore = await side.sql();
        const run = await openModel(next[side.side], { rate, durationMs: timing.measureMs });
        const cpu = meter();
        const sqlAfter = await side.sql();
        // The saturated phase is metered too: the throughput is set by what each process costs there.
        const saturatedMeter = cpuMeter(side.processes);
        const saturated = await closedLoop(next[side.side], { concurrency: SATURATION_CONCURRENCY, durationMs: timing.saturateMs });
        const saturatedCpu = saturatedMeter();
        const perRequest = (used, requests) => Object.fromEntries(SUPERGRAPH_PROCESSES
          .map((name) => [name, round3((used[name] * 1000) / Math.max(1, requests))]));
        const cpuMsPerRequest = perRequest(cpu, run.requests);
        const saturatedCpuMsPerRequest = perRequest(saturatedCpu, saturated.completed);
        row[side.side] = {
          requests: run.requests,
          failed: Object.values(run.failures).reduce((sum, count) => sum + count, 0) + run.dropped + saturated.failed,
          failures: run.failures,
          p50: round1(run.p50),
          p99: round1(run.p99),
          cpuMsPerRequest,
          totalCpuMsPerRequest: round3(Object.values(cpuMsPerRequest).reduce((sum, ms) => sum + ms, 0)),
          sqlPerRequest: sqlBefore === null || sqlAfter === null ? null : round3((sqlAfter - sqlBefore) / Math.max(1, run.requests)),
          saturatingRps: round1(saturated.rps),
          saturatedCpuMsPerRequest,
        };
      }
      log(`  round ${round + 1}: CPU ms/request A ${row.a.totalCpuMsPerRequest}, B ${row.b.totalCpuMsPerRequest};`
        + ` saturating rps A ${row.a.saturatingRps}, B ${row.b.saturatingRps}; failed A ${row.a.failed}, B ${row.b.failed}`);
      rounds.push(row);
    }
    return { scenario, rate, saturatingRpsA: saturation ? round1(saturation.rps) : null, rounds, ...summary(rounds) };
  }
}

/** Medians over the rounds per side, and the ratios B / A of the medians and of each round. */
function summary(rounds) {
  const median = (side, pick) => medianOf(rounds.map((row) => pick(row[side])));
  const sideSummary = (side) => ({
    cpuMsPerRequest: Object.fromEntries(SUPERGRAPH_PROCESSES.map((name) => [name, round3(median(side, (r) => r.cpuMsPerRequest[name]))])),
    totalCpuMsPerRequest: round3(median(side, (r) => r.totalCpuMsPerRequest)),
    sqlPerRequest: rounds.some((row) => row[side].sqlPerRequest === null) ? null : round3(median(side, (r) => r.sqlPerRequest)),
    saturatingRps: round1(median(side, (r) => r.saturatingRps)),
    saturatedCpuMsPerRequest: Object.fromEntries(SUPERGRAPH_PROCESSES
      .map((name) => [name, round3(median(side, (r) => r.saturatedCpuMsPerRequest[name]))])),
    p50: round1(median(side, (r) => r.p50)),
    p99: round1(median(side, (r) => r.p99)),
    failed: rounds.reduce((sum, row) => sum + row[side].failed, 0),
  });
  const a = sideSummary('a');
  const b = sideSummary('b');
  const ratio = (x, y) => (x > 0 ? round3(y / x) : null);
  return {
    a,
    b,
    ratio: {
      cpuMsPerRequest: Object.fromEntries(SUPERGRAPH_PROCESSES.map((name) => [name, ratio(a.cpuMsPerRequest[name], b.cpuMsPerRequest[name])])),
      totalCpuMsPerRequest: ratio(a.totalCpuMsPerRequest, b.totalCpuMsPerRequest),
      roundsTotalCpuMsPerRequest: rounds.map((row) => ratio(row.a.totalCpuMsPerRequest, row.b.totalCpuMsPerRequest)),
      saturatingRps: ratio(a.saturatingRps, b.saturatingRps),
      saturatedCpuMsPerRequest: Object.fromEntries(SUPERGRAPH_PROCESSES
        .map((name) => [name, ratio(a.saturatedCpuMsPerRequest[name], b.saturatedCpuMsPerRequest[name])])),
      roundsSaturatingRps: rounds.map((row) => ratio(row.a.saturatingRps, row.b.saturatingRps)),
      p50: ratio(a.p50, b.p50),
      p99: ratio(a.p99, b.p99),
    },
  };
}

/** The comparison as Markdown rows (compare.mjs's report calls it for a comparison with `supergraphs`). */
export function supergraphCompareLines(comparison) {
  const pair = (a, b, r) => `${a.toFixed(2)} → ${b.toFixed(2)} (${r?.toFixed(2) ?? '–'})`;
  const rounds = (list) => list.map((r) => r?.toFixed(2) ?? '–').join(', ');
  const lines = [
    `| scenario | rps | saturating rps A → B (ratio) | per round | CPU ms/req, all processes A → B (ratio) | per round | ${SUPERGRAPH_PROCESSES.join(' | ')} | SQL statements/req A → B | p50 ms A → B | p99 ms A → B | failed A / B |`,
    `| --- | ---: | --- | --- | --- | --- | ${SUPERGRAPH_PROCESSES.map(() => '---').join(' | ')} | --- | --- | --- | --- |`,
  ];
  for (const s of comparison.scenarios) {
    lines.push(`| ${s.scenario} | ${s.rate} | ${s.a.saturatingRps} → ${s.b.saturatingRps} (**${s.ratio.saturatingRps?.toFixed(2) ?? '–'}**)`
      + ` | ${rounds(s.ratio.roundsSaturatingRps)}`
      + ` | ${s.a.totalCpuMsPerRequest.toFixed(2)} → ${s.b.totalCpuMsPerRequest.toFixed(2)} (**${s.ratio.totalCpuMsPerRequest?.toFixed(2) ?? '–'}**)`
      + ` | ${rounds(s.ratio.roundsTotalCpuMsPerRequest)}`
      + ` | ${SUPERGRAPH_PROCESSES.map((name) => pair(s.a.cpuMsPerRequest[name], s.b.cpuMsPerRequest[name], s.ratio.cpuMsPerRequest[name])).join(' | ')}`
      + ` | ${s.a.sqlPerRequest ?? '–'} → ${s.b.sqlPerRequest ?? '–'}`
      + ` | ${s.a.p50} → ${s.b.p50} | ${s.a.p99} → ${s.b.p99} | ${s.a.failed} / ${s.b.failed} |`);
  }
  lines.push('', 'CPU ms per request of each process while saturated (the closed loop), medians, A → B (ratio):', '',
    `| scenario | ${SUPERGRAPH_PROCESSES.join(' | ')} |`, `| --- | ${SUPERGRAPH_PROCESSES.map(() => '---').join(' | ')} |`);
  for (const s of comparison.scenarios) {
    lines.push(`| ${s.scenario} | ${SUPERGRAPH_PROCESSES.map((name) => pair(s.a.saturatedCpuMsPerRequest[name],
      s.b.saturatedCpuMsPerRequest[name], s.ratio.saturatedCpuMsPerRequest[name])).join(' | ')} |`);
  }
  if (comparison.sink) {
    lines.push('', `OTLP export requests received by the sink, warm-up included: ${comparison.sink.requests} (${Math.round(comparison.sink.bytes / 1024)} KiB).`);
  }
  return lines;
}
