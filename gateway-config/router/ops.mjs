// The operator page at /ops (docs/observability.md): a live view of the whole supergraph from the
// router's and every subgraph's metrics. Dev: open. Production: a JWT or an API key with the scope
// `ops:read`, for the page and for the router's Prometheus endpoint alike. Its assets are files of
// this repository (observability/ops/), never a CDN.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'prom-client';
import { API_KEY_HEADER } from './api-keys.mjs';
import { extractScopes } from './authorization.mjs';
import { bearerToken } from './jwt-auth.mjs';
import { message, messageOf, requestLanguage } from './messages.mjs';
import { coalesced, increase, opsView, parseMetrics, readiness, ScrapeWindow, withinWindow } from './ops-data.mjs';
import { isOpsPath, READ_METHODS } from './path-methods.mjs';
import { OPS_PATH } from './settings.mjs';
import { errorResponse, notFoundResponse } from './plugins.mjs';
import { requestIdOf } from './request-ids.mjs';

export const OPS_SCOPE = 'ops:read';
const ASSETS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'observability', 'ops');
const TYPES = { 'index.html': 'text/html; charset=utf-8', 'ops.js': 'text/javascript; charset=utf-8', 'ops.css': 'text/css; charset=utf-8' };
const SCRAPE_TIMEOUT_MS = 2000;
/** The page shows the last minute: counters are increases over the oldest scrape of this window. */
const WINDOW_MS = 60000;

/**
 * The plugin. `subgraphs`: { name: { url } } from the router's settings (their metrics are at
 * /actuator/prometheus beside /graphql); `slowestRecent`: the operation metrics' recent slow requests;
 * `metricsPath`: where it serves the router's Prometheus text (the metrics plugin serves none), guarded
 * like the page.
 */
export function useOpsPage({ production, subgraphs, slowestRecent, apiKeys, verifyToken, metricsPath, registry = register }) {
  const assets = Object.fromEntries(Object.keys(TYPES).map((file) => [file, readFileSync(resolve(ASSETS, file))]));
  const authorize = production ? opsAuthorizer({ apiKeys, verifyToken }) : async () => null;
  const view = sharedView({ subgraphs, slowestRecent, registry });
  const refuse = async (request, endResponse, fetchAPI) => {
    const refusal = await authorize(request);
    if (refusal) {
      const text = message(requestLanguage(request), refusal.key, refusal.params);
      endResponse(json(fetchAPI, refusal.status,
        { errors: [{ message: text, extensions: { code: refusal.code, requestId: requestIdOf(request) } }] }, refusal.headers));
    }
    return refusal !== null;
  };
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const page = isOpsPath(url.pathname);
      if (!page && url.pathname !== metricsPath) {
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(errorResponse(fetchAPI, request, 405, 'METHOD_NOT_ALLOWED', 'request.methodNotAllowed', { methods: READ_METHODS },
          { allow: READ_METHODS }));
        return;
      }
      if (!page) {
        // The Prometheus text holds what the page shows (operations, clients, errors): the same access.
        if (!(await refuse(request, endResponse, fetchAPI))) {
          endResponse(new fetchAPI.Response(await registry.metrics(), { status: 200, headers: { 'content-type': registry.contentType } }));
        }
        return;
      }
      if (await refuse(request, endResponse, fetchAPI)) {
        return;
      }
      const file = url.pathname === OPS_PATH ? 'index.html' : url.pathname.slice(`${OPS_PATH}/`.length);
      if (file === 'data') {
        endResponse(json(fetchAPI, 200, await view()));
      } else if (Object.hasOwn(assets, file)) {
        endResponse(new fetchAPI.Response(assets[file], { status: 200, headers: { 'content-type': TYPES[file], 'cache-control': 'no-store' } }));
      } else {
        endResponse(notFoundResponse(fetchAPI, request));
      }
    },
  };
}

/**
 * The page's data. Requests that arrive while it is being computed share that computation, so many
 * open pages (or a client asking in a loop) never have more than one scrape of each subgraph under way.
 */
