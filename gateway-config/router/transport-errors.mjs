// Requests that Node's HTTP parser refuses before any of the router runs (a request line and headers
// over the server's header limit, a malformed request line or header, a request that did not arrive
// in time): answered in the GraphQL error shape with BAD_USER_INPUT and a stable reason, like every
// other refusal, instead of Node's bare status line (attached to every server: router/servers.mjs).
import http from 'node:http';
import { DEFAULT_LANGUAGE, message } from './messages.mjs';
import { REQUEST_ID_HEADER, newRequestId } from './request-ids.mjs';
import { onEveryServer } from './servers.mjs';

// Node's own statuses for these parser errors; anything else it refuses is a 400.
const REFUSALS = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'HEADERS_TOO_LARGE', key: 'request.headersTooLarge' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'REQUEST_TIMEOUT', key: 'request.timeout' },
};
const MALFORMED = { status: 400, reason: 'MALFORMED_HTTP', key: 'request.malformedHttp' };

/**
 * The bytes of the answer to a request the parser refused with `error`. Its headers were not read, so
 * it gets a new request id (as every other error, in the body and the header) and English.
 */
export function transportErrorResponse(error) {
  const { status, reason, key } = REFUSALS[error?.code] ?? MALFORMED;
  const requestId = newRequestId();
  const body = JSON.stringify({ errors: [{ message: message(DEFAULT_LANGUAGE, key), extensions: { code: 'BAD_USER_INPUT', reason, requestId } }] });
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n`
    + `${REQUEST_ID_HEADER}: ${requestId}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

function answer(error, socket) {
  // a client that went away, or a response already under way, gets nothing more
  if (error?.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(transportErrorResponse(error));
}

/** Attaches the handler to every HTTP and HTTPS server of the process as it starts listening. */
export function answerTransportErrors() {
  onEveryServer(answerClientErrors);
}

function answerClientErrors(server) {
  if (server.listenerCount('clientError') === 0) {
    server.on('clientError', answer);
  }
}
