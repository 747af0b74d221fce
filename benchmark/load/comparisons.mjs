// Named side-by-side comparisons for `benchmark/run --compare <name>[,<name>…]` (see benchmark/README.md).
// Each compares two router configurations, A and B, on the same running subgraphs. A is the
// production router unless said otherwise; B differs by the environment given. `signed: false`
// starts the subgraphs without the router secret (they then accept unsigned requests), which
// comparisons of the signing itself need; `text: true` makes B's requests carry the document text
// instead of its trusted document id; `peer` runs a peer router instead of the production one on
// that side (supergraph.mjs PEERS). BENCH_ROUTER_OFF is the router's benchmark-only switch
// (gateway-config/router/settings.mjs).
//
// A comparison with `subgraphs` compares two instances of each named subgraph instead, side by side on
// one database and without a router (subgraph-compare.mjs): A and B differ by the Spring properties
// in `args`; `prepare` may add more, and a `sink` whose counts are reported. One with `supergraphs`
// compares two complete supergraphs (supergraph-compare.mjs): A and B differ by the router's `env`
// and the subgraphs' `args`; `prepare` may add to both. `scenarios` are a comparison's own defaults
// for `--scenarios`.

import { createServer } from 'node:http';

const off = (...parts) => ({ BENCH_ROUTER_OFF: parts.join(',') });

/**
 * An OTLP/HTTP endpoint on loopback that accepts spans and drops them: export costs, storage does not.
 * `received` counts the export requests and their bytes (proof that the side under test exports).
 */
