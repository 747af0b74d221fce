// Start and memory of the subgraphs: node benchmark/load/startup.mjs [--runs N] [--subgraphs a,b]
// [--configs default,options,tuned] [--retrain] (see benchmark/README.md, "Start and memory").
//
// Production-like: each subgraph jar runs with the `prod` profile on its own database of the
// PostgreSQL at BENCH_PG (default 127.0.0.1:5432, user postgres, trust auth), seeded once per run
// of this script by a separate seed start (reported apart), so the measured starts do no seeding.
// Configurations, interleaved start by start:
//   default  java -jar <exec jar>, the JDK on the PATH (17), no JVM options;
//   options  JDK 25, @subgraph-jvm/options, the extracted jar, no AOT cache;
//   tuned    as options plus -XX:AOTCache from subgraph-jvm/train-aot-cache (the production image);
//   <config>+<JVM option>+…  a configuration with options on top, to try one (tuned+-Xmx96m).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop, openModel, send } from './load.mjs';
import { execJar as moduleJar, imageEnvironment, jarFingerprint, java25 } from './jvm.mjs';
import { cpuSeconds, freePort, rssMiB, startProcess, stopAll } from './processes.mjs';
import { subgraphRequest } from './workload.mjs';
import { benchmarkOptions } from './options.mjs';
import { SUBGRAPHS as REGISTRY } from '../../gateway-config/router/subgraphs.mjs';
import { DEV_USER, mintDevToken } from '../../gateway-config/router/dev-token.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const options = benchmarkOptions('startup', process.argv.slice(2));
const RUNS = Number(options.runs ?? '3');
const SUBGRAPHS = (options.subgraphs ?? REGISTRY.map((subgraph) => subgraph.name).join(',')).split(',');
const CONFIGS = (options.configs ?? 'default,options,tuned').split(',');
const LOAD_REQUESTS = Number(options.load ?? '3000'); // the bounded load after each start
const AB_ROUNDS = Number(options.rounds ?? '3');
const AB_RATE = Number(options.rate ?? '50');
const AB_SECONDS = Number(options.seconds ?? '8');
const PG = process.env.BENCH_PG ?? '127.0.0.1:5432';
const JAVA25 = java25() ?? 'java';
const hasJava25 = java25() !== null;
const OPTIONS = resolve(root, 'subgraph-jvm', 'options');
const work = resolve(root, '.run', 'startup');
const secret = 'startup-benchmark-secret-0123456789abcdef';
mkdirSync(work, { recursive: true });

// The production configuration; the tuned JVMs also get the image's ENV lines (MALLOC_ARENA_MAX).
const env = (subgraph, config = 'default') => ({
  ...(config === 'default' ? {} : imageEnvironment(root)),
  SPRING_PROFILES_ACTIVE: 'prod',
  SPRING_DATASOURCE_URL: `jdbc:postgresql://${PG}/startup_${subgraph}`,
  SPRING_DATASOURCE_USERNAME: 'postgres',
  SUBGRAPH_DATABASE_EMBEDDED_ENABLED: 'false',
  SUBGRAPH_SECURITY_ROUTER_SECRET: secret,
  SUBGRAPH_SECURITY_JWT_PUBLIC_KEY_LOCATION: `file:${resolve(root, 'subgraph-starter-dev/src/main/resources/dev-keys/dev-public.pem')}`,
  SUBGRAPH_RATE_LIMIT_REQUESTS_PER_MINUTE: '0',
});

if (options['report-only']) {
  // Rewrites startup.md from startup.json (e.g. after a change to the table's layout).
  const saved = JSON.parse(readFileSync(resolve(root, 'benchmark', 'results', 'startup.json'), 'utf8'));
  SUBGRAPHS.splice(0, SUBGRAPHS.length, ...new Set(saved.starts.map((start) => start.subgraph)));
  CONFIGS.splice(0, CONFIGS.length, ...new Set(saved.starts.map((start) => start.config)));
  Object.assign(globalThis, { savedReport: saved });
}

const report = globalThis.savedReport ?? { commit: commit(), date: new Date().toISOString(), machine: machine(), runs: RUNS, loadRequests: LOAD_REQUESTS,
  postgres: PG, seed: {}, training: {}, starts: [], cpu: {} };

