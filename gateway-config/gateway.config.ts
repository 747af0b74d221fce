// Hive Gateway configuration: `node router/main.mjs supergraph supergraph.graphql` (Hive Gateway's command line) picks this file up.
// Everything is driven by the environment (see README.md); GATEWAY_MODE=production locks it down.
import {
  createInlineSigningKeyProvider,
  createRemoteJwksSigningKeyProvider,
  defineConfig,
} from '@graphql-hive/gateway';
import { GRAPHQL_PATH, HEALTH_ENDPOINTS, METRICS_PATH, routerSettings } from './router/settings.mjs';
import { routerLog } from './router/log.mjs';
import {
  useBodySizeLimit,
  useDeclaredLengthBody,
  useExactPaths,
  useIdentityBodies,
  useKnownOperationTypes,
  useNotAcceptable,
  useNotFound,
  useOperationLimits,
  useTrustedDocumentText,
  useUnparsedRequests,
} from './router/plugins.mjs';
import { defaultManifestFile } from './router/trusted-documents.mjs';
import { authorizationPlugins } from './router/authorization.mjs';
import { API_KEY_HEADER, apiKeyStore } from './router/api-keys.mjs';
import { useFreshnessStamps } from './router/freshness.mjs';
import { maskError, useErrorCodes } from './router/errors.mjs';
import { useRequestShape } from './router/request-shape.mjs';
import { withKeyObjects } from './router/jwt-keys.mjs';
import { tokenVerification } from './router/jwt.mjs';
import { KEY_SET_FETCHES_PER_MINUTE, tokenVerifier, useJwtAuth } from './router/jwt-auth.mjs';
import { graphiqlOptions } from './router/graphiql.mjs';
import { APOLLO_CLIENT_HEADER, CLIENT_HEADER, useOperationMetrics } from './router/operation-metrics.mjs';
import { setUpTracing, untracedRequestId } from './router/tracing.mjs';
import { fileCheckedDocuments, startFiles, startSetupProblem } from './router/start-checks.mjs';
import { useEmptySelections } from './router/empty-selection.mjs';
import { forwardedLanguage } from './router/messages.mjs';
import { useOpsPage } from './router/ops.mjs';
import { redisOutage, sharedRedis } from './router/shared-state.mjs';
import { rateLimitBudgets, useRateLimit } from './router/rate-limit.mjs';
import { useFeatureFlags } from './router/feature-flags.mjs';
import { storeSupergraph } from './router/supergraph-source.mjs';
import { fileSupergraph, supergraphFile } from './router/supergraph-file.mjs';
import { queryPlannerOptions, useExecutionData } from './router/query-planner.mjs';
import { answerTransportErrors } from './router/transport-errors.mjs';
import { checkRequestIds, generateRequestIdsWith, REQUEST_ID_HEADER } from './router/request-ids.mjs';
import { guardHealthEndpoints, useHealthAnswers } from './router/health-endpoints.mjs';
import { pathMethods } from './router/path-methods.mjs';
import { useUpstreamTimeouts } from './router/upstream-timeout.mjs';
import { useSubgraphFetch } from './router/subgraph-fetch.mjs';
import { useCostEstimate } from './router/cost-estimate.mjs';
import { useOperationResolution } from './router/operation-resolution.mjs';

// The health endpoints for GET and HEAD only, at their exact paths (router/health-endpoints.mjs).
guardHealthEndpoints(Object.values(HEALTH_ENDPOINTS));

const settings = routerSettings();
const production = settings.mode === 'production';
const limits = settings.limits;
const trustedDocumentsFile = settings.trustedDocumentsFile ?? defaultManifestFile;
// Read once: router/main.mjs read them before Hive loaded this file (router/start-checks.mjs).
const files = startFiles(settings);
const trustedDocuments = files.trustedDocuments;
const signingKeyProvider = jwtSigningKeyProvider();
const apiKeys = settings.apiKeysFile ? apiKeyStore(settings.apiKeysFile, { initial: files.apiKeys }) : null;
// FLAGS_FILE through OpenFeature, re-read on change (router/feature-flags.mjs).
const featureFlags = useFeatureFlags({ file: settings.flagsFile, apiKeys });
// Per operation and client (router/operation-metrics.mjs); its recent slow requests feed /ops. The key
// file's clients are named by their keys only, never by a header.
const operationMetrics = useOperationMetrics({ production, trustedDocuments, clientNames: settings.clientNames, apiKeys });
// Benchmark only (BENCH_ROUTER_OFF, router/settings.mjs): everything is on unless the benchmark turns it off.
const on = (part: string) => !settings.benchmarkOff.has(part);
if (settings.benchmarkOff.size) {
  routerLog.warn(`BENCH_ROUTER_OFF: benchmark only, turned off: ${[...settings.benchmarkOff].join(', ')}`);
}
const metricsPath = on('prometheus') ? METRICS_PATH : null;
// Requests Node's HTTP parser refuses get the GraphQL error shape too, and a method it does not know, or
// CONNECT, the answer of any method their path does not take (router/transport-errors.mjs).
answerTransportErrors({ methodsOf: (pathname: string) => pathMethods(pathname, { metricsPath }) });

