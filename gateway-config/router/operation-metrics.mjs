// The router's metrics per operation and client, in Prometheus format on /metrics next to Hive
// Gateway's own (docs/observability.md): a latency histogram and the errors by the code each
// client received. Labels are bounded: in production only the names of trusted operations become
// labels, and only for a request that is that trusted document (anything else is `other`), in dev
// the first MAX_NAMES names; clients are the API key's client, else the `graphql-client-name` header
// (or Apollo's) unless it names a client of the key file, else `unknown`, bounded the same way: with
// CLIENT_NAMES only those (and API key clients), else the first MAX_CLIENTS names. The subgraphs
// label by the same rules (contract/metric-labels.json) and by the router's operation label, which
// each subgraph fetch carries with the client's name (subgraphHeaders): the fetches are anonymous.
import { Kind, parse } from 'graphql';
import { Counter, Histogram, register } from 'prom-client';
import { API_KEY_HEADER } from './api-keys.mjs';

/** Seconds; the same buckets as the subgraphs' `graphql_request_seconds`. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
export const CLIENT_HEADER = 'graphql-client-name';
export const APOLLO_CLIENT_HEADER = 'apollographql-client-name';
/** The header in which a subgraph fetch names the client operation it serves. */
export const OPERATION_HEADER = 'graphql-operation-name';
const MAX_NAMES = 100;
const MAX_CLIENTS = 100;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const CLIENT = /^[A-Za-z0-9._-]{1,64}$/;
const isName = (value) => NAME.test(value);
const isClientName = (value) => typeof value === 'string' && CLIENT.test(value);
const anyValue = () => true;
const NO_KEY_CLIENTS = new Set();
// A comment runs to the end of its line: the lookahead keeps backtracking from ending it early and
// reading a name inside it.
const FIRST_OPERATION = /^(?:[\s,\uFEFF]|#[^\n\r]*(?=[\n\r]|$))*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** The name of a document's first operation, or null (shorthand or unnamed). */
export function firstOperationName(document) {
  return typeof document === 'string' ? (FIRST_OPERATION.exec(document)?.[1] ?? null) : null;
}

/**
 * Operation name -> label. `trusted`: the names of the trusted documents, the only names production
 * labels by; without it (dev), any GraphQL name up to MAX_NAMES distinct ones.
 */
export function operationLabeller({ trusted = null, maxNames = MAX_NAMES } = {}) {
  const labelOf = firstValues(maxNames);
  return (name) => {
    if (!name) {
      return 'anonymous';
    }
    if (trusted) {
      return trusted.has(name) ? name : 'other';
    }
    return labelOf(name, isName);
  };
}

/**
 * Production's operation label of a request's parameters (`urlDocumentId`: a `documentId` in the URL).
 * A client chooses its `operationName` and its text freely, so a name is the label only when the
 * request is a trusted document that defines it: its id, Apollo's hash or its exact text is in
 * `trustedDocuments`, and nothing else in the request names another document. Otherwise a named
 * operation is `other` and an unnamed one `anonymous`: a refusal of an edited document sent as
 * `ProductPage` is not counted as `ProductPage`.
 */
export function trustedOperationLabeller(trustedDocuments) {
  const namesById = new Map([...trustedDocuments].map(([id, text]) => [id, operationNames(text)]));
  const idsByText = new Map([...trustedDocuments].map(([id, text]) => [text, id]));
  return (params, urlDocumentId = null) => {
    const name = typeof params.operationName === 'string' && params.operationName ? params.operationName : null;
    const names = namesById.get(trustedDocumentId(params, urlDocumentId, idsByText));
    if (!names) {
      return name || firstOperationName(params.query) ? 'other' : 'anonymous';
    }
    if (name) {
      return names.includes(name) ? name : 'other';
    }
    return names.length === 1 ? (names[0] ?? 'anonymous') : 'other';
  };
}

// The one id every part of the request names (text, `documentId`, Apollo's hash), or undefined.
function trustedDocumentId(params, urlDocumentId, idsByText) {
  const ids = [params.documentId || urlDocumentId, params.extensions?.persistedQuery?.sha256Hash]
    .filter((id) => typeof id === 'string' && id);
  if (typeof params.query === 'string' && params.query) {
    ids.push(idsByText.get(params.query) ?? null);
  }
  return ids[0] && ids.every((id) => id === ids[0]) ? ids[0] : undefined;
}

/**
 * Dev's operation label of a request's parameters: its `operationName`, else the name of the first
 * operation of its text or of the trusted document it names by id, bounded by operationLabeller.
 */
function devOperationLabeller(trustedDocuments) {
  const label = operationLabeller();
  return (params, urlDocumentId = null) => {
    const document = params.query
      ?? trustedDocuments.get(params.documentId || urlDocumentId || params.extensions?.persistedQuery?.sha256Hash);
    // Not checked yet at this point: a name that is not a string is no name.
    const name = typeof params.operationName === 'string' ? params.operationName : null;
    return label(name || firstOperationName(document));
  };
}

// Hive Gateway reads a trusted document's id from the URL too; most requests have no query string.
function urlDocumentIdOf(request) {
  const start = request.url.indexOf('?');
  return start < 0 ? null : new URLSearchParams(request.url.slice(start + 1)).get('documentId');
}

/** The names of a trusted document's operations (null for an anonymous one). */
function operationNames(text) {
  return parse(text).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => operation.name?.value ?? null);
}

