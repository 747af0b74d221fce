// `benchmark/run --compare <name>`: two router configurations side by side on the same subgraphs,
// measured in interleaved rounds (A, B, B, A, …) at the same fixed open-model rate per scenario, so
// both see the same machine. The results are ratios B / A of medians, never absolute figures.
import { resolve } from 'node:path';
import { closedLoop, openModel } from './load.mjs';
import { medianOf, round1, round3 } from './numbers.mjs';
import { cpuMeter, rssMiB, stopAll } from './processes.mjs';
import { startSupergraph } from './supergraph.mjs';
import { warmUntilCompiled } from './warm-up.mjs';
import { SUBGRAPHS } from '../../gateway-config/router/subgraphs.mjs';
import { mixed, workload } from './workload.mjs';
import { comparisonsOf } from './comparisons.mjs';
import { compareSubgraphs, subgraphCompareLines } from './subgraph-compare.mjs';
import { compareSupergraphs, supergraphCompareLines } from './supergraph-compare.mjs';

const PROCESSES = ['router', 'users', 'orders', 'catalog', 'postgres'];
const DEFAULT_SCENARIOS = ['UserOrders', 'mix'];

/**
 * Runs the named comparisons; subgraphs are started once per signing setting, the two routers of
 * each comparison beside them and stopped after it. `rates` (scenario -> rps) fixes the rates;
 * otherwise each scenario runs at half of A's saturating rate, measured at the comparison's start.
 * `onResult` gets the results so far after each comparison (a long run leaves its finished part).
 */
