// Requests that Node's HTTP parser refuses before any of the router runs (a request line and headers
// over the server's header limit, a malformed request line or header, a request that did not arrive
// in time), and those it lets through with a target or Host that is no URL: answered in the GraphQL error shape with BAD_USER_INPUT and a stable reason, like every
// other refusal, instead of Node's bare status line (attached to every server: router/servers.mjs).
import http from 'node:http';
import { comparableMediaType } from './media-types.mjs';
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
  const { status, requestId, body } = refusal(error);
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n`
    + `${REQUEST_ID_HEADER}: ${requestId}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

function refusal(error) {
  const { status, reason, key } = REFUSALS[error?.code] ?? MALFORMED;
  const requestId = newRequestId();
  const body = JSON.stringify({ errors: [{ message: message(DEFAULT_LANGUAGE, key), extensions: { code: 'BAD_USER_INPUT', reason, requestId } }] });
  return { status, requestId, body };
}

/**
 * The origin-form target (`/path?query`) of a request that Node's parser let through, or null when the
 * router cannot read it and its Host as one URL: the absolute form (`GET http://host/ops`), which HTTP/1.1
 * servers must accept, becomes its path and query, its host the request's Host; the asterisk form (`*`),
 * any other target, and a Host that is no host (`a b`) are malformed. Without this, the server's adapter
 * joined Host and target into an invalid URL and answered 500 with a stack trace.
 */
export function originFormTarget(url, headers) {
  // Nearly every request: a path, and a plain host[:port]; no URL needs to be built to know it reads.
  if (url.startsWith('/') && PLAIN_HOST.test(headers.host ?? '')) {
    return url;
  }
  let target = url;
  if (!target.startsWith('/')) {
    let absolute;
    try {
      absolute = /^https?:\/\//i.test(target) ? new URL(target) : null;
    } catch {
      absolute = null;
    }
    if (!absolute) {
      return null;
    }
    target = `${absolute.pathname}${absolute.search}`;
    headers.host = absolute.host;
  }
  try {
    new URL(`http://${headers.host ?? 'localhost'}${target}`);
  } catch {
    return null;
  }
  return target;
}

const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

function refuseMalformedTargets(server) {
  const handlers = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (request, response) => {
    const target = originFormTarget(request.url, request.headers);
    if (target === null) {
      const { status, requestId, body } = refusal(null);
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body),
        [REQUEST_ID_HEADER]: requestId, connection: 'close' });
      request.resume();
      response.end(body);
      return;
    }
    request.url = target;
    joinRepeatedAuthorization(request);
    comparableContentType(request);
    handlers.forEach((handler) => handler.call(server, request, response));
  });
}

/**
 * Node keeps the first of repeated Authorization headers and drops the others (X-Api-Key's it joins),
 * so `Authorization: Bearer <valid>` followed by `Authorization: Bearer <other>` was served as the
 * first caller, where a proxy that reads the last one sees the other. Joined as Fetch joins repeated
 * headers, two credentials are one malformed credential, refused with 401 like any other.
 */
export function joinRepeatedAuthorization(request) {
  const values = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i].length === AUTHORIZATION.length && request.rawHeaders[i].toLowerCase() === AUTHORIZATION) {
      values.push(request.rawHeaders[i + 1]);
    }
  }
  if (values.length > 1) {
    request.headers[AUTHORIZATION] = values.join(', ');
  }
}

const AUTHORIZATION = 'authorization';

/** The Content-Type as GraphQL Yoga's parsers compare it (router/media-types.mjs). */
export function comparableContentType(request) {
  const type = request.headers['content-type'];
  if (type !== undefined && NOT_COMPARABLE.test(type)) {
    request.headers['content-type'] = comparableMediaType(type);
  }
}

// Upper case letters, or whitespace before the parameters: the media types to rewrite.
const NOT_COMPARABLE = /[A-Z]|[ \t];/;

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
  refuseMalformedTargets(server);
}