function sharedView({ subgraphs, slowestRecent, registry }) {
  // One window per process, fed only by its successful scrapes: a subgraph that did not answer once
  // keeps its own baseline instead of counting from its start at the next answer.
  const windows = new Map(['router', ...Object.keys(subgraphs)].map((source) => [source, new ScrapeWindow(WINDOW_MS)]));
  return coalesced(() => view({ subgraphs, slowestRecent, registry, windows }));
}

async function view({ subgraphs, slowestRecent, registry, windows }) {
  const scraped = Object.fromEntries(await Promise.all(Object.entries(subgraphs).map(async ([name, { url }]) => {
    const base = url.replace(/\/graphql\/?$/, '');
    // A subgraph that is not ready answers 503 with the checks that are down: read whatever it answers.
    const [metrics, ready] = await Promise.all([text(`${base}/actuator/prometheus`),
      text(`${base}/actuator/health/readiness`, { anyStatus: true })]);
    return [name, { samples: metrics ? parseMetrics(metrics) : null, ...readiness(ready) }];
  })));
  const router = parseMetrics(await registry.metrics());
  const now = Date.now();
  const recentSamples = (source, samples) => (samples ? increase(samples, windows.get(source).add(samples, now)) : []);
  const routerSamples = recentSamples('router', router);
  const since = windows.get('router').baselineAt;
  return {
    at: new Date(now).toISOString(),
    // What the counters cover: the seconds since the oldest scrape of the window, or null on the first
    // view, whose counters count since the processes started.
    windowSeconds: since === null ? null : Math.round((now - since) / 1000),
    ...opsView({
      router: routerSamples,
      subgraphs: Object.fromEntries(Object.entries(scraped).map(([name, { samples, ...ready }]) =>
        [name, { samples: recentSamples(name, samples), ...ready }])),
      recent: withinWindow(slowestRecent(), now, WINDOW_MS),
    }),
  };
}

async function text(url, { anyStatus = false } = {}) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(SCRAPE_TIMEOUT_MS) });
    return response.ok || anyStatus ? await response.text() : null;
  } catch {
    return null;
  }
}

/**
 * Production: an API key or a JWT that carries the scope ops:read; both at once are refused with 401. `verifyToken` is the router's own
 * token check (router/jwt-auth.mjs tokenVerifier), so a token counts here exactly as it does for
 * GraphQL: the same algorithms, issuer, audience and clock skew, and a key set that cannot be
 * fetched is a 503, not a bad token. Without it (no JWT configured) only API keys count.
 */
export function opsAuthorizer({ apiKeys, verifyToken = null }) {
  return async (request) => {
    const apiKey = request.headers.get(API_KEY_HEADER);
    const authorization = request.headers.get('authorization');
    if (apiKey !== null && authorization !== null) {
      // Ambiguous credentials are refused, as the GraphQL endpoint refuses them (router/authorization.mjs
      // resolveUser): the key must not win over a token (or the token over the key) by the order of a check.
      return { status: 401, code: 'UNAUTHENTICATED', key: 'auth.credentialsAmbiguous', headers: { 'www-authenticate': 'Bearer' } };
    }
    const bearer = bearerToken(authorization)?.token;
    let scopes = null;
    if (apiKey) {
      scopes = apiKeys?.verify(apiKey)?.scopes ?? null;
    } else if (bearer && verifyToken) {
      try {
        scopes = extractScopes(await verifyToken(bearer));
      } catch (error) {
        const unavailable = error?.extensions?.http?.status === 503;
        if (unavailable) {
          return { status: 503, code: 'SERVICE_UNAVAILABLE', key: messageOf(error)?.key ?? 'auth.keysUnavailable' };
        }
      }
    }
    if (scopes === null) {
      // The challenge of the router's GraphQL 401s (RFC 6750): a bad token says so, no credentials asks for one.
      const challenge = bearer ? 'Bearer error="invalid_token"' : 'Bearer';
      return { status: 401, code: 'UNAUTHENTICATED', key: 'operator.credentialsRequired', headers: { 'www-authenticate': challenge } };
    }
    return scopes.includes(OPS_SCOPE) ? null : { status: 403, code: 'FORBIDDEN', key: 'operator.scopeRequired', params: { scope: OPS_SCOPE } };
  };
}

function json(fetchAPI, status, body, headers = {}) {
  return new fetchAPI.Response(JSON.stringify(body),
    { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });
}