export async function compare(root, spec, { timing, scenarios: scenarioNames, rates = {}, log, onResult = () => {} }) {
  const comparisons = comparisonsOf(spec);
  const scenariosOf = (comparison) => scenarioNames ?? comparison.scenarios ?? DEFAULT_SCENARIOS;
  const { request } = workload(root);
  const results = [];
  // Comparisons of subgraph instances (comparisons.mjs `subgraphs`) start their own processes.
  for (const comparison of comparisons.filter((each) => each.subgraphs)) {
    results.push(await compareSubgraphs(root, comparison, { timing, rates, log }));
    onResult(results);
  }
  // Comparisons of whole supergraphs (`supergraphs`) start two of their own.
  for (const comparison of comparisons.filter((each) => each.supergraphs)) {
    results.push(await compareSupergraphs(root, comparison, { timing, scenarios: scenariosOf(comparison), rates, log }));
    onResult(results);
  }
  for (const signed of [true, false]) {
    const group = comparisons.filter((comparison) => comparison.signed === signed && !comparison.subgraphs
      && !comparison.supergraphs);
    if (!group.length) {
      continue;
    }
    log(`starting the subgraphs (${signed ? 'signed' : 'unsigned'} requests only)`);
    const supergraph = await startSupergraph(root, resolve(root, '.run', 'bench-logs'), { routers: {}, raw: false, signed });
    const subgraphs = [...supergraph.processes];
    try {
      for (const [index, comparison] of group.entries()) {
        results.push(await compareOne(comparison, index === 0));
        onResult(results);
      }
    } finally {
      await stopAll(supergraph.processes);
    }

    async function compareOne(comparison, first) {
      const scenarios = scenariosOf(comparison);
      log(`${comparison.name}: A = ${comparison.a.label}, B = ${comparison.b.label}`);
      // A side may need something running first (the observability comparison's OTLP sink).
      const envOf = async (side) => ({ ...side.env, ...(await side.prepare?.()) });
      const routers = await supergraph.launchRouters({ 'router-a': await envOf(comparison.a), 'router-b': await envOf(comparison.b) },
        Object.fromEntries(['a', 'b'].filter((side) => comparison[side].peer).map((side) => [`router-${side}`, comparison[side].peer])));
      try {
        const sides = ['a', 'b'].map((side) => {
          const url = `http://127.0.0.1:${supergraph.ports[`router-${side}`]}/graphql`;
          const options = { text: Boolean(comparison[side].text) };
          return {
            side,
            router: routers[`router-${side}`],
            next: Object.fromEntries(scenarios.map((scenario) => [scenario,
              scenario === 'mix' ? mixed(request, url, options) : () => request(url, scenario, options)])),
          };
        });
        if (first) {
          // Freshly started JVMs: compile the subgraphs' hot paths before anything is measured, through
          // both routers, for at least subgraphWarmMs and on while the subgraphs' compilers are busy.
          log(`warming up the subgraphs (at least ${timing.subgraphWarmMs / 1000} s, until their compilers settle)`);
          const jvms = subgraphs.filter((proc) => SUBGRAPHS.some((subgraph) => subgraph.name === proc.name));
          await warmUntilCompiled(jvms, scenarios.flatMap((scenario) => sides.map((side) => side.next[scenario])),
            { minMs: timing.subgraphWarmMs, maxMs: Math.max(timing.subgraphWarmMs, 480_000), log });
        }
        const scenarioResults = [];
        for (const scenario of scenarios) {
          for (const side of sides) {
            await closedLoop(side.next[scenario], { concurrency: 4, durationMs: timing.warmMs });
          }
          const saturation = rates[scenario] ? null
            : await closedLoop(sides[0].next[scenario], { concurrency: 16, durationMs: timing.saturateMs });
          const rate = rates[scenario] ?? Math.max(1, Math.floor(saturation.rps / 2));
          if (saturation && saturation.failed > saturation.completed / 10) {
            log(`  ${saturation.failed} of ${saturation.completed} requests failed while saturating; see .run/bench-logs/`);
          }
          log(`${comparison.name} ${scenario}: ${timing.rounds} rounds at ${rate} rps`);
          const rounds = [];
          for (let round = 0; round < timing.rounds; round += 1) {
            const row = {};
            // A, B then B, A: whichever runs second inherits the first's garbage in the subgraphs.
            for (const side of (round % 2 ? [...sides].reverse() : sides)) {
              const meter = cpuMeter([{ name: 'router', pid: side.router.pid }, ...subgraphs]);
              const run = await openModel(side.next[scenario], { rate, durationMs: timing.measureMs });
              const cpu = meter();
              row[side.side] = {
                requests: run.requests,
                failed: Object.values(run.failures).reduce((sum, count) => sum + count, 0) + run.dropped,
                failures: run.failures,
                p50: round1(run.p50),
                p99: round1(run.p99),
                cpuMsPerRequest: Object.fromEntries(PROCESSES.map((name) => [name, round3((cpu[name] * 1000) / run.requests)])),
              };
            }
            log(`  round ${round + 1}: router CPU ms/request A ${row.a.cpuMsPerRequest.router}, B ${row.b.cpuMsPerRequest.router}`
              + `; failed A ${row.a.failed}, B ${row.b.failed}`);
            rounds.push(row);
          }
          scenarioResults.push({ scenario, rate, saturatingRpsA: saturation ? round1(saturation.rps) : null,
            rounds, ...medians(rounds) });
        }
        return { name: comparison.name, about: comparison.about, a: comparison.a, b: comparison.b,
          signed: comparison.signed, scenarios: scenarioResults,
          routerRssMiB: Object.fromEntries(sides.map(({ side, router }) => [side, Math.round(rssMiB(router.pid))])) };
      } finally {
        await supergraph.stopRouters(Object.values(routers));
      }
    }
  }
  return results;
}

