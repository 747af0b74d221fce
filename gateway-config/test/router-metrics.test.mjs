// The router's metrics per operation and client (router/operation-metrics.mjs): scraped from the
// real router's /metrics after real requests against fake subgraphs, and the bounded labels.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';
import { clientLabel, clientLabeller, firstOperationName, operationLabeller, trustedOperationLabeller } from '../router/operation-metrics.mjs';
import { opsAuthorizer } from '../router/ops.mjs';
import { sha256 } from '../router/plugins.mjs';
import { SUBGRAPHS } from '../router/subgraphs.mjs';
import { increase, opsView, parseMetrics, quantile, ScrapeWindow } from '../router/ops-data.mjs';

describe('router metrics per operation and client', () => {
  let fakes;
  let gateway;

  before(async () => {
    fakes = await startFakeSubgraphs();
    // A catalog slower than its timeout (a query that mentions "slow") answers SERVICE_UNAVAILABLE.
    gateway = await startGateway({ GATEWAY_MODE: 'dev', ...fakes.env, CATALOG_TIMEOUT_MS: '500' });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  it('times each operation per client in histogram buckets', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await post(gateway.url, { query: 'query CategoryNames { categories { id name } }' },
        { 'graphql-client-name': 'web-shop' });
      assert.equal(response.status, 200);
    }
    const metrics = await scrape(gateway.url);
    const labels = { operation: 'CategoryNames', client: 'web-shop', outcome: 'ok' };
    assert.equal(sum(metrics, 'router_operation_duration_seconds_count', labels), 2);
    assert.equal(sum(metrics, 'router_operation_duration_seconds_bucket', { ...labels, le: '+Inf' }), 2);
    assert.ok(metrics.filter((s) => s.name === 'router_operation_duration_seconds_bucket'
      && s.labels.operation === 'CategoryNames').length >= 10);
  });

  it('counts errors by the code the client received, and a client without a name as unknown', async () => {
    const response = await post(gateway.url, { query: 'query Misspelled { categorie { id } }' });
    assert.deepEqual(codes(response.json), ['BAD_USER_INPUT']);
    const metrics = await scrape(gateway.url);
    assert.equal(sum(metrics, 'router_operation_errors_total',
      { operation: 'Misspelled', client: 'unknown', code: 'BAD_USER_INPUT' }), 1);
    assert.equal(sum(metrics, 'router_operation_duration_seconds_count',
      { operation: 'Misspelled', client: 'unknown', outcome: 'error' }), 1);
  });

  it('counts a request refused as it arrives, before GraphQL processing, by its code, and nothing at other paths', async () => {
    const before = await scrape(gateway.url);
    const body = JSON.stringify({ query: 'query Refused { categories { id } }' });
    const refusals = [
      [405, { method: 'PUT', headers: { 'content-type': 'application/json' }, body }],
      [405, { method: 'DELETE' }],
      [415, { method: 'POST', headers: { 'content-type': 'text/plain' }, body }],
      [415, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body }],
      [406, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'image/png' }, body }],
      [413, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) }],
    ];
    for (const [status, init] of refusals) {
      const response = await fetch(`${gateway.url}/graphql`, init);
      assert.equal(response.status, status, JSON.stringify(init.headers));
      assert.deepEqual(codes(await response.json()), ['BAD_USER_INPUT']);
    }
    for (const path of ['/metrics', '/ops/data', '/healthcheck']) {
      assert.equal((await fetch(`${gateway.url}${path}`, { method: 'PUT' })).status, 405, path);
    }
    const after = await scrape(gateway.url);
    const added = (name, labels) => sum(after, name, labels) - sum(before, name, labels);
    assert.equal(added('router_operation_errors_total', { operation: 'anonymous', client: 'unknown', code: 'BAD_USER_INPUT' }),
      refusals.length);
    assert.equal(added('router_operation_errors_total', {}), refusals.length);
    assert.equal(added('router_operation_duration_seconds_count', { operation: 'anonymous', client: 'unknown', outcome: 'error' }),
      refusals.length);
    assert.equal(added('router_operation_duration_seconds_count', {}), refusals.length);
  });

  it('times a request that failed on the platform\'s side once as a server error, whatever its errors', async () => {
    const response = await post(gateway.url, { query: 'query TimedOut { slow: categories { id } }' });
    assert.deepEqual(codes(response.json), ['SERVICE_UNAVAILABLE']);
    const metrics = await scrape(gateway.url);
    assert.equal(sum(metrics, 'router_operation_errors_total',
      { operation: 'TimedOut', client: 'unknown', code: 'SERVICE_UNAVAILABLE' }), 1);
    assert.equal(sum(metrics, 'router_operation_duration_seconds_count', { operation: 'TimedOut', outcome: 'server_error' }), 1);
    assert.equal(sum(metrics, 'router_operation_duration_seconds_count', { operation: 'TimedOut', outcome: 'error' }), 0);
  });

  it('times each subgraph fetch per subgraph and outcome, and keeps Hive Gateway\'s own metrics off', async () => {
    const before = await scrape(gateway.url);
    assert.equal((await post(gateway.url, { query: 'query Fetched { categories { id } }' })).status, 200);
    // The fake subgraph refuses a request that mentions "refused": errors and no data.
    await post(gateway.url, { query: 'query Refusing { refused: categories { id } }' });
    const metrics = await scrape(gateway.url);
    const grew = (outcome) => sum(metrics, 'router_subgraph_fetch_duration_seconds_count', { subgraph: 'catalog', outcome })
      - sum(before, 'router_subgraph_fetch_duration_seconds_count', { subgraph: 'catalog', outcome });
    assert.equal(grew('ok'), 1);
    assert.equal(grew('error'), 1);
    assert.ok(sum(metrics, 'router_subgraph_fetch_duration_seconds_bucket', { subgraph: 'catalog', outcome: 'ok', le: '+Inf' }) >= 1);
    assert.deepEqual(metrics.filter((s) => /^graphql_(yoga|envelop|gateway)_/.test(s.name)), [],
      'Hive Gateway\'s metrics only with ROUTER_METRICS=all');
  });

  it('counts parsed-document cache hits and misses', async () => {
    const query = `query CacheProbe${Date.now()} { categories { id } }`;
    const before = await scrape(gateway.url);
    for (let i = 0; i < 3; i++) {
      assert.equal((await post(gateway.url, { query })).status, 200);
    }
    const metrics = await scrape(gateway.url);
    const grew = (result) => sum(metrics, 'router_document_cache_total', { result })
      - sum(before, 'router_document_cache_total', { result });
    assert.equal(grew('miss'), 1);
    assert.equal(grew('hit'), 2);
  });

  it('serves the operator page and its data from the router, with no asset from elsewhere', async () => {
    const page = await fetch(`${gateway.url}/ops`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Supergraph operations/);
    // every asset from the router itself (the icon is an empty data URL: no request at all)
    assert.deepEqual([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => !url.startsWith('data:')),
      ['/ops/ops.css', '/ops/ops.js']);
    assert.equal((await fetch(`${gateway.url}/ops/ops.js`)).status, 200);
    const data = await (await fetch(`${gateway.url}/ops/data`)).json();
    const categoryNames = data.hotOperations.find((row) => row.operation === 'CategoryNames');
    assert.ok(categoryNames.requests >= 2);
    assert.deepEqual(categoryNames.subgraphs, ['catalog']);
    assert.match(categoryNames.recentTraceId, /^[0-9a-f]{32}$/);
    assert.deepEqual(data.health.map((row) => row.subgraph).sort(), SUBGRAPHS.map(({ name }) => name).sort());
  });

  it('answers the operator page, its data and the Prometheus text only to GET and HEAD', async () => {
    for (const path of ['/ops', '/ops/data', '/ops/ops.js', '/metrics']) {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const response = await fetch(`${gateway.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
        const body = await response.json();
        assert.equal(response.status, 405, `${method} ${path}`);
        assert.equal(response.headers.get('allow'), 'GET, HEAD');
        assert.deepEqual(body.errors.map((error) => [error.extensions.code, error.extensions.reason]), [['BAD_USER_INPUT', 'METHOD_NOT_ALLOWED']]);
      }
      const head = await fetch(`${gateway.url}${path}`, { method: 'HEAD' });
      assert.equal(head.status, 200, `HEAD ${path}`);
    }
  });

  it('shows operations named like Object\'s own properties, and serves no such path as an asset', async () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    for (const name of names) {
      assert.equal((await post(gateway.url, { query: `query ${name} { categories { id } }` })).status, 200);
    }
    const response = await fetch(`${gateway.url}/ops/data`);
    assert.equal(response.status, 200);
    const data = await response.json();
    for (const name of names) {
      const row = data.hotOperations.find((operation) => operation.operation === name);
      assert.ok(row?.requests >= 1, `${name} on the page`);
      assert.match(row.recentTraceId, /^[0-9a-f]{32}$/);
    }
    for (const path of ['__proto__', 'constructor', 'toString']) {
      const asset = await fetch(`${gateway.url}/ops/${path}`);
      assert.equal(asset.status, 404, path);
      assert.equal((await asset.json()).errors[0].extensions.code, 'NOT_FOUND');
    }
    // in the caller's language, as the router's other 404s
    const german = await fetch(`${gateway.url}/ops/missing.js`, { headers: { 'accept-language': 'de' } });
    const [error] = (await german.json()).errors;
    assert.equal(error.message, 'Unter diesem Pfad wird nichts angeboten');
    assert.equal(error.extensions.requestId, german.headers.get('x-request-id'));
  });

  it('passes the client name on to the subgraphs', async () => {
    await post(gateway.url, { query: '{ categories { id } }' }, { 'graphql-client-name': 'ios-app' });
    assert.equal(fakes.requests.at(-1).headers['graphql-client-name'], 'ios-app');
  });

  it('names the client operation and client in each subgraph fetch, as the router labels them', async () => {
    await post(gateway.url, { query: 'query ShelfNames { categories { id } }' },
      { 'apollographql-client-name': 'ios-app', 'graphql-operation-name': 'Forged' });
    const fetch = fakes.requests.at(-1);
    assert.doesNotMatch(fetch.raw, /ShelfNames/);
    assert.equal(fetch.headers['graphql-operation-name'], 'ShelfNames');
    assert.equal(fetch.headers['graphql-client-name'], 'ios-app');
    await post(gateway.url, { query: '{ categories { id } }' }, { 'graphql-client-name': 'evil"} 1' });
    assert.equal(fakes.requests.at(-1).headers['graphql-operation-name'], 'anonymous');
    assert.equal(fakes.requests.at(-1).headers['graphql-client-name'], 'unknown');
  });

  // Last: it fills the router's room for client labels.
  it('labels the first 100 client names and the rest as other, and names the client to the subgraphs', async () => {
    for (let index = 0; index < 105; index += 1) {
      const response = await post(gateway.url, { query: 'query Names { categories { id } }' },
        { 'graphql-client-name': `client-${index}` });
      assert.equal(response.status, 200);
    }
    // the subgraphs' feature flags see the client the router's see; their labels are bounded too
    assert.equal(fakes.requests.at(-1).headers['graphql-client-name'], 'client-104');
    const clients = new Set((await scrape(gateway.url))
      .filter((s) => s.name === 'router_operation_duration_seconds_count').map((s) => s.labels.client));
    const named = [...clients].filter((client) => client !== 'unknown' && client !== 'other');
    assert.equal(named.length, 100, 'the names the tests above used count too');
    assert.ok(clients.has('client-0') && clients.has('other') && !clients.has('client-104'));
  });
});

describe('bounded operation and client labels', () => {
  it('labels production operations by trusted names only', () => {
    const label = operationLabeller({ trusted: new Set(['UserOrders']) });
    assert.equal(label('UserOrders'), 'UserOrders');
    assert.equal(label('Scraper1234'), 'other');
    assert.equal(label(null), 'anonymous');
  });

  it('labels a production request by a trusted name only when every part of it names that trusted document', () => {
    const orders = 'query UserOrders($id: ID!) { user(id: $id) { id } }';
    const pair = 'query A { categories { id } } query B { categories { id } }';
    const label = trustedOperationLabeller(new Map([[sha256(orders), orders], [sha256(pair), pair]]));
    const hash = (sha256Hash) => ({ persistedQuery: { version: 1, sha256Hash } });
    const cases = [
      [{ documentId: sha256(orders) }, 'UserOrders'],
      [{ documentId: sha256(orders), operationName: 'UserOrders' }, 'UserOrders'],
      [{ extensions: hash(sha256(orders)) }, 'UserOrders'],
      [{ query: orders }, 'UserOrders'],
      [{ query: orders, extensions: hash(sha256(orders)) }, 'UserOrders'],
      [{ documentId: sha256(pair), operationName: 'B' }, 'B'],
      // several operations and none named: none runs
      [{ documentId: sha256(pair) }, 'other'],
      [{ documentId: sha256(pair), operationName: 'UserOrders' }, 'other'],
      [{ query: '{ categories { id } }', operationName: 'UserOrders' }, 'other'],
      [{ query: 'query UserOrders { categories { id } }' }, 'other'],
      [{ query: `${orders} `, operationName: 'UserOrders' }, 'other'],
      [{ query: orders, documentId: sha256(pair), operationName: 'UserOrders' }, 'other'],
      [{ documentId: sha256(orders), extensions: hash(sha256(pair)), operationName: 'UserOrders' }, 'other'],
      [{ documentId: 'f'.repeat(64), operationName: 'UserOrders' }, 'other'],
      [{ query: '{ categories { id } }' }, 'anonymous'],
      [{}, 'anonymous'],
    ];
    for (const [params, expected] of cases) {
      assert.equal(label(params), expected, JSON.stringify(params));
    }
    assert.equal(label({}, sha256(orders)), 'UserOrders', 'documentId in the URL');
    assert.equal(label({ query: orders }, sha256(pair)), 'other', 'documentId in the URL and another text');
  });

  it('labels dev operations by name up to a bound, and never by a name that is no GraphQL name', () => {
    const label = operationLabeller({ maxNames: 2 });
    assert.deepEqual(['A', 'B', 'C', 'A', 'x y'].map(label), ['A', 'B', 'other', 'A', 'other']);
  });

  it('takes the name of the first operation of a document', () => {
    assert.equal(firstOperationName('# reference\n query UserOrders($id: ID!) { user(id: $id) { id } }'), 'UserOrders');
    assert.equal(firstOperationName('{ categories { id } }'), null);
    assert.equal(firstOperationName(undefined), null);
  });

  it('prefers the API key client to the header, and refuses names that are no plain names', () => {
    assert.equal(clientLabel('billing', 'web-shop'), 'billing');
    assert.equal(clientLabel(null, 'web-shop'), 'web-shop');
    assert.equal(clientLabel(null, 'evil"} 1\nfake_metric'), 'unknown');
    assert.equal(clientLabel(null, null), 'unknown');
  });

  it('labels by name only the known clients and API key clients when CLIENT_NAMES lists them', () => {
    const label = clientLabeller({ known: new Set(['web-shop']) });
    assert.equal(label(null, 'web-shop'), 'web-shop');
    assert.equal(label(null, 'scraper-1'), 'other');
    assert.equal(label('billing', 'scraper-2'), 'billing');
    assert.equal(label(null, null), 'unknown');
  });

  it('never labels a caller by a header naming a client of the key file, even one CLIENT_NAMES lists', () => {
    const keyClients = new Set(['billing']);
    const label = clientLabeller({ known: new Set(['web-shop', 'billing']) });
    assert.equal(label(null, 'billing', null, keyClients), 'unknown');
    assert.equal(label(null, null, 'billing', keyClients), 'unknown');
    assert.equal(label(null, 'billing', 'web-shop', keyClients), 'web-shop');
    assert.equal(label('billing', 'billing', null, keyClients), 'billing');
    assert.equal(label(null, 'billing'), 'billing', 'no key file, no key clients');
  });
});

describe('operator page data and access', () => {
  it('estimates quantiles from cumulative buckets', () => {
    const buckets = [{ le: 0.1, count: 90 }, { le: 0.5, count: 99 }, { le: 1, count: 100 }, { le: Infinity, count: 100 }];
    assert.equal(quantile(0.5, buckets), 0.1 * (50 / 90));
    assert.ok(Math.abs(quantile(0.95, buckets) - (0.1 + 0.4 * (5 / 9))) < 1e-9);
    assert.equal(quantile(0.99, [{ le: 0.1, count: 0 }, { le: Infinity, count: 0 }]), null);
  });

  it('ranks operations by total time and by p95, and folds the subgraphs metrics into tables', () => {
    const router = parseMetrics([
      'router_operation_duration_seconds_bucket{operation="Fast",client="a",outcome="ok",le="0.01"} 100',
      'router_operation_duration_seconds_bucket{operation="Fast",client="a",outcome="ok",le="+Inf"} 100',
      'router_operation_duration_seconds_sum{operation="Fast",client="a",outcome="ok"} 0.5',
      'router_operation_duration_seconds_count{operation="Fast",client="a",outcome="ok"} 100',
      'router_operation_duration_seconds_bucket{operation="Slow",client="a",outcome="ok",le="0.01"} 0',
      'router_operation_duration_seconds_bucket{operation="Slow",client="a",outcome="ok",le="1"} 2',
      'router_operation_duration_seconds_bucket{operation="Slow",client="a",outcome="ok",le="+Inf"} 2',
      'router_operation_duration_seconds_sum{operation="Slow",client="a",outcome="ok"} 1.6',
      'router_operation_duration_seconds_count{operation="Slow",client="a",outcome="ok"} 2',
      'router_operation_errors_total{operation="Slow",client="a",code="FORBIDDEN"} 3',
      'router_operation_errors_total{operation="Fast",client="a",code="RATE_LIMITED"} 0',
      'router_document_cache_total{result="hit"} 9',
      'router_document_cache_total{result="miss"} 1',
      'router_subgraph_fetch_duration_seconds_bucket{subgraph="catalog",outcome="ok",le="0.01"} 18',
      'router_subgraph_fetch_duration_seconds_bucket{subgraph="catalog",outcome="ok",le="1"} 18',
      'router_subgraph_fetch_duration_seconds_bucket{subgraph="catalog",outcome="ok",le="+Inf"} 18',
      'router_subgraph_fetch_duration_seconds_count{subgraph="catalog",outcome="ok"} 18',
      'router_subgraph_fetch_duration_seconds_bucket{subgraph="catalog",outcome="error",le="0.01"} 0',
      'router_subgraph_fetch_duration_seconds_bucket{subgraph="catalog",outcome="error",le="1"} 2',
      'router_subgraph_fetch_duration_seconds_bucket{subgraph="catalog",outcome="error",le="+Inf"} 2',
      'router_subgraph_fetch_duration_seconds_count{subgraph="catalog",outcome="error"} 2',
    ].join('\n'));
    const catalog = parseMetrics([
      'graphql_datafetcher_seconds_count{graphql_field_name="Product.category",graphql_outcome="SUCCESS",error="none"} 10',
      'graphql_datafetcher_seconds_sum{graphql_field_name="Product.category",graphql_outcome="SUCCESS",error="none"} 0.2',
      'graphql_operation_sql_statements_count{operation="Slow"} 2',
      'graphql_operation_sql_statements_sum{operation="Slow"} 6',
      'cache_gets_total{cache="graphql.documents",result="hit"} 3',
      'cache_gets_total{cache="graphql.documents",result="miss"} 1',
      'hikaricp_connections_active{pool="HikariPool-1"} 5',
      'hikaricp_connections_max{pool="HikariPool-1"} 10',
      'hikaricp_connections_pending{pool="HikariPool-1"} 0',
    ].join('\n'));
    const view = opsView({ router, subgraphs: { catalog: { samples: catalog, up: true } }, recent: { Slow: { traceId: 'abc' } } });
    assert.deepEqual(view.hotOperations.map((row) => row.operation), ['Slow', 'Fast']);
    assert.deepEqual(view.slowOperations.map((row) => row.operation), ['Slow', 'Fast']);
    assert.equal(view.slowOperations[0].recentTraceId, 'abc');
    assert.deepEqual(view.hotFields.map((row) => [row.field, row.calls]), [['Product.category', 10]]);
    assert.deepEqual(view.errors, [{ where: 'router', code: 'FORBIDDEN', count: 3 }]);
    assert.deepEqual(view.sqlPerOperation.map((row) => [row.operation, row.statementsPerRequest]), [['Slow', 3]]);
    assert.deepEqual(view.caches.map((row) => [row.subgraph, row.cache, row.hitRate]),
      [['router', 'documents', 0.9], ['catalog', 'graphql.documents', 0.75]]);
    assert.equal(view.pools[0].saturation, 0.5);
    // 20 fetches, 18 within 10 ms: the 19th of the p95 rank falls in the error bucket up to 1 s.
    assert.deepEqual(view.health, [{ subgraph: 'catalog', up: true, notReady: [], fetches: 20, failedFetches: 2, fetchP95Ms: 10 + 990 * (1 / 2) }]);
  });

  it('shows the last minute: counters as increases over the oldest scrape in the window, gauges as they are', () => {
    const window = new ScrapeWindow(60000);
    const first = parseMetrics('a_total{x="1"} 5\ng_active 3');
    assert.equal(window.add(first, 0), null);
    assert.equal(window.add(parseMetrics('a_total{x="1"} 7'), 30000), first);
    const later = parseMetrics('a_total{x="1"} 12\ng_active 4');
    const oldest = window.add(later, 70000);
    assert.deepEqual(increase(later, oldest).map((s) => s.value), [5, 4]);
  });

  it('lets only a key or token with the scope ops:read in, in production', async () => {
    const apiKeys = { verify: (key) => ({ ops: { scopes: ['ops:read'] }, orders: { scopes: ['orders:read'] } })[key] ?? null };
    const unavailable = Object.assign(new Error('keys'), { extensions: { http: { status: 503 } } });
    const verifyToken = async (token) => {
      if (token === 'keys.down.now') {
        throw unavailable;
      }
      return ({ 'ops.token.x': { scope: 'ops:read' }, 'client.token.x': { scope: 'orders:read' } })[token]
        ?? Promise.reject(new Error('bad token'));
    };
    const authorize = opsAuthorizer({ apiKeys, verifyToken });
    const request = (headers) => ({ headers: new Headers(headers) });
    assert.equal(await authorize(request({ 'x-api-key': 'ops' })), null);
    assert.equal((await authorize(request({ 'x-api-key': 'orders' }))).code, 'FORBIDDEN');
    assert.equal((await authorize(request({ 'x-api-key': 'nope' }))).code, 'UNAUTHENTICATED');
    assert.equal((await authorize(request({}))).code, 'UNAUTHENTICATED');
    assert.equal((await authorize(request({ authorization: 'Bearer a.b.c' }))).code, 'UNAUTHENTICATED');
    assert.equal(await authorize(request({ authorization: 'Bearer ops.token.x' })), null);
    assert.equal((await authorize(request({ authorization: 'Bearer client.token.x' }))).code, 'FORBIDDEN');
    assert.deepEqual(await authorize(request({ authorization: 'Bearer keys.down.now' })),
      { status: 503, code: 'SERVICE_UNAVAILABLE', key: 'auth.keysUnavailable' });
    const withoutJwt = opsAuthorizer({ apiKeys });
    assert.equal((await withoutJwt(request({ authorization: 'Bearer ops.token.x' }))).code, 'UNAUTHENTICATED');
  });
});

describe('router metrics in production', () => {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'router-metrics-')), 'jwt.pem');
  const sign = createSigner(keyFile);
  let fakes;
  let gateway;

  before(async () => {
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({
      GATEWAY_MODE: 'production',
      ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET,
      ...fakes.env,
      JWT_PUBLIC_KEY_FILE: keyFile,
      CLIENT_NAMES: 'web-shop, ios-app',
    });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  const metrics = (headers = {}) => fetch(`${gateway.url}/metrics`, { headers });

  it('serves the Prometheus text only to a token or key with the scope ops:read, like the operator page', async () => {
    const anonymous = await metrics();
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    const refusal = await anonymous.json();
    assert.deepEqual(codes(refusal), ['UNAUTHENTICATED']);
    assert.equal(refusal.errors[0].extensions.requestId, anonymous.headers.get('x-request-id'));
    const client = await metrics({ authorization: `Bearer ${sign({ sub: '7', scope: 'orders:read' })}` });
    assert.equal(client.status, 403);
    assert.deepEqual(codes(await client.json()), ['FORBIDDEN']);
    const german = await metrics({ 'accept-language': 'de' });
    assert.match((await german.json()).errors[0].message, /brauchen ein Token/);
    const forged = await metrics({ authorization: 'Bearer a.b.c' });
    assert.equal(forged.status, 401);
    assert.equal(forged.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
    const operator = await metrics({ authorization: `Bearer ${sign({ sub: 'prometheus', scope: 'ops:read' })}` });
    assert.equal(operator.status, 200);
    assert.match(await operator.text(), /^# (HELP|TYPE) router_/m);
  });

  it('takes every token at the operator endpoints that the GraphQL endpoint takes, by the router\'s own check', async () => {
    const now = Math.floor(Date.now() / 1000);
    // RS384, and a token expired 10 s ago: within the clock skew the router allows (JWT_CLOCK_SKEW_SECONDS, 30 s).
    const tokens = [sign({ sub: 'prometheus', scope: 'ops:read' }, { alg: 'RS384' }),
      sign({ sub: 'prometheus', scope: 'ops:read', iat: now - 300, exp: now - 10 })];
    for (const token of tokens) {
      // Named as a listed client, so that the labels the next test counts stay its own.
      const graphql = await post(gateway.url, { query: '{ __typename }' },
        { authorization: `Bearer ${token}`, 'graphql-client-name': 'web-shop' });
      assert.notEqual(graphql.status, 401, 'the GraphQL endpoint takes the token');
      assert.equal((await metrics({ authorization: `Bearer ${token}` })).status, 200);
      const page = await fetch(`${gateway.url}/ops/data`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(page.status, 200);
    }
    const expired = sign({ sub: 'prometheus', scope: 'ops:read', iat: now - 300, exp: now - 60 });
    assert.equal((await metrics({ authorization: `Bearer ${expired}` })).status, 401);
  });

  it('labels a request by a trusted name only when it is that trusted document', async () => {
    const text = (name) => readFileSync(resolve(gatewayDir, 'operations', `${name}.graphql`), 'utf8');
    const client = { 'graphql-client-name': 'ios-app' };
    const productPage = sha256(text('ProductPage'));
    const sent = [
      // another document, named as a trusted operation: refused, and not counted as that operation
      [{ query: '{ __typename }', operationName: 'ProductPage' }, 400],
      [{ query: 'query ProductPage { __typename }' }, 400],
      [{ query: `${text('ProductPage')}\n# edited`, operationName: 'ProductPage' }, 400],
      // a trusted document with a trusted name it does not define
      [{ documentId: productPage, operationName: 'UserOrders' }, 400],
      // a name no trusted document has
      [{ documentId: 'f'.repeat(64), operationName: 'NoSuchOperation' }, 400],
      // the trusted document, by id, by Apollo's hash and by its text: counted as itself
      [{ documentId: productPage, operationName: 'ProductPage', variables: { first: 1 } }, 200],
      [{ extensions: { persistedQuery: { version: 1, sha256Hash: productPage } } }, 200],
      [{ query: text('ProductPage') }, 200],
    ];
    for (const [body, status] of sent) {
      assert.equal((await post(gateway.url, body, client)).status, status, JSON.stringify(body));
    }
    // by id in the URL, without operationName (it was `anonymous`)
    const get = await fetch(`${gateway.url}/graphql?documentId=${productPage}`, { headers: { ...client, 'x-graphql-csrf': '1' } });
    assert.equal(get.status, 200);
    const operator = { authorization: `Bearer ${sign({ sub: 'prometheus', scope: 'ops:read' })}` };
    const scraped = await (await metrics(operator)).text();
    const counted = [...scraped.matchAll(/^router_operation_duration_seconds_count\{operation="([^"]*)",client="ios-app",outcome="([^"]*)"\} (\d+)/gm)]
      .map(([, operation, outcome, count]) => `${operation} ${outcome} ${count}`).sort();
    assert.deepEqual(counted, ['ProductPage ok 4', 'other error 5']);
    // the operator page reads the same labels
    const data = await (await fetch(`${gateway.url}/ops/data`, { headers: operator })).json();
    const rows = Object.fromEntries(data.hotOperations.map((row) => [row.operation, row.requests]));
    assert.equal(rows.ProductPage, 4);
    assert.equal(rows.other, 5);
  });

  it('labels by name only the clients CLIENT_NAMES lists', async () => {
    const productPage = readFileSync(resolve(gatewayDir, 'operations', 'ProductPage.graphql'), 'utf8');
    for (const client of ['web-shop', 'scraper-1', 'scraper-2']) {
      const { status } = await post(gateway.url, { documentId: sha256(productPage), variables: { first: 5 } },
        { 'graphql-client-name': client });
      assert.equal(status, 200);
    }
    const text = await (await metrics({ authorization: `Bearer ${sign({ sub: 'prometheus', scope: 'ops:read' })}` })).text();
    const clients = new Set([...text.matchAll(/^router_operation_duration_seconds_count\{[^}]*client="([^"]*)"/gm)]
      .map((match) => match[1]));
    // ios-app: the listed client of the test above
    assert.deepEqual([...clients].sort(), ['ios-app', 'other', 'web-shop']);
  });
});