if (globalThis.savedReport) {
  console.log(write());
  process.exit(0);
}
for (const subgraph of SUBGRAPHS) {
  // --keep-databases: reuse a database a previous run seeded (its seed start is not repeated).
  report.seed[subgraph] = options['keep-databases'] && databaseExists(subgraph) ? { kept: true } : await seed(subgraph);
  if (CONFIGS.some((config) => config !== 'default')) {
    extract(subgraph);
  }
  if (CONFIGS.some((config) => baseOf(config) === 'tuned')) {
    report.training[subgraph] = await train(subgraph);
  }
}
for (let run = 1; run <= RUNS; run += 1) {
  for (const subgraph of SUBGRAPHS) {
    for (const config of CONFIGS) {
      const result = await measureStart(subgraph, config);
      log(`run ${run} ${subgraph} ${config}: ready ${result.readyMs} ms (CPU ${result.cpuAtReadyS} s), first request `
        + `${result.firstRequestMs} ms, RSS after load ${result.rssAfterLoadMiB} MiB`);
      report.starts.push({ run, subgraph, config, ...result });
      write();
    }
  }
}
for (const subgraph of SUBGRAPHS) {
  report.cpu[subgraph] = await cpuSideBySide(subgraph);
  write();
}
console.log(write());

/** Writes the results so far (after every start, so an interrupted run keeps what it measured). */
function write() {
  report.summary = summarize();
  const outDir = resolve(root, 'benchmark', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'startup.json'), `${JSON.stringify(report, null, 2)}\n`);
  const text = markdown();
  writeFileSync(resolve(outDir, 'startup.md'), text);
  return text;
}

/** The command line of a configuration. */
function command(subgraph, config, port) {
  const appArgs = [`--server.port=${port}`];
  if (config === 'default') {
    return { command: 'java', args: ['-jar', execJar(subgraph), ...appArgs] };
  }
  const java = hasJava25 ? JAVA25 : 'java';
  const cache = baseOf(config) === 'tuned' && hasJava25 ? [`-XX:AOTCache=${resolve(work, subgraph, 'app.aot')}`] : [];
  return { command: java, args: [`@${OPTIONS}`, ...cache, ...extraOptions(config), '-jar', resolve(work, subgraph, 'app.jar'), ...appArgs] };
}

/**
 * `tuned+-Xmx96m+-XX:TieredStopAtLevel=1`: a configuration with JVM options on top, to try one. Only a
 * `+` before a `-` separates, so boolean options (`-XX:+UnlockDiagnosticVMOptions`) keep theirs.
 */
function configParts(config) {
  return config.split(/\+(?=-)/);
}

/** A configuration as part of a file name: no slashes, and options that make it long cut to a digest. */
function fileName(config) {
  const name = config.replaceAll('/', '_');
  return name.length <= 80 ? name : `${name.slice(0, 40)}-${createHash('sha256').update(config).digest('hex').slice(0, 12)}`;
}

function baseOf(config) {
  return configParts(config)[0];
}

function extraOptions(config) {
  return configParts(config).slice(1);
}

/** Recreates the subgraph's database and seeds it with one start in the docker profile (default JVM). */
async function seed(subgraph) {
  psql(`drop database if exists startup_${subgraph} with (force)`);
  psql(`create database startup_${subgraph}`);
  const port = await freePort();
  const started = performance.now();
  const proc = startProcess({ name: subgraph, command: 'java', args: ['-jar', execJar(subgraph), `--server.port=${port}`],
    env: { ...env(subgraph), SPRING_PROFILES_ACTIVE: 'docker', [`${subgraph.toUpperCase()}_SEED_ENABLED`]: 'true' },
    cwd: root, logFile: resolve(work, `${subgraph}-seed.log`), ready: `http://127.0.0.1:${port}/actuator/health/readiness` });
  try {
    const readyMs = await pollReady(proc, started);
    const text = readFileSync(proc.logFile, 'utf8');
    if (!/Seeded /.test(text)) {
      throw new Error(`${subgraph} did not seed; see ${proc.logFile}`);
    }
    const startedIn = /Started \w+ in ([\d.]+) seconds/.exec(text);
    const seededAt = Date.parse(/^(\S+) .*Seeded /m.exec(text)[1]);
    const startedAt = Date.parse(/^(\S+) .*Started \w+ in/m.exec(text)[1]);
    log(`seeded ${subgraph}: ready after ${readyMs} ms, of which seeding ${seededAt - startedAt} ms`);
    return { readyMs, startedInS: startedIn ? Number(startedIn[1]) : null, seedingMs: seededAt - startedAt };
  } finally {
    await stopAll([proc]);
  }
}

