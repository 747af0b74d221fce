// A subgraph that fails, every way one fails, behind both query planners: the GraphQL specification's
// answer, the same from both. The failed fields are null up to their nearest nullable parent, never a
// null in a non-null position; each null carries one error with the full path, list indices included,
// at the first field the failed fetch was to answer; the other subgraphs' data stays.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';
import { FAILURES, startFailingSubgraph } from './support/failing-subgraph.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';
import { post } from './support/http.mjs';
import { createSigner } from './support/tokens.mjs';
import { urlVariable } from '../router/subgraphs.mjs';

const operation = (name) => readFileSync(resolve(gatewayDir, 'operations', `${name}.graphql`), 'utf8');
const PLANNERS = ['rust', 'javascript'];
const TIMEOUT_MS = 300;

// What a failure of the subgraph is reported as: the router's SERVICE_UNAVAILABLE naming it, or the
// subgraph's own error when it answered one.
function failureOf(subgraph, kind) {
  return kind === 'GraphQL error'
    ? { message: 'The database is unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: subgraph } }
    : { message: `The ${subgraph} service is unavailable`, extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: subgraph } };
}

describe('a subgraph that fails', () => {
  let subgraphs;
  const failing = {};
  const routers = {};
  const keys = mkdtempSync(join(tmpdir(), 'router-failures-'));
  let authorization;

  before(async () => {
    authorization = `Bearer ${createSigner(join(keys, 'jwt.pem'))({ sub: '1', scope: 'orders:read' })}`;
    subgraphs = await startSchemaSubgraphs();
    for (const name of ['catalog', 'users']) {
      failing[name] = await startFailingSubgraph(subgraphs.urls[name]);
    }
    const env = {
      GATEWAY_MODE: 'dev',
      JWT_PUBLIC_KEY_FILE: join(keys, 'jwt.pem'),
      ...Object.fromEntries(Object.entries(subgraphs.urls).map(([name, url]) => [urlVariable(name), url])),
      CATALOG_URL: failing.catalog.url,
      USERS_URL: failing.users.url,
      CATALOG_TIMEOUT_MS: String(TIMEOUT_MS),
      USERS_TIMEOUT_MS: String(TIMEOUT_MS),
    };
    await Promise.all(PLANNERS.map(async (planner) => {
      routers[planner] = await startGateway({ ...env, ROUTER_QUERY_PLANNER: planner });
    }));
  });

  after(async () => {
    await Promise.all(Object.values(routers).map((router) => router.stop()));
    await Promise.all(Object.values(failing).map((subgraph) => subgraph.close()));
    await subgraphs?.close();
  });

  /** The answer of each planner's router, without the request ids. */
  async function answers(body) {
    const all = {};
    for (const planner of PLANNERS) {
      const { status, json } = await post(routers[planner].url, body, { authorization });
      assert.equal(status, 200, `${planner}: ${JSON.stringify(json)}`);
      json.errors?.forEach((error) => delete error.extensions.requestId);
      all[planner] = json;
    }
    return all;
  }

  function assertBoth(all, expected) {
    for (const planner of PLANNERS) {
      assert.deepEqual(all[planner], expected, planner);
    }
  }

  for (const kind of Object.keys(FAILURES)) {
    describe(kind, () => {
      before(() => failing.catalog.fail(kind));
      after(() => failing.catalog.fail(null));

      it('nulls the order edges whose non-null products failed, one error each at the full path', async () => {
        const all = await answers({ query: operation('UserOrders'), variables: { userId: '1', first: 2 } });
        const productSku = (edge) => ({ ...failureOf('catalog', kind),
          path: ['user', 'orders', 'edges', edge, 'node', 'items', 0, 'product', 'sku'] });
        assertBoth(all, {
          errors: [productSku(0), productSku(1)],
          data: { user: { id: '1', name: 'text', orders: { edges: [null, null], pageInfo: { hasNextPage: true, endCursor: 'text' } } } },
        });
      });

      it('nulls a failed nullable root field and keeps its siblings from other subgraphs', async () => {
        const all = await answers({ query: '{ productBySku(sku: "SKU-1") { id sku } user(id: "1") { id name } }' });
        assertBoth(all, {
          errors: [{ ...failureOf('catalog', kind), path: ['productBySku'] }],
          data: { productBySku: null, user: { id: '1', name: 'text' } },
        });
      });

      it('nulls the whole data for a failed non-null root field', async () => {
        const all = await answers({ query: '{ categories { id } }' });
        assertBoth(all, { errors: [{ ...failureOf('catalog', kind), path: ['categories'] }], data: null });
      });
    });
  }

  for (const kind of ['refused', 'timeout']) {
    it(`${kind} users: an order whose non-null buyer failed is null, with the buyer's path`, async () => {
      await failing.users.fail(kind);
      try {
        const all = await answers({ query: operation('OrderDetail'), variables: { id: '1' } });
        assertBoth(all, {
          errors: [{ ...failureOf('users', kind), path: ['order', 'buyer', 'name'] }],
          data: { order: null },
        });
      } finally {
        await failing.users.fail(null);
      }
    });
  }

  it('answers in full again once the subgraph is back', async () => {
    const all = await answers({ query: operation('UserOrders'), variables: { userId: '1', first: 2 } });
    assert.deepEqual(all.rust, all.javascript);
    assert.equal(all.rust.errors, undefined);
    assert.equal(all.rust.data.user.orders.edges[1].node.items[0].product.sku, 'text');
  });
});
