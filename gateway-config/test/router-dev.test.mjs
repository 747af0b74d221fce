// The router in dev mode against fake subgraphs on loopback: routing from the environment, header
// propagation, HMAC signing, JWT and @authenticated/@requiresScopes, timeouts and a subgraph down.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startGateway } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';
import { freshnessStamp } from '../router/freshness.mjs';

describe('router in dev mode', () => {
  let fakes;
  let gateway;
  let sign;
  const publicKeyFile = join(mkdtempSync(join(tmpdir(), 'router-dev-')), 'jwt.pem');

  before(async () => {
    sign = createSigner(publicKeyFile);
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({
      GATEWAY_MODE: 'dev',
      USERS_URL: fakes.urls.users,
      CATALOG_URL: fakes.urls.catalog,
      ORDERS_URL: 'http://127.0.0.1:9/graphql', // nothing listens there: the orders subgraph is down
      USERS_TIMEOUT_MS: '500',
      JWT_PUBLIC_KEY_FILE: publicKeyFile,
      ROUTER_HMAC_SECRET: 'test-only-secret-0123456789abcdef',
    });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  it('serves the health and readiness checks', async () => {
    assert.equal((await fetch(`${gateway.url}/healthcheck`)).status, 200);
    assert.equal((await fetch(`${gateway.url}/readiness`)).status, 200);
  });

  it('routes to the subgraph URL from the environment and forwards token, request id and claims, signed', async () => {
    const token = sign({ sub: 'u1', scope: 'orders:read' });
    const { json } = await post(gateway.url, { query: '{ categories { id name } }' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'req-12345' });
    assert.deepEqual(json, { data: { categories: [{ id: 'c1', name: 'Books' }] } });
    const upstream = fakes.requests.findLast((request) => request.path === '/catalog');
    assert.equal(upstream.headers.authorization, `Bearer ${token}`);
    assert.equal(upstream.headers['x-request-id'], 'req-12345');
    assert.equal(upstream.body.extensions.jwt.payload.sub, 'u1');
    // One signature only, the freshness stamp over the exact body (tested below); no second MAC
    // in the body for the subgraphs to re-serialise and check.
    assert.equal(upstream.body.extensions['hmac-signature'], undefined);
  });

  it('takes the Bearer scheme in any case, and refuses a malformed bearer token with 401', async () => {
    const token = sign({ sub: 'u1', scope: 'orders:read' });
    for (const scheme of ['bearer', 'BEARER']) {
      const { status, json } = await post(gateway.url, { query: '{ categories { id } }' }, { authorization: `${scheme} ${token}` });
      assert.equal(status, 200, scheme);
      assert.equal(json.errors, undefined, scheme);
      assert.equal(fakes.requests.findLast((request) => request.path === '/catalog').body.extensions.jwt.payload.sub, 'u1');
    }
    for (const malformed of [`Bearer ${token} extra`, `Bearer  ${token}`, `Bearer${token}`]) {
      const { status, json } = await post(gateway.url, { query: '{ categories { id } }' }, { authorization: malformed });
      assert.equal(status, 401, malformed);
      assert.deepEqual(codes(json), ['UNAUTHENTICATED']);
    }
  });

  it('stamps every subgraph request with a fresh, single-use MAC over the exact body', async () => {
    await post(gateway.url, { query: '{ categories { id } }' });
    await post(gateway.url, { query: '{ categories { id } }' });
    const [first, second] = fakes.requests.filter((request) => request.path === '/catalog').slice(-2);
    const stamps = [first, second].map((request) => {
      const [, t, n] = /^t=(\d+),n=([A-Za-z0-9_-]+),s=[A-Za-z0-9_-]{43}$/.exec(request.headers['x-router-freshness']);
      assert.equal(request.headers['x-router-freshness'], freshnessStamp('test-only-secret-0123456789abcdef', request.raw, Number(t), n));
      assert.ok(Math.abs(Date.now() - Number(t)) < 10000, 'stamped now');
      return n;
    });
    assert.notEqual(stamps[0], stamps[1], 'a nonce per request');
  });

  it('sends subgraphs a generated request id when the client sent none', async () => {
    await post(gateway.url, { query: '{ categories { id } }' });
    const upstream = fakes.requests.findLast((request) => request.path === '/catalog');
    assert.match(upstream.headers['x-request-id'] ?? '', /^[0-9a-f-]{16,}$/i);
  });

  it('gives a request its own id instead of a client\'s id that is not a safe id, everywhere', async () => {
    const unsafe = ['<img src=x onerror=alert(1)>', 'short', 'two words here', 'x'.repeat(3000), 'ünïcode-id-1'];
    for (const id of unsafe) {
      const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', body: JSON.stringify({ query: '{ categories { id } }' }),
        headers: { 'content-type': 'application/json', 'x-request-id': id } });
      assert.equal(response.status, 200);
      const own = response.headers.get('x-request-id');
      assert.match(own, /^[0-9a-f]{32}$/, id);
      assert.equal(fakes.requests.findLast((request) => request.path === '/catalog').headers['x-request-id'], own);
    }
  });

  it('takes a valid traceparent\'s trace id as the request id, and gives an invalid one\'s request an id of its own', async () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const idFor = async (traceparent) => (await fetch(`${gateway.url}/graphql`, { method: 'POST',
      body: JSON.stringify({ query: '{ categories { id } }' }),
      headers: { 'content-type': 'application/json', traceparent } })).headers.get('x-request-id');
    assert.equal(await idFor(`00-${trace}-00f067aa0ba902b7-01`), trace);
    for (const invalid of [`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, `00-${trace}-0000000000000000-00`,
      `ff-${trace}-00f067aa0ba902b7-01`, `00-${trace}-00f067aa0ba902b7-01-more`]) {
      const own = await idFor(invalid);
      assert.match(own, /^[0-9a-f]{32}$/, invalid);
      assert.ok(!invalid.includes(own), `${invalid}: got ${own}`);
    }
  });

  it('puts the request id into every error the router writes, as the subgraphs do', async () => {
    const graphql = `${gateway.url}/graphql`;
    const json = { 'content-type': 'application/json' };
    const query = JSON.stringify({ query: '{ categories { id } }' });
    const requests = [
      [graphql, { method: 'PUT', body: query, headers: json }, 405],
      [graphql, { method: 'POST', body: query, headers: { 'content-type': 'text/plain', 'x-graphql-csrf': '1' } }, 415],
      [graphql, { method: 'POST', body: '{"query":', headers: json }, 400],
      [graphql, { method: 'POST', body: '[{"query":"{ __typename }"}]', headers: json }, 400],
      [graphql, { method: 'POST', body: JSON.stringify({ query: '{ nope }' }), headers: json }, 400],
      [graphql, { method: 'POST', body: query, headers: { ...json, authorization: 'Bearer a.b.c' } }, 401],
      [graphql, { method: 'POST', body: query, headers: { ...json, accept: 'application/xml' } }, 406],
      [`${gateway.url}/nowhere`, { method: 'GET' }, 404],
      [graphql, { method: 'POST', body: JSON.stringify({ query: '{ me { id } }' }), headers: json }, 200],
      [graphql, { method: 'POST', body: JSON.stringify({ query: '{ me { id } }' }), headers: { ...json, 'x-request-id': 'client-id-12345' } }, 200],
    ];
    for (const [url, init, status] of requests) {
      const response = await fetch(url, init);
      const label = `${init.method} ${init.body ?? url} ${JSON.stringify(init.headers ?? {})}`;
      assert.equal(response.status, status, label);
      const id = response.headers.get('x-request-id');
      assert.ok(id, `${label}: an X-Request-Id header`);
      const { errors } = await response.json();
      assert.ok(errors.length > 0, label);
      for (const error of errors) {
        assert.equal(error.extensions.requestId, id, label);
      }
    }
  });

  it('answers an anonymous @authenticated field with UNAUTHENTICATED without asking the subgraph', async () => {
    const before = fakes.requests.length;
    const { json } = await post(gateway.url, { query: '{ me { id name } }' });
    assert.deepEqual(json.data, { me: null });
    assert.deepEqual(codes(json), ['UNAUTHENTICATED']);
    assert.equal(fakes.requests.length, before);
  });

  it('answers the refused field null with the subgraph\'s code when a subgraph refuses the operation before executing it', async () => {
    const { status, json } = await post(gateway.url, { query: '{ product(id: "refused") { id } }' });
    assert.equal(status, 200);
    // Executed, so `data` is there, with the nullable root field the refused fetch was to answer null.
    assert.deepEqual(json.data, { product: null }, JSON.stringify(json));
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
    assert.deepEqual(json.errors[0].path, ['product']);
  });

  it('lets a valid token through to an @authenticated field', async () => {
    const { json } = await post(gateway.url, { query: '{ me { id name } }' },
      { authorization: `Bearer ${sign({ sub: 'u1' })}` });
    assert.deepEqual(json, { data: { me: { id: 'u1', name: 'Ada' } } });
  });

  it('answers a missing @requiresScopes scope with FORBIDDEN', async () => {
    const query = 'mutation { createProduct(input: {sku: "s", name: "n", price: {amount: "1.00", currency: "EUR"}, categoryId: "c1", weightGrams: 1}) { product { id } } }';
    const { json } = await post(gateway.url, { query }, { authorization: `Bearer ${sign({ sub: 'u1', scope: 'orders:read' })}` });
    assert.deepEqual(codes(json), ['FORBIDDEN']);
  });

  it('refuses a token signed by another key', async () => {
    const forged = createSigner()({ sub: 'u1', scope: 'catalog:write' });
    const { status, headers, json } = await post(gateway.url, { query: '{ categories { id } }' }, { authorization: `Bearer ${forged}` });
    assert.equal(status, 401);
    assert.match(headers.get('www-authenticate'), /^Bearer/);
    assert.equal(json.data ?? null, null);
    assert.deepEqual(codes(json), ['UNAUTHENTICATED']);
  });

  it('refuses an expired token, a value that is not a JWT and another scheme with 401 UNAUTHENTICATED', async () => {
    const expired = sign({ sub: 'u1', exp: Math.floor(Date.now() / 1000) - 60 });
    for (const authorization of [`Bearer ${expired}`, 'Bearer not-a-jwt', 'Basic dTE6cHc=']) {
      const { status, json } = await post(gateway.url, { query: '{ categories { id } }' }, { authorization });
      assert.equal(status, 401, authorization);
      assert.equal(json.data ?? null, null);
      assert.deepEqual(codes(json), ['UNAUTHENTICATED'], authorization);
    }
  });

  it('refuses malformed JSON with BAD_USER_INPUT and without the parser error', async () => {
    const { status, json, text } = await post(gateway.url, '{"query": "{ categories ');
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['BAD_USER_INPUT']);
    assert.doesNotMatch(text, /originalError|SyntaxError|categories/);
  });

  it('reports a subgraph that is down as SERVICE_UNAVAILABLE and still answers the rest', async () => {
    const query = '{ categories { id } order(id: "o1") { id } }';
    const { json } = await post(gateway.url, { query }, { authorization: `Bearer ${sign({ sub: 'u1' })}` });
    assert.deepEqual(json.data?.categories, [{ id: 'c1' }]);
    assert.deepEqual(json.errors.map((e) => [e.extensions.code, e.extensions.serviceName]), [['SERVICE_UNAVAILABLE', 'orders']]);
  });

  it('gives up on a slow subgraph after its own timeout', async () => {
    const started = Date.now();
    const { json } = await post(gateway.url, { query: '{ user(id: "slow") { id } }' });
    assert.deepEqual(codes(json), ['SERVICE_UNAVAILABLE']);
    assert.ok(Date.now() - started < 2500, 'USERS_TIMEOUT_MS=500 should cut the 3 s answer short');
  });

  it('offers GraphiQL and introspection', async () => {
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    assert.match(await page.text(), /<html/i);
    const { json } = await post(gateway.url, { query: '{ __schema { queryType { name } } }' });
    assert.deepEqual(json, { data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
