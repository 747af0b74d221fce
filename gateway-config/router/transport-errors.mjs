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
import { GRAPHQL_METHODS, pathOf } from './path-methods.mjs';
import { methodRefusalBody, notFoundBody } from './plugins.mjs';
import { REQUEST_ID_HEADER, newRequestId } from './request-ids.mjs';
import { onEveryServer } from './servers.mjs';

// Node's own statuses for these parser errors; anything else it refuses is a 400.
const REFUSALS = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'HEADERS_TOO_LARGE', key: 'request.headersTooLarge' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'REQUEST_TIMEOUT', key: 'request.timeout' },
};
const MALFORMED = { status: 400, reason: 'MALFORMED_HTTP', key: 'request.malformedHttp' };
// A request line over the limit is its target's fault (RFC 9112, 3.2: 414), as a subgraph answers it.
const URI_TOO_LONG = { status: 414, reason: 'URI_TOO_LONG', key: 'request.uriTooLong' };
// An Expect other than 100-continue (RFC 9110, 10.1.1): Node answered a bare 417 without a body.
const EXPECTATION_FAILED = { status: 417, reason: 'EXPECTATION_FAILED', key: 'request.expectationFailed' };

/**
 * The most header lines a request may have, at the router and every subgraph (Tomcat's maxHeaderCount):
 * more are 431 HEADERS_TOO_LARGE. Node kept the first 2,000 and dropped the rest without a word, so an
 * Authorization line after them went unread, and a second one unseen (joinRepeatedAuthorization).
 */
export const MAX_HEADER_LINES = 100;

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
  return refusalOf(error?.code === 'HPE_HEADER_OVERFLOW' && isRequestLineOverLimit(error.rawPacket)
    ? URI_TOO_LONG
    : REFUSALS[error?.code] ?? MALFORMED);
}

