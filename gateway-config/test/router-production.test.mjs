// The router in production mode: trusted documents only (by hash or identical text), no GraphiQL or
// introspection, depth/alias/body/cost limits, CSRF prevention, no batching, and a JWT key required.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';
import { sha256 } from '../router/plugins.mjs';
import { PRODUCTION_LIMIT_DEFAULTS } from '../router/settings.mjs';

const operationsDir = resolve(gatewayDir, 'operations');
const productPage = readFileSync(resolve(operationsDir, 'ProductPage.graphql'), 'utf8');
const tooDeep = '{ products { edges { node { category { products { edges { node { category { products { edges { node { id } } } } } } } } } } } }';
const misspelt = '{ categries { id } }';
// Over MAX_TOKENS (1000), within every other limit.
const tooManyTokens = `{ categories { id ${'__typename '.repeat(1000)}} }`;
const tooManyAliases = `{ categories { ${Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ')} } }`;
// Six root fields without aliases, through a fragment: over MAX_ROOT_FIELDS (5), under MAX_ALIASES.
const tooManyRootFields = 'query { ...Roots categories { id } } fragment Roots on Query { me { id } __typename products(first: 1) { edges { cursor } } node: user(id: "1") { id } users(first: 1) { edges { cursor } } }';
// Within the depth limit, but 50 assumed categories x 100 products x 100 products of their category.
const tooCostly = '{ categories { products(first: 100) { edges { node { category { products(first: 100) { edges { node { id } } } } } } } } }';
const LEAKS = /\bat .*\.m?[jt]s|stack|SELECT|did you mean|originalError/i;

