// The health endpoints as an orchestrator and a client expect them. GraphQL Yoga answers its health
// and readiness checks ahead of every plugin, for any method, and for any URL that merely ends with
// their path (it tests `request.url.endsWith(endpoint)`): a POST or DELETE to /readiness was 200, and
// so was /graphql?query=…&x=/healthcheck, with no GraphQL done. Fixed where the request enters the
// process, before the server's own handler (attached to every server: router/servers.mjs).
import { methodRefusalBody } from './plugins.mjs';
import { requestLanguage } from './messages.mjs';
import { REQUEST_ID_HEADER, newRequestId } from './request-ids.mjs';
import { onEveryServer } from './servers.mjs';

const HEALTH_METHODS = 'GET, HEAD';
// Only to read a request target's path, which may be absolute (`POST http://host/readiness`).
const BASE = 'http://router.invalid';

/**
 * What to do with a request: `refuse` (405) for another method at a health path, `strip` for a health
 * path with a query string (a probe's cache buster; Yoga matches the end of the URL, so
 * `/healthcheck?x=1` was 404), `detach` for a URL that only ends with one (another path, or a query
 * string ending with it), else `pass`.
 */
export function healthRequest(method, url, paths) {
  if (!paths.some((path) => url.includes(path))) {
    return 'pass';
  }
  const { pathname } = new URL(url, BASE);
  if (paths.includes(pathname)) {
    if (method !== 'GET' && method !== 'HEAD') {
      return 'refuse';
    }
    return url === pathname ? 'pass' : 'strip';
  }
  return paths.some((path) => url.endsWith(path)) ? 'detach' : 'pass';
}

/**
 * `paths`: the liveness and readiness paths. Wraps the request listeners of every server, so a
 * refused request never reaches Yoga, a stripped one reaches it as its bare path, and a detached one
 * reaches it with an empty query parameter appended: the same path and parameters, but an URL that
 * no longer ends with a health path.
 */
export function guardHealthEndpoints(paths) {
  onEveryServer((server) => {
    const handlers = server.listeners('request');
    server.removeAllListeners('request');
    server.on('request', (request, response) => {
      const verdict = healthRequest(request.method, request.url, paths);
      if (verdict === 'refuse') {
        refuse(request, response);
        return;
      }
      if (verdict === 'detach') {
        request.url += request.url.includes('?') ? '&' : '?';
      } else if (verdict === 'strip') {
        request.url = new URL(request.url, BASE).pathname;
      }
      handlers.forEach((handler) => handler.call(server, request, response));
    });
  });
}

// Refused before any of the router runs, so neither traced nor told apart by a client's id: a new id,
// in the body and the header, as every other error has.
function refuse(request, response) {
  const language = requestLanguage({ headers: { get: (name) => request.headers[name] ?? null } });
  const requestId = newRequestId();
  const body = methodRefusalBody(language, HEALTH_METHODS, requestId);
  response.writeHead(405, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), allow: HEALTH_METHODS,
    [REQUEST_ID_HEADER]: requestId });
  // a body the client sent is drained, not left in the connection for the next request
  request.resume();
  response.end(body);
}
