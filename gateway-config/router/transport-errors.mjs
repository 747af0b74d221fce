// Requests that Node's HTTP parser refuses before any of the router runs (a request line and headers
// over the server's header limit, a malformed request line or header, a request that did not arrive
// in time), and those it lets through with a target or Host that is no URL: answered in the GraphQL error shape with BAD_USER_INPUT and a stable reason, like every
// other refusal, instead of Node's bare status line (attached to every server: router/servers.mjs).
// A method it does not know is no malformed request (any token is a method, RFC 9110): answered as any
// method its path does not take. CONNECT, which it hands to a proxy's handler, is a proxy's method, and
// neither the router nor a subgraph is one: 400 MALFORMED_HTTP, whatever its target, as Tomcat answers it.
import http from 'node:http';
import { comparableMediaType } from './media-types.mjs';
import { DEFAULT_LANGUAGE, message } from './messages.mjs';
import { pathOf } from './path-methods.mjs';
import { methodRefusalBody, notFoundBody } from './plugins.mjs';
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
 * it gets a new request id (as every other error, in the body and the header) and English. A HEAD
 * request gets the headers alone (RFC 9110, 9.3.2). A request refused for its method alone, its request
 * line well formed, is answered as the router answers any method its path does not take (`methodsOf`).
 */
export function transportErrorResponse(error, methodsOf = () => null) {
  const packet = error?.rawPacket;
  const line = error?.code === 'HPE_INVALID_METHOD' ? requestTarget(packet) : null;
  const target = line === null ? null : originFormTarget(line, {});
  const answer = target === null ? refusal(error) : pathAnswer(target, methodsOf);
  // The method is read from the refused bytes: those the parser held when it refused them, which start
  // with the request line when the request's head came at once, as clients send it.
  return rawResponse(answer, packet?.toString('latin1', 0, 5) === 'HEAD ');
}

function refusal(error) {
  const { status, reason, key } = REFUSALS[error?.code] ?? MALFORMED;
  const requestId = newRequestId();
  const body = JSON.stringify({ errors: [{ message: message(DEFAULT_LANGUAGE, key), extensions: { code: 'BAD_USER_INPUT', reason, requestId } }] });
  return { status, requestId, body, headers: {} };
}

// 405 with the path's Allow where the router serves something, else 404, as inside GraphQL Yoga.
function pathAnswer(target, methodsOf) {
  const requestId = newRequestId();
  const methods = methodsOf(pathOf(target));
  return methods === null
    ? { status: 404, requestId, body: notFoundBody(DEFAULT_LANGUAGE, requestId), headers: {} }
    : { status: 405, requestId, body: methodRefusalBody(DEFAULT_LANGUAGE, methods, requestId), headers: { allow: methods } };
}

function rawResponse({ status, requestId, body, headers }, head) {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n${lines}`
    + `${REQUEST_ID_HEADER}: ${requestId}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${head ? '' : body}`;
}

/**
 * The target of the request line at the start of `packet` (the bytes the parser refused), or null when
 * they hold no well-formed HTTP/1.x request line: a method (a token), one space, a target of visible
 * characters, one space, the version.
 */
export function requestTarget(packet) {
  const match = packet ? REQUEST_LINE.exec(packet.toString('latin1', 0, Math.min(packet.length, MAX_LINE))) : null;
  return match ? match[1] : null;
}

const REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ ([\x21-\x7e]+) HTTP\/1\.[01]\r\n/;
// Longer request lines are over the header limit anyway.
const MAX_LINE = 16 * 1024;

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

/**
 * Attaches the handlers to every HTTP and HTTPS server of the process as it starts listening.
 * `methodsOf(pathname)`: the methods a path takes (router/path-methods.mjs), null where nothing is served.
 */
export function answerTransportErrors({ methodsOf }) {
  onEveryServer((server) => {
    if (server.listenerCount('clientError') === 0) {
      server.on('clientError', (error, socket) => answer(error, socket, methodsOf));
    }
    // Without a listener Node closed the connection of a CONNECT without a word.
    if (server.listenerCount('connect') === 0) {
      server.on('connect', answerConnect);
    }
    refuseMalformedTargets(server);
  });
}

function answer(error, socket, methodsOf) {
  // a client that went away, or a response already under way, gets nothing more
  if (error?.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(transportErrorResponse(error, methodsOf));
}

function answerConnect(request, socket) {
  socket.on('error', () => socket.destroy());
  socket.end(rawResponse(refusal(null), false));
}
