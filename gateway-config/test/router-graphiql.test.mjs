// The dev router's GraphiQL page: a tab per reference operation and an Authorization header whose
// dev token the router accepts, when the router trusts the dev key pair; never a token it would
// refuse; no GraphiQL at all in production.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';

const operationsDir = resolve(gatewayDir, 'operations');
const operationTexts = readdirSync(operationsDir).map((file) => readFileSync(resolve(operationsDir, file), 'utf8'));

/** The options GraphQL Yoga's GraphiQL page renders with: `renderYogaGraphiQL(root, <options>)`. */
async function graphiqlPage(url, path = '/graphql', accept = 'text/html') {
  const response = await fetch(`${url}${path}`, { headers: { accept } });
  const html = await response.text();
  const options = /renderYogaGraphiQL\(root,(\{.*\})\)\}\)<\/script>/s.exec(html);
  return { status: response.status, html, options: options ? JSON.parse(options[1]) : null };
}

describe('router GraphiQL', () => {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'router-graphiql-')), 'jwt.pem');
  let fakes;
  let devKeyRouter;
  let otherKeyRouter;
  let production;

  before(async () => {
    createSigner(keyFile);
    fakes = await startFakeSubgraphs();
    const { env } = fakes;
    // No JWT_PUBLIC_KEY_FILE: dev mode verifies with the repository's dev key pair, as run-supergraph does.
    devKeyRouter = await startGateway({ ...env, GATEWAY_MODE: 'dev' });
    otherKeyRouter = await startGateway({ ...env, GATEWAY_MODE: 'dev', JWT_PUBLIC_KEY_FILE: keyFile });
    production = await startGateway({ ...env, GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, JWT_PUBLIC_KEY_FILE: keyFile });
  });

  after(async () => {
    await Promise.all([devKeyRouter?.stop(), otherKeyRouter?.stop(), production?.stop()]);
    await fakes?.close();
  });

  it('opens with a tab per reference operation, ProductPage first, each with variables', async () => {
    const { status, options } = await graphiqlPage(devKeyRouter.url);
    assert.equal(status, 200);
    const tabs = options.defaultTabs;
    assert.deepEqual(tabs.map((tab) => tab.query).sort(), [...operationTexts].sort());
    assert.match(tabs[0].query, /^query ProductPage\b/);
    assert.equal(options.defaultQuery, tabs[0].query);
    for (const tab of tabs) {
      assert.equal(typeof JSON.parse(tab.variables), 'object', tab.query);
    }
  });

  it("carries an Authorization header with a dev token that the router accepts, in every tab", async () => {
    const { options } = await graphiqlPage(devKeyRouter.url);
    const { Authorization: authorization } = JSON.parse(options.headers);
    assert.match(authorization, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    assert.ok(options.defaultTabs.every((tab) => JSON.parse(tab.headers).Authorization === authorization));
    const { status, json } = await post(devKeyRouter.url, { query: '{ me { id name } }' }, { authorization });
    assert.equal(status, 200);
    assert.deepEqual(json, { data: { me: { id: 'u1', name: 'Ada' } } });
    const upstream = fakes.requests.findLast((request) => request.path === '/users');
    assert.equal(upstream.body.extensions.jwt.payload.sub, '7');
  });

  it('mints no token when the router verifies tokens with another key', async () => {
    const { options } = await graphiqlPage(otherKeyRouter.url);
    assert.equal(options.defaultTabs.length, operationTexts.length);
    assert.deepEqual(JSON.parse(options.headers), {});
    assert.ok(options.defaultTabs.every((tab) => !tab.headers.includes('Bearer')));
  });

  // GraphQL Yoga rendered the page for any URL ending with the endpoint, where JSON got 404; and at the
  // endpoint with a trailing slash, which names nothing (router/path-methods.mjs).
  it('serves the page at the GraphQL path only', async () => {
    for (const path of ['/graphql', '/graphql?tab=1']) {
      const { status, options } = await graphiqlPage(devKeyRouter.url, path);
      assert.equal(status, 200, path);
      assert.equal(options.defaultTabs.length, operationTexts.length, path);
    }
    for (const path of ['/graphql/', '/any/graphql', '/graphql/graphql', '/any/graphql/', '/nope?x=/graphql']) {
      const { status, html, options } = await graphiqlPage(devKeyRouter.url, path);
      assert.equal(status, 404, path);
      assert.equal(options, null, path);
      assert.deepEqual(codes(JSON.parse(html)), ['NOT_FOUND'], path);
    }
  });

  // GraphQL Yoga served the page to any Accept containing "text/html", q=0 too, and ignored the weights of the rest;
  // it looked for that text in lower case only (media types are case-insensitive: TEXT/HTML was 406).
  it('serves the page only to an Accept that prefers HTML, weighed as the router weighs every Accept', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const accept of ['text/html', browser, 'application/json;q=0.5, text/html', 'text/html ; Q=0.9, application/json;q=0.1',
      'text/html, application/json', 'TEXT/HTML', 'Text/Html, Application/JSON;q=0.5', browser.toUpperCase()]) {
      const { status, options } = await graphiqlPage(devKeyRouter.url, '/graphql', accept);
      assert.equal(status, 200, accept);
      assert.equal(options?.defaultTabs.length, operationTexts.length, accept);
    }
    // An Accept that takes no HTML, or prefers an answer of the router: the GraphQL request it is, in the format
    // it prefers (none here: the request has no document), or 406 if it takes none.
    for (const [accept, status, reason] of [['text/html;q=0', 406, 'NOT_ACCEPTABLE'], ['text/html;q=0.000', 406, 'NOT_ACCEPTABLE'],
      ['text/html;q=0, application/json', 400, 'DOCUMENT_REQUIRED'], ['application/json, text/html;q=0.5', 400, 'DOCUMENT_REQUIRED'],
      ['text/html;q=0.5, application/json', 400, 'DOCUMENT_REQUIRED'], ['application/json, text/html', 400, 'DOCUMENT_REQUIRED'],
      ['text/html; charset=iso-8859-1, application/json;q=0.5', 400, 'DOCUMENT_REQUIRED'],
      ['text/html-sandboxed, application/json', 400, 'DOCUMENT_REQUIRED'], ['*/*;q=0.5, text/html;q=0', 400, 'DOCUMENT_REQUIRED'],
      ['TEXT/HTML;Q=0', 406, 'NOT_ACCEPTABLE'], ['APPLICATION/JSON, TEXT/HTML', 400, 'DOCUMENT_REQUIRED']]) {
      const { status: answered, html, options } = await graphiqlPage(devKeyRouter.url, '/graphql', accept);
      assert.equal(options, null, accept);
      assert.equal(answered, status, `${accept}: ${html}`);
      assert.equal(JSON.parse(html).errors[0].extensions.reason, reason, accept);
    }
  });

  it('serves no GraphiQL in production', async () => {
    const { html, options } = await graphiqlPage(production.url);
    assert.equal(options, null);
    assert.doesNotMatch(html, /<html|Bearer|ProductPage/i);
  });
});
