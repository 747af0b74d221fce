// Router settings from the environment, with local defaults. Functions of `env`, so the manifest
// script can check the reference operations against the same production limits.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_PRIVATE_KEY } from './dev-token.mjs';
import { SUBGRAPHS, urlVariable } from './subgraphs.mjs';

// The development key pair (subgraph-starter-dev): dev mode verifies the local run's tokens with it by default.
const DEV_PUBLIC_KEY = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..',
  'subgraph-starter-dev', 'src', 'main', 'resources', 'dev-keys', 'dev-public.pem');


/** The router's health endpoints: the process is up (liveness), the supergraph is loaded (readiness). */
export const HEALTH_ENDPOINTS = { liveness: '/healthcheck', readiness: '/readiness' };
/** Where GraphQL is served, and the router's Prometheus text (router/ops.mjs: in production only for its credentials). */
export const GRAPHQL_PATH = '/graphql';
export const METRICS_PATH = '/metrics';
/** The operator page (router/ops.mjs): the page itself, and its data and assets below it. */
export const OPS_PATH = '/ops';

/**
 * Dev limits: generous, so GraphiQL exploration is not hindered, but bounded: no body is accepted
 * whatever its size, and no document or variables can overflow a recursive parser's stack.
 */
export const DEV_LIMIT_DEFAULTS = {
  maxBodyBytes: 1048576,
  // `{`, `(` and `[` nested in a document; graphql-js's recursive parser overflows at a few thousand.
  maxNesting: 100,
  // objects and arrays nested in `variables` and `extensions`
  maxJsonDepth: 64,
};

/** Production limits. */
export const PRODUCTION_LIMIT_DEFAULTS = {
  maxDepth: 10,
  maxTokens: 1000,
  maxAliases: 15,
  maxDirectives: 10,
  maxRootFields: 5,
  maxBodyBytes: 102400,
  // The deepest input of the schema (PlaceOrderInput.items) is three levels deep.
  maxJsonDepth: 16,
  // Estimated cost (router/cost-estimate.mjs). The reference operations cost at most 3150 with their default
  // variables and 15306 with `first: 100`, the subgraphs' largest page (router-production.test.mjs).
  maxCost: 20000,
  // Per client (token subject or API key, else address) and root field.
  rateLimitMax: 300,
  rateLimitWindowMs: 60000,
};

export function routerSettings(env = process.env) {
  return everyProblem(() => readSettings(env));
}

function readSettings(env) {
  let mode = env.GATEWAY_MODE ?? 'dev';
  if (mode !== 'dev' && mode !== 'production') {
    mode = refuse(`GATEWAY_MODE must be 'dev' or 'production', not '${mode}'`, 'dev');
  }
  const jwt = jwtSettings(env, mode);
  const pollMs = supergraphPollMs(env);
  return {
    mode,
    subgraphs: subgraphSettings(env),
    limits: mode === 'production' ? productionLimits(env) : devLimits(env),
    // null: Yoga's default (reflects any origin), for dev only; production allows only listed origins.
    corsOrigins: origins(env) ?? (mode === 'dev' ? null : []),
    jwt,
    // GraphiQL's Authorization header: only in dev, and only when the router trusts the dev key pair.
    devTokenKeyFile: mode === 'dev' && !jwt.jwksUrl && jwt.publicKeyFile === DEV_PUBLIC_KEY && existsSync(DEV_PRIVATE_KEY)
      ? DEV_PRIVATE_KEY
      : null,
    hmacSecret: hmacSecret(env, mode),
    // Hashed API keys of machine clients (scripts/api-keys.mjs); unset: API keys are refused.
    apiKeysFile: env.API_KEYS_FILE || null,
    // The client names metrics label by (router/operation-metrics.mjs); unset, the first 100 seen.
    clientNames: list(env.CLIENT_NAMES),
    trustedDocumentsFile: env.TRUSTED_DOCUMENTS_FILE || null,
    // The platform's feature flags (docs/feature-flags.md); unset: every flag is its coded default.
    flagsFile: env.FLAGS_FILE || null,
    requestDeadlineMs: int(env, 'REQUEST_DEADLINE_MS', 30000),
    // How many proxies (an ingress, a load balancer) stand between clients and the router: the rate limit
    // then tells anonymous clients apart by the address the outermost one saw (router/rate-limit.mjs).
    trustedProxyHops: int(env, 'TRUSTED_PROXY_HOPS', 0, 0),
    // On SIGTERM the router stops accepting connections and lets requests in flight finish for at most
    // this long (Hive Gateway's default, 0, cuts them). Longer than REQUEST_DEADLINE_MS is never needed.
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 15000),
    // Shared by all router replicas (router/shared-state.mjs); unset: in this process only.
    redis: {
      url: url(env, 'REDIS_URL', REDIS) ?? null,
      keyPrefix: env.REDIS_KEY_PREFIX || 'router:',
      // A Redis slower than this counts as down: the rate limit fails open rather than slow requests.
      commandTimeoutMs: int(env, 'REDIS_TIMEOUT_MS', 250),
    },
    supergraphStore: supergraphStoreSettings(env, pollMs),
    supergraphPollMs: pollMs,
    metrics: metricsSet(env),
    queryPlanner: queryPlanner(env),
    tracing: readTracingSettings(env, mode),
    benchmarkOff: benchmarkSwitches(env),
  };
}

