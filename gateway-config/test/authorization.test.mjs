// The router's authorization plugins (router/authorization.mjs) in Envelop with graphql-js executing:
// request shapes beyond the directive placement contract (contract-directives.test.mjs): fragments,
// lists, @skip/@include with variables, a denied field inside a denied one, every field denied, a
// denied non-null field's null propagating at every depth, and the copies of a document handed on to the planner.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema, parse, print } from 'graphql';
import * as graphql from 'graphql';
import { envelop, useEngine, useSchema } from '@envelop/core';
import { authorizationPlugins, guardsOf } from '../router/authorization.mjs';
import { useEmptySelections } from '../router/empty-selection.mjs';

const schema = buildSchema(`
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  type Query {
    me: User @authenticated
    users: [User!]!
    search: [Result]
    open: String
    account: Account
    team: Team
  }
  type Mutation { wipe: Boolean @requiresScopes(scopes: [["admin"]]) place: Receipt! @authenticated }
  type User { id: ID! name: String email: String @authenticated orders: [Order!] @requiresScopes(scopes: [["orders:read"]]) }
  type Order { id: ID! total: Int @requiresScopes(scopes: [["finance"]]) }
  type Product { id: ID! cost: Int @requiresScopes(scopes: [["finance"]]) price: Int! @requiresScopes(scopes: [["finance"]]) }
  type Account { id: ID! balance: Int! @requiresScopes(scopes: [["finance"]]) }
  type Team { name: String members: [Member!] }
  type Member { id: ID! salary: Int! @requiresScopes(scopes: [["finance"]]) }
  type Receipt { id: ID! }
  union Result = User | Product
`);
const rootValue = {
  me: { id: 'u1', name: 'Ann', email: 'ann@example.com', orders: [{ id: 'o1', total: 5 }] },
  users: [{ id: 'u1', name: 'Ann', email: 'a@example.com' }, { id: 'u2', name: 'Bob', email: 'b@example.com' }],
  search: [{ __typename: 'User', id: 'u1', email: 'a@example.com' }, { __typename: 'Product', id: 'p1', cost: 3, price: 4 }],
  open: 'hello',
  account: { id: 'a1', balance: 10 },
  team: { name: 'Core', members: [{ id: 'm1', salary: 1 }, { id: 'm2', salary: 2 }] },
  wipe: true,
  place: { id: 'r1' },
};
const typeResolver = (value) => value.__typename;

// What the executor was handed, per request.
const executed = [];
const recordExecute = { onExecute: ({ args }) => { executed.push(args.document); } };
const { decide } = authorizationPlugins(null);
const getEnveloped = envelop({ plugins: [useEngine(graphql), useSchema(schema), decide, recordExecute, useEmptySelections()] });

async function run(query, { scopes = null, variables, operationName } = {}) {
  const jwt = scopes === null ? undefined : { payload: { sub: 'u1', scope: scopes.join(' ') } };
  const { execute, contextFactory, schema: enveloped } = getEnveloped({ request: { headers: new Headers() }, jwt });
  const document = typeof query === 'string' ? parse(query) : query;
  const result = await execute({
    schema: enveloped, document, rootValue, contextValue: await contextFactory(), variableValues: variables, operationName, typeResolver,
  });
  return {
    data: JSON.parse(JSON.stringify(result.data)),
    denied: (result.errors ?? []).map((error) => `${error.path.join('.')} ${error.extensions.code}`),
  };
}

