// The request id is the trace id whenever the request is part of a trace, by the rule the subgraphs
// follow too (contract/request-ids.json, contract/traceparents.json): a caller's valid `traceparent`
// names the trace, and with tracing on every request is in one (router/tracing.mjs). Only outside a
// trace does a client's X-Request-Id become the request's id, and only if it is a safe id: 8 to 128
// letters, digits, `.`, `_`, `:` or `-`. Anything else (markup, spaces, kilobytes, several ids) would
// travel into the router's logs, the response, the operator page and every subgraph call. A client's
// id that is not used is dropped where the request enters the process, before Hive Gateway's request
// id reads the header, so the error bodies, logs and headers of the router and of every subgraph
// carry the one id.
import { onEveryServer } from './servers.mjs';
import { TRACEPARENT_HEADER, parseTraceparent } from './traceparent.mjs';

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function isSafeRequestId(value) {
  return typeof value === 'string' && SAFE_ID.test(value);
}

/**
 * `request`: Node's incoming message, whose headers the server adapter builds its Request from;
 * `tracing`: whether the router traces (then every request is in a trace).
 */
export function dropUnusedRequestId(request, tracing = false) {
  const id = request.headers[REQUEST_ID_HEADER];
  if (id !== undefined
      && (tracing || !isSafeRequestId(id) || parseTraceparent(request.headers[TRACEPARENT_HEADER]) !== null)) {
    delete request.headers[REQUEST_ID_HEADER];
  }
}

/** Drops unused ids on every server of the process, ahead of the server's own request handler. */
export function checkRequestIds({ tracing = false } = {}) {
  onEveryServer((server) => server.prependListener('request', (request) => dropUnusedRequestId(request, tracing)));
}