// Which requests are traced (router/tracing.mjs): decided at the door, so unsampled ones cost little.
const sampling = settings.tracing ? await setUpTracing(settings.tracing) : null;
// The request id is the trace id of a traced request; else a client's X-Request-Id if it is a safe id
// (router/request-ids.mjs).
checkRequestIds({ tracing: sampling !== null });

// router/main.mjs has reported these in a line each before Hive loaded this file.
const setupProblem = startSetupProblem(settings, process.argv);
if (setupProblem) {
  throw new Error(setupProblem);
}

// Each key parsed once, not on every verification (router/jwt-keys.mjs).
const tokens = signingKeyProvider && on('jwt')
  ? tokenVerifier({ signingKey: withKeyObjects(signingKeyProvider), options: tokenVerification(settings.jwt) })
  : null;
const authorization = on('authorization') ? authorizationPlugins(apiKeys) : null;
// Where the rate limiter counts: Redis with REDIS_URL (shared by all router replicas), else this process.
const rateLimit = production && on('rateLimit')
  ? useRateLimit(rateLimitBudgets(limits, sharedRedis(settings.redis), redisOutage()), { trustedProxyHops: settings.trustedProxyHops })
  : null;
// SUPERGRAPH_STORE: the version the store's pointer names, checked before Hive sees it as the store's commands
// check it, the trusted operations included (router/supergraph-source.mjs). Else the supergraph file, each of its
// texts checked alike (router/supergraph-file.mjs).
const checkedDocuments = { file: trustedDocumentsFile, documents: trustedDocuments };
const store = settings.supergraphStore
  ? storeSupergraph(settings.supergraphStore.dir, {
    trustedDocuments: checkedDocuments,
    shutdownTimeoutMs: settings.shutdownTimeoutMs,
  })
  : null;
const supergraph = store ?? fileSupergraph(supergraphFile(), { trustedDocuments: fileCheckedDocuments(settings) });