function extract(subgraph) {
  const dir = resolve(work, subgraph);
  const fingerprint = jarFingerprint(root, subgraph);
  const source = resolve(dir, 'source.sha256');
  if (existsSync(resolve(dir, 'app.jar')) && existsSync(source) && readFileSync(source, 'utf8').trim() === fingerprint) {
    return;
  }
  execFileSync('rm', ['-rf', dir]);
  mkdirSync(dir, { recursive: true });
  execFileSync('cp', [execJar(subgraph), resolve(work, `${subgraph}-app.jar`)]);
  // The same command as the production image: app.jar and lib/ side by side.
  execFileSync('java', ['-Djarmode=tools', '-jar', resolve(work, `${subgraph}-app.jar`), 'extract', '--destination', dir, '--force']);
  execFileSync('mv', [resolve(dir, `${subgraph}-app.jar`), resolve(dir, 'app.jar')]);
  writeFileSync(source, `${fingerprint}\n`);
}

/** The AOT cache from the training run (reused while newer than the extracted jar and the training script, unless --retrain). */
async function train(subgraph) {
  const dir = resolve(work, subgraph);
  const cache = resolve(dir, 'app.aot');
  if (!hasJava25) {
    return { skipped: 'no JDK 25 (set JAVA25_HOME)' };
  }
  const script = resolve(root, 'subgraph-jvm', 'train-aot-cache');
  const inputsChanged = Math.max(statSync(resolve(dir, 'app.jar')).mtimeMs, statSync(script).mtimeMs);
  if (!options.retrain && existsSync(cache) && statSync(cache).mtimeMs > inputsChanged) {
    return { reused: true, cacheMiB: Math.round(statSync(cache).size / 1048576) };
  }
  const port = await freePort();
  const started = performance.now();
  // Trained on the seeded database (the image trains on an empty embedded one beside the jar).
  const result = spawnSync(script, [JAVA25, dir, cache, moduleOf(subgraph), String(port)],
    { env: { ...process.env, SPRING_DATASOURCE_URL: env(subgraph).SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME: 'postgres',
      SUBGRAPH_SECURITY_JWT_PUBLIC_KEY_LOCATION: env(subgraph).SUBGRAPH_SECURITY_JWT_PUBLIC_KEY_LOCATION,
      // signed-in requests too, as the image's training sends them (subgraph-jvm/train-aot-cache)
      TRAINING_TOKEN: mintDevToken(DEV_USER) },
      encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`training ${subgraph} failed: ${result.stderr}`);
  }
  log(result.stdout.trim());
  return { seconds: Math.round((performance.now() - started) / 100) / 10, cacheMiB: Math.round(statSync(cache).size / 1048576) };
}

/** One start: readiness, first served request, CPU so far, then a bounded load and the RSS after it. */
async function measureStart(subgraph, config) {
  const port = await freePort();
  const { command: java, args: javaArgs } = command(subgraph, config, port);
  // Before the start: the orders requests' 500 tokens take the load generator half a second to sign,
  // which the first request's time and the start's CPU must not include.
  const next = subgraphRequest(subgraph, `http://127.0.0.1:${port}/graphql`, secret);
  const started = performance.now();
  const proc = startProcess({ name: subgraph, command: java, args: javaArgs, env: env(subgraph, config), cwd: root,
    logFile: resolve(work, `${subgraph}-${fileName(config)}.log`), ready: `http://127.0.0.1:${port}/actuator/health/readiness` });
  try {
    const readyMs = await pollReady(proc, started);
    const cpuAtReadyS = round(cpuSeconds(proc.pid), 2);
    const first = await send(next());
    const firstRequestMs = Math.round(performance.now() - started);
    if (!first.ok) {
      throw new Error(`${subgraph} ${config}: first request failed: ${first.status} ${first.text.slice(0, 300)}`);
    }
    const cpuBefore = cpuSeconds(proc.pid);
    const loadStarted = performance.now();
    let sent = 0;
    let failed = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (sent < LOAD_REQUESTS) {
        sent += 1;
        failed += (await send(next())).ok ? 0 : 1;
      }
    }));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const cpuMsPerRequest = round(((cpuSeconds(proc.pid) - cpuBefore) * 1000) / sent, 3);
    return { readyMs, cpuAtReadyS, firstRequestMs, firstRequestLatencyMs: firstRequestMs - readyMs, loadRps: round(sent / loadSeconds, 1),
      loadFailed: failed, coldCpuMsPerRequest: cpuMsPerRequest, rssAfterLoadMiB: Math.round(rssMiB(proc.pid)), ...memory(proc.pid) };
  } finally {
    await stopAll([proc]);
  }
}

