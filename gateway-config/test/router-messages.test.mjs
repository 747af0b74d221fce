// The router's own messages: every bundle translates every key with the same placeholders, every key
// the router's code uses is in the bundles, the language follows Accept-Language (q-values, English
// otherwise), and the real router answers in it, before GraphQL processing and after execution.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post, send } from './support/http.mjs';
import { bundles, message, negotiateLanguage } from '../router/messages.mjs';

const KEY = /['"]((?:auth|internal|limits|operator|rateLimit|request|trusted|upstream)\.[A-Za-z]+)['"]/g;
const placeholders = (template) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('router message bundles', () => {
  const english = bundles.en;

  it('has an English and a German bundle', () => {
    assert.deepEqual(Object.keys(bundles).sort(), ['de', 'en']);
  });

  for (const [language, bundle] of Object.entries(bundles)) {
    it(`translates every key into ${language}, with the same placeholders`, () => {
      const keys = new Set([...Object.keys(english), ...Object.keys(bundle)]);
      for (const key of keys) {
        assert.ok(typeof bundle[key] === 'string' && bundle[key].trim(), `${language} lacks ${key}`);
        assert.ok(typeof english[key] === 'string', `en lacks ${key}`);
        assert.deepEqual(placeholders(bundle[key]), placeholders(english[key]), `${language} ${key}`);
      }
    });
  }

  it('holds every key the router code uses, and no key it does not use', () => {
    const sources = [
      ...readdirSync(resolve(gatewayDir, 'router')).filter((file) => file.endsWith('.mjs')).map((file) => join('router', file)),
      'gateway.config.ts',
    ].map((file) => readFileSync(resolve(gatewayDir, file), 'utf8')).join('\n');
    const used = new Set([...sources.matchAll(KEY)].map((match) => match[1]));
    assert.deepEqual([...used].filter((key) => !(key in english)), [], 'keys without a message');
    assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), [], 'messages nobody uses');
  });

  it('picks the language by Accept-Language q-values, English when none is supported', () => {
    const cases = [
      [undefined, 'en'], ['', 'en'], ['de', 'de'], ['DE-ch', 'de'], ['fr, de;q=0.5', 'de'], ['en;q=0.4, de;q=0.8', 'de'],
      ['de;q=0.4, en;q=0.8', 'en'], ['de;q=0', 'en'], ['fr', 'en'], ['*', 'en'], ['de;q=2', 'en'], ['de;q=x', 'en'],
      ['en-US,en;q=0.9,de;q=0.8', 'en'], ['1234, de', 'de'], [`${'fr;q=0.9,'.repeat(30)}de`, 'en'],
    ];
    for (const [header, language] of cases) {
      assert.equal(negotiateLanguage(header), language, String(header));
    }
  });

  it('fills in placeholders and falls back to English for a language without a bundle', () => {
    assert.equal(message('de', 'limits.aliases', { count: 16, max: 15 }), 'Die Operation hat 16 Aliase; höchstens 15 sind erlaubt');
    assert.equal(message('fr', 'limits.aliases', { count: 16, max: 15 }), 'Operation has 16 aliases; at most 15 are allowed');
  });
});

