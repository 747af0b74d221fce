// The real router moves a field by a feature flag: a supergraph composed here from two tiny subgraphs,
// where `inventory` takes Product.inStock over from `catalog` with
// @override(from: "catalog", label: "inventory-stock"). The router's progressiveOverride hook
// (gateway.config.ts) evaluates the label as a flag of FLAGS_FILE for the request's caller, so the
// field comes from inventory (true) or catalog (false) per caller, and follows an edit of the file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSchema, execute, parse } from 'graphql';
import { startGateway } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { post } from './support/http.mjs';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])';
const SUBGRAPHS = {
  catalog: {
    sdl: `${FEDERATION}
      type Query { product(id: ID!): Product }
      type Product @key(fields: "id") { id: ID! name: String! inStock: Boolean! }`,
    schema: buildSchema('type Query { product(id: ID!): Product } type Product { id: ID! name: String! inStock: Boolean! }'),
    root: { product: ({ id }) => ({ id, name: 'Lamp', inStock: false }) },
  },
  inventory: {
    sdl: `${FEDERATION}
      type Product @key(fields: "id") { id: ID! inStock: Boolean! @override(from: "catalog", label: "inventory-stock") }`,
    schema: buildSchema('scalar _Any union _Entity = Product type Query { _entities(representations: [_Any!]!): [_Entity]! } type Product { id: ID! inStock: Boolean! }'),
    root: { _entities: ({ representations }) => representations.map(({ id }) => ({ __typename: 'Product', id, inStock: true })) },
  },
};
const QUERY = '{ product(id: "1") { name inStock } }';

function flagsFor(rules) {
  return JSON.stringify({ flags: { 'inventory-stock': { enabled: true, default: false, rules } } });
}

describe('progressive override driven by a feature flag at the real router', () => {
  const directory = mkdtempSync(join(tmpdir(), 'router-override-'));
  const flagsFile = join(directory, 'flags.json');
  const publicKeyFile = join(directory, 'jwt.pem');
  const asked = [];
  let server;
  let gateway;
  let sign;

  before(async () => {
    sign = createSigner(publicKeyFile);
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', async () => {
        const name = req.url.slice(1);
        const { query, variables } = JSON.parse(body);
        asked.push(name);
        const result = await execute({ schema: SUBGRAPHS[name].schema, document: parse(query), variableValues: variables,
          rootValue: SUBGRAPHS[name].root, typeResolver: (value) => value.__typename });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    const composed = composeServices(Object.entries(SUBGRAPHS)
      .map(([name, { sdl }]) => ({ name, typeDefs: parse(sdl), url: `${base}/${name}` })));
    assert.deepEqual(composed.errors ?? [], []);
    const supergraph = join(directory, 'supergraph.graphql');
    writeFileSync(supergraph, composed.supergraphSdl);
    writeFileSync(flagsFile, flagsFor([{ value: true, userIds: ['u-beta'] }, { value: true, clients: ['web'] }]));
    gateway = await startGateway({ GATEWAY_MODE: 'dev', CATALOG_URL: `${base}/catalog`, INVENTORY_URL: `${base}/inventory`,
      JWT_PUBLIC_KEY_FILE: publicKeyFile,
      FLAGS_FILE: flagsFile }, { supergraph });
  });

  after(async () => {
    await gateway?.stop();
    await new Promise((resolve) => server?.close(resolve) ?? resolve());
  });

  async function inStock(headers) {
    asked.length = 0;
    const { json } = await post(gateway.url, { query: QUERY }, headers);
    assert.equal(json.data?.product?.name, 'Lamp', JSON.stringify(json));
    return { inStock: json.data.product.inStock, asked: [...asked].sort() };
  }

  it('leaves the field with catalog for a caller the flag does not select', async () => {
    assert.deepEqual(await inStock({ authorization: `Bearer ${sign({ sub: 'u-other' })}` }), { inStock: false, asked: ['catalog'] });
    assert.deepEqual(await inStock({}), { inStock: false, asked: ['catalog'] });
  });

  it('moves the field to inventory for the flag\'s users and clients', async () => {
    assert.deepEqual(await inStock({ authorization: `Bearer ${sign({ sub: 'u-beta' })}` }), { inStock: true, asked: ['catalog', 'inventory'] });
    assert.deepEqual(await inStock({ 'graphql-client-name': 'web' }), { inStock: true, asked: ['catalog', 'inventory'] });
  });

  it('follows an edit of the flags file without a restart', async () => {
    const temporary = `${flagsFile}.tmp`;
    writeFileSync(temporary, flagsFor([{ value: true, scopes: ['internal'] }]));
    renameSync(temporary, flagsFile);
    const beta = { authorization: `Bearer ${sign({ sub: 'u-beta' })}` };
    const deadline = Date.now() + 1500;
    while ((await inStock(beta)).inStock && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await inStock(beta), { inStock: false, asked: ['catalog'] });
    assert.deepEqual(await inStock({ authorization: `Bearer ${sign({ sub: 'u-other', scope: 'internal' })}` }),
      { inStock: true, asked: ['catalog', 'inventory'] });
    assert.match(gateway.output(), /feature flag audit: inventory-stock: .*"userIds":\["u-beta"\].* -> .*"scopes":\["internal"\]/);
  });
});
