// The request id is the trace id whenever the request is part of a trace, by the rule the subgraphs
// follow too (contract/request-ids.json, contract/traceparents.json): a caller's valid `traceparent`
// names the trace, and with tracing on every request is in one (router/tracing.mjs). Only outside a
// trace does a client's X-Request-Id become the request's id, and only if it is a safe id: 8 to 128
// letters, digits, `.`, `_`, `:` or `-`. Anything else (markup, spaces, kilobytes, several ids) would
// travel into the router's logs, the response, the operator page and every subgraph call. A client's
// id that is not used is dropped where the request enters the process, before Hive Gateway's request
// id reads the header, so the error bodies, logs and headers of the router and of every subgraph
// carry the one id.
import { randomHex } from './random-pool.mjs';
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

const requestIds = new WeakMap();

/**
 * A new id: 16 random bytes in hex, the shape of a trace id. For a request without one of its own, and
 * for the refusals that come before a request is read (router/transport-errors.mjs,
 * router/health-endpoints.mjs).
 */
export function newRequestId() {
  return randomHex(16);
}

let generate = newRequestId;

/**
 * `generator` (`({ request }) => id`: tracing's trace id, or the caller's `traceparent`'s) makes the
 * id of a request without a usable X-Request-Id. Returns the generator for Hive Gateway's request id,
 * which then hands out the same id as requestIdOf.
 */
export function generateRequestIdsWith(generator) {
  generate = generator;
  return ({ request }) => requestIdOf(request);
}

/**
 * The id of a request (a Fetch API Request), the same whenever it is asked: the client's X-Request-Id
 * left at the door, else one made once. Every error body of the router carries it as
 * `extensions.requestId`, like the subgraphs' errors.
 */
export function requestIdOf(request) {
  let id = request.headers.get(REQUEST_ID_HEADER) ?? requestIds.get(request);
  if (!id) {
    id = generate({ request });
    requestIds.set(request, id);
  }
  return id;
}
