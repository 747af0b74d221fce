// The supergraph loads in Apollo Gateway too: the composed one is refused because it links the
// authorization features for SECURITY, the derived supergraph.apollo-gateway.graphql (written by
// `npm run compose`, scripts/lib/apollo-gateway.mjs) loads, serves the same API schema, and plans
// and executes a query across the subgraphs (schema-backed stand-ins over loopback HTTP).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { APOLLO_GATEWAY_SUPERGRAPH, apolloGatewaySupergraph, securityLinks } from '../scripts/lib/apollo-gateway.mjs';
import { gatewayDir } from './support/gateway.mjs';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';

const supergraph = readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8');
const derived = readFileSync(resolve(gatewayDir, APOLLO_GATEWAY_SUPERGRAPH), 'utf8');

async function load(supergraphSdl, urls = {}) {
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url }),
  });
  return { gateway, ...(await gateway.load()) };
}

function api(schema) {
  return printSchema(lexicographicSortSchema(schema));
}

describe('Apollo Gateway', () => {
  let subgraphs;
  before(async () => {
    subgraphs = await startSchemaSubgraphs();
  });
  after(() => subgraphs?.close());

  it('refuses the composed supergraph for its SECURITY links it does not support (@requiresScopes, @authenticated)', async () => {
    assert.deepEqual(securityLinks(supergraph), [
      'https://specs.apollo.dev/inaccessible/v0.2',
      'https://specs.apollo.dev/requiresScopes/v0.1',
      'https://specs.apollo.dev/authenticated/v0.1',
    ]);
    await assert.rejects(load(supergraph), (error) => {
      assert.deepEqual(error.causes.map((cause) => [cause.extensions.code, cause.message.split('\n')[0]]), [
        ['UNSUPPORTED_LINKED_FEATURE', 'feature https://specs.apollo.dev/requiresScopes/v0.1 is for: SECURITY but is unsupported'],
        ['UNSUPPORTED_LINKED_FEATURE', 'feature https://specs.apollo.dev/authenticated/v0.1 is for: SECURITY but is unsupported'],
      ]);
      return true;
    });
  });

  it('loads the derived supergraph, which is the committed one, with the same API schema', async () => {
    assert.equal(derived, apolloGatewaySupergraph(supergraph), 'run `npm run compose`');
    assert.deepEqual(securityLinks(derived), ['https://specs.apollo.dev/inaccessible/v0.2'], 'the one it enforces keeps its purpose');
    // The authorization directives stay in the supergraph as metadata.
    assert.match(derived, /@authenticated/);
    assert.match(derived, /@requiresScopes\(scopes: \[\["catalog:write"\]\]\)/);
    const { gateway, schema } = await load(derived);
    try {
      const hive = buildSchema(readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
      assert.ok(schema.getQueryType().getFields().product);
      assert.ok(schema.getMutationType().getFields().placeOrder);
      assert.equal(schema.getDirective('authenticated'), undefined, 'the API schema has no authorization directives');
      assert.ok(hive.getDirective('authenticated'), 'the supergraph itself declares them');
      assert.equal(api(schema), api((await load(derived)).schema));
    } finally {
      await gateway.stop();
    }
  });

  it('plans and executes a query across the three subgraphs', async () => {
    const { gateway, schema, executor } = await load(derived, subgraphs.urls);
    try {
      const source = 'query UserOrders($id: ID!) { user(id: $id) { name orders(first: 2) { edges { node { id '
        + 'items { quantity product { sku name category { name } shippingEstimate { amount } } } } } } } }';
      const document = parse(source);
      const result = await executor({
        request: { query: source, variables: { id: '1' }, http: { headers: new Map() } },
        document,
        source,
        operationName: 'UserOrders',
        operation: document.definitions[0],
        schema,
        metrics: {},
        overallCachePolicy: {},
        cache: new Map(),
        context: {},
        logger: console,
      });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      const item = result.data.user.orders.edges[0].node.items[0];
      assert.equal(typeof item.product.sku, 'string');
      assert.equal(typeof item.product.category.name, 'string');
      assert.notEqual(item.product.shippingEstimate.amount, undefined);
    } finally {
      await gateway.stop();
    }
  });
});