describe('router in production mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-prod-'));
  let fakes;
  let gateway;
  let anyText;

  before(async () => {
    createSigner(join(dir, 'jwt.pem'));
    // The committed manifest plus a document over MAX_COST, to show that the cost limit applies to trusted documents
    // too. A trusted document beyond a limit that holds whatever the variables, or one the supergraph does not
    // validate, stops a production router at start (trusted-document-limits.test.mjs, router-supergraph-file.test.mjs).
    const manifest = JSON.parse(readFileSync(resolve(gatewayDir, 'trusted-documents.json'), 'utf8'));
    manifest[sha256(tooCostly)] = tooCostly;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({ ...productionEnv(), CORS_ORIGINS: 'https://app.example.com' });
    // The limits as each request meets them: a production router that takes any text (benchmark only).
    anyText = await startGateway({ ...productionEnv(), BENCH_ROUTER_OFF: 'trustedDocuments' });
  });

  function productionEnv() {
    return {
      GATEWAY_MODE: 'production',
      ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET,
      ...fakes.env,
      JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem'),
      TRUSTED_DOCUMENTS_FILE: join(dir, 'manifest.json'),
    };
  }

  after(async () => {
    await gateway?.stop();
    await anyText?.stop();
    await fakes?.close();
  });

  const expectedPage = { data: { products: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } };

  it('runs a trusted document by its hash', async () => {
    const { json } = await post(gateway.url, { documentId: sha256(productPage), variables: { first: 5 } });
    assert.deepEqual(json, expectedPage);
  });

  it('refuses a trusted document without its required variable with 400 BAD_USER_INPUT', async () => {
    const productBySku = readFileSync(resolve(operationsDir, 'ProductBySku.graphql'), 'utf8');
    for (const variables of [undefined, {}, { sku: null }, { sku: 7 }]) {
      const { status, json } = await post(gateway.url, { documentId: sha256(productBySku), variables });
      assert.deepEqual(codes(json), ['BAD_USER_INPUT'], JSON.stringify(json));
      assert.equal(status, 400, JSON.stringify(variables));
    }
  });

  it("runs a trusted document by Apollo's persisted query extension", async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(productPage) } };
    const { json } = await post(gateway.url, { extensions, variables: { first: 5 } });
    assert.deepEqual(json, expectedPage);
  });

  it('runs the identical text of a trusted document', async () => {
    const { json } = await post(gateway.url, { query: productPage, variables: { first: 5 } });
    assert.deepEqual(json, expectedPage);
  });

  it('refuses any other document and unknown hashes', async () => {
    const arbitrary = await post(gateway.url, { query: '{ categories { id } }' });
    assert.equal(arbitrary.status, 400);
    assert.equal(arbitrary.json.data ?? null, null);
    assert.deepEqual(codes(arbitrary.json), ['BAD_USER_INPUT']);
    assert.equal(arbitrary.json.errors[0].extensions.reason, 'PERSISTED_QUERY_ONLY');
    const unknown = await post(gateway.url, { documentId: sha256('nope') });
    assert.equal(unknown.status, 400);
    assert.deepEqual(codes(unknown.json), ['BAD_USER_INPUT']);
    assert.equal(unknown.json.errors[0].extensions.reason, 'PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('keeps every reference operation within the production limits', async () => {
    for (const file of readdirSync(operationsDir)) {
      const text = readFileSync(resolve(operationsDir, file), 'utf8');
      // No variables are sent, so operations with required variables answer 400; any limit error fails.
      const { status, json } = await post(gateway.url, { documentId: sha256(text), variables: {} });
      assert.ok(status === 200 || status === 400, `${file}: ${status} ${JSON.stringify(json)}`);
      const limitErrors = (json.errors ?? []).filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX'
        || /^PERSISTED_QUERY/.test(e.extensions?.reason));
      assert.deepEqual(limitErrors, [], file);
    }
  });

  it('refuses a document deeper than MAX_DEPTH with 400 QUERY_TOO_COMPLEX', async () => {
    const { status, json } = await post(anyText.url, { query: tooDeep });
    assert.equal(status, 400);
    assert.equal(json.data ?? null, null);
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
    assert.equal(json.errors[0].extensions.reason, 'DEPTH_LIMIT');
    assert.equal(json.errors[0].message, 'The operation is 12 fields deep; at most 10 are allowed');
  });

  it('refuses a document over MAX_TOKENS with 400 QUERY_TOO_COMPLEX', async () => {
    const { status, json } = await post(anyText.url, { query: tooManyTokens });
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
    assert.equal(json.errors[0].extensions.reason, 'TOKEN_LIMIT');
  });

  it('refuses a document with more aliases than MAX_ALIASES', async () => {
    const { status, json } = await post(anyText.url, { query: tooManyAliases });
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
  });

  it('refuses a document with more root fields than MAX_ROOT_FIELDS, before any subgraph request', async () => {
    const before = fakes.requests.length;
    const { status, json } = await post(anyText.url, { query: tooManyRootFields });
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
    assert.match(json.errors[0].message, /6 root fields; at most 5/);
    assert.equal(fakes.requests.length, before);
  });

  it('refuses a trusted document over MAX_COST with 400 QUERY_TOO_COMPLEX before any subgraph request', async () => {
    const before = fakes.requests.length;
    const { status, json, text } = await post(gateway.url, { documentId: sha256(tooCostly) });
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
    assert.equal(json.data ?? null, null);
    assert.ok(json.errors[0].extensions.cost.estimated > PRODUCTION_LIMIT_DEFAULTS.maxCost, text);
    assert.doesNotMatch(text, LEAKS);
    assert.equal(fakes.requests.length, before, 'no subgraph was asked');
    assert.deepEqual((await post(gateway.url, { documentId: sha256(productPage) })).json, expectedPage);
  });

  it('refuses a huge page of a trusted document as QUERY_TOO_COMPLEX before any subgraph request', async () => {
    const before = fakes.requests.length;
    const { status, json, text } = await post(gateway.url, { documentId: sha256(productPage), variables: { first: 100_000 } });
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
    assert.doesNotMatch(text, LEAKS);
    assert.equal(fakes.requests.length, before, 'no subgraph was asked');
  });

  it('estimates a page size under a field the first request left out anew for each request', async () => {
    // The catalog's request keeps @include and the variables: a first request without the pages must not
    // settle the document's estimate for the larger pages of later ones.
    const query = 'query Pages($all: Boolean!, $n: Int) { categories { id products(first: $n) @include(if: $all) '
      + '{ edges { node { category { products(first: $n) { edges { node { id } } } } } } } } }';
    for (const variables of [{ all: false }, { all: true, n: 1 }]) {
      const { json } = await post(anyText.url, { query, variables });
      assert.deepEqual(codes(json).filter((code) => code === 'QUERY_TOO_COMPLEX'), [], JSON.stringify(variables));
    }
    const before = fakes.requests.length;
    const { status, json } = await post(anyText.url, { query, variables: { all: true, n: 100 } });
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
    assert.equal(json.errors[0].extensions.reason, 'COST_LIMIT');
    assert.equal(fakes.requests.length, before, 'no subgraph was asked');
  });

  it('counts the selections of one response key once, as the subgraph runs them, and aliases apart', async () => {
    // Hive Gateway's JavaScript planner passes the catalog `products` twice within one `categories`: counted
    // twice, 50 x (1 + 201 + 201) = 20150 was over MAX_COST, where the catalog runs one page: 50 x (1 + 201).
    const planner = await startGateway({ ...productionEnv(), BENCH_ROUTER_OFF: 'trustedDocuments', ROUTER_QUERY_PLANNER: 'javascript' });
    try {
      const page = (field) => `products(first: 100) { edges { node { ${field} } } }`;
      const asked = fakes.requests.length;
      const twice = await post(planner.url, { query: `{ categories { ${page('id')} } categories { ${page('name')} } }` });
      assert.deepEqual(codes(twice.json).filter((code) => code === 'QUERY_TOO_COMPLEX'), [], JSON.stringify(twice.json));
      assert.ok(fakes.requests.length > asked, 'the catalog was asked');
      const aliased = await post(planner.url, { query: `{ a: categories { ${page('id')} } b: categories { ${page('name')} } }` });
      assert.equal(aliased.status, 400);
      assert.deepEqual(codes(aliased.json), ['QUERY_TOO_COMPLEX']);
    } finally {
      await planner.stop();
    }
  });

  it('refuses introspection and serves no GraphiQL', async () => {
    const { json } = await post(gateway.url, { query: '{ __schema { queryType { name } } }' });
    assert.equal(json.data?.__schema ?? null, null);
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    assert.doesNotMatch(await page.text(), /<html/i);
  });

  it('refuses an oversized body with 413', async () => {
    const { status, json } = await post(gateway.url, { documentId: sha256(productPage), padding: 'x'.repeat(200_000) });
    assert.equal(status, 413);
    assert.deepEqual(codes(json), ['BAD_USER_INPUT']);
    assert.equal(json.errors[0].extensions.reason, 'BODY_TOO_LARGE');
  });

  it('refuses a misspelt field without suggesting the right one', async () => {
    const { json, text } = await post(anyText.url, { query: misspelt });
    assert.match(json.errors[0].message, /categries/);
    assert.doesNotMatch(text, /categories|did you mean/i);
  });

  it('refuses a misspelt input field in variables with BAD_USER_INPUT, without suggesting the right one', async () => {
    const { status, json, text } = await post(gateway.url, { documentId: sha256(productPage), variables: { first: 1, filter: { serch: 'x' } } });
    assert.equal(status, 400);
    assert.deepEqual(codes(json), ['BAD_USER_INPUT']);
    assert.match(json.errors[0].message, /serch/);
    assert.doesNotMatch(text, /did you mean|"search"/i);
  });

  it('refuses batched requests', async () => {
    const body = [{ documentId: sha256(productPage) }, { documentId: sha256(productPage) }];
    const { status, json } = await post(gateway.url, body);
    assert.ok(status >= 400, `status ${status}`);
    assert.equal(json?.data ?? null, null);
    assert.deepEqual(codes(json), ['BAD_USER_INPUT']);
  });

  it('refuses a simple (non-preflighted) request without the CSRF header', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ documentId: sha256(productPage) }),
    });
    assert.equal(response.status, 403);
    const json = await response.json();
    assert.deepEqual(codes(json), ['BAD_USER_INPUT']);
    assert.equal(json.errors[0].extensions.reason, 'CSRF_HEADER_REQUIRED');
    assert.equal(json.errors[0].extensions.http, undefined);
  });

  it('refuses an unsupported content type with 415 and a code', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-graphql-csrf': '1' },
      body: `<query>${productPage}</query>`,
    });
    assert.equal(response.status, 415);
    const json = await response.json();
    assert.deepEqual(codes(json), ['BAD_USER_INPUT']);
    assert.equal(json.errors[0].extensions.reason, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(json.data ?? null, null);
  });

  it('refuses a mutation over GET', async () => {
    const text = readFileSync(resolve(operationsDir, 'CancelOrder.graphql'), 'utf8');
    const response = await fetch(`${gateway.url}/graphql?documentId=${sha256(text)}`, { headers: { 'x-graphql-csrf': '1' } });
    assert.equal(response.status, 405);
  });

  it('answers CORS preflights only for CORS_ORIGINS', async () => {
    const preflight = (origin) => fetch(`${gateway.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    const allowed = await preflight('https://app.example.com');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
    const other = await preflight('https://elsewhere.example.com');
    assert.notEqual(other.headers.get('access-control-allow-origin'), 'https://elsewhere.example.com');
    assert.notEqual(other.headers.get('access-control-allow-origin'), '*');
  });

  it('answers RATE_LIMITED with a retry hint past RATE_LIMIT_MAX per client', async () => {
    const limited = await startGateway({ ...productionEnv(), RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' });
    try {
      const send = () => post(limited.url, { documentId: sha256(productPage) });
      assert.deepEqual((await send()).json, expectedPage);
      assert.deepEqual((await send()).json, expectedPage);
      const { status, headers, json } = await send();
      assert.equal(status, 429);
      // The seconds until this client's window, opened by its first request, ends.
      const retryAfter = Number(headers.get('retry-after'));
      assert.ok(retryAfter > 50 && retryAfter <= 60, headers.get('retry-after'));
      assert.deepEqual(codes(json), ['RATE_LIMITED']);
      assert.equal(json.errors[0].extensions.retryAfterSeconds, retryAfter);
      assert.deepEqual(json.errors[0].path, ['products']);
      assert.equal(json.errors[0].extensions.http, undefined);
    } finally {
      await limited.stop();
    }
  });

  it('gives each anonymous client behind TRUSTED_PROXY_HOPS proxies its own budget, by the address they saw', async () => {
    const limited = await startGateway({ ...productionEnv(), RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000', TRUSTED_PROXY_HOPS: '1' });
    try {
      const send = (forwardedFor) => post(limited.url, { documentId: sha256(productPage) }, { 'x-forwarded-for': forwardedFor });
      assert.equal((await send('203.0.113.1')).status, 200);
      assert.equal((await send('198.51.100.7, 203.0.113.1')).status, 200, 'an entry the client wrote changes nothing');
      assert.equal((await send('198.51.100.8, 203.0.113.1')).status, 429, 'the same client, over its budget');
      assert.equal((await send('203.0.113.2')).status, 200, 'another client behind the proxy');
    } finally {
      await limited.stop();
    }
  });

  it('does not start without a JWT key source', async () => {
    const broken = await startGateway({ GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET }, { expectExit: true });
    // a busy 2-core machine takes a while to load the gateway and its plugins before the check runs
    const exitCode = await Promise.race([broken.exited, new Promise((r) => setTimeout(() => r('running'), 45000))]);
    await broken.stop();
    assert.notEqual(exitCode, 0);
    assert.match(broken.output(), /JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE/);
  });
});

// The cost of an operation is summed over the subgraph requests of its query plan, so these tests run
// whole plans (entity fetches included) against subgraphs that answer from the golden SDL.
describe('router in production mode: cost of the reference operations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-cost-'));
  const sign = createSigner(join(dir, 'jwt.pem'));
  const token = sign({ sub: '7', scope: 'orders:read users:read:email' });
  const variables = {
    CancelOrder: { input: { orderId: '1' } },
    OrderDetail: { id: '1' },
    PlaceOrder: { input: { idempotencyKey: 'cost-test-1', items: [{ productId: '1', quantity: 1 }] } },
    ProductBySku: { sku: 'SKU-00001' },
    ProductShipping: { id: '1' },
    RegisterUser: { input: { name: 'Ada', email: 'ada@example.com' } },
    UserOrders: { userId: '7' },
  };
  let subgraphs;

  before(async () => {
    subgraphs = await startSchemaSubgraphs();
  });

  after(async () => {
    await subgraphs?.close();
  });

  async function withGateway(env, use) {
    const gateway = await startGateway({
      GATEWAY_MODE: 'production',
      ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET,
      USERS_URL: subgraphs.urls.users,
      ORDERS_URL: subgraphs.urls.orders,
      CATALOG_URL: subgraphs.urls.catalog,
      JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem'),
      ...env,
    });
    try {
      await use(gateway);
    } finally {
      await gateway.stop();
    }
  }

  async function runReferenceOperations(gateway, extraVariables) {
    for (const file of readdirSync(operationsDir)) {
      const name = file.replace(/\.graphql$/, '');
      const text = readFileSync(resolve(operationsDir, file), 'utf8');
      const sent = { ...variables[name], ...(text.includes('$first') ? extraVariables : {}) };
      const { status, json } = await post(gateway.url, { documentId: sha256(text), variables: sent }, { authorization: `Bearer ${token}` });
      assert.equal(status, 200, `${name}: ${JSON.stringify(json)}`);
      assert.deepEqual(json.errors ?? [], [], name);
    }
  }

  it('runs every reference operation at the largest page (first: 100) within MAX_COST', async () => {
    await withGateway({}, (gateway) => runReferenceOperations(gateway, { first: 100 }));
  });

  it('runs every reference operation with its default variables within a fifth of MAX_COST', async () => {
    const fifth = String(Math.floor(PRODUCTION_LIMIT_DEFAULTS.maxCost / 5));
    await withGateway({ MAX_COST: fifth }, (gateway) => runReferenceOperations(gateway, {}));
  });

  it('refuses nested lists over MAX_COST across subgraphs with 400 QUERY_TOO_COMPLEX', async () => {
    await withGateway({}, async (gateway) => {
      const text = readFileSync(resolve(operationsDir, 'UserOrders.graphql'), 'utf8');
      // 1000 orders x 50 assumed items: refused at the orders subgraph request
      const { status, json, text: body } = await post(gateway.url, { documentId: sha256(text), variables: { userId: '7', first: 1000 } },
        { authorization: `Bearer ${token}` });
      assert.equal(status, 400);
      assert.deepEqual(codes(json), ['QUERY_TOO_COMPLEX']);
      assert.equal(json.data?.user ?? null, null);
      assert.doesNotMatch(body, LEAKS);
      await runReferenceOperations(gateway, {});
    });
  });
});
