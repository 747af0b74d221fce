// The two corrections around the Rust planner's runtime (router/fetch-failures.mjs,
// router/null-propagation.mjs), on the shapes the runtime hands them. That a real router answers as
// the JavaScript planner does is router-subgraph-failures.test.mjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, GraphQLError, parse } from 'graphql';
import { withFetchFailuresPositioned } from '../router/fetch-failures.mjs';
import { propagateNulls } from '../router/null-propagation.mjs';

const schema = buildSchema(`
  type Query { order(id: ID!): Order  orders: [Order]! }
  type Order { id: ID!  note: String  items: [Item!]! }
  type Item { quantity: Int!  product: Product! }
  type Product { id: ID!  sku: String! }
`);
const request = (query) => ({ document: parse(query), variables: {} });
// graphql-js answers objects without a prototype.
const plain = (value) => JSON.parse(JSON.stringify(value));
const unavailable = (path) => new GraphQLError('catalog down', { path, extensions: { code: 'SERVICE_UNAVAILABLE' } });

describe('null propagation over the Rust planner\'s answer', () => {
  const query = '{ orders { id note items { quantity product { id sku } } } }';

  it('leaves an answer without errors as it is', () => {
    const result = { data: { orders: [] } };
    assert.equal(propagateNulls(result, request(query), schema), result);
  });

  it('nulls the nearest nullable parent, with one error per nulled value at the null\'s list indices', () => {
    const item = { quantity: 1, product: null };
    const result = {
      data: { orders: [{ id: '1', note: null, items: [item, item] }, { id: '2', note: 'x', items: [{ quantity: 1, product: { id: '9', sku: 'S' } }] }] },
      // as the runtime files a failed entity fetch: under the fetch's path, without list indices
      errors: [unavailable(['orders', 'items', 'product'])],
    };
    const { data, errors } = propagateNulls(result, request(query), schema);
    assert.deepEqual(plain(data), { orders: [null, { id: '2', note: 'x', items: [{ quantity: 1, product: { id: '9', sku: 'S' } }] }] });
    assert.deepEqual(errors.map((error) => [error.path, error.extensions.code]),
      [[['orders', 0, 'items', 0, 'product'], 'SERVICE_UNAVAILABLE']]);
  });

  it('keeps one error per nulled value, and the errors outside it', () => {
    const result = {
      data: { orders: [{ id: '1', note: null, items: [{ quantity: 1, product: null }, { quantity: 2, product: null }] }, { id: '2', note: null, items: [] }] },
      errors: [unavailable(['orders', 0, 'items', 0, 'product', 'sku']), unavailable(['orders', 0, 'items', 1, 'product', 'sku']),
        unavailable(['orders', 1, 'note'])],
    };
    const { data, errors } = propagateNulls(result, request(query), schema);
    assert.deepEqual(plain(data), { orders: [null, { id: '2', note: null, items: [] }] });
    assert.deepEqual(errors.map((error) => error.path), [['orders', 0, 'items', 0, 'product', 'sku'], ['orders', 1, 'note']]);
  });

  it('nulls `data` for a non-null root field, and reports a null that no error explains as graphql-js does', () => {
    const { data, errors } = propagateNulls({ data: { orders: [{ id: null, note: null, items: [] }] }, errors: [unavailable(['order'])] },
      request('{ orders { id } }'), schema);
    assert.deepEqual(plain(data), { orders: [null] });
    assert.deepEqual(errors.map((error) => [error.path, error.message]),
      [[['order'], 'catalog down'], [['orders', 0, 'id'], 'Cannot return null for non-nullable field Order.id.']]);
    assert.equal(propagateNulls({ errors: [unavailable(['orders'])] }, request('{ orders { id } }'), schema).data, null);
  });

  it('reports no null of its own where a failed field\'s null took the value away with it', () => {
    const refused = new GraphQLError('first must be between 0 and 100.', { path: ['b'], extensions: { code: 'BAD_USER_INPUT' } });
    // a subgraph that nulled its whole answer for the failed non-null `b`, `a` with it
    const root = propagateNulls({ data: null, errors: [refused] }, request('{ a: orders { id } b: orders { id } }'), schema);
    assert.equal(root.data, null);
    assert.deepEqual(root.errors.map((error) => [error.path, error.extensions?.code]), [[['b'], 'BAD_USER_INPUT']]);

    const nested = new GraphQLError('refused', { path: ['order', 'b'], extensions: { code: 'BAD_USER_INPUT' } });
    const order = propagateNulls({ data: { order: { a: null, b: null } }, errors: [nested] },
      request('{ order(id: "1") { a: items { quantity } b: items { quantity } } }'), schema);
    assert.deepEqual(plain(order.data), { order: null });
    assert.deepEqual(order.errors.map((error) => error.path), [['order', 'b']]);
  });
});

describe('a failed fetch of the Rust planner\'s plan', () => {
  const entities = {
    document: parse('query($representations: [_Any!]!) { _entities(representations: $representations) { __typename ...P } } '
      + 'fragment P on Product { sku name }'),
    variables: { representations: [{ __typename: 'Product', id: '1' }, { __typename: 'Product', id: '2' }] },
  };

  it('answers a rejection with an error at the first field of each entity', async () => {
    const execute = withFetchFailuresPositioned(() => Promise.reject(new GraphQLError('late', { extensions: { code: 'GATEWAY_TIMEOUT' } })));
    const { data, errors } = await execute('catalog', entities);
    assert.equal(data, null);
    assert.deepEqual(errors.map((error) => [error.path, error.extensions.code]),
      [[['_entities', 0, 'sku'], 'GATEWAY_TIMEOUT'], [['_entities', 1, 'sku'], 'GATEWAY_TIMEOUT']]);
  });

  it('answers an error without a path at each root field, and names the subgraph of a plain exception', async () => {
    const execute = withFetchFailuresPositioned(() => { throw new TypeError('broken'); });
    const { errors } = await execute('users', request('{ me { id } other: user(id: "1") { id } }'));
    assert.deepEqual(errors.map((error) => [error.path, error.message, error.extensions.serviceName]),
      [[['me'], 'broken', 'users'], [['other'], 'broken', 'users']]);
  });

  it('passes answers with data, and errors that have a path, through as they are', async () => {
    const partial = { data: { _entities: [null] }, errors: [unavailable(['_entities', 0, 'sku'])] };
    assert.equal(await withFetchFailuresPositioned(async () => partial)('catalog', entities), partial);
    const answered = { data: { me: { id: '1' } } };
    assert.equal(withFetchFailuresPositioned(() => answered)('users', request('{ me { id } }')), answered);
  });
});
