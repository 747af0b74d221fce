// The supergraph as production runs it: the three subgraphs' production jars (each on its own
// embedded PostgreSQL from LocalPostgres, with the seed data), signing, API keys, authorization, limits and trusted documents on, behind the
// production router; plus the raw JDBC baseline on the catalog's database. Only the load-test
// settings differ: rate limits raised so the load is measured, not refused.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execJar, imageEnvironment as subgraphImageEnvironment, productionJvm } from './jvm.mjs';
import { localPostgresUrl, startLocalPostgres } from './local-postgres.mjs';
import { SUBGRAPHS as REGISTRY, urlVariable } from '../../gateway-config/router/subgraphs.mjs';
import { awaitReady, freePort, startProcess, stopAll } from './processes.mjs';
import { gcLogOption } from './gc-log.mjs';

const SUBGRAPHS = REGISTRY.map((subgraph) => subgraph.name);
/** The development public key: the production jars carry none, and the benchmark's tokens are signed with its pair. */
const DEV_PUBLIC_KEY = (root) => resolve(root, 'subgraph-starter-dev', 'src', 'main', 'resources', 'dev-keys', 'dev-public.pem');
/** The catalog the raw baseline is compared with (see startUncachedCatalog). */
export const UNCACHED_CATALOG = 'catalogUncached';
/** The Node subgraph the catalog's `_entities` path is also compared with (node-subgraph-peer.mjs). */
export const NODE_PEER = 'nodePeer';

/**
 * Starts the subgraphs, then one router per entry of `routers` (name -> extra environment, default: one
 * production router named `router`), unless `raw` is false the raw baseline, and with `nodePeer` the Node
 * subgraph peer (both on the catalog's database). `signed: false`
 * starts the subgraphs without the router secret, so they accept unsigned requests (for comparing
 * routers with and without signing); the routers still sign.
 */
