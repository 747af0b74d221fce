// The router's part of each request's W3C trace (docs/observability.md): Hive Gateway's OpenTelemetry
// plugin makes the spans (HTTP request, GraphQL operation, each subgraph fetch of the query plan) and
// sends `traceparent` to the subgraphs; this module sets up the SDK that exports them over OTLP/HTTP,
// decides which requests are traced, and makes the request id the trace id.
//
// Tracing costs an unsampled request next to nothing (docs/performance.md): the sampling decision is
// taken at the door, parent-based by trace id ratio, and only a sampled request gets the plugin's
// spans. An unsampled one is still part of a trace: its subgraph fetches carry `traceparent` with
// the sampled flag off, so the subgraphs do not start traces of their own. Also:
// - no AsyncLocalStorage context manager: on Node 20 it installs promise hooks that run for every
//   promise of every request; the plugin parents its spans through its per-request state instead;
// - the operation hash on the operation span is computed once per parsed document.
import { createHash } from 'node:crypto';
import { hive } from '@graphql-hive/plugin-opentelemetry/api';
import { trace } from '@opentelemetry/api';
import { print } from 'graphql';
import { withHeader } from './fetch-headers.mjs';
import { randomHex } from './random-pool.mjs';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE = '0'.repeat(32);

/** Exports the router's spans; `settings` from routerSettings().tracing. Loaded only when tracing. */
export async function setUpTracing(settings) {
  const [{ OTLPTraceExporter }, { AlwaysOnSampler, ParentBasedSampler }, { openTelemetrySetup }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/sdk-trace-base'),
    import('@graphql-hive/plugin-opentelemetry/setup'),
  ]);
  openTelemetrySetup({
    contextManager: null,
    resource: { serviceName: settings.serviceName },
    // The ratio is applied by traceSampling() before any span exists; what reaches the SDK is sampled.
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    traces: { exporter: new OTLPTraceExporter({ url: settings.endpoint }) },
  });
}

/**
 * Which requests are traced, and the trace each one is part of. `ratio`: the share of new traces
 * sampled (a caller's `traceparent` decides for its own trace). Returns the OpenTelemetry plugin's
 * options, the request id generator and a plugin that propagates unsampled traces.
 */
export function traceSampling(ratio) {
  const decisions = new WeakMap();
  const decide = (request) => {
    let decision = decisions.get(request);
    if (!decision) {
      const caller = TRACEPARENT.exec(request.headers.get('traceparent') ?? '');
      decision = caller && caller[1] !== INVALID_TRACE
        ? { traceId: caller[1], sampled: (Number.parseInt(caller[3], 16) & 1) === 1 }
        : newTrace(ratio);
      decisions.set(request, decision);
    }
    return decision;
  };
  return {
    pluginOptions: {
      traces: {
        spans: { http: ({ request, ignoredRequests }) => !ignoredRequests.has(request) && decide(request).sampled },
      },
      useContextManager: false,
      hashOperation: hashOncePerDocument,
    },
    /** The request id of a request without an `X-Request-Id` of its own: its trace id. */
    requestId: ({ request }) => {
      const http = hive.getHttpContext(request);
      const traced = http && trace.getSpanContext(http);
      return traced && trace.isSpanContextValid(traced) ? traced.traceId : decide(request).traceId;
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
  const caller = TRACEPARENT.exec(request?.headers?.get('traceparent') ?? '');
  return caller ? caller[1] : randomHex(16);
}
