// `benchmark/run --compare subgraph-observability`: two instances of each subgraph a comparison names,
// A and B, side by side on one database and without a router, measured in interleaved rounds
// (A, B, B, A, …) at the same fixed open-model rate. Each scenario is one request kind straight at
// the subgraph, signed like the router's (workload.mjs subgraphRequest); the result is the ratio
// B / A of the medians of each instance's CPU per request.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { closedLoop, openModel, warmInTurn } from './load.mjs';
import { startLocalPostgres } from './local-postgres.mjs';
import { medianOf, round1, round3 } from './numbers.mjs';
import { awaitReady, cpuMeter, freePort, stopAll } from './processes.mjs';
import { startSubgraphInstance } from './supergraph.mjs';
import { subgraphRequest } from './workload.mjs';

/**
 * Runs one comparison with `subgraphs` (scenario -> subgraph, comparisons.mjs); `rates` (scenario -> rps)
 * fixes the rates, otherwise each scenario runs at half of A's saturating rate.
 */
export async function compareSubgraphs(root, comparison, { timing, rates = {}, log }) {
  const logDir = resolve(root, '.run', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  const subgraphNames = [...new Set(Object.values(comparison.subgraphs))];
  log(`${comparison.name}: A = ${comparison.a.label}; B = ${comparison.b.label}`);
  const postgres = await startLocalPostgres(root, logDir, subgraphNames);
  const started = [postgres.proc];
  const prepared = { a: await comparison.a.prepare?.() ?? {}, b: await comparison.b.prepare?.() ?? {} };
  try {
    // A first: its start seeds each database, which B then finds seeded.
    const instances = {};
    for (const side of ['a', 'b']) {
      const procs = await Promise.all(subgraphNames.map(async (subgraph) => {
        const port = await freePort();
        const proc = startSubgraphInstance(root, logDir, { name: `${subgraph}-${side}`, subgraph, port,
          databasePort: postgres.ports[subgraph], secret, args: [...comparison[side].args, ...(prepared[side].args ?? [])] });
        started.push(proc);
        instances[`${subgraph}-${side}`] = { proc, url: `http://127.0.0.1:${port}/graphql`, port };
        return proc;
      }));
      await Promise.all(procs.map((proc) => awaitReady(proc)));
    }
    const sidesOf = (scenario) => ['a', 'b'].map((side) => {
      const instance = instances[`${comparison.subgraphs[scenario]}-${side}`];
      return { side, ...instance, next: subgraphRequest(comparison.subgraphs[scenario], instance.url, secret) };
    });
    const scenarios = Object.keys(comparison.subgraphs);
    // A fresh JVM keeps compiling for a minute or more at these rates, and B's larger code path longer:
    // each instance gets the whole warm-up, in turns with the others.
    log(`warming up both sides (${timing.subgraphWarmMs / 1000} s per instance and scenario)`);
    await warmInTurn(scenarios.flatMap((scenario) => sidesOf(scenario).map((side) => side.next)), timing.subgraphWarmMs);
    const before = await fieldObservations(instances);
    const results = [];
    for (const scenario of scenarios) {
      results.push(await measureScenario(scenario, sidesOf(scenario)));
    }
    const after = await fieldObservations(instances);
    return {
      name: comparison.name, about: comparison.about, a: comparison.a, b: comparison.b, kind: 'subgraphs',
      scenarios: results,
      // What B did that A did not: resolvers timed per field, and spans exported.
      fieldObservations: Object.fromEntries(Object.keys(instances).map((name) => [name, after[name] - before[name]])),
      sink: prepared.b.sink ?? prepared.a.sink ?? null,
    };
  } finally {
    await stopAll(started);
  }

  async function measureScenario(scenario, sides) {
    const subgraph = comparison.subgraphs[scenario];
    for (const side of sides) {
      await closedLoop(side.next, { concurrency: 4, durationMs: timing.warmMs });
    }
    const saturation = rates[scenario] ? null
      : await closedLoop(sides[0].next, { concurrency: 16, durationMs: timing.saturateMs });
    const rate = rates[scenario] ?? Math.max(1, Math.floor(saturation.rps / 2));
    log(`${comparison.name} ${scenario} (${subgraph}): ${timing.rounds} rounds at ${rate} rps`);
    const rounds = [];
    for (let round = 0; round < timing.rounds; round += 1) {
      const row = {};
      // A, B in odd rounds and B, A in even ones: a drift of the shared machine's load favours neither side.
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const meter = cpuMeter([{ name: subgraph, pid: side.proc.pid }]);
        const run = await openModel(side.next, { rate, durationMs: timing.measureMs });
        const cpu = meter();
        row[side.side] = {
          requests: run.requests,
          failed: Object.values(run.failures).reduce((sum, count) => sum + count, 0) + run.dropped,
          failures: run.failures,
          p50: round1(run.p50),
          p99: round1(run.p99),
          cpuMsPerRequest: round3((cpu[subgraph] * 1000) / run.requests),
          postgresCpuMsPerRequest: round3((cpu.postgres * 1000) / run.requests),
        };
      }
      log(`  round ${round + 1}: ${subgraph} CPU ms/request A ${row.a.cpuMsPerRequest}, B ${row.b.cpuMsPerRequest}`
        + `; failed A ${row.a.failed}, B ${row.b.failed}`);
      rounds.push(row);
    }
    const median = (side, key) => medianOf(rounds.map((row) => row[side][key]));
    const sideSummary = (side) => ({
      cpuMsPerRequest: round3(median(side, 'cpuMsPerRequest')),
      postgresCpuMsPerRequest: round3(median(side, 'postgresCpuMsPerRequest')),
      p50: round1(median(side, 'p50')),
      p99: round1(median(side, 'p99')),
      failed: rounds.reduce((sum, row) => sum + row[side].failed, 0),
    });
    const a = sideSummary('a');
    const b = sideSummary('b');
    const ratio = (x, y) => (x > 0 ? round3(y / x) : null);
    return {
      scenario, subgraph, rate, saturatingRpsA: saturation ? round1(saturation.rps) : null, rounds, a, b,
      ratio: { cpuMsPerRequest: ratio(a.cpuMsPerRequest, b.cpuMsPerRequest),
        roundsCpuMsPerRequest: rounds.map((row) => ratio(row.a.cpuMsPerRequest, row.b.cpuMsPerRequest)),
        p50: ratio(a.p50, b.p50), p99: ratio(a.p99, b.p99) },
    };
  }
}