/**
 * Traces over OTLP/HTTP (docs/observability.md): only when an endpoint is set, the standard
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the full URL) or `OTEL_EXPORTER_OTLP_ENDPOINT` (the base,
 * `/v1/traces` is added). Sampling is parent-based by trace id ratio, `TRACE_SAMPLING_RATIO`:
 * every trace in dev, 10 % in production by default.
 */
export function tracingSettings(env = process.env, mode = env.GATEWAY_MODE ?? 'dev') {
  return everyProblem(() => readTracingSettings(env, mode));
}

function readTracingSettings(env, mode) {
  const base = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', HTTP);
  const endpoint = url(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', HTTP)
    ?? (base ? `${base.replace(/\/$/, '')}/v1/traces` : null);
  if (!endpoint) {
    return null;
  }
  const samplingRatio = ratio(env, 'TRACE_SAMPLING_RATIO', mode === 'production' ? 0.1 : 1);
  return { endpoint, samplingRatio, serviceName: env.OTEL_SERVICE_NAME || 'router' };
}

/**
 * Who plans and executes across the subgraphs (`ROUTER_QUERY_PLANNER`). `rust` (default): Hive's
 * Rust query planner (`@graphql-hive/router-runtime`), a third cheaper per `UserOrders` request
 * (docs/performance.md). `javascript`: Hive Gateway's own planner and executor, the fallback.
 */
function queryPlanner(env) {
  const value = env.ROUTER_QUERY_PLANNER || 'rust';
  if (value !== 'rust' && value !== 'javascript') {
    return refuse(`ROUTER_QUERY_PLANNER must be 'rust' or 'javascript', not '${value}'`, 'rust');
  }
  return value;
}

/**
 * The router's Prometheus metrics (`ROUTER_METRICS`). `lean` (default): the router's own
 * (router/operation-metrics.mjs): requests per operation, client and outcome with their duration,
 * errors by code, subgraph fetches per operation and their duration per subgraph, the document
 * cache. `all`: Hive Gateway's full set on top (requests by HTTP status, a histogram per GraphQL
 * phase, a summary per request, fetch and subgraph execution durations, deprecated-field counts,
 * which walk every request's document against the schema): for a closer look, at a measured cost
 * (docs/performance.md).
 */
function metricsSet(env) {
  const value = env.ROUTER_METRICS || 'lean';
  if (value !== 'lean' && value !== 'all') {
    return refuse(`ROUTER_METRICS must be 'lean' or 'all', not '${value}'`, 'lean');
  }
  return value;
}

/**
 * Benchmark only: `BENCH_ROUTER_OFF=<name>,…` turns named parts of the router off so that
 * `benchmark/run --compare` can measure what each one costs. Unset (always, outside the benchmark)
 * nothing is off; the router logs a warning naming what is off whenever it is set.
 */
export const BENCHMARK_SWITCHES = ['freshness', 'jwt', 'authorization', 'errorCodes', 'rateLimit',
  'demandControl', 'prometheus', 'requestShape', 'trustedDocuments', 'operationLimits'];

function benchmarkSwitches(env) {
  const names = list(env.BENCH_ROUTER_OFF) ?? [];
  const unknown = names.filter((name) => !BENCHMARK_SWITCHES.includes(name));
  if (unknown.length) {
    return refuse(`BENCH_ROUTER_OFF: unknown ${unknown.join(', ')}; known: ${BENCHMARK_SWITCHES.join(', ')}`, new Set());
  }
  return new Set(names);
}

function jwtSettings(env, mode) {
  return {
    jwksUrl: url(env, 'JWT_JWKS_URL', HTTP) ?? null,
    publicKeyFile: env.JWT_PUBLIC_KEY_FILE || (mode === 'dev' && existsSync(DEV_PUBLIC_KEY) ? DEV_PUBLIC_KEY : null),
    issuer: env.JWT_ISSUER || undefined,
    audience: env.JWT_AUDIENCE || undefined,
    // The subgraphs' subgraph.security.jwt.clock-skew default, so both refuse the same old tokens.
    clockSkewSeconds: int(env, 'JWT_CLOCK_SKEW_SECONDS', 30, 0),
  };
}

export function productionLimits(env = process.env) {
  return everyProblem(() => {
    const limits = fromEnv(env, PRODUCTION_LIMIT_DEFAULTS);
    return { ...limits, maxNesting: int(env, 'MAX_NESTING', nestingFor(limits.maxDepth)) };
  });
}

export function devLimits(env = process.env) {
  return everyProblem(() => fromEnv(env, DEV_LIMIT_DEFAULTS));
}

/**
 * The bound on `{`, `(` and `[` nesting that a document within `maxDepth` needs: two levels per
 * field (its selection set and an inline fragment), plus ten for the operation, variable
 * definitions and argument values (input objects and lists).
 */
export function nestingFor(maxDepth) {
  return 2 * maxDepth + 10;
}

function fromEnv(env, defaults) {
  return Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, int(env, envName(name), value)]));
}