describe('router authorization', () => {
  it('reports a denied field inside a fragment at each place it is spread, and nulls it there', async () => {
    const { data, denied } = await run('{ me { ...Contact } users { ...Contact } } fragment Contact on User { name email }');
    assert.deepEqual(denied, ['me UNAUTHENTICATED', 'users.@.email UNAUTHENTICATED']);
    assert.deepEqual(data, { me: null, users: [{ name: 'Ann', email: null }, { name: 'Bob', email: null }] });
  });

  it('does not report the fields inside a denied one', async () => {
    const { data, denied } = await run('{ me { orders { total } } }', { scopes: ['other'] });
    assert.deepEqual(denied, ['me.orders FORBIDDEN']);
    assert.deepEqual(data, { me: { orders: null } });
  });

  it('checks the fields of a union member selected through an inline fragment', async () => {
    const { data, denied } = await run('{ search { ... on User { id email } ... on Product { id cost } } }', { scopes: ['x'] });
    assert.deepEqual(denied, ['search.@.cost FORBIDDEN']);
    assert.deepEqual(data.search[1], { id: 'p1', cost: null });
    assert.equal(data.search[0].email, 'a@example.com');
  });

  it('leaves out a field that @skip or @include leaves out, with the variables and their defaults', async () => {
    const query = 'query ($hide: Boolean = true, $show: Boolean!) { open me @skip(if: $hide) { id } users { email @include(if: $show) } }';
    assert.deepEqual((await run(query, { variables: { show: false } })).denied, []);
    assert.deepEqual((await run(query, { variables: { hide: false, show: false } })).denied, ['me UNAUTHENTICATED']);
    assert.deepEqual((await run(query, { variables: { show: true } })).denied, ['users.@.email UNAUTHENTICATED']);
  });

  it('answers an operation whose every field is denied with nulls, without executing it', async () => {
    const before = executed.length;
    const { data, denied } = await run('mutation { wipe }', { scopes: ['orders:read'] });
    assert.deepEqual(data, { wipe: null });
    assert.deepEqual(denied, ['wipe FORBIDDEN']);
    assert.equal(executed.length, before + 1, 'recorded, then stopped before execution');
  });

  it('nulls the nearest nullable parent of a denied non-null field, at every depth, with one error per denied field', async () => {
    const cases = [
      // at the root: `data` itself, one error per denied field even where execution stops at the first
      ['mutation { place { id } }', null, ['place UNAUTHENTICATED']],
      ['mutation { a: place { id } b: place { id } }', null, ['a UNAUTHENTICATED', 'b UNAUTHENTICATED']],
      // inside a nullable object: that object
      ['{ open account { id balance } }', { open: 'hello', account: null }, ['account.balance UNAUTHENTICATED']],
      // a selection the denial empties: its field answers an object only to lose it to the null
      ['{ open account { balance } }', { open: 'hello', account: null }, ['account.balance UNAUTHENTICATED']],
      // inside a nullable list of non-null items: the list
      ['{ team { name members { id salary } } }', { team: { name: 'Core', members: null } }, ['team.members.@.salary UNAUTHENTICATED']],
      // inside a union member in a list of nullable items: that item, known by its type alone
      ['{ search { ... on User { id } ... on Product { id price } } }', { search: [{ id: 'u1' }, null] }, ['search.@.price UNAUTHENTICATED']],
      // … also where the denial empties the union's selection
      ['{ search { ... on Product { price } } }', { search: [{}, null] }, ['search.@.price UNAUTHENTICATED']],
      // non-null all the way up ([User!]!): `data`, the nullable denial beside it still reported
      ['{ open users { id email ... on User { orders { id } } } }', { open: 'hello', users: [{ id: 'u1', email: null, orders: null }, { id: 'u2', email: null, orders: null }] },
        ['users.@.email UNAUTHENTICATED', 'users.@.orders UNAUTHENTICATED']],
    ];
    for (const [query, expected, errors] of cases) {
      const { data, denied } = await run(query);
      assert.deepEqual(data, expected, query);
      assert.deepEqual(denied, errors, query);
    }
    const { data, denied } = await run('{ open account { id balance } }', { scopes: ['finance'] });
    assert.deepEqual(data, { open: 'hello', account: { id: 'a1', balance: 10 } }, 'allowed: answered in full');
    assert.deepEqual(denied, []);
  });

  it('hands on the parsed document when nothing is denied, and one copy per set of denials', async () => {
    const document = parse('{ open me { id email orders { id } } }');
    await run(document, { scopes: ['orders:read'] });
    assert.equal(executed.at(-1), document, 'nothing denied: the document as parsed');
    await run(document);
    const anonymous = executed.at(-1);
    await run(document);
    assert.equal(executed.at(-1), anonymous, 'the same denials: the same copy');
    assert.equal(print(anonymous), print(parse('{ open }')));
    await run(document, { scopes: ['other'] });
    assert.notEqual(executed.at(-1), anonymous);
    assert.equal(print(executed.at(-1)), print(parse('{ open me { id email } }')));
  });

  it('removes a fragment that a denial leaves empty, with its spreads', async () => {
    const { data, denied } = await run('{ open me { ...Orders } } fragment Orders on User { orders { id } }', { scopes: ['other'] });
    // `me` stays, selecting nothing, so that it is answered as it is: an object, or null for no user.
    assert.equal(print(executed.at(-1)), print(parse('{ open me { __typename @skip(if: true) } }')));
    assert.deepEqual(denied, ['me.orders FORBIDDEN']);
    assert.deepEqual(data, { open: 'hello', me: { orders: null } }, 'a field left empty answers its denied fields as null');
  });

  it('takes a fragment spread twice into one selection once, as execution does', () => {
    // Each fragment spreads the next twice: expanded at every spread, 2^30 walks.
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const document = parse(`{ ...F0 } ${fragments.join(' ')} fragment F30 on Query { me { id } }`);
    assert.deepEqual(guardsOf(document, undefined, schema).map(({ path }) => path.join('.')), ['me']);
  });

  it('works out the guards once per document and operation', () => {
    const document = parse('query A { me { id } } query B { open }');
    assert.equal(guardsOf(document, 'A', schema), guardsOf(document, 'A', schema));
    assert.deepEqual(guardsOf(document, 'A', schema).map(({ path }) => path.join('.')), ['me']);
    assert.deepEqual(guardsOf(document, 'B', schema), []);
    const everyOperation = ['me'];
    assert.deepEqual(guardsOf(document, 'C', schema).map(({ path }) => path.join('.')), everyOperation,
      'a name that picks no operation: every operation is checked');
    assert.deepEqual(guardsOf(document, undefined, schema).map(({ path }) => path.join('.')), everyOperation);
  });
});