describe('router messages through the real router', () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-messages-'));
  const keyFile = join(dir, 'jwt.pem');
  const sign = createSigner(keyFile);
  const german = { 'accept-language': 'fr-CH, de;q=0.8, en;q=0.5' };
  let fakes;
  let dev;
  let production;

  before(async () => {
    fakes = await startFakeSubgraphs();
    const env = { USERS_URL: fakes.urls.users, CATALOG_URL: fakes.urls.catalog, JWT_PUBLIC_KEY_FILE: keyFile };
    // The orders subgraph is down, for SERVICE_UNAVAILABLE.
    dev = await startGateway({ ...env, GATEWAY_MODE: 'dev', ORDERS_URL: 'http://127.0.0.1:9/graphql' });
    production = await startGateway({ ...env, GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, ORDERS_URL: fakes.urls.orders, MAX_BODY_BYTES: '1000' });
  });

  after(async () => {
    await dev?.stop();
    await production?.stop();
    await fakes?.close();
  });

  const expectMessage = (response, key, params) => {
    assert.equal(response.json.errors[0].message, message('de', key, params), response.text);
    assert.notEqual(message('de', key, params), message('en', key, params));
  };

  it('answers refusals before GraphQL processing in German', async () => {
    expectMessage(await post(dev.url, '{"query": "{', german), 'request.malformedJson');
    expectMessage(await post(dev.url, {}, german), 'request.documentRequired');
    expectMessage(await send(dev.url, { contentType: 'application/xml', body: '<a/>', headers: german }), 'request.unsupportedMediaType');
    expectMessage(await post(production.url, { query: 'x'.repeat(2000) }, german), 'request.bodyTooLarge', { max: 1000 });
    expectMessage(await post(dev.url, { query: '['.repeat(200) }, german), 'limits.nesting', { max: 100 });
    const csrf = await send(production.url, { contentType: 'text/plain', body: '{}', headers: german });
    expectMessage(csrf, 'request.csrfHeaderRequired');
  });

  it('answers token and authorization refusals in German', async () => {
    expectMessage(await post(dev.url, { query: '{ categories { id } }' }, { ...german, authorization: 'Bearer nope' }), 'auth.tokenInvalid');
    expectMessage(await post(dev.url, { query: '{ categories { id } }' }, { ...german, authorization: 'Basic dTE6cHc=' }), 'auth.bearerRequired');
    expectMessage(await post(dev.url, { query: '{ categories { id } }' }, { ...german, 'x-api-key': 'sgk_nope' }), 'auth.apiKeyInvalid');
    const anonymous = await post(dev.url, { query: '{ me { id } }' }, german);
    assert.deepEqual(codes(anonymous.json), ['UNAUTHENTICATED']);
    expectMessage(anonymous, 'auth.required');
    const forbidden = await post(dev.url, { query: 'mutation { createProduct(input: {sku: "s", name: "n", price: {amount: "1", currency: "EUR"}, categoryId: "1", weightGrams: 1}) { product { id } } }' },
      { ...german, authorization: `Bearer ${sign({ sub: 'u1' })}` });
    expectMessage(forbidden, 'auth.forbidden');
  });

  it('answers limit, trusted document and upstream errors in German', async () => {
    expectMessage(await post(production.url, { query: '{ categories { id } }' }, german), 'trusted.only');
    expectMessage(await post(production.url, { documentId: 'nope' }, german), 'trusted.notInList');
    const down = await post(dev.url, { query: '{ order(id: "1") { id } }' }, { ...german, authorization: `Bearer ${sign({ sub: 'u1' })}` });
    assert.deepEqual(codes(down.json), ['SERVICE_UNAVAILABLE']);
    expectMessage(down, 'upstream.unavailable', { service: 'orders' });
  });

  it('answers in English without Accept-Language and for languages without a bundle', async () => {
    for (const headers of [{}, { 'accept-language': 'fr' }, { 'accept-language': 'de;q=0, fr' }]) {
      const { json } = await post(dev.url, {}, headers);
      assert.equal(json.errors[0].message, message('en', 'request.documentRequired'), JSON.stringify(headers));
    }
  });

  it('tells the subgraphs the language it chose for the client, not the header the client sent', async () => {
    const cases = [
      [german, 'de'],
      [{ 'accept-language': 'fr' }, 'en'],
      // over Tomcat's 8 KB header limit: the subgraphs would refuse the request as malformed
      [{ 'accept-language': `${'fr;q=0.5, '.repeat(1000)}de` }, 'en'],
      [{}, 'en'], // Node's fetch sends `*`
    ];
    for (const [headers, forwarded] of cases) {
      const { json } = await post(dev.url, { query: '{ categories { id } }' }, headers);
      assert.equal(json.errors, undefined, JSON.stringify(json));
      const upstream = fakes.requests.findLast((request) => request.path === '/catalog');
      assert.equal(upstream.headers['accept-language'], forwarded, JSON.stringify(headers).slice(0, 80));
    }
  });
});