describe('router metrics with ROUTER_METRICS=all', () => {
  let fakes;
  let gateway;

  before(async () => {
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({ GATEWAY_MODE: 'dev', ROUTER_METRICS: 'all', ...fakes.env });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  it('adds Hive Gateway\'s metrics to the router\'s own', async () => {
    assert.equal((await post(gateway.url, { query: 'query Everything { categories { id } }' })).status, 200);
    const names = new Set((await scrape(gateway.url)).map((s) => s.name));
    for (const name of ['router_operation_duration_seconds_count', 'router_subgraph_fetch_duration_seconds_count',
      'graphql_gateway_fetch_duration_count', 'graphql_yoga_http_duration_count', 'graphql_envelop_phase_parse_count']) {
      assert.ok(names.has(name), name);
    }
  });

  it('labels Hive Gateway\'s metrics by nothing a client chooses: no URL, no error path, no dev operation name', async () => {
    const secret = `secret${Date.now()}`;
    for (let i = 0; i < 3; i++) {
      const query = encodeURIComponent(`query Chosen${i}($skip: Boolean!) { categories @skip(if: $skip) { id } }`);
      const variables = encodeURIComponent(JSON.stringify({ skip: i === 0 }));
      const response = await fetch(`${gateway.url}/graphql?query=${query}&variables=${variables}&extra=${secret}${i}`,
        { headers: { 'graphql-client-name': `client${i}`, 'x-graphql-csrf': '1' } });
      assert.equal(response.status, 200);
    }
    assert.equal((await post(gateway.url, { query: 'query Misspelled { categorie { id } }' })).status, 400);
    const hive = (await scrape(gateway.url)).filter((s) => !s.name.startsWith('router_'));
    assert.ok(hive.some((s) => s.name === 'graphql_yoga_http_duration_count' && s.labels.method === 'GET'));
    for (const { name, labels } of hive) {
      assert.deepEqual(Object.keys(labels).filter((label) => ['url', 'path', 'operationName'].includes(label)), [], name);
      assert.ok(!Object.values(labels).some((value) => value.includes(secret) || value.includes('Chosen')), name);
    }
  });
});

async function scrape(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const [, name, labels = '', value] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    return { name, labels: Object.fromEntries([...labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]])), value: Number(value) };
  });
}

function sum(samples, name, labels) {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}