export const gatewayConfig = defineConfig({
  supergraph: supergraph.load,
  // ROUTER_QUERY_PLANNER (router/settings.mjs): Hive's Rust planner unless `javascript` is asked for.
  ...queryPlannerOptions(settings.queryPlanner),
  pollingInterval: settings.supergraphPollMs,
  // A swap lets operations running on the old version finish on it (Hive's default aborts them).
  gracefulSchemaReload: { drainTimeout: settings.requestDeadlineMs },
  // Routing URLs in the supergraph are local defaults; the environment decides where subgraphs live.
  // No collapsing of identical in-flight subgraph requests: its key holds the propagated headers, the
  // request id among them, so two client requests never shared one, yet every answer was copied
  // (structuredClone) for the sharing that never came.
  transportEntries: Object.fromEntries(
    Object.entries(settings.subgraphs).map(([name, subgraph]) => [name, {
      location: subgraph.url,
      options: { deduplicateInflightRequests: false },
    }]),
  ),
  requestDeadline: settings.requestDeadlineMs,
  // Progressive @override: a `percent(N)` label is Hive Gateway's own draw; any other label is a
  // feature flag evaluated for the request's caller, false (stay with `from`) when unknown.
  progressiveOverride: featureFlags.progressiveOverride,
  gracefulShutdownTimeout: settings.shutdownTimeoutMs,
  propagateHeaders: {
    // The language the router chose for the client, so the subgraphs' messages are in the router's;
    // and the router's operation and client labels, so the subgraphs' metrics name the client's operation.
    // The client's name replaces its header (which goes on as sent only when the metrics are off: the
    // subgraphs choose from it and the key by the same rule and key file).
    // Asked once per subgraph request; the answer depends on the client request only (Hive copies it).
    fromClientToSubgraphs: oncePerRequest((request: Request) => ({
      ...pickHeaders(request.headers, ['authorization', API_KEY_HEADER, REQUEST_ID_HEADER, CLIENT_HEADER]),
      ...forwardedLanguage(request),
      ...operationMetrics.subgraphHeaders(request),
    })),
  },
  // The request id is the trace id (router/tracing.mjs) in a trace, else a safe id of the client's
  // (router/request-ids.mjs); every error body carries it.
  requestId: { headerName: REQUEST_ID_HEADER, generateRequestId: generateRequestIdsWith(sampling?.requestId ?? untracedRequestId) },
  cors: corsOptions(settings.corsOrigins),
  graphqlEndpoint: GRAPHQL_PATH,
  healthCheckEndpoint: HEALTH_ENDPOINTS.liveness,
  readinessCheckEndpoint: HEALTH_ENDPOINTS.readiness,
  // Dev: GraphiQL (not the Laboratory, which takes no default tabs or headers) with a tab per
  // reference operation and a dev token; it loads its scripts from a CDN.
  graphiql: production ? false : graphiqlOptions({ devTokenKeyFile: settings.devTokenKeyFile }),
  renderLegacyGraphiQL: !production,
  landingPage: !production,
  disableIntrospection: production ? true : undefined,
  blockFieldSuggestions: production,
  maskedErrors: { maskError },
  batching: false,
  maxDepth: production ? limits.maxDepth : false,
  maxTokens: production ? limits.maxTokens : false,
  csrfPrevention: production ? { requestHeaders: ['x-graphql-csrf', 'apollo-require-preflight'] } : undefined,
  // Trusted documents by hash (`documentId` or Apollo's persistedQuery extension); dev also takes any text.
  persistedDocuments: !on('trustedDocuments') ? undefined : {
    getPersistedOperation: (documentId: string) => trustedDocuments.get(documentId) ?? null,
    allowArbitraryDocuments: !production,
    // The messages are replaced by the router's own, in the client's language (router/refusals.mjs).
    customErrors: {
      persistedQueryOnly: {
        message: 'Only trusted documents are accepted',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
      notFound: {
        message: 'Unknown trusted document',
        extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 400 } },
      },
    },
  },
  // Hive Gateway's own metrics only with ROUTER_METRICS=all (router/settings.mjs); the router's own
  // (router/operation-metrics.mjs) are always on. Their labels are bounded like the router's: no `url`
  // (a GET request's whole URL, its variables and any parameter a client adds, and the Host it sent),
  // no error `path` (list indexes); the operation's name only in production, where every document is
  // a trusted one (in dev any client names its operations as it likes).
  prometheus: on('prometheus') && settings.metrics === 'all'
    ? { endpoint: false, metrics: true, labels: { url: false, path: false, ...(production ? {} : { operationName: false }) } }
    : undefined,
  plugins: (ctx) => [
    // Subgraph fetches through undici, each answer read as text; first, so that the plugins after it
    // wrap it as they would the gateway's fetch (router/subgraph-fetch.mjs).
    useSubgraphFetch(),
    // Names the operation once the body is parsed, before any plugin can refuse the request by its
    // parameters, so refusals are counted under the operation the client named (router/operation-metrics.mjs).
    ...(on('prometheus') ? [operationMetrics.labeller] : []),
    // Bearer tokens verified against the JWKS or the public key, each remembered for a minute at most;
    // a bad token is refused before any GraphQL work, the claims go to every subgraph fetch
    // (router/jwt-auth.mjs).
    ...(tokens ? [useJwtAuth({ verify: tokens })] : []),
    // Spans only when an OTLP endpoint is set (router/settings.mjs), and only for sampled requests;
    // subgraph fetches carry traceparent either way.
    ...(sampling ? [sampling.plugin(ctx), sampling.propagateUnsampled] : []),
    // Enforces @authenticated / @requiresScopes from the supergraph; scopes come from the `scope` claim
    // of a JWT or from an API key's record. Subgraphs check the forwarded token or key again. Before
    // useErrorCodes and the metrics, which see its denials (router/authorization.mjs).
    ...(authorization ? [authorization.decide] : []),
    ...(on('errorCodes') ? [useErrorCodes({ production })] : []),
    // After useErrorCodes: counts the codes clients receive (router/operation-metrics.mjs).
    ...(on('prometheus') ? [operationMetrics] : []),
    // Before every plugin that serves a path: a path with a trailing slash names nothing (router/path-methods.mjs).
    useExactPaths(),
    // The health checks' answers get a request id and a JSON status (router/health-endpoints.mjs).
    useHealthAnswers(Object.values(HEALTH_ENDPOINTS)),
    // The operator page at /ops: open in dev, scope ops:read in production (router/ops.mjs).
    useOpsPage({ production, subgraphs: settings.subgraphs, slowestRecent: operationMetrics.slowestRecent, apiKeys,
      verifyToken: tokens, metricsPath }),
    ...(settings.hmacSecret && on('freshness') ? [useFreshnessStamps(settings.hmacSecret)] : []),
    useBodySizeLimit(limits.maxBodyBytes),
    useIdentityBodies(),
    useUnparsedRequests(),
    useKnownOperationTypes(),
    // Which operation to run, right after parsing: each way of naming none says what is wrong (router/operation-resolution.mjs).
    useOperationResolution(),
    useNotFound(),
    useNotAcceptable(),
    // Before useTrustedDocumentText: the shape of what the client sent is checked first.
    ...(on('requestShape') ? [useRequestShape(limits)] : []),
    ...(on('trustedDocuments') ? [useTrustedDocumentText(trustedDocuments)] : []),
    ...(production && on('operationLimits') ? [useOperationLimits(limits)] : []),
    // Estimated cost from the supergraph's @listSize (the `first` argument, or an assumed size): every
    // object costs 1, times the sizes of the lists around it. Summed over the subgraph requests of the
    // query plan and checked before each one; over MAX_COST, 400 QUERY_TOO_COMPLEX (router/cost-estimate.mjs).
    ...(production && on('demandControl') ? [useCostEstimate({ maxCost: limits.maxCost })] : []),
    // Per client and root field, before any subgraph is called (router/rate-limit.mjs).
    ...(rateLimit ? [rateLimit] : []),
    ...(store ? [store.plugin] : []),
    // Each subgraph's timeout, one timer per subgraph request, cleared when it answers (router/upstream-timeout.mjs).
    useUpstreamTimeouts((subgraphName: string) => settings.subgraphs[subgraphName]?.timeoutMs),
    useExecutionData(),
    // Last, so every other plugin saw the operation: one that selects no root field (all skipped, or all
    // denied) is answered { data: {} }, not planned (router/empty-selection.mjs).
    useEmptySelections(),
    // Last: right before GraphQL Yoga's own body size limit (router/plugins.mjs).
    useDeclaredLengthBody(),
  ],
});

