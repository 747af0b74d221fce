// Where a subgraph's CPU goes: node benchmark/load/profile-subgraph.mjs [users|orders|catalog] [seconds] [--off] [--uncached]
// Starts one instance of the subgraph's jar as the benchmarks do (JDK 25 and subgraph-jvm/options when
// installed), in production observability (10 % field timing, 10 % of traces exported to a sink on
// loopback) or, with --off, with it off as in the comparisons' A. Requests are benchmark-kind requests
// straight at it (workload.mjs subgraphRequest), signed like the router's and carrying `traceparent`
// with one in ten sampled, as the router sends them; a closed loop of 4 clients warms it for 80 s, then
// a JFR recording (`settings=profile`) runs for the seconds given. --uncached turns the catalog's read cache
// off, as for the benchmark's `_entities` comparison with the raw baseline. Prints the request threads' samples
// (also per 1,000 requests served, which compares two recordings) by the innermost frame that is not
// the JDK's, grouped by library, and the hottest such frames, then by
// the innermost layer of the request path each sample is in (stacks are recorded 512 frames deep so none
// is cut short); the recording stays in .run/subgraph-profile/. Needs the subgraph's jar built; not a
// benchmark figure.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PRODUCTION_SUBGRAPH, SUBGRAPH_OBSERVABILITY_OFF } from './comparisons.mjs';
import { java25 } from './jvm.mjs';
import { closedLoop } from './load.mjs';
import { startLocalPostgres } from './local-postgres.mjs';
import { awaitReady, freePort, stopAll } from './processes.mjs';
import { startSubgraphInstance } from './supergraph.mjs';
import { subgraphRequest, traced } from './workload.mjs';

const args = process.argv.slice(2);
const off = args.includes('--off');
const uncached = args.includes('--uncached');
const [subgraph = 'users', seconds = '30'] = args.filter((arg) => !arg.startsWith('--'));
const root = resolve(import.meta.dirname, '..', '..');
const outDir = resolve(root, '.run', 'subgraph-profile');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const recording = resolve(outDir, `${subgraph}.jfr`);
// jcmd and jfr of the JDK that runs the subgraph.
const java = java25() ?? 'java';
const tool = (name) => (java === 'java' ? name : resolve(dirname(java), name));

/** Library of a frame, by package prefix; the first match wins. */
const LIBRARIES = [
  ['dev.supergraph.starter.observability', 'starter: observability'], ['dev.supergraph', 'project code'],
  ['io.micrometer.observation', 'Micrometer observation'], ['io.micrometer.tracing', 'Micrometer Tracing'],
  ['io.micrometer.context', 'context propagation'], ['io.micrometer', 'Micrometer meters'],
  ['io.opentelemetry', 'OpenTelemetry SDK'], ['net.ttddyy', 'datasource-proxy'], ['graphql.', 'graphql-java'],
  ['org.dataloader', 'java-dataloader'], ['org.springframework.graphql', 'Spring for GraphQL'],
  ['org.springframework.security', 'Spring Security'], ['org.springframework', 'Spring'],
  ['org.apache', 'Tomcat'], ['jakarta.', 'Servlet API'], ['tools.jackson', 'Jackson'], ['com.fasterxml', 'Jackson'],
  ['org.postgresql', 'PostgreSQL driver'], ['com.zaxxer', 'HikariCP'], ['org.hibernate', 'Hibernate'],
  ['ch.qos.logback', 'logback'], ['reactor', 'Reactor'], ['com.github.benmanes.caffeine', 'Caffeine'],
];

/** Layers of the request path, outermost first, each by a frame prefix that marks a sample as inside it. */
const LAYERS = [
  ['Tomcat', 'org.apache.tomcat.util.net.NioEndpoint'],
  ['servlet filters before the ones below', 'org.apache.catalina.connector.CoyoteAdapter.service'],
  ['HTTP server observation', 'org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal'],
  ['router signature', 'dev.supergraph.starter.security.RouterSignatureFilter.doFilterInternal'],
  ['Spring Security', 'org.springframework.security.web.FilterChainProxy.doFilter'],
  ['Spring MVC', 'org.springframework.web.servlet.DispatcherServlet.doDispatch'],
  ["Spring for GraphQL's HTTP handler", 'org.springframework.graphql.server.webmvc.'],
  ['graphql-java, before the fields', 'graphql.GraphQL.executeAsync'],
  ['graphql-java, the fields and resolvers', 'graphql.execution.ExecutionStrategy'],
  ['JDBC reads (JdbcTemplate)', 'org.springframework.jdbc.core.JdbcTemplate.execute'],
  ['datasource-proxy', 'net.ttddyy.dsproxy.proxy'],
  ['PostgreSQL driver', 'org.postgresql.'],
];