/**
 * The client of a request -> label. Any client can name itself in a header, so a name becomes a label
 * only while the labels stay bounded: with `known` (CLIENT_NAMES), a known name or the client of an API
 * key (the key file bounds those); without it, the first `maxClients` distinct names. Any other is `other`.
 */
export function clientLabeller({ known = null, maxClients = MAX_CLIENTS } = {}) {
  const labelOf = firstValues(maxClients);
  return (apiKeyClient, header, apolloHeader, keyClients = NO_KEY_CLIENTS) => {
    const name = clientLabel(apiKeyClient, header, apolloHeader, keyClients);
    if (name === 'unknown') {
      return name;
    }
    if (known) {
      return known.has(name) || name === apiKeyClient ? name : 'other';
    }
    return labelOf(name, anyValue);
  };
}

/**
 * The first `max` distinct values a label is given, which it keeps: `labelOf(value, acceptable)` is
 * `value` if it is one of them, made one while there is room and `acceptable(value)` holds, else `other`.
 */
function firstValues(max) {
  const values = new Set();
  return (value, acceptable) => {
    if (values.has(value)) {
      return value;
    }
    if (values.size >= max || !acceptable(value)) {
      return 'other';
    }
    values.add(value);
    return value;
  };
}

/**
 * The API key's client, else the client name header, else Apollo's, else `unknown`. `keyClients`:
 * the client names of the key file, which only a key gives; a header naming one is passed over as
 * unusable, so a caller without the key is never counted or targeted as that client.
 */
export function clientLabel(apiKeyClient, header, apolloHeader, keyClients = NO_KEY_CLIENTS) {
  if (isClientName(apiKeyClient)) {
    return apiKeyClient;
  }
  for (const candidate of [header, apolloHeader]) {
    if (isClientName(candidate) && !keyClients.has(candidate)) {
      return candidate;
    }
  }
  return 'unknown';
}

/** The codes of errors that are the platform's failure, not the client's: what the availability objective counts. */
export const SERVER_ERROR_CODES = new Set(['INTERNAL', 'SERVICE_UNAVAILABLE']);

/**
 * The plugin. `trustedDocuments` (hash -> text) gives the names production labels by and the name of
 * a request that sends only a `documentId`; `clientNames` (CLIENT_NAMES) the clients labelled by name;
 * `apiKeys` (router/api-keys.mjs) the clients whose names only their keys give.
 */
