// A client's X-Request-Id is the request's id only if it is a safe id, by the rule the subgraphs
// follow too (contract/request-ids.json): 8 to 128 letters, digits, `.`, `_`, `:` or `-`. Anything
// else (markup, spaces, kilobytes, several ids) would travel into the router's logs, the response,
// the operator page and every subgraph call, so it is dropped where the request enters the process,
// before Hive Gateway's request id reads the header: the request then gets its trace id
// (router/tracing.mjs) like a request without one.
import { onEveryServer } from './servers.mjs';

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function isSafeRequestId(value) {
  return typeof value === 'string' && SAFE_ID.test(value);
}

/** `request`: Node's incoming message, whose headers the server adapter builds its Request from. */
export function dropUnsafeRequestId(request) {
  const id = request.headers[REQUEST_ID_HEADER];
  if (id !== undefined && !isSafeRequestId(id)) {
    delete request.headers[REQUEST_ID_HEADER];
  }
}

/** Drops unsafe ids on every server of the process, ahead of the server's own request handler. */
export function checkRequestIds() {
  onEveryServer(dropUnsafeRequestIds);
}

function dropUnsafeRequestIds(server) {
  server.prependListener('request', dropUnsafeRequestId);
}