let completed = 0;
const postgres = await startLocalPostgres(root, resolve(outDir), [subgraph]);
const started = [postgres.proc];
try {
  const setting = off ? SUBGRAPH_OBSERVABILITY_OFF : PRODUCTION_SUBGRAPH;
  const { args: exportArgs = [], sink } = await setting.prepare?.() ?? {};
  const port = await freePort();
  const secret = randomBytes(32).toString('hex');
  const proc = startSubgraphInstance(root, outDir, { name: subgraph, subgraph, port, databasePort: postgres.ports[subgraph],
    secret, args: [...setting.args, ...exportArgs, ...(uncached ? ['--catalog.cache.enabled=false'] : [])], jvmOptions: ['-XX:FlightRecorderOptions:stackdepth=512'] });
  started.push(proc);
  await awaitReady(proc);
  const next = traced(subgraphRequest(subgraph, `http://127.0.0.1:${port}/graphql`, secret));
  await closedLoop(next, { concurrency: 4, durationMs: 80_000 });
  execFileSync(tool('jcmd'), [String(proc.pid), 'JFR.start', 'name=profile', 'settings=profile', `filename=${recording}`]);
  const run = await closedLoop(next, { concurrency: 4, durationMs: Number(seconds) * 1000 });
  execFileSync(tool('jcmd'), [String(proc.pid), 'JFR.stop', 'name=profile']);
  completed = run.completed;
  console.log(`${subgraph} (${off ? 'observability off' : 'production observability'}): ${run.completed} requests, `
    + `${run.rps.toFixed(0)} per second, ${run.failed} failed${sink ? `; OTLP exports received ${sink.requests}` : ''}`);
} finally {
  await stopAll(started);
}
if (existsSync(recording)) {
  report(execFileSync(tool('jfr'), ['print', '--events', 'jdk.ExecutionSample', '--stack-depth', '512', recording],
    { maxBuffer: 1 << 30 }).toString());
}

/** Shares of the request threads' samples by library and by frame (innermost non-JDK frame). */
function report(text) {
  const byLibrary = new Map();
  const byFrame = new Map();
  const byLayer = new Map();
  let samples = 0;
  for (const event of text.split('jdk.ExecutionSample {').slice(1)) {
    const thread = /sampledThread = "([^"]*)"/.exec(event)?.[1] ?? '';
    if (!thread.includes('-exec-')) {
      continue;
    }
    samples += 1;
    const frames = [...event.matchAll(/^\s+([\w.$<>]+)\(/gm)].map((match) => match[1]);
    const frame = frames.find((name) => !/^(java|jdk|sun)\./.test(name)) ?? 'JDK only';
    const library = LIBRARIES.find(([prefix]) => frame.startsWith(prefix))?.[1] ?? 'other';
    byLibrary.set(library, (byLibrary.get(library) ?? 0) + 1);
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + 1);
    const layer = innermostLayer(frames);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + 1);
  }
  const top = (counts, limit) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit)
    .map(([name, count]) => `${((100 * count) / samples).toFixed(1).padStart(5)} %  ${name}`).join('\n');
  // per request, so that two recordings compare however many requests each served
  const perRequests = completed ? ` (${((1000 * samples) / completed).toFixed(2)} per 1,000 requests)` : '';
  console.log(`\n${samples} samples on the request threads${perRequests}, by the innermost frame that is not the JDK's\n`);
  console.log(`by library:\n${top(byLibrary, 25)}\n\nhottest frames:\n${top(byFrame, 25)}`);
  const share = (name) => `${((100 * (byLayer.get(name) ?? 0)) / samples).toFixed(1).padStart(5)} %  ${name}`;
  console.log(`\nby the innermost layer of the request path, outermost first:\n${
    [...LAYERS.map(([name]) => name), 'none of these'].map(share).join('\n')}`);
}

/** The innermost layer a stack (innermost frame first) is in. */
function innermostLayer(frames) {
  for (const frame of frames) {
    const layer = LAYERS.find(([, prefix]) => frame.startsWith(prefix));
    if (layer) {
      return layer[0];
    }
  }
  return 'none of these';
}