function jwtSigningKeyProvider() {
  if (settings.jwt.jwksUrl) {
    // Keys are cached, and tokens naming unknown key ids make a few fetches of the key set a minute at
    // most (router/jwt-auth.mjs).
    return createRemoteJwksSigningKeyProvider({ jwksUri: settings.jwt.jwksUrl, cache: true, rateLimit: true,
      jwksRequestsPerMinute: KEY_SET_FETCHES_PER_MINUTE });
  }
  if (files.jwtPublicKey) {
    return createInlineSigningKeyProvider(files.jwtPublicKey);
  }
  return undefined;
}

function corsOptions(origins: string[] | null) {
  if (origins === null) {
    return undefined;
  }
  if (origins.length === 0) {
    return false;
  }
  return {
    origin: origins,
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', API_KEY_HEADER, 'content-type', 'x-request-id', 'x-graphql-csrf', CLIENT_HEADER,
      APOLLO_CLIENT_HEADER],
  };
}

/** The file after the CLI's `supergraph` command, if any (it replaces the config's `supergraph`). */
function pickHeaders(headers: Headers, names: string[]) {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value) {
      picked[name] = value;
    }
  }
  return picked;
}

/** `headersOf(request)`, computed on the first call for a request and remembered while it lives. */
function oncePerRequest(headersOf: (request: Request) => Record<string, string>) {
  const known = new WeakMap<Request, Record<string, string>>();
  return ({ request }: { request: Request }) => {
    let headers = known.get(request);
    if (!headers) {
      headers = headersOf(request);
      known.set(request, headers);
    }
    return headers;
  };
}