export async function traceSink(received = { requests: 0, bytes: 0 }) {
  const server = createServer((request, response) => {
    received.requests += 1;
    request.on('data', (chunk) => { received.bytes += chunk.length; });
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return `http://127.0.0.1:${server.address().port}/v1/traces`;
}

/** A subgraph as production runs it: 10 % field timing, 10 % of traces exported over OTLP to a sink on loopback. */
export const PRODUCTION_SUBGRAPH = {
  label: 'production: 10 % field timing, 10 % of traces exported over OTLP to a sink on loopback',
  args: ['--subgraph.observability.field-sample-rate=0.1', '--management.tracing.sampling.probability=0.1'],
  prepare: async () => {
    const sink = { requests: 0, bytes: 0 };
    return { args: [`--management.opentelemetry.tracing.export.otlp.endpoint=${await traceSink(sink)}`], sink };
  },
};

/** The production subgraph with more arguments (each `--name=value`). */
function productionSubgraphWith(label, ...args) {
  return { label, args: [...PRODUCTION_SUBGRAPH.args, ...args], prepare: PRODUCTION_SUBGRAPH.prepare };
}

/** A subgraph with as much of its observability off as configuration reaches. */
export const SUBGRAPH_OBSERVABILITY_OFF = {
  label: 'observability off (no field timing, no tracing, no GraphQL/HTTP/JDBC observations, no SQL metrics)',
  // no OTLP endpoint: the starter's TracingSwitch leaves tracing out altogether
  args: ['--subgraph.observability.field-sample-rate=0', '--subgraph.observability.sql-metrics=false',
    '--management.observations.enable.graphql=false', '--management.observations.enable.http=false',
    '--management.observations.enable.jdbc=false'],
};

export const COMPARISONS = {
  freshness: {
    about: 'freshness stamps on subgraph requests (router/freshness.mjs)',
    signed: false,
    b: { label: 'no freshness stamps', env: off('freshness') },
  },
  jwt: {
    about: 'JWT verification (jwt); both sides without authorization, which needs the verified token',
    a: { label: 'JWT, no authorization', env: off('authorization') },
    b: { label: 'neither', env: off('authorization', 'jwt') },
  },
  authorization: {
    about: '@authenticated / @requiresScopes at the router (router/authorization.mjs)',
    b: { label: 'no authorization', env: off('authorization') },
  },
  'error-codes': {
    about: 'error codes, reasons and messages on every result (useErrorCodes, router/errors.mjs)',
    b: { label: 'no useErrorCodes', env: off('errorCodes') },
  },
  'rate-limit': {
    about: 'rate limiting per client and root field (useRateLimit, router/rate-limit.mjs)',
    b: { label: 'no rate limit', env: off('rateLimit') },
  },
  'demand-control': {
    about: 'cost estimate from @listSize (router/cost-estimate.mjs)',
    b: { label: 'no cost estimate', env: off('demandControl') },
  },
  prometheus: {
    about: 'Prometheus metrics, the router\'s own that production uses (prometheus, ROUTER_METRICS=lean)',
    b: { label: 'no metrics', env: off('prometheus') },
  },
  observability: {
    about: 'the router\'s metrics and 10 % of traces exported over OTLP (production observability) vs neither',
    a: { label: 'no metrics, no tracing', env: off('prometheus') },
    b: {
      label: 'metrics + 10 % tracing',
      env: {},
      prepare: async () => ({ TRACE_SAMPLING_RATIO: '0.1', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: await traceSink() }),
    },
  },
  'subgraph-observability': {
    about: 'the subgraphs\' own observability: field timing of 10 % of requests, 10 % of traces exported over OTLP, '
      + 'Spring\'s GraphQL, HTTP and JDBC observations and the SQL metrics, vs as much of it off as configuration turns off',
    subgraphs: { entities: 'catalog', user: 'users' },
    a: SUBGRAPH_OBSERVABILITY_OFF,
    b: PRODUCTION_SUBGRAPH,
  },
  'supergraph-observability': {
    about: 'observability as a client\'s throughput sees it: the router\'s metrics and 10 % tracing and every subgraph\'s '
      + 'production observability, vs all of it off; two complete supergraphs side by side',
    supergraphs: true,
    a: {
      label: `router without metrics or tracing; subgraphs with ${SUBGRAPH_OBSERVABILITY_OFF.label}`,
      env: off('prometheus'),
      args: SUBGRAPH_OBSERVABILITY_OFF.args,
    },
    b: {
      label: 'router with its metrics and 10 % of traces; subgraphs in production configuration (10 % field timing, '
        + 'their metrics, 10 % of traces, parent-based so the router\'s sampled traces are complete); spans exported over '
        + 'OTLP to a sink on loopback',
      env: {},
      args: PRODUCTION_SUBGRAPH.args,
      prepare: async () => {
        const sink = { requests: 0, bytes: 0 };
        const endpoint = await traceSink(sink);
        return {
          env: { TRACE_SAMPLING_RATIO: '0.1', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint },
          args: [`--management.opentelemetry.tracing.export.otlp.endpoint=${endpoint}`],
          sink,
        };
      },
    },
  },
  'catalog-cache': {
    about: 'the catalog\'s read cache as a client sees it: two complete production supergraphs, the catalog\'s cache off vs on',
    supergraphs: true,
    scenarios: ['ProductPage', 'mix'],
    a: { label: 'production, the catalog\'s read cache off (catalog.cache.enabled=false)', env: {}, args: ['--catalog.cache.enabled=false'] },
    b: { label: 'production: the catalog\'s read cache on, in each replica\'s memory', env: {}, args: [] },
  },
  'sql-metrics': {
    about: 'the subgraphs\' SQL statement counts and SQL spans (the JDBC instrumentation) within production observability',
    subgraphs: { entities: 'catalog', user: 'users' },
    a: PRODUCTION_SUBGRAPH,
    b: productionSubgraphWith('production without SQL metrics or SQL spans (subgraph.observability.sql-metrics=false)',
      '--subgraph.observability.sql-metrics=false'),
  },
  'virtual-threads': {
    about: 'the subgraphs\' requests on virtual threads (spring.threads.virtual.enabled=true) vs Tomcat\'s pool of platform threads',
    subgraphs: { entities: 'catalog', user: 'users' },
    a: PRODUCTION_SUBGRAPH,
    b: productionSubgraphWith('production on virtual threads (spring.threads.virtual.enabled=true)',
      '--spring.threads.virtual.enabled=true'),
  },
  'scalar-reads': {
    about: 'scalar fields read from their parents by graphql-java\'s own strategy (subgraph.execution.scalar-reads=false) vs ScalarReadsExecutionStrategy',
    subgraphs: { entities: 'catalog', order: 'orders' },
    a: productionSubgraphWith('production on graphql-java\'s query strategy (subgraph.execution.scalar-reads=false)',
      '--subgraph.execution.scalar-reads=false'),
    b: PRODUCTION_SUBGRAPH,
  },
  'graphql-observation': {
    about: 'Spring for GraphQL\'s observations of each request (graphql.request, and the timed fields of a sampled tenth) within production observability',
    subgraphs: { entities: 'catalog', user: 'users' },
    a: PRODUCTION_SUBGRAPH,
    b: productionSubgraphWith('production without the GraphQL observations (management.observations.enable.graphql=false)',
      '--management.observations.enable.graphql=false'),
  },
  'subgraph-tracing': {
    about: 'the subgraphs\' tracing alone: 10 % of traces exported over OTLP vs tracing off, both with the production metrics and field timing',
    subgraphs: { entities: 'catalog', user: 'users' },
    a: {
      label: 'production metrics and 10 % field timing, tracing off (no OTLP endpoint)',
      args: ['--subgraph.observability.field-sample-rate=0.1'],
    },
    b: PRODUCTION_SUBGRAPH,
  },
  tracing: {
    about: '10 % of traces exported over OTLP on top of the production metrics (the tracing share of `observability`)',
    b: {
      label: 'metrics + 10 % tracing',
      env: {},
      prepare: async () => ({ TRACE_SAMPLING_RATIO: '0.1', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: await traceSink() }),
    },
  },
  'metrics-all': {
    about: 'the router\'s own metrics and Hive Gateway\'s full set (ROUTER_METRICS=all) vs the router\'s own alone, as production',
    a: { label: 'all metrics', env: { ROUTER_METRICS: 'all' } },
    b: { label: 'the router\'s own metrics (production)', env: {} },
  },
  'request-shape': {
    about: 'request shape checks (useRequestShape, router/request-shape.mjs)',
    b: { label: 'no request shape check', env: off('requestShape') },
  },
  'operation-limits': {
    about: 'alias, directive and root field limits (useOperationLimits)',
    b: { label: 'no operation limits', env: off('operationLimits') },
  },
  'trusted-documents': {
    about: 'trusted documents only (persistedDocuments, useTrustedDocumentText); B is sent the document text',
    b: { label: 'any document, sent as text', env: off('trustedDocuments'), text: true },
  },
  'own-plugins': {
    about: 'every part BENCH_ROUTER_OFF can turn off at once: what is left is Hive Gateway planning and executing',
    signed: false,
    b: { label: 'all off', env: off('freshness', 'jwt', 'authorization', 'errorCodes', 'rateLimit',
      'demandControl', 'prometheus', 'requestShape', 'operationLimits', 'trustedDocuments'), text: true },
  },
  'query-planner': {
    about: 'Hive\'s Rust query planner (@graphql-hive/router-runtime, the default) vs Hive Gateway\'s own JavaScript planner and executor',
    b: { label: 'JavaScript planner', env: { ROUTER_QUERY_PLANNER: 'javascript' } },
  },
  'apollo-gateway': {
    about: 'the production router vs the Apollo Gateway peer: Apollo Gateway on Apollo Server, no plugins (no authorization, '
      + 'limits, signing, trusted documents, error mapping or metrics), the client\'s Authorization forwarded '
      + '(apollo-gateway-peer.mjs); the router\'s CPU target is the peer\'s',
    signed: false,
    b: { label: 'Apollo Gateway peer, no plugins, sent the document text', peer: 'apollo-gateway', text: true },
  },
  fork: {
    about: 'Hive Gateway\'s cluster mode: two router workers instead of one process (FORK=2)',
    b: { label: 'two workers', env: { FORK: '2' } },
  },
  'semi-space': {
    about: 'a larger V8 young generation (--max-semi-space-size=16, MB per semi-space) on top of the image\'s heap bound',
    b: { label: '16 MB semi-spaces', env: { NODE_OPTIONS: '--max-old-space-size=224 --max-semi-space-size=16' } },
  },
  'old-space': {
    about: 'a larger V8 old generation (--max-old-space-size=512 instead of the image\'s 224): full collections less often '
      + '(benchmark/load/router-gc.mjs)',
    b: { label: '512 MB old generation', env: { NODE_OPTIONS: '--max-old-space-size=512' } },
  },
};

/** Shorthands for several comparisons in one run. */
export const GROUPS = {
  plugins: ['freshness', 'jwt', 'authorization', 'error-codes', 'rate-limit', 'demand-control', 'prometheus', 'metrics-all',
    'request-shape', 'operation-limits', 'trusted-documents', 'own-plugins'],
  node: ['fork', 'semi-space', 'old-space'],
};

/** The comparisons named by `spec` ("a,b" or a group), with their defaults filled in. */
export function comparisonsOf(spec) {
  const names = spec.split(',').flatMap((name) => GROUPS[name] ?? [name]);
  return names.map((name) => {
    const comparison = COMPARISONS[name];
    if (!comparison) {
      throw new Error(`unknown comparison '${name}'; known: ${[...Object.keys(COMPARISONS), ...Object.keys(GROUPS)].join(', ')}`);
    }
    return { name, signed: true, a: { label: 'production router', env: {} }, ...comparison };
  });
}