// Each registered subgraph (subgraphs.json): <NAME>_URL, else its local port; <NAME>_TIMEOUT_MS,
// else its registered timeout.
function subgraphSettings(env) {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name, port, routerTimeoutMs }) => [name, {
      url: url(env, urlVariable(name), HTTP) ?? `http://localhost:${port}/graphql`,
      timeoutMs: int(env, `${name.toUpperCase()}_TIMEOUT_MS`, routerTimeoutMs),
    }]),
  );
}

// maxBodyBytes -> MAX_BODY_BYTES
function envName(name) {
  return name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

/** Hive Gateway's CLI refuses a shorter polling interval. */
export const MIN_SUPERGRAPH_POLL_MS = 10000;

/**
 * The versioned supergraph store (docs/supergraph-versions.md): unset, the router serves the file
 * `supergraph.graphql` (or the one its command line names) as before.
 */
function supergraphStoreSettings(env, pollMs) {
  return env.SUPERGRAPH_STORE ? { dir: env.SUPERGRAPH_STORE, pollMs } : null;
}

/**
 * How often the router looks at its supergraph, the store's pointer or the file: how long a promotion, a
 * rollback or an edit takes to reach the router at most (plus the next request's time: Hive polls when a
 * request comes in).
 */
function supergraphPollMs(env) {
  const pollMs = int(env, 'SUPERGRAPH_POLL_MS', MIN_SUPERGRAPH_POLL_MS);
  if (pollMs < MIN_SUPERGRAPH_POLL_MS) {
    refuse(`SUPERGRAPH_POLL_MS must be at least ${MIN_SUPERGRAPH_POLL_MS} (Hive Gateway's minimum), not ${pollMs}`);
  }
  return pollMs;
}

// A numeric setting that is unset, empty or blank takes its default, as every other setting does;
// anything but plain decimal digits is refused at start (`Number` would read '' as 0 and '0x10' as 16).
function int(env, name, fallback, min = 1) {
  const raw = env[name]?.trim();
  if (!raw) {
    return fallback;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    return refuse(`${name} must be ${min === 0 ? 'a whole number' : 'a positive integer'}, not '${env[name]}'`, fallback);
  }
  return value;
}

function ratio(env, name, fallback) {
  const raw = env[name]?.trim();
  if (!raw) {
    return fallback;
  }
  const value = Number(raw);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(raw) || value > 1) {
    return refuse(`${name} must be a decimal number between 0 and 1, not '${env[name]}'`, fallback);
  }
  return value;
}

