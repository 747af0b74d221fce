// ProductPage with the catalog's read cache off and on, side by side in one run:
//   node benchmark/load/catalog-cache.mjs [--quick]   (after the jars are built, e.g. by benchmark/run)
// The supergraph starts twice, once per setting (CATALOG_CACHE_ENABLED, which the catalog reads as
// catalog.cache.enabled); both are measured at the same open-model rate, half of what the stack
// without the cache saturates at, so latency and CPU per request compare at equal load.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop, openModel } from './load.mjs';
import { cpuMeter, stopAll } from './processes.mjs';
import { sqlStatements, startSupergraph } from './supergraph.mjs';
import { workload } from './workload.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const quick = process.argv.includes('--quick');
const timing = quick ? { warmMs: 10000, saturateMs: 5000, measureMs: 10000 }
  : { warmMs: 30000, saturateMs: 10000, measureMs: 20000 };
const OPERATION = 'ProductPage';
const JAVA = ['catalog', 'users', 'orders'];

const off = await measure('off', null);
const on = await measure('on', off.rate);
const results = { operation: OPERATION, date: new Date().toISOString(), timing, off, on };
const outDir = resolve(root, 'benchmark', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(resolve(outDir, 'catalog-cache.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(resolve(outDir, 'catalog-cache.md'), markdown(results));
console.log(markdown(results));

async function measure(setting, fixedRate) {
  process.env.CATALOG_CACHE_ENABLED = setting === 'on' ? 'true' : 'false';
  const supergraph = await startSupergraph(root, resolve(root, '.run', `bench-logs-cache-${setting}`));
  try {
    const { request } = workload(root);
    const next = () => request(supergraph.url('router'), OPERATION);
    console.error(`▶ cache ${setting}: warming up`);
    await closedLoop(next, { concurrency: 4, durationMs: timing.warmMs });
    const saturation = await closedLoop(next, { concurrency: 16, durationMs: timing.saturateMs });
    const rate = fixedRate ?? Math.max(1, Math.floor(saturation.rps / 2));
    console.error(`▶ cache ${setting}: saturates at ${saturation.rps.toFixed(0)} rps; measuring at ${rate} rps`);
    const catalogPort = supergraph.ports.catalog;
    const sqlBefore = await sqlStatements(catalogPort);
    const getsBefore = await cacheGets(catalogPort);
    const meter = cpuMeter(supergraph.processes.filter((proc) => proc.name !== 'raw'));
    const run = await openModel(next, { rate, durationMs: timing.measureMs });
    const cpu = meter();
    const sqlAfter = await sqlStatements(catalogPort);
    const getsAfter = await cacheGets(catalogPort);
    const hits = getsAfter.hit - getsBefore.hit;
    const lookups = hits + getsAfter.miss - getsBefore.miss;
    return {
      saturatingRps: round(saturation.rps), rate, rps: round(run.rps), requests: run.requests, failures: run.failures,
      p50: round(run.p50), p95: round(run.p95), p99: round(run.p99),
      cpuMsPerRequest: Object.fromEntries(Object.entries(cpu)
        .filter(([name]) => ['router', ...JAVA, 'postgres'].includes(name))
        .map(([name, seconds]) => [name, round((seconds * 1000) / run.requests, 100)])),
      catalogSqlPerRequest: round((sqlAfter - sqlBefore) / run.requests, 100),
      cacheHitRate: lookups > 0 ? round(hits / lookups, 1000) : null,
    };
  } finally {
    await stopAll(supergraph.processes);
  }
}

/** Hits and misses of all catalog cache regions so far (Micrometer's cache.gets). */
async function cacheGets(port) {
  const read = async (result) => {
    const response = await fetch(`http://127.0.0.1:${port}/actuator/metrics/cache.gets?tag=result:${result}`);
    if (!response.ok) {
      return 0; // the cache is off: no cache meters
    }
    return (await response.json()).measurements?.[0]?.value ?? 0;
  };
  return { hit: await read('hit'), miss: await read('miss') };
}

function markdown({ operation, date, timing: t, off: a, on: b }) {
  const cpu = (side) => ['router', 'catalog', 'postgres'].map((name) => side.cpuMsPerRequest[name]).join(' / ');
  const row = (name, side) => `| ${name} | ${side.saturatingRps} | ${side.rate} | ${side.p50} | ${side.p95} | ${side.p99} `
    + `| ${cpu(side)} | ${side.catalogSqlPerRequest} | ${side.cacheHitRate ?? '–'} | ${Object.values(side.failures).reduce((sum, n) => sum + n, 0)} |`;
  return [
    `# ${operation}: catalog cache off vs on (${date}, warm-up ${t.warmMs / 1000} s, measured ${t.measureMs / 1000} s each)`,
    '',
    '| catalog cache | saturating rps | measured rps | p50 ms | p95 ms | p99 ms | CPU ms/request router / catalog / PostgreSQL | catalog SQL/request | hit rate | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    row('off', a),
    row('on', b),
    '',
  ].join('\n');
}

function round(value, factor = 10) {
  return Math.round(value * factor) / factor;
}
