// The router's part of each request's W3C trace (docs/observability.md): Hive Gateway's OpenTelemetry
// plugin makes the spans (HTTP request, GraphQL operation, each subgraph fetch of the query plan) and
// sends `traceparent` to the subgraphs; this module sets up the SDK that exports them over OTLP/HTTP,
// decides which requests are traced, and makes the request id the trace id.
//
// Tracing costs an unsampled request next to nothing (docs/performance.md): the sampling decision is
// taken at the door, parent-based by trace id ratio, and only a sampled request reaches the plugin's
// hooks and gets spans. An unsampled one is still part of a trace: its subgraph fetches carry
// `traceparent` with the sampled flag off, so the subgraphs do not start traces of their own. Also:
// - no AsyncLocalStorage context manager: on Node 20 it installs promise hooks that run for every
//   promise of every request; the plugin parents its spans through its per-request state instead;
// - the operation hash on the operation span is computed once per parsed document;
// - a span's `http.url` is the URL without its query string: a GET request carries its variables there;
// - a request's span is named by the route the router serves, never by a path the client made up;
// - an error of execution is recorded on its span without its message, which may quote a value the
//   client sent (a variable graphql-js cannot coerce, an argument a subgraph quotes).
import { createHash } from 'node:crypto';
import { hive } from '@graphql-hive/plugin-opentelemetry/api';
import { trace } from '@opentelemetry/api';
import { print } from 'graphql';
import { withHeader } from './fetch-headers.mjs';
import { isOpsPath, pathMethods } from './path-methods.mjs';
import { OPS_PATH } from './settings.mjs';
import { randomHex } from './random-pool.mjs';
import { TRACEPARENT_HEADER, parseTraceparent } from './traceparent.mjs';

/**
 * Exports the router's spans; `settings` from routerSettings().tracing. Loaded only when tracing.
 * Returns traceSampling() for the settings' ratio, with the OpenTelemetry plugin.
 */
export async function setUpTracing(settings) {
  const [{ OTLPTraceExporter }, { AlwaysOnSampler, ParentBasedSampler }, { openTelemetrySetup }, { useOpenTelemetry }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/sdk-trace-base'),
    import('@graphql-hive/plugin-opentelemetry/setup'),
    import('@graphql-hive/plugin-opentelemetry'),
  ]);
  openTelemetrySetup({
    contextManager: null,
    resource: { serviceName: settings.serviceName },
    // The ratio is applied by traceSampling() before any span exists; what reaches the SDK is sampled.
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    traces: { exporter: new OTLPTraceExporter({ url: settings.endpoint }), processors: [withoutClientValues] },
  });
  return traceSampling(settings.samplingRatio, useOpenTelemetry);
}

/**
 * Span processor, ahead of the exporter's (which only queues a span in its onEnd): no client value in a
 * span. The plugin records the request's whole URL as `http.url`, and a GET request's query string
 * holds its document and variables (values that never go into a span); the path stays. And it records
 * each GraphQL error as an `exception` event with its message and stack, and an execution's errors as
 * its span's status: the message of an error of execution may quote any value the client sent (graphql-js
 * quotes a variable it cannot coerce, a subgraph may quote an argument: "Malformed id: …"), so it is
 * withheld; the client has it in its response, the operator its code (`hive.graphql.error.codes`) and
 * the request id. A variable's coercion error keeps the variable's name. Parsing and validation quote
 * only the document, which the operation's span carries anyway: their messages stay. A stack keeps its
 * frames and loses its first line, which is only the message again (or the inner error's).
 */
