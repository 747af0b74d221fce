// The W3C `traceparent` a request continues, by the rule the subgraphs follow too
// (contract/traceparents.json): a header that is not valid is ignored as a whole, as OpenTelemetry's
// propagators ignore it, so the request id (the trace id) is the trace's, and a caller cannot give
// every request the all-zero id.

export const TRACEPARENT_HEADER = 'traceparent';

// version-traceid-parentid-flags; a version after 00 may carry more after a `-`.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/s;
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_PARENT_ID = '0'.repeat(16);

/** `{ traceId, sampled }` of a valid `traceparent` header value, else null. */
export function parseTraceparent(header) {
  const match = typeof header === 'string' ? TRACEPARENT.exec(header) : null;
  if (!match) {
    return null;
  }
  const [, version, traceId, parentId, flags, more] = match;
  if (version === 'ff' || (version === '00' && more !== undefined)
      || traceId === ZERO_TRACE_ID || parentId === ZERO_PARENT_ID) {
    return null;
  }
  return { traceId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}