export async function startSupergraph(root, logDir, { routers = { router: {} }, raw: withRaw = true, nodePeer = false, signed = true } = {}) {
  mkdirSync(logDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPHS, 'raw', NODE_PEER, UNCACHED_CATALOG]
    .map(async (name) => [name, await freePort()])));
  const postgres = await startLocalPostgres(root, logDir, SUBGRAPHS);
  ports.catalogDb = postgres.ports.catalog;
  const url = (name) => `http://127.0.0.1:${ports[name]}/graphql`;
  // The JVM as the production image runs it (subgraph-jvm/options; JDK 25 and AOT cache when there).
  SUBGRAPHS.forEach((name) => console.error(`▶ ${name}: ${productionJvm(root, name).describe}`));
  const subgraphs = SUBGRAPHS.map((name) => startSubgraphInstance(root, logDir, { name, subgraph: name, port: ports[name],
    databasePort: postgres.ports[name], secret: signed ? secret : null, args: subgraphCalls(name, url) }));
  const started = [postgres.proc, ...subgraphs];
  try {
    await Promise.all(subgraphs.map((proc) => awaitReady(proc)));
    const baselines = [...(withRaw ? [startRaw(), startUncachedCatalog()] : []), ...(nodePeer ? [startNodePeer()] : [])];
    started.push(...baselines);
    await Promise.all([launchRouters(routers), ...baselines.map((proc) => awaitReady(proc))]);
    return { secret, url, processes: started, byName: Object.fromEntries(started.map((proc) => [proc.name, proc])), ports,
      launchRouters, stopRouters };
  } catch (error) {
    started.forEach((proc) => proc.child.kill('SIGKILL'));
    throw error;
  }

  /**
   * Starts routers beside the running subgraphs (name -> extra environment); resolves once all serve.
   * `peers` (name -> peer) starts a peer router instead of the production one under that name.
   */
  async function launchRouters(routerEnvs, peers = {}) {
    const procs = [];
    for (const [name, routerEnv] of Object.entries(routerEnvs)) {
      ports[name] = await freePort();
      procs.push(peers[name] ? startPeerRouter(root, logDir, { name, peer: peers[name], port: ports[name], subgraphUrl: url })
        : startRouter(name, routerEnv));
    }
    started.push(...procs);
    await Promise.all(procs.map((proc) => awaitReady(proc)));
    return Object.fromEntries(procs.map((proc) => [proc.name, proc]));
  }

  async function stopRouters(procs) {
    await stopAll(procs);
    procs.forEach((proc) => started.splice(started.indexOf(proc), 1));
  }

  function startRouter(name, routerEnv) {
    return startProductionRouter(root, logDir, { name, port: ports[name], secret, subgraphUrl: url, env: routerEnv });
  }

  /**
   * A second catalog on the first one's database with its read cache off: the raw baseline is
   * compared with the catalog's code path, not with its cache (the benchmark's 5,000 products fit in it).
   */
  function startUncachedCatalog() {
    return startSubgraphInstance(root, logDir, { name: UNCACHED_CATALOG, subgraph: 'catalog', port: ports[UNCACHED_CATALOG],
      databasePort: ports.catalogDb, secret, args: ['--catalog.cache.enabled=false'] });
  }

  function startRaw() {
    return startProcess({
      name: 'raw',
      command: 'java',
      args: ['-jar', execJar(root, 'benchmark'), String(ports.raw),
        `jdbc:postgresql://127.0.0.1:${ports.catalogDb}/postgres?user=postgres`, '8'],
      cwd: root,
      logFile: resolve(logDir, 'raw.log'),
      ready: `http://127.0.0.1:${ports.raw}/ready`,
    });
  }

  function startNodePeer() {
    return startProcess({
      name: NODE_PEER,
      command: 'node',
      args: [resolve(root, 'benchmark', 'load', 'node-subgraph-peer.mjs'), String(ports[NODE_PEER]),
        `postgres://postgres@127.0.0.1:${ports.catalogDb}/postgres`, '8'],
      env: { NODE_ENV: 'production' },
      cwd: root,
      logFile: resolve(logDir, `${NODE_PEER}.log`),
      ready: `http://127.0.0.1:${ports[NODE_PEER]}/?query=%7B__typename%7D`,
    });
  }
}

/**
 * The production router, signing with `secret`, in front of the subgraphs at `subgraphUrl(name)`;
 * `env` comes last and wins.
 */
export function startProductionRouter(root, logDir, { name, port, secret, subgraphUrl, env = {} }) {
  return startProcess({
    name,
    command: 'node',
    args: ['router/main.mjs', 'supergraph', 'supergraph.graphql', '--host', '127.0.0.1',
      '--port', String(port)],
    env: {
      ...imageEnvironment(resolve(root, 'gateway-config', 'Dockerfile')),
      GATEWAY_MODE: 'production',
      JWT_PUBLIC_KEY_FILE: DEV_PUBLIC_KEY(root),
      // The platform's flags file, as the deployment mounts it: progressive @override labels are its flags.
      FLAGS_FILE: resolve(root, 'flags', 'flags.json'),
      ROUTER_HMAC_SECRET: secret,
      RATE_LIMIT_MAX: '100000000',
      ...subgraphUrlVariables(subgraphUrl),
      // Node flags for the router alone (e.g. a heap size to compare), not for the load generator.
      ...(process.env.BENCH_ROUTER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_ROUTER_NODE_OPTIONS } : {}),
      ...env,
    },
    cwd: resolve(root, 'gateway-config'),
    logFile: resolve(logDir, `${name}.log`),
    ready: `http://127.0.0.1:${port}/readiness`,
  });
}

/** A router's subgraph URL variables (USERS_URL, …) pointing at `subgraphUrl(name)`. */
function subgraphUrlVariables(subgraphUrl) {
  return Object.fromEntries(SUBGRAPHS.map((subgraph) => [urlVariable(subgraph), subgraphUrl(subgraph)]));
}