export const withoutClientValues = {
  onStart(span) {
    const url = span.attributes?.['http.url'];
    const query = typeof url === 'string' ? url.indexOf('?') : -1;
    if (query >= 0) {
      span.setAttribute('http.url', url.slice(0, query));
    }
    const path = span.attributes?.['http.route'];
    if (span.attributes?.['hive.request'] === true && typeof path === 'string') {
      routeOnly(span, path);
    }
  },
  onEnd(span) {
    const documentOnly = DOCUMENT_SPANS.has(span.name);
    const withheld = [];
    for (const event of span.events ?? []) {
      const attributes = event.attributes;
      if (!attributes) {
        continue;
      }
      const message = attributes['exception.message'];
      if (!documentOnly && attributes['exception.type'] === 'GraphQLError' && typeof message === 'string') {
        withheld.push(message);
        attributes['exception.message'] = withheldMessage(message);
      }
      if (typeof attributes['exception.stacktrace'] === 'string') {
        attributes['exception.stacktrace'] = framesOnly(attributes['exception.stacktrace']);
      }
    }
    const status = span.status?.message;
    if (typeof status === 'string' && withheld.some((message) => status.includes(message))) {
      span.status.message = withheldMessage(status);
    }
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/**
 * The plugin names a request's span and sets its `http.route` by the request's path, whatever it is:
 * a path the client made up (a 404) would be a span name of its own in the trace backend, and may
 * carry a value. Such a span is named by its method alone (OpenTelemetry's name without a route), and
 * its route and the path of its URL are left out; a path the router serves stays as it is.
 */
function routeOnly(span, path) {
  const route = routeOf(path);
  if (route === path) {
    return;
  }
  const method = span.attributes['http.method'] ?? 'GET';
  span.updateName(route ? `${method} ${route}` : method);
  if (route) {
    span.setAttribute('http.route', route);
  } else {
    delete span.attributes['http.route'];
  }
  const url = span.attributes['http.url'];
  if (typeof url === 'string' && URL.canParse(url)) {
    span.setAttribute('http.url', `${new URL(url).origin}${route ?? ''}`);
  }
}

/** The route of a path the router serves (the operator page's files as one), else null. */
function routeOf(path) {
  if (pathMethods(path) === null) {
    return null;
  }
  return isOpsPath(path) ? OPS_PATH : path;
}

/** The plugin's spans of parsing and validating a document: their errors quote only the document. */
const DOCUMENT_SPANS = new Set(['graphql.parse', 'graphql.validate']);

export const WITHHELD_MESSAGE = 'The message is withheld: it may quote what the client sent';

// graphql-js: `Variable "$id" got invalid value <the value>[ at "<path in the value>"]; <inner message>`.
const INVALID_VARIABLE = /^(Variable "\$[_A-Za-z][_0-9A-Za-z]*") got invalid value/;

/** What a span records of an execution error's message: a variable's name, no value. */
export function withheldMessage(message) {
  const variable = INVALID_VARIABLE.exec(message);
  return variable ? `${variable[1]} got an invalid value` : WITHHELD_MESSAGE;
}

/** A stack trace's frames (`    at …`), without the message V8 puts before them. */
export function framesOnly(stack) {
  const frames = stack.indexOf('\n    at ');
  return frames < 0 ? '' : stack.slice(frames + 1);
}

/**
 * Which requests are traced, and the trace each one is part of. `ratio`: the share of new traces
 * sampled (a caller's `traceparent` decides for its own trace). Returns the OpenTelemetry plugin's
 * options, the plugin itself (from `useOpenTelemetry`, called for sampled requests only), the
 * request id generator and a plugin that propagates unsampled traces.
 */
export function traceSampling(ratio, useOpenTelemetry) {
  const decisions = new WeakMap();
  const decide = (request) => {
    let decision = decisions.get(request);
    if (!decision) {
      decision = parseTraceparent(request.headers.get(TRACEPARENT_HEADER)) ?? newTrace(ratio);
      decisions.set(request, decision);
    }
    return decision;
  };
  const pluginOptions = {
    traces: {
      spans: { http: ({ request, ignoredRequests }) => !ignoredRequests.has(request) && decide(request).sampled },
      // Cache reads and writes (the rate limiter's) as span events: every request's, little to learn.
      events: { cache: false },
    },
    useContextManager: false,
    hashOperation: hashOncePerDocument,
  };
  return {
    pluginOptions,
    /** The OpenTelemetry plugin, its hooks skipped for unsampled requests; `ctx`: the gateway's plugin context. */
    plugin: (ctx) => onlyWhenSampled(useOpenTelemetry({ ...pluginOptions, log: ctx.log }), (request) => decide(request).sampled),
    /** The request id of a request without an `X-Request-Id` of its own: its trace id. */
    requestId: ({ request }) => {
      const decision = decide(request);
      // Only a sampled request has a span; asking the plugin for an unsampled one's costs its state.
      const http = decision.sampled ? hive.getHttpContext(request) : undefined;
      const traced = http && trace.getSpanContext(http);
      return traced && trace.isSpanContextValid(traced) ? traced.traceId : decision.traceId;
    },
    /** `traceparent` (sampled flag off) on the subgraph fetches of an unsampled request. */
    propagateUnsampled: {
      onFetch({ context, options, setOptions }) {
        const decision = context?.request && decisions.get(context.request);
        if (!decision || decision.sampled) {
          return;
        }
        setOptions(withHeader(options, 'traceparent', `00-${decision.traceId}-${randomHex(8)}-00`));
      },
    },
  };
}

/**
 * `plugin` with its per-request hooks skipped for requests `sampled` says no to. Hive's OpenTelemetry
 * plugin wraps every hook to look up its per-request state and returns early for a request without
 * spans; for the nine in ten requests that are not sampled that wrapping was its whole cost, a few
 * per cent of the router's CPU (docs/performance.md). Hooks without a request (start, schema
 * changes, shutdown) always run, except the cache hooks, which are left out (CACHE_HOOKS).
 */
export function onlyWhenSampled(plugin, sampled) {
  const skip = (payload) => {
    const request = requestOf(payload);
    return request !== undefined && !sampled(request);
  };
  const gated = {};
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(plugin))) {
    const hook = descriptor.value;
    if (CACHE_HOOKS.has(name)) {
      continue;
    }
    if (name.startsWith('on') && typeof hook === 'function') {
      gated[name] = (payload, ...rest) => (skip(payload) ? undefined : hook(payload, ...rest));
    } else if (name !== 'instrumentation') {
      Object.defineProperty(gated, name, descriptor);
    }
  }
  gated.instrumentation = Object.fromEntries(Object.entries(plugin.instrumentation ?? {}).map(([name, wrap]) =>
    [name, (payload, wrapped) => (skip(payload) ? wrapped() : wrap(payload, wrapped))]));
  return gated;
}