/**
 * The secret the router signs subgraph requests with (`ROUTER_HMAC_SECRET`, the subgraphs'
 * `subgraph.security.router-secret`); unset, empty or blank, requests are not signed, which only dev mode
 * allows. At least as long as the HMAC-SHA256 key RFC 2104 asks for; the message never repeats the secret.
 */
function hmacSecret(env, mode) {
  const secret = env.ROUTER_HMAC_SECRET;
  if (!secret?.trim()) {
    // The subgraphs' prod profile refuses to start without the secret, and then every request it does not sign.
    return mode === 'production'
      ? refuse('GATEWAY_MODE=production needs ROUTER_HMAC_SECRET (the subgraphs\' subgraph.security.router-secret, '
        + 'e.g. openssl rand -hex 32): subgraphs in production accept only requests the router signs', null)
      : null;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return refuse(`ROUTER_HMAC_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -hex 32), `
      + `not ${secret.length}`, null);
  }
  return secret;
}

const MIN_SECRET_LENGTH = 32;

const HTTP = { protocols: ['http:', 'https:'], shape: 'an absolute http or https URL with a host' };
// A Redis URL may hold a password: its message does not repeat it.
const REDIS = { protocols: ['redis:', 'rediss:'], shape: 'a redis:// or rediss:// URL with a host', secret: true };

/**
 * The URL in `name`: unset, empty or blank gives undefined (the caller's default); anything but an
 * absolute URL of one of `kind.protocols` with a host stops the router at start, so that a typo such as
 * `users:4001/graphql` is not found one failed request at a time.
 */
function url(env, name, kind) {
  const raw = env[name]?.trim();
  if (!raw) {
    return undefined;
  }
  const parsed = parseUrl(raw);
  if (!parsed || !kind.protocols.includes(parsed.protocol) || !parsed.hostname) {
    return refuse(`${name} must be ${kind.shape}${kind.secret ? '' : `, not '${env[name]}'`}`, undefined);
  }
  return raw;
}

/**
 * `CORS_ORIGINS`: each entry an origin as browsers send it in `Origin`, scheme, host and port only
 * (`https://app.example.com`). A path, a trailing slash, a missing scheme or `*` would match no browser
 * or every one, so each stops the router at start.
 */
function origins(env) {
  const entries = list(env.CORS_ORIGINS);
  for (const entry of entries ?? []) {
    if (parseUrl(entry)?.origin !== entry || !/^https?:/.test(entry)) {
      refuse(`CORS_ORIGINS must list origins such as https://app.example.com (scheme, host and port only), not '${entry}'`);
    }
  }
  return entries?.length ? entries : null;
}

// Every invalid setting is reported at once, so an operator fixes them in one round rather than one per
// start: while settings are read, refuse() records the problem and the read goes on with the default.
let problems = null;

function everyProblem(read) {
  if (problems) {
    return read();
  }
  problems = [];
  try {
    const settings = read();
    if (problems.length === 1) {
      throw new Error(problems[0]);
    }
    if (problems.length > 1) {
      throw new Error(`${problems.length} router settings are invalid:\n  ${problems.join('\n  ')}`);
    }
    return settings;
  } finally {
    problems = null;
  }
}

function refuse(message, fallback) {
  if (!problems) {
    throw new Error(message);
  }
  problems.push(message);
  return fallback;
}

function parseUrl(text) {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function list(raw) {
  return raw ? raw.split(',').map((item) => item.trim()).filter(Boolean) : null;
}