/** Peer routers a comparison can put beside the production one: the script that starts each. */
const PEERS = { 'apollo-gateway': 'apollo-gateway-peer.mjs' };

/** A peer router (`PEERS`) in front of the subgraphs at `subgraphUrl(name)`, ready when `{ __typename }` answers. */
export function startPeerRouter(root, logDir, { name, peer, port, subgraphUrl }) {
  if (!PEERS[peer]) {
    throw new Error(`unknown peer router '${peer}'; known: ${Object.keys(PEERS).join(', ')}`);
  }
  return startProcess({
    name,
    command: 'node',
    args: [resolve(root, 'benchmark', 'load', PEERS[peer]), String(port)],
    env: { NODE_ENV: 'production', ...subgraphUrlVariables(subgraphUrl) },
    cwd: root,
    logFile: resolve(logDir, `${name}.log`),
    ready: `http://127.0.0.1:${port}/?query=%7B__typename%7D`,
  });
}

/** The properties that point a subgraph at the others it calls (the registry's `calls`), at `subgraphUrl(name)`. */
export function subgraphCalls(name, subgraphUrl) {
  return Object.entries(REGISTRY.find((subgraph) => subgraph.name === name).calls)
    .map(([property, target]) => `--${property}=${subgraphUrl(target)}`);
}

/**
 * An instance of a subgraph's production jar in its production configuration (no profile's overrides:
 * 10 % field timing and trace sampling, as the image runs it) on a running database, which it seeds when
 * the database is empty (an instance started later on the same database finds it seeded): introspection
 * off, rate limit off, metrics readable at /actuator/metrics, signed requests only unless `secret` is
 * null; `jvmOptions` come before the image's JVM options (which win), `args` come last and win.
 * Not the `dev` profile: it times every resolver of every request and samples every trace, which the
 * benchmark would charge to the subgraphs. Not the `prod` profile either, whose guard refuses seeding.
 */
export function startSubgraphInstance(root, logDir, { name, subgraph, port, databasePort, secret, args = [], jvmOptions = [] }) {
  const jvm = productionJvm(root, subgraph);
  return startProcess({
    name,
    command: jvm.command,
    args: [...jvmOptions, gcLogOption(gcLogOf(logDir, name)), ...jvm.args, `--${subgraph}.seed.enabled=true`, `--server.port=${port}`,
      `--spring.datasource.url=${localPostgresUrl(databasePort)}`, `--subgraph.security.jwt.public-key-location=file:${DEV_PUBLIC_KEY(root)}`,
      '--spring.graphql.schema.introspection.enabled=false', '--subgraph.rate-limit.requests-per-minute=0',
      '--management.endpoints.web.exposure.include=health,metrics', ...args],
    env: { ...subgraphImageEnvironment(root), ...(secret ? { SUBGRAPH_SECURITY_ROUTER_SECRET: secret } : {}) },
    cwd: root,
    logFile: resolve(logDir, `${name}.log`),
    ready: `http://127.0.0.1:${port}/actuator/health/readiness`,
  });
}

/** Where an instance started by startSubgraphInstance logs its garbage collections. */
export function gcLogOf(logDir, name) {
  return resolve(logDir, `${name}-gc.log`);
}

/** The `ENV` lines of the production image, so the router runs here with the flags it runs with there. */
function imageEnvironment(dockerfile) {
  return Object.fromEntries([...readFileSync(dockerfile, 'utf8').matchAll(/^ENV (\w+)=(.*)$/gm)]
    .map(([, name, value]) => [name, value.replace(/^"(.*)"$/, '$1')]));
}

/** SQL round trips of a subgraph so far (its subgraph.sql.statements metric); null with SQL metrics off. */
export async function sqlStatements(port) {
  const response = await fetch(`http://127.0.0.1:${port}/actuator/metrics/subgraph.sql.statements`);
  if (!response.ok) {
    return null;
  }
  const body = await response.json();
  return body.measurements?.[0]?.value ?? 0;
}
