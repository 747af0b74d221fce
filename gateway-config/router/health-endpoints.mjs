// The health endpoints as an orchestrator and a client expect them. GraphQL Yoga answers its health
// and readiness checks ahead of every plugin, for any method, and for any URL that merely ends with
// their path (it tests `request.url.endsWith(endpoint)`): a POST or DELETE to /readiness was 200, and
// so was /graphql?query=…&x=/healthcheck, with no GraphQL done. Fixed where the request enters the
// process, before the server's own handler (attached to every server: router/servers.mjs).
import { pathOf, READ_METHODS } from './path-methods.mjs';
import { methodRefusalBody } from './plugins.mjs';
import { requestLanguage } from './messages.mjs';
import { REQUEST_ID_HEADER, newRequestId, requestIdOf } from './request-ids.mjs';
import { onEveryServer } from './servers.mjs';

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
  const pathname = pathOf(url);
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
        request.url = pathOf(request.url);
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
  const body = methodRefusalBody(language, READ_METHODS, requestId);
  response.writeHead(405, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), allow: READ_METHODS,
    [REQUEST_ID_HEADER]: requestId });
  // a body the client sent is drained, not left in the connection for the next request
  request.resume();
  response.end(body);
}

/**
 * The health checks' answers as every other answer of the router and a subgraph's probes: a request id
 * (header), and JSON saying `{"status":"UP"}` (200) or `{"status":"DOWN"}` (503). GraphQL Yoga answers
 * them ahead of the plugin that adds request ids, with an empty body (or a checker's error text).
 */
export function useHealthAnswers(paths) {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      // endsWith first: no URL is parsed for any other answer
      if (!paths.some((path) => request.url.endsWith(path)) || !paths.includes(new URL(request.url).pathname)) {
        return;
      }
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.set('content-type', 'application/json');
      headers.set(REQUEST_ID_HEADER, requestIdOf(request));
      const status = response.status === 200 ? 'UP' : 'DOWN';
      setResponse(new fetchAPI.Response(JSON.stringify({ status }), { status: response.status, headers }));
    },
  };
}