export function useOperationMetrics({ production, trustedDocuments, clientNames = null, apiKeys = null, registry = register }) {
  const operationOf = production ? trustedOperationLabeller(trustedDocuments) : devOperationLabeller(trustedDocuments);
  const keyClients = () => apiKeys?.clients() ?? NO_KEY_CLIENTS;
  const clientOf = clientOfRequest(clientLabeller({ known: clientNames ? new Set(clientNames) : null }), keyClients);
  const clientNameOf = clientNameOfRequest(keyClients);
  const duration = metric(registry, Histogram, {
    name: 'router_operation_duration_seconds',
    help: 'Time from request to response, per operation, client and outcome (ok; error: the client\'s; server_error: an INTERNAL or SERVICE_UNAVAILABLE among the errors)',
    labelNames: ['operation', 'client', 'outcome'],
    buckets: LATENCY_BUCKETS,
  });
  const errors = metric(registry, Counter, {
    name: 'router_operation_errors_total',
    help: 'Errors in responses, per operation, client and extensions.code',
    labelNames: ['operation', 'client', 'code'],
  });
  const fetches = metric(registry, Counter, {
    name: 'router_operation_subgraph_fetches_total',
    help: 'Subgraph fetches of the query plans, per operation and subgraph',
    labelNames: ['operation', 'subgraph'],
  });
  const fetchDuration = metric(registry, Histogram, {
    name: 'router_subgraph_fetch_duration_seconds',
    help: 'Time from a subgraph request to its answer, per subgraph and outcome (ok; error: the answer has errors, or none came)',
    labelNames: ['subgraph', 'outcome'],
    buckets: LATENCY_BUCKETS,
  });
  const documents = metric(registry, Counter, {
    name: 'router_document_cache_total',
    help: 'Parsed-document cache lookups by result (hit or miss)',
    labelNames: ['result'],
  });
  const requests = new WeakMap();
  const slowest = new SlowestRecent();
  let endpoint = '/graphql';
  const observe = (state, response) => {
    const seconds = (performance.now() - state.start) / 1000;
    duration.observe({ operation: state.operation, client: state.client, outcome: state.outcome }, seconds);
    slowest.offer(state.operation, seconds * 1000, response.headers.get('x-request-id'));
  };
  const countErrors = (state, request, codes) => {
    const client = clientOf(state, request);
    let serverFailed = false;
    for (const code of codes) {
      errors.inc({ operation: state.operation, client, code });
      serverFailed ||= SERVER_ERROR_CODES.has(code);
    }
    // One per response: a list whose subgraph is down has an error per item, a request fails once.
    state.outcome = serverFailed ? 'server_error' : codes.length ? 'error' : 'ok';
  };
  const nameOperation = (request, params) => {
    const state = requests.get(request);
    if (state && !state.named && params && !Array.isArray(params)) {
      state.named = true;
      state.operation = operationOf(params, urlDocumentIdOf(request));
    }
  };
  return {
    /**
     * Names each request's operation as soon as its body is parsed: registered ahead of the plugins that
     * refuse a request when they see its parameters (Hive Gateway's trusted documents), so that such a
     * refusal is counted under the operation the client named (in production only if it is that trusted
     * document, else `other`), not `anonymous`. A request refused before
     * its body is read (a bad token, a body too large) has no name to give.
     */
    labeller: {
      onRequestParse({ request }) {
        return { onRequestParseDone: ({ requestParserResult }) => nameOperation(request, requestParserResult) };
      },
    },
    /** The slowest request of each operation in the last minute, with its request (= trace) id. */
    slowestRecent: () => slowest.snapshot(),
    /**
     * The operation's label and the client's name for a request's subgraph fetches (the name, not its
     * label: the subgraphs' feature flags target clients by name, as the router's do); none for a
     * request this plugin did not see.
     */
    subgraphHeaders(request) {
      const state = requests.get(request);
      return state ? { [OPERATION_HEADER]: state.operation, [CLIENT_HEADER]: clientNameOf(state, request) } : {};
    },
    onYogaInit({ yoga }) {
      endpoint = yoga.graphqlEndpoint;
    },
    onRequest({ request, url }) {
      requests.set(request, { start: performance.now(), operation: 'anonymous', apiKeyClient: null, outcome: null,
        graphql: url?.pathname === endpoint });
    },
    onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor }) {
      if (!subgraphName) {
        return;
      }
      const state = requests.get(executionRequest?.context?.request);
      if (state) {
        fetches.inc({ operation: state.operation, subgraph: subgraphName });
      }
      setExecutor(timed(executor, (seconds, outcome) => fetchDuration.observe({ subgraph: subgraphName, outcome }, seconds)));
    },
    // Without the labeller ahead of the other plugins, the operation is named here.
    onParams({ params, request }) {
      nameOperation(request, params);
    },
    // Yoga's parser cache answers a known document without calling the parse function: a parse that
    // runs is a miss. Registered after that cache, this hook only wraps the function it would call.
    onParse({ parseFn, setParseFn }) {
      let parsed = false;
      setParseFn((source, options) => {
        parsed = true;
        return parseFn(source, options);
      });
      return () => documents.inc({ result: parsed ? 'miss' : 'hit' });
    },
    onExecute({ args }) {
      const state = requests.get(args.contextValue?.request);
      const client = apiKeyClientOf(args.contextValue);
      if (state && client) {
        state.apiKeyClient = client;
      }
    },
    onResultProcess({ request, result }) {
      const state = requests.get(request);
      if (!state || Array.isArray(result) || (result && Symbol.asyncIterator in result)) {
        return;
      }
      countErrors(state, request, (result?.errors ?? []).map((error) => String(error?.extensions?.code ?? 'INTERNAL')));
    },
    // Timed to the response, which carries the request id (Hive Gateway's requestId runs first). A
    // request to the GraphQL endpoint refused as it arrived (a method, a media type, a body too large:
    // answered before GraphQL processing, so no result was processed) is counted by its answer's codes.
    onResponse({ request, response }) {
      const state = requests.get(request);
      if (!state) {
        return undefined;
      }
      requests.delete(request);
      if (state.outcome) {
        return observe(state, response);
      }
      if (!state.graphql || response.status < 400) {
        return undefined;
      }
      return refusalCodes(response).then((codes) => {
        countErrors(state, request, codes);
        observe(state, response);
      });
    },
  };
}

