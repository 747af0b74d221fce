// Warming the JVMs until their JIT compilers have settled, so that a measurement sees compiled code.
import { closedLoop } from './load.mjs';
import { compilerCpuSeconds } from './processes.mjs';

/**
 * Sends the request sources `loads` in turn, a closed loop of `concurrency` clients for `sliceMs` each,
 * until the JIT compilers of every JVM in `jvms` used less than `settledShare` of one core over a
 * whole turn, or `maxMs` have passed. HotSpot compiles a method with C2 after about ten thousand
 * calls, so a subgraph that serves a hundred requests a second is still running profiled, slower
 * code a minute after it started, and its compiler threads take CPU from everything else on the
 * machine: a fixed short warm-up measured that, not the subgraphs' steady state.
 * Returns how long it took, how many requests it sent, whether it settled and each JVM's compiler
 * share of a core per turn.
 */
export async function warmUntilCompiled(jvms, loads, { concurrency = 16, sliceMs = 4000, settledShare = 0.05,
  minMs = 30_000, maxMs = 300_000, log = () => {} } = {}) {
  const started = Date.now();
  const turns = [];
  let requests = 0;
  for (;;) {
    const before = jvms.map((jvm) => compilerCpuSeconds(jvm.pid));
    const turnStarted = Date.now();
    for (const next of loads) {
      requests += (await closedLoop(next, { concurrency, durationMs: sliceMs })).completed;
    }
    const seconds = (Date.now() - turnStarted) / 1000;
    const shares = Object.fromEntries(jvms.map((jvm, i) => [jvm.name,
      Number(((compilerCpuSeconds(jvm.pid) - before[i]) / seconds).toFixed(3))]));
    turns.push(shares);
    const elapsed = Date.now() - started;
    log(`warming: ${Math.round(elapsed / 1000)} s, compilers' share of a core ${JSON.stringify(shares)}`);
    const settled = Object.values(shares).every((share) => share < settledShare);
    if ((settled && elapsed >= minMs) || elapsed >= maxMs) {
      return { seconds: Math.round(elapsed / 1000), requests, settled, settledShare, compilerShareByTurn: turns };
    }
  }
}