/** Resolvers timed so far per instance (Spring's graphql.datafetcher timer; absent = none). */
async function fieldObservations(instances) {
  return Object.fromEntries(await Promise.all(Object.entries(instances).map(async ([name, { port }]) => {
    const response = await fetch(`http://127.0.0.1:${port}/actuator/metrics/graphql.datafetcher`);
    const body = response.ok ? await response.json() : {};
    return [name, body.measurements?.find((m) => m.statistic === 'COUNT')?.value ?? 0];
  })));
}

/** The comparison as Markdown rows (compare.mjs's report calls it for a comparison with `subgraphs`). */
export function subgraphCompareLines(comparison) {
  const lines = [
    '| scenario | subgraph | rps | subgraph CPU ms/req A → B (ratio) | ratio per round | PostgreSQL CPU ms/req A → B | p50 ms A → B | p99 ms A → B | failed A / B |',
    '| --- | --- | ---: | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of comparison.scenarios) {
    lines.push(`| ${s.scenario} | ${s.subgraph} | ${s.rate} | ${s.a.cpuMsPerRequest.toFixed(2)} → ${s.b.cpuMsPerRequest.toFixed(2)}`
      + ` (**${s.ratio.cpuMsPerRequest?.toFixed(2) ?? '–'}**) | ${s.ratio.roundsCpuMsPerRequest.map((r) => r?.toFixed(2) ?? '–').join(', ')}`
      + ` | ${s.a.postgresCpuMsPerRequest.toFixed(2)} → ${s.b.postgresCpuMsPerRequest.toFixed(2)}`
      + ` | ${s.a.p50} → ${s.b.p50} | ${s.a.p99} → ${s.b.p99} | ${s.a.failed} / ${s.b.failed} |`);
  }
  lines.push('', `Resolvers timed per field after the warm-up (scenario warm-ups, saturation, rounds): ${Object.entries(comparison.fieldObservations)
    .map(([name, count]) => `${name} ${count}`).join(', ')}.`);
  if (comparison.sink) {
    lines.push(`OTLP export requests received by the sink, warm-up included: ${comparison.sink.requests} (${Math.round(comparison.sink.bytes / 1024)} KiB).`);
  }
  return lines;
}