/** Medians over the rounds per side, and the ratio B / A of each median. */
function medians(rounds) {
  const median = (side, pick) => medianOf(rounds.map((row) => pick(row[side])));
  const result = { a: {}, b: {}, ratio: {} };
  for (const side of ['a', 'b']) {
    result[side] = {
      cpuMsPerRequest: Object.fromEntries(PROCESSES.map((name) => [name, round3(median(side, (r) => r.cpuMsPerRequest[name]))])),
      p50: round1(median(side, (r) => r.p50)),
      p99: round1(median(side, (r) => r.p99)),
      failed: rounds.reduce((sum, row) => sum + row[side].failed, 0),
    };
  }
  const ratio = (a, b) => (a > 0 ? round3(b / a) : null);
  result.ratio = {
    cpuMsPerRequest: Object.fromEntries(PROCESSES.map((name) => [name,
      ratio(result.a.cpuMsPerRequest[name], result.b.cpuMsPerRequest[name])])),
    p50: ratio(result.a.p50, result.b.p50),
    p99: ratio(result.a.p99, result.b.p99),
  };
  return result;
}

/** The comparison as Markdown: one row per comparison and scenario (a table of their own for subgraph comparisons). */
export function compareReport(results) {
  const routerComparisons = results.comparisons.filter((comparison) => !comparison.kind);
  const lines = [
    `# Comparison ${results.name}, ${results.date} (commit ${results.commit})`,
    '',
    `\`benchmark/run --compare ${results.spec ?? results.name}\`${results.timing.measureMs < 15000 ? ' --quick' : ''}.`,
    '',
    `${results.machine.cpus} CPUs, Node ${results.machine.node}${results.machine.loadAverage ? `, load average at the start`
      + ` ${results.machine.loadAverage.join(' / ')} (1 / 5 / 15 min)` : ''}. A and B measured in`
      + ` ${results.timing.rounds} interleaved rounds of ${results.timing.measureMs / 1000} s each at the same open-model rate.`
      + ' Figures are medians over the rounds; ratio = B / A (below 1: B is cheaper or faster).',
    '',
  ];
  if (routerComparisons.length) {
    lines.push('Routers A and B beside the same production subgraphs:', '',
      '| comparison | scenario | rps | router CPU ms/req A → B (ratio) | users | orders | catalog | PostgreSQL | p50 ms A → B | p99 ms A → B | failed A / B |',
      '| --- | --- | ---: | --- | --- | --- | --- | --- | --- | --- | --- |');
  }
  for (const comparison of routerComparisons) {
    for (const s of comparison.scenarios) {
      const cpu = (name) => `${s.a.cpuMsPerRequest[name].toFixed(2)} → ${s.b.cpuMsPerRequest[name].toFixed(2)}`
        + ` (${s.ratio.cpuMsPerRequest[name]?.toFixed(2) ?? '–'})`;
      lines.push(`| ${comparison.name} | ${s.scenario} | ${s.rate} | ${PROCESSES.map(cpu).join(' | ')} | `
        + `${s.a.p50} → ${s.b.p50} | ${s.a.p99} → ${s.b.p99} | ${s.a.failed} / ${s.b.failed} |`);
    }
  }
  for (const comparison of results.comparisons.filter((each) => each.kind === 'subgraphs')) {
    lines.push('', `**${comparison.name}**: instances A and B of each subgraph side by side on one database,`
      + ' requests straight at them, signed like the router\'s; CPU of each instance alone:', '', ...subgraphCompareLines(comparison));
  }
  for (const comparison of results.comparisons.filter((each) => each.kind === 'supergraphs')) {
    lines.push('', `**${comparison.name}**: two complete supergraphs A and B side by side (a router and every subgraph each,`
      + ' the subgraphs of both on the same databases), requests through each router; per round and side the CPU per request'
      + ' at the rate given, then the saturating rate of a closed loop of 16 clients:', '', ...supergraphCompareLines(comparison));
  }
  lines.push('', 'A and B of each comparison:', '');
  for (const comparison of results.comparisons) {
    lines.push(`- **${comparison.name}**: ${comparison.about}. A: ${comparison.a.label}; B: ${comparison.b.label}`
      + `${comparison.signed === false ? ' (subgraphs accept unsigned requests in this comparison)' : ''}.`
      + `${comparison.routerRssMiB ? ` Router RSS after the rounds: ${comparison.routerRssMiB.a} → ${comparison.routerRssMiB.b} MiB.` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