function refusalOf({ status, reason, key }) {
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

// Whether the refused bytes start with a request line that alone is over the limit (Node counts the line
// and the headers together): its target is too long. Read, as the method of a HEAD, from the bytes the parser
// held when it refused them; a request line that came in several pieces is counted with the headers (431).
function isRequestLineOverLimit(packet) {
  if (packet === undefined || !REQUEST_LINE_START.test(packet.toString('latin1', 0, 64))) {
    return false;
  }
  const end = packet.indexOf('\r\n');
  return end < 0 || end > http.maxHeaderSize;
}

const REQUEST_LINE_START = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ [\x21-\x7e]/;
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
  if (!isNormalPath(url)) {
    return null;
  }
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
    // the path as written, before the URL resolved its dot segments
    const path = url.indexOf('/', url.indexOf('//') + 2);
    if (path >= 0 && !isNormalPath(url.slice(path))) {
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

/**
 * Whether a target's path (of the origin form; any other form passes) is written in the one form that names
 * a path, as a subgraph's Tomcat and firewall require it (RFC 3986, 6.2.2): segments of letters, digits,
 * `-._~!$&'()*+,=:@` and percent-encodings only; none empty (`//graphql`) or a dot segment (`/./graphql`,
 * `/x/../graphql`); no path parameter (`;x`), fragment (`#`) or backslash; and nothing encoded that needs no
 * encoding or is a delimiter (`%6C` for `l`, `%2E`, `%2F`, `%5C`, `%3B`, `%25`, a control character).
 * Anything else is 400 MALFORMED_HTTP on both sides: the router served `/./graphql` and `/x/../graphql` as
 * `/graphql` and a subgraph `/graphq%6C`, while each refused or did not find the others. A path so written
 * that names nothing served (`/GRAPHQL`, `/graphql%20`) is 404.
 */
export function isNormalPath(target) {
  if (!target.startsWith('/')) {
    return true;
  }
  const query = target.indexOf('?');
  const path = query < 0 ? target : target.slice(0, query);
  if (target.includes('#') || !PATH.test(path) || EMPTY_OR_DOT_SEGMENT.test(path)) {
    return false;
  }
  for (const [, hex] of path.matchAll(ENCODED)) {
    const code = parseInt(hex, 16);
    if (code < 0x20 || code === 0x7f || NEEDS_NO_ENCODING.test(String.fromCharCode(code)) || DELIMITERS.includes(code)) {
      return false;
    }
  }
  return true;
}

const PATH = /^(\/([A-Za-z0-9\-._~!$&'()*+,=:@]|%[0-9A-Fa-f]{2})*)+$/;
const EMPTY_OR_DOT_SEGMENT = /\/\/|\/\.\.?(\/|$)/;
const ENCODED = /%([0-9A-Fa-f]{2})/g;
const NEEDS_NO_ENCODING = /^[A-Za-z0-9\-._~]$/;
// `/`, `\`, `;` and `%`: encoded, a proxy and the server could each read another path.
const DELIMITERS = [0x2f, 0x5c, 0x3b, 0x25];

function refuseMalformedTargets(server, methodsOf) {
  const handlers = server.listeners('request');
  server.removeAllListeners('request');
  // Node answered a request without Host itself, with a bare 400 (headRefusal answers it in the error shape).
  server.requireHostHeader = false;
  // One line over the limit is enough to know the request has too many.
  server.maxHeadersCount = MAX_HEADER_LINES + 1;
  server.on('request', (request, response) => {
    const refused = headRefusal(request);
    const target = refused === null ? originFormTarget(request.url, request.headers) : null;
    if (target === null) {
      answerOutside(request, response, refused ?? MALFORMED);
      return;
    }
    if (request.method === 'OPTIONS' && !(isPreflight(request) && methodsOf(pathOf(target)) === GRAPHQL_METHODS)) {
      request.resume();
      writeAnswer(response, pathAnswer(target, methodsOf));
      return;
    }
    request.url = target;
    joinRepeatedAuthorization(request);
    comparableContentType(request);
    comparableAccept(request);
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

/**
 * What the request is refused for by its header lines alone, or null: more than MAX_HEADER_LINES (431); a
 * Host that cannot be read (RFC 9112, 3.2: an HTTP/1.1 request without one, where Node answered a bare 400,
 * or several Host lines, of which Node served the first); a transfer coding other than chunked (Node decoded
 * the chunks of `gzip, chunked` and served the gzip bytes as the body). A subgraph's Tomcat refuses each alike.
 */
function headRefusal(request) {
  const lines = request.rawHeaders.length / 2;
  if (lines > MAX_HEADER_LINES) {
    return REFUSALS.HPE_HEADER_OVERFLOW;
  }
  let hosts = 0;
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i].length === 4 && request.rawHeaders[i].toLowerCase() === 'host') {
      hosts += 1;
    }
  }
  const codings = request.headers['transfer-encoding'];
  const unreadable = hosts > 1 || (hosts === 0 && request.httpVersion === '1.1')
    || (codings !== undefined && codings.split(',').some((coding) => coding.trim().toLowerCase() !== 'chunked'));
  return unreadable ? MALFORMED : null;
}

// An OPTIONS request a browser sends before a cross-origin one (Fetch's CORS preflight).
function isPreflight(request) {
  return request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;
}

// A refusal or path answer written before GraphQL Yoga sees the request; the connection closes after it.
function answerOutside(request, response, kind) {
  request.resume();
  writeAnswer(response, refusalOf(kind), { connection: 'close' });
}

function writeAnswer(response, { status, requestId, body, headers }, extra = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body),
    [REQUEST_ID_HEADER]: requestId, ...headers, ...extra });
  response.end(response.req?.method === 'HEAD' ? undefined : body);
}

/** The Content-Type as GraphQL Yoga's parsers compare it (router/media-types.mjs). */
export function comparableContentType(request) {
  const type = request.headers['content-type'];
  if (type !== undefined && NOT_COMPARABLE.test(type)) {
    request.headers['content-type'] = comparableMediaType(type);
  }
}

/**
 * The Accept header in lower case, as media types compare (RFC 9110, 8.3.1): GraphQL Yoga looks for the
 * text "text/html" before it asks the router whether to serve GraphiQL (router/graphiql.mjs), so a browser's
 * `Accept: TEXT/HTML` was answered 406. The router reads the header in any case (router/media-types.mjs).
 */
export function comparableAccept(request) {
  const accept = request.headers.accept;
  if (accept !== undefined && UPPER_CASE.test(accept)) {
    request.headers.accept = accept.toLowerCase();
  }
}

const UPPER_CASE = /[A-Z]/;

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
    refuseMalformedTargets(server, methodsOf);
    if (server.listenerCount('checkExpectation') === 0) {
      server.on('checkExpectation', (request, response) => answerOutside(request, response, EXPECTATION_FAILED));
    }
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
