// The operator endpoints of a production router (/ops, its data and assets, /metrics) as a caller
// without the right credentials sees them: every kind of missing, insufficient, revoked, malformed or
// ambiguous credential gets its documented 401 or 403 in the GraphQL error shape, never the page or
// its data (docs/observability.md "The operator page"; docs/security.md "API keys").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';
import { newApiKey } from '../router/api-keys.mjs';
import { sha256 } from '../router/plugins.mjs';

const ENDPOINTS = ['/ops', '/ops/data', '/ops/ops.js', '/ops/index.html', '/metrics', '/metrics?x=1', '/ops/../metrics'];
// What only a served page or Prometheus text holds.
const SERVED = /router_operation|<html|hotOperations|function/i;

describe('the operator endpoints of a production router refuse every unfit credential', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ops-credentials-'));
  const keyFile = join(directory, 'api-keys.json');
  const sign = createSigner(join(directory, 'jwt.pem'));
  const operatorKey = newApiKey('prometheus', ['ops:read']);
  const clientKey = newApiKey('reporting', ['orders:read']);
  const revokedKey = newApiKey('leaked', ['ops:read']);
  revokedKey.record.revoked = new Date().toISOString();
  writeFileSync(keyFile, JSON.stringify({ keys: [operatorKey.record, clientKey.record, revokedKey.record] }));
  const operatorToken = sign({ sub: 'prometheus', scope: 'ops:read' });
  const clientToken = sign({ sub: '7', scope: 'orders:read' });
  let fakes;
  let gateway;

  before(async () => {
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({ GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, ...fakes.env,
      JWT_PUBLIC_KEY_FILE: join(directory, 'jwt.pem'), API_KEYS_FILE: keyFile });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  async function refusals(headers, status, code) {
    for (const path of ENDPOINTS) {
      const response = await fetch(`${gateway.url}${path}`, { headers });
      const body = await response.text();
      const what = `${path} ${JSON.stringify(Object.keys(headers))}: ${response.status} ${body.slice(0, 200)}`;
      assert.equal(response.status, status, what);
      assert.doesNotMatch(body, SERVED, what);
      const json = JSON.parse(body);
      assert.deepEqual(codes(json), [code], what);
      assert.equal(json.errors[0].extensions.requestId, response.headers.get('x-request-id'), what);
      if (status === 401) {
        assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/, what);
      }
    }
  }

  it('serves the operator\'s key and token alone', async () => {
    for (const headers of [{ 'x-api-key': operatorKey.key }, { authorization: `Bearer ${operatorToken}` }]) {
      for (const path of ENDPOINTS) {
        assert.equal((await fetch(`${gateway.url}${path}`, { headers })).status, 200, path);
      }
    }
  });

  it('asks for credentials without any, and with a revoked, unknown or malformed one (401 UNAUTHENTICATED)', async () => {
    await refusals({}, 401, 'UNAUTHENTICATED');
    await refusals({ 'x-api-key': revokedKey.key }, 401, 'UNAUTHENTICATED');
    await refusals({ 'x-api-key': 'sgk_000000000000_nothing' }, 401, 'UNAUTHENTICATED');
    for (const authorization of ['Bearer', 'Bearer ', 'Basic Zm9vOmJhcg==', 'Bearer a b', 'Bearer a.b.c', `Bearer ${'x'.repeat(9000)}`,
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"scope":"ops:read"}').toString('base64url')}.`]) {
      await refusals({ authorization }, 401, 'UNAUTHENTICATED');
    }
  });

  it('refuses a key or token without ops:read (403 FORBIDDEN)', async () => {
    await refusals({ 'x-api-key': clientKey.key }, 403, 'FORBIDDEN');
    await refusals({ authorization: `Bearer ${clientToken}` }, 403, 'FORBIDDEN');
  });

  it('refuses a key together with any Authorization header, as the GraphQL endpoint does (401)', async () => {
    // The GraphQL endpoint's answer to the same credentials (a trusted document, as production takes no other).
    const productPage = sha256(readFileSync(resolve(gatewayDir, 'operations', 'ProductPage.graphql'), 'utf8'));
    const graphql = await post(gateway.url, { documentId: productPage, variables: { first: 1 } },
      { 'x-api-key': operatorKey.key, authorization: `Bearer ${operatorToken}` });
    assert.equal(graphql.status, 401);
    const message = graphql.json.errors[0].message;
    for (const [key, authorization] of [[operatorKey.key, `Bearer ${clientToken}`], [clientKey.key, `Bearer ${operatorToken}`],
      [operatorKey.key, `Bearer ${operatorToken}`], [operatorKey.key, 'Basic Zm9vOmJhcg=='], [revokedKey.key, `Bearer ${operatorToken}`]]) {
      await refusals({ 'x-api-key': key, authorization }, 401, 'UNAUTHENTICATED');
      const response = await fetch(`${gateway.url}/ops/data`, { headers: { 'x-api-key': key, authorization } });
      assert.equal((await response.json()).errors[0].message, message, 'the GraphQL endpoint\'s reason');
    }
  });
});
