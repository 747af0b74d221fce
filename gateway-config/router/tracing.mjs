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
// - a span's `http.url` is the URL without its query string: a GET request carries its variables there.
import { createHash } from 'node:crypto';
import { hive } from '@graphql-hive/plugin-opentelemetry/api';
import { trace } from '@opentelemetry/api';
import { print } from 'graphql';
import { withHeader } from './fetch-headers.mjs';
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
    traces: { exporter: new OTLPTraceExporter({ url: settings.endpoint }), processors: [withoutQueryStrings] },
  });
  return traceSampling(settings.samplingRatio, useOpenTelemetry);
}

/**
 * Span processor, ahead of the exporter's: the plugin records the request's whole URL as `http.url`,
 * and a GET request's query string holds its document and variables (values that never go into a
 * span). The path stays.
 */
export const withoutQueryStrings = {
  onStart(span) {
    const url = span.attributes?.['http.url'];
    const query = typeof url === 'string' ? url.indexOf('?') : -1;
    if (query >= 0) {
      span.setAttribute('http.url', url.slice(0, query));
    }
  },
  onEnd() {},
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

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
