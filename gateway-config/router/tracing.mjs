// The router's part of each request's W3C trace (docs/observability.md): Hive Gateway's OpenTelemetry
// plugin makes the spans (HTTP request, GraphQL operation, each subgraph fetch of the query plan) and
// sends `traceparent` to the subgraphs; this module sets up the SDK that exports them over OTLP/HTTP
// and makes the request id the trace id.
//
// What tracing costs every request, sampled or not, is kept small (docs/performance.md):
// - no AsyncLocalStorage context manager: on Node 20 it installs promise hooks that run for every
//   promise of every request; the plugin parents its spans through its per-request state instead;
// - the operation hash the plugin puts on the operation span is computed once per parsed document,
//   not by normalising every request's document again.
import { createHash, randomBytes } from 'node:crypto';
import { hive } from '@graphql-hive/plugin-opentelemetry/api';
import { trace } from '@opentelemetry/api';
import { print } from 'graphql';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Exports the router's spans; `settings` from routerSettings().tracing. Loaded only when tracing. */
export async function setUpTracing(settings) {
  const [{ OTLPTraceExporter }, { ParentBasedSampler, TraceIdRatioBasedSampler }, { openTelemetrySetup }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/sdk-trace-base'),
    import('@graphql-hive/plugin-opentelemetry/setup'),
  ]);
  openTelemetrySetup({
    contextManager: null,
    resource: { serviceName: settings.serviceName },
    // A sampler of our own: Hive's `samplingRate` treats 0 as "no rate given" and samples everything.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.samplingRatio) }),
    traces: { exporter: new OTLPTraceExporter({ url: settings.endpoint }) },
  });
}

/** The OpenTelemetry plugin's options (Hive Gateway's `openTelemetry`). */
export const TRACING_PLUGIN_OPTIONS = {
  traces: true,
  useContextManager: false,
  hashOperation: hashOncePerDocument,
};

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

/**
 * The id of a request without an `X-Request-Id` of its own: the id of the trace it is part of (the
 * request's HTTP span, else the caller's `traceparent`), else a new id of a trace id's shape.
 */
export function traceRequestId({ request }) {
  const http = hive.getHttpContext(request);
  const traced = http && trace.getSpanContext(http);
  if (traced && trace.isSpanContextValid(traced)) {
    return traced.traceId;
  }
  const caller = TRACEPARENT.exec(request?.headers?.get('traceparent') ?? '');
  return caller ? caller[1] : randomBytes(16).toString('hex');
}