/**
 * The codes of a refusal's errors (the router's own refusals are JSON in the GraphQL error shape), read
 * from a copy of its body. A bare answer of GraphQL Yoga's, which a later plugin gives its JSON body
 * (router/plugins.mjs useNotAcceptable), has the code that body will have: the client's mistake for a
 * 4xx status, else the router's.
 */
async function refusalCodes(response) {
  try {
    const errors = (await response.clone().json())?.errors;
    if (Array.isArray(errors) && errors.length) {
      return errors.map((error) => String(error?.extensions?.code ?? 'INTERNAL'));
    }
  } catch {
    // No JSON body: a bare answer.
  }
  return [response.status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL'];
}

/**
 * `execute` with `record(seconds, outcome)` called once it settles: `error` when it throws or answers
 * with errors. A stream (subscriptions, incremental delivery) is timed until it is handed back.
 */
function timed(execute, record) {
  return (request) => {
    const start = performance.now();
    const done = (outcome) => record((performance.now() - start) / 1000, outcome);
    let result;
    try {
      result = execute(request);
    } catch (error) {
      done('error');
      throw error;
    }
    if (typeof result?.then !== 'function') {
      done(result?.errors?.length ? 'error' : 'ok');
      return result;
    }
    return result.then((answer) => {
      done(answer?.errors?.length ? 'error' : 'ok');
      return answer;
    }, (error) => {
      done('error');
      throw error;
    });
  };
}

/**
 * The client of the request's verified API key, or null. The caller is the key's only when the
 * request sent one (authorization refuses a key with a bearer token): a JWT's own `client` claim
 * names no key.
 */
function apiKeyClientOf(context) {
  return context?.request?.headers.has(API_KEY_HEADER) ? (context.currentUser?.client ?? null) : null;
}

/** The client label of a request, worked out once it is known whether an API key names the client. */
function clientOfRequest(label, keyClients) {
  return (state, request) => {
    state.client ??= label(state.apiKeyClient, request.headers.get(CLIENT_HEADER), request.headers.get(APOLLO_CLIENT_HEADER),
      keyClients());
    return state.client;
  };
}

/** The client name of a request (`unknown` if none is usable), for its subgraph fetches; worked out once. */
function clientNameOfRequest(keyClients) {
  return (state, request) => {
    state.clientName ??= clientLabel(state.apiKeyClient, request.headers.get(CLIENT_HEADER),
      request.headers.get(APOLLO_CLIENT_HEADER), keyClients());
    return state.clientName;
  };
}

/** Per operation, the slowest request seen within the last WINDOW_MS. */
class SlowestRecent {
  static WINDOW_MS = 60000;

  #byOperation = new Map();

  offer(operation, ms, requestId) {
    const now = Date.now();
    const current = this.#byOperation.get(operation);
    if (!current || ms >= current.ms || now - current.at > SlowestRecent.WINDOW_MS) {
      this.#byOperation.set(operation, { ms, traceId: requestId, at: now });
    }
  }

  snapshot() {
    return Object.fromEntries(this.#byOperation);
  }
}

// The config module may be evaluated more than once in one process (tests, workers): reuse a metric.
function metric(registry, Type, options) {
  return registry.getSingleMetric(options.name) ?? new Type({ ...options, registers: [registry] });
}