/**
 * CPU per request of warmed JVMs, configurations side by side: all up at once, each warmed with the
 * bounded load, then rounds of an open-model load at a fixed rate, one configuration after the other.
 */
async function cpuSideBySide(subgraph) {
  const procs = [];
  try {
    for (const config of CONFIGS) {
      const port = await freePort();
      const { command: java, args: javaArgs } = command(subgraph, config, port);
      const proc = startProcess({ name: config, command: java, args: javaArgs, env: env(subgraph, config), cwd: root,
        logFile: resolve(work, `${subgraph}-${fileName(config)}-ab.log`), ready: `http://127.0.0.1:${port}/actuator/health/readiness` });
      proc.next = subgraphRequest(subgraph, `http://127.0.0.1:${port}/graphql`, secret);
      procs.push(proc);
      await pollReady(proc, performance.now());
    }
    for (const proc of procs) {
      await closedLoop(proc.next, { concurrency: 4, durationMs: 8000 });
    }
    const rounds = [];
    for (let round = 0; round < AB_ROUNDS; round += 1) {
      const row = {};
      for (const proc of procs) {
        const before = cpuSeconds(proc.pid);
        const run = await openModel(proc.next, { rate: AB_RATE, durationMs: AB_SECONDS * 1000 });
        row[proc.name] = { cpuMsPerRequest: roundTo(((cpuSeconds(proc.pid) - before) * 1000) / run.requests, 3),
          p50: roundTo(run.p50, 1), p99: roundTo(run.p99, 1), failed: Object.values(run.failures).reduce((a, b) => a + b, 0) };
      }
      log(`${subgraph} CPU round ${round + 1}: ${procs.map((proc) => `${proc.name} ${row[proc.name].cpuMsPerRequest} ms`).join(', ')}`);
      rounds.push(row);
    }
    return { rate: AB_RATE, seconds: AB_SECONDS, rounds,
      medianCpuMsPerRequest: Object.fromEntries(procs.map((proc) => [proc.name, median(rounds.map((row) => row[proc.name].cpuMsPerRequest))])),
      rssAfterMiB: Object.fromEntries(procs.map((proc) => [proc.name, Math.round(rssMiB(proc.pid))])) };
  } finally {
    await stopAll(procs);
  }
}

