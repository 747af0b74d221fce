// Operations that select no root field once @skip and @include are applied, through the real router and
// its query planner: answered { data: {} } as GraphQL execution answers them, with no subgraph asked;
// the planner, asked to plan nothing, failed (INTERNAL) or answered data: null.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { post } from './support/http.mjs';

const NOTHING_SELECTED = [
  ['a root field skipped', { query: '{ product(id: "1") @skip(if: true) { id } }' }],
  ['a root field not included', { query: '{ categories @include(if: false) { id } }' }],
  ['a root field skipped by a variable', { query: 'query ($s: Boolean!) { product(id: "1") @skip(if: $s) { id } }', variables: { s: true } }],
  ['a root field skipped by a variable\'s default', { query: 'query ($s: Boolean = true) { categories @skip(if: $s) { id } }' }],
  ['every root field skipped, __typename too', { query: '{ categories @skip(if: true) { id } __typename @include(if: false) }' }],
  ['an inline fragment skipped', { query: '{ ... on Query @skip(if: true) { categories { id } } }' }],
  ['a fragment spread not included', { query: '{ ...F @include(if: false) } fragment F on Query { categories { id } }' }],
  ['the fields of a fragment skipped', { query: '{ ...F ...G } fragment F on Query { categories @skip(if: true) { id } ...G } fragment G on Query { me @include(if: false) { id } }' }],
  ['a mutation not included', { query: 'mutation { cancelOrder(input: { orderId: "1" }) @include(if: false) { order { id } } }' }],
];

describe('router: an operation that selects no root field', () => {
  let fakes;
  let gateway;
  let token;

  before(async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'empty-selection-')), 'jwt.pem');
    token = createSigner(keyFile)({ sub: '7', scope: 'orders:read orders:write' });
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({ GATEWAY_MODE: 'dev', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, ...fakes.env, JWT_PUBLIC_KEY_FILE: keyFile });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  for (const [what, body] of NOTHING_SELECTED) {
    it(`answers ${what} with empty data, asking no subgraph`, async () => {
      const asked = fakes.requests.length;
      const response = await post(gateway.url, body, { authorization: `Bearer ${token}` });
      assert.equal(response.status, 200, response.text);
      assert.deepEqual(response.json, { data: {} });
      assert.equal(fakes.requests.length, asked, 'no subgraph is asked');
    });
  }

  it('still plans a root field that a variable keeps', async () => {
    const response = await post(gateway.url, { query: 'query ($s: Boolean!) { categories @skip(if: $s) { id } }', variables: { s: false } });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.json.data, { categories: [{ id: 'c1' }] });
  });

  it('leaves a variable of the wrong type to execution, which refuses it', async () => {
    const response = await post(gateway.url, { query: 'query ($s: Boolean!) { categories @skip(if: $s) { id } }', variables: { s: 'yes' } });
    assert.equal(response.status, 400, response.text);
    assert.equal(response.json.errors?.[0]?.extensions?.reason, 'INVALID_VARIABLES', response.text);
  });
});
