// The router's part of each request's W3C trace (docs/observability.md): Hive Gateway's OpenTelemetry
// plugin makes the spans (HTTP request, GraphQL operation, each subgraph fetch of the query plan) and
// sends `traceparent` to the subgraphs; this module sets up the SDK that exports them over OTLP/HTTP
// and makes the request id the trace id.
import { randomBytes } from 'node:crypto';
import { trace } from '@opentelemetry/api';

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Exports the router's spans; `settings` from routerSettings().tracing. Loaded only when tracing. */
export async function setUpTracing(settings) {
  const [{ AsyncLocalStorageContextManager }, { OTLPTraceExporter }, { openTelemetrySetup }] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@graphql-hive/plugin-opentelemetry/setup'),
  ]);
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: settings.serviceName },
    samplingRate: settings.samplingRatio,
    traces: { exporter: new OTLPTraceExporter({ url: settings.endpoint }) },
  });
}

/**
 * The id of a request without an `X-Request-Id` of its own: the id of the trace it is part of (the
 * active span's, else the caller's `traceparent`), else a new id of a trace id's shape.
 */
export function traceRequestId({ request }) {
  const active = trace.getActiveSpan()?.spanContext();
  if (active && trace.isSpanContextValid(active)) {
    return active.traceId;
  }
  const caller = TRACEPARENT.exec(request?.headers?.get('traceparent') ?? '');
  return caller ? caller[1] : randomBytes(16).toString('hex');
}