async function pollReady(proc, started, timeoutMs = 300_000) {
  while (performance.now() - started < timeoutMs) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with ${proc.child.exitCode}; see ${proc.logFile}`);
    }
    try {
      if ((await fetch(proc.ready)).ok) {
        return Math.round(performance.now() - started);
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`${proc.name} not ready in ${timeoutMs / 1000} s; see ${proc.logFile}`);
}

/** Anonymous (heap, metaspace, code, stacks) and file-backed (jars, AOT cache) resident memory. */
function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rssAnonMiB: Math.round(kb('RssAnon') / 1024), rssFileMiB: Math.round(kb('RssFile') / 1024), threads: kb('Threads') };
  } catch {
    return {};
  }
}

function summarize() {
  const rows = [];
  for (const subgraph of SUBGRAPHS) {
    for (const config of CONFIGS) {
      const starts = report.starts.filter((start) => start.subgraph === subgraph && start.config === config);
      if (!starts.length) {
        continue;
      }
      const med = (key, digits = 0) => roundTo(median(starts.map((start) => start[key])), digits);
      rows.push({ subgraph, config, readyMs: med('readyMs'), readyMinMs: Math.min(...starts.map((start) => start.readyMs)),
        cpuAtReadyS: med('cpuAtReadyS', 2), firstRequestMs: med('firstRequestMs'), coldCpuMsPerRequest: med('coldCpuMsPerRequest', 2),
        rssAfterLoadMiB: med('rssAfterLoadMiB'), rssAnonMiB: med('rssAnonMiB'), rssFileMiB: med('rssFileMiB'),
        warmCpuMsPerRequest: report.cpu[subgraph]?.medianCpuMsPerRequest?.[config] === undefined ? null
          : roundTo(report.cpu[subgraph].medianCpuMsPerRequest[config], 2),
        warmRssMiB: report.cpu[subgraph]?.rssAfterMiB?.[config] ?? null });
    }
  }
  return rows;
}

function markdown() {
  const lines = [`# Start and memory (commit ${report.commit}, ${report.date.slice(0, 10)})`, '',
    `${report.machine.cpus} cores, load average at start ${report.machine.loadAverage}; default = \`${report.machine.java17}\`, `
    + `options/tuned = \`${report.machine.java25}\`. Production-like: \`prod\` profile, PostgreSQL at ${PG}, databases seeded `
    + `beforehand. Medians of ${report.runs} interleaved starts per configuration; load = ${report.loadRequests} requests, 4 at a time.`, '',
    '| subgraph | JVM | ready ms (min) | CPU s to ready | first request ms | RSS after load MiB (anon + file) | cold CPU ms/request | warm CPU ms/request | warm RSS MiB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.summary.map((row) => `| ${row.subgraph} | ${row.config} | ${row.readyMs} (${row.readyMinMs}) | ${row.cpuAtReadyS} | `
      + `${row.firstRequestMs} | ${row.rssAfterLoadMiB} (${row.rssAnonMiB} + ${row.rssFileMiB}) | ${row.coldCpuMsPerRequest} | `
      + `${row.warmCpuMsPerRequest ?? '–'} | ${row.warmRssMiB ?? '–'} |`),
    '', 'Seeding (a separate start of the default JVM, docker profile, empty database):', '',
    ...Object.entries(report.seed).map(([subgraph, seedRun]) => `- ${subgraph}: ${seedRun.kept ? 'seeded by an earlier run (--keep-databases)'
      : `ready after ${seedRun.readyMs} ms, of which seeding ${seedRun.seedingMs} ms`}`),
    '', 'AOT cache training (subgraph-jvm/train-aot-cache):', '',
    ...Object.entries(report.training).map(([subgraph, training]) => `- ${subgraph}: ${training.skipped ?? (training.reused
      ? `reused, ${training.cacheMiB} MiB` : `${training.seconds} s, ${training.cacheMiB} MiB`)}`),
    '', `Warm CPU per request: every configuration up at once, warmed, then ${Object.values(report.cpu)[0]?.rounds.length ?? AB_ROUNDS} `
    + `rounds at ${Object.values(report.cpu)[0]?.rate ?? AB_RATE} requests a second for ${Object.values(report.cpu)[0]?.seconds ?? AB_SECONDS} s `
    + 'each, configurations in turn:', '',
    ...Object.entries(report.cpu).map(([subgraph, cpu]) => `- ${subgraph} (RSS after: ${Object.entries(cpu.rssAfterMiB)
      .map(([config, mib]) => `${config} ${mib} MiB`).join(', ')}): ${cpu.rounds.map((row, index) => `round ${index + 1} `
      + Object.entries(row).map(([config, value]) => `${config} ${value.cpuMsPerRequest}`).join(' / ')).join('; ')}`), ''];
  return lines.join('\n');
}

/** The Maven module of a subgraph, from the registry. */
function moduleOf(subgraph) {
  return REGISTRY.find((entry) => entry.name === subgraph).module;
}

function execJar(subgraph) {
  return moduleJar(root, moduleOf(subgraph));
}

function databaseExists(subgraph) {
  const [host, port] = PG.split(':');
  return execFileSync('psql', ['-h', host, '-p', port, '-U', 'postgres', '-d', 'postgres', '-tAc',
    `select 1 from pg_database where datname = 'startup_${subgraph}'`], { encoding: 'utf8' }).trim() === '1';
}

function psql(sql) {
  const [host, port] = PG.split(':');
  execFileSync('psql', ['-h', host, '-p', port, '-U', 'postgres', '-d', 'postgres', '-q', '-c', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function machine() {
  const version = (java) => spawnSync(java, ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0];
  return { cpus: cpus().length,
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '), java17: version('java'),
    java25: hasJava25 ? version(JAVA25) : 'none (options run on the default JDK, no AOT cache)', node: process.version };
}

function median(values) {
  const sorted = values.filter((value) => value !== null && value !== undefined).sort((a, b) => a - b);
  if (!sorted.length) {
    return null;
  }
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value, digits) {
  return Number(value.toFixed(digits ?? 0));
}

function roundTo(value, digits) {
  return Number(value.toFixed(digits));
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function log(message) {
  console.error(`▶ ${message}`);
}