// The plugin's cache hooks record cache events, which are off (`events.cache`); their payload has no
// request, so gating would not skip them, and each call cost the plugin's state wrapper.
const CACHE_HOOKS = new Set(['onCacheGet', 'onCacheSet']);

/** The client request a hook's payload belongs to, whichever of the gateway's phases it is from. */
function requestOf(payload) {
  return payload?.request ?? payload?.context?.request ?? payload?.args?.contextValue?.request
    ?? payload?.executionRequest?.context?.request;
}

/** A new trace id, sampled when its first 52 bits, as a fraction of 2^52, fall below the ratio. */
function newTrace(ratio) {
  const traceId = randomHex(16);
  return { traceId, sampled: ratio >= 1 || (ratio > 0 && Number.parseInt(traceId.slice(0, 13), 16) / 2 ** 52 < ratio) };
}

const hashes = new WeakMap();

/** sha256 of the printed document, once per parsed document (the parse cache hands out the same one). */
function hashOncePerDocument({ document }) {
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = createHash('sha256').update(print(document)).digest('hex');
    hashes.set(document, hash);
  }
  return hash;
}

/** The request id when tracing is off: the caller's trace id from `traceparent`, else a new one. */
export function untracedRequestId({ request }) {
  return parseTraceparent(request?.headers?.get(TRACEPARENT_HEADER))?.traceId ?? randomHex(16);
}
