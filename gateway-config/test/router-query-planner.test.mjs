// Both query planners behind the same router configuration: Hive's Rust planner (the default) and
// Hive Gateway's JavaScript planner (ROUTER_QUERY_PLANNER=javascript) give the same answers, whole
// query plans across the subgraphs and authorization denials included, for every caller.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema, parse, visit } from 'graphql';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { madeUpAnswer, startSchemaSubgraphs } from './support/schema-subgraphs.mjs';
import { generateOperations } from './support/operation-generator.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { plannerRefusal } from '../router/query-planner.mjs';
import { routerSettings } from '../router/settings.mjs';
import { urlVariable } from '../router/subgraphs.mjs';

const planCounter = fileURLToPath(new URL('./support/plan-counter.mjs', import.meta.url));

const operationsDir = resolve(gatewayDir, 'operations');
// Each reference operation with variables for what it declares.
const INPUTS = {
  CancelOrder: { orderId: '1' },
  PlaceOrder: { idempotencyKey: 'planner-test-1', items: [{ productId: '1', quantity: 1 }] },
  RegisterUser: { email: 'ada@example.com', name: 'Ada' },
};
const referenceOperations = readdirSync(operationsDir).sort().map((file) => {
  const name = file.replace('.graphql', '');
  const query = readFileSync(resolve(operationsDir, file), 'utf8');
  const declared = { userId: '1', id: '1', sku: 'SKU-1', first: 2, input: INPUTS[name] };
  return { query, variables: Object.fromEntries(Object.entries(declared).filter(([variable]) => query.includes(`$${variable}:`))) };
});
// Every field denied: nothing is left for a planner to plan.
const allDenied = 'mutation { createProduct(input: {sku: "s", name: "n", price: {amount: "1.00", currency: "EUR"}, categoryId: "c1", weightGrams: 1}) { product { id } } }';
// Part denied: the rest is planned and answered.
const partDenied = '{ me { id name } categories { id name } }';

describe('query planners', () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-planner-'));
  let subgraphs;
  let routers;
  let sign;

  before(async () => {
    sign = createSigner(join(dir, 'jwt.pem'));
    subgraphs = await startSchemaSubgraphs({ record: true });
    const env = (planner) => ({
      GATEWAY_MODE: 'dev',
      ...Object.fromEntries(Object.entries(subgraphs.urls).map(([name, url]) => [urlVariable(name), url])),
      JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem'),
      ...(planner ? { ROUTER_QUERY_PLANNER: planner } : {}),
    });
    routers = await Promise.all([
      // The Rust planner's router reports every plan it makes (support/plan-counter.mjs).
      // Named, so that ROUTER_QUERY_PLANNER=javascript npm test keeps one router of each here.
      startGateway({ ...env('rust'), NODE_OPTIONS: `--import ${planCounter}` }),
      startGateway(env('javascript')),
    ]);
  });

  after(async () => {
    await Promise.all((routers ?? []).map((router) => router.stop()));
    await subgraphs?.close();
  });

  // One request id for both, so that the errors' requestId compares equal too.
  let sent = 0;
  const both = (body, headers) => {
    const id = { 'x-request-id': `same-request-${(sent += 1)}` };
    return Promise.all(routers.map((router) => post(router.url, body, { ...id, ...headers })));
  };
  // What the Rust planner's router has reported so far (support/plan-counter.mjs).
  const plansMade = () => Number(routers[0].output().match(/query plans made: (\d+)/g)?.at(-1).split(': ')[1] ?? 0);

  it('plans with the Rust planner unless told otherwise, and refuses an unknown planner', () => {
    assert.equal(routerSettings({}).queryPlanner, 'rust');
    assert.equal(routerSettings({ ROUTER_QUERY_PLANNER: 'javascript' }).queryPlanner, 'javascript');
    assert.throws(() => routerSettings({ ROUTER_QUERY_PLANNER: 'apollo' }), /ROUTER_QUERY_PLANNER must be 'rust' or 'javascript'/);
  });

  it('answers every reference operation the same, for a caller with every scope and for an anonymous one', async () => {
    const token = sign({ sub: '1', scope: 'orders:read orders:write catalog:write inventory:read' });
    for (const { query, variables } of referenceOperations) {
      for (const headers of [{ authorization: `Bearer ${token}` }, {}]) {
        const [rust, javascript] = await both({ query, variables }, headers);
        assert.equal(rust.status, javascript.status, query);
        assert.deepEqual(rust.json, javascript.json, query);
        if (headers.authorization) {
          assert.ok(rust.json.data, `${query}: ${rust.text}`);
          assert.equal(rust.json.errors, undefined, `${query}: ${rust.text}`);
        } else if (query.startsWith('mutation')) {
          // every reference mutation is @authenticated and non-null: its null takes `data` away
          assert.equal(rust.json.data, null, `${query}: ${rust.text}`);
          assert.deepEqual(codes(rust.json), ['UNAUTHENTICATED'], query);
        }
      }
    }
  });

  it('plans an operation once, whatever its variables and whoever asks', async () => {
    const { query } = referenceOperations.find((operation) => operation.query.startsWith('query UserOrders'));
    await post(routers[0].url, { query, variables: { userId: '1' } });
    const planned = plansMade();
    assert.ok(planned > 0);
    for (const [userId, first, scope] of [['2', 1, 'orders:read'], ['3', 5, ''], ['4', 10, 'catalog:write']]) {
      const { json } = await post(routers[0].url, { query, variables: { userId, first } },
        { authorization: `Bearer ${sign({ sub: userId, scope })}` });
      assert.equal(json.errors, undefined);
      assert.equal(json.data.user.orders.edges.length, 2);
    }
    assert.equal(plansMade(), planned);
  });

  it('answers an operation whose every field is denied with null and FORBIDDEN, not planning it', async () => {
    const token = sign({ sub: '1', scope: 'orders:read' });
    const before = subgraphs.received.length;
    for (const { status, json } of await both({ query: allDenied }, { authorization: `Bearer ${token}` })) {
      assert.equal(status, 200);
      // createProduct is non-null: its null nulls `data` itself
      assert.equal(json.data, null);
      assert.deepEqual(codes(json), ['FORBIDDEN']);
    }
    assert.equal(subgraphs.received.length, before);
  });

  it('plans a partly denied operation once per set of denied fields, and answers each caller as its own', async () => {
    const query = '{ me { id } product(id: "1") { id stockQuantity } }';
    const callers = {
      anonymous: {},
      withoutInventory: { authorization: `Bearer ${sign({ sub: '1', scope: 'orders:read' })}` },
      withInventory: { authorization: `Bearer ${sign({ sub: '1', scope: 'inventory:read' })}` },
    };
    const expect = (caller, json) => {
      const { data } = json;
      assert.equal(data.product.id, '1', caller);
      if (caller === 'anonymous') {
        assert.equal(data.me, null);
        assert.equal(data.product.stockQuantity, null);
        assert.deepEqual(codes(json), ['UNAUTHENTICATED', 'UNAUTHENTICATED']);
      } else if (caller === 'withoutInventory') {
        assert.equal(data.me.id, '1');
        assert.equal(data.product.stockQuantity, null);
        assert.deepEqual(codes(json), ['FORBIDDEN']);
      } else {
        assert.equal(data.me.id, '1');
        assert.equal(typeof data.product.stockQuantity, 'number');
        assert.equal(json.errors, undefined);
      }
    };
    const before = plansMade();
    for (const caller of ['anonymous', 'withoutInventory', 'withInventory']) {
      expect(caller, (await post(routers[0].url, { query }, callers[caller])).json);
    }
    const oncePerSet = plansMade();
    assert.ok(oncePerSet - before <= 3, `${oncePerSet - before} plans for three sets of denials`);
    for (const caller of ['withoutInventory', 'anonymous', 'withInventory', 'anonymous', 'withoutInventory']) {
      const [rust, javascript] = await both({ query }, callers[caller]);
      expect(caller, rust.json);
      assert.deepEqual(rust.json, javascript.json, caller);
    }
    assert.equal(plansMade(), oncePerSet);
  });

  it('nulls the nearest nullable parent of a denied non-null field, as the subgraph does, with one error per denied field', async () => {
    const withoutScope = { authorization: `Bearer ${sign({ sub: '1', scope: 'orders:read' })}` };
    const cases = [
      ['mutation { placeOrder(input: { idempotencyKey: "k", items: [{ productId: "1", quantity: 1 }] }) { order { id } } }', {},
        null, [[['placeOrder'], 'UNAUTHENTICATED']]],
      ['mutation { registerUser(input: { email: "a@b.cd", name: "A" }) { user { id } } }', {}, null, [[['registerUser'], 'UNAUTHENTICATED']]],
      ['mutation { updateProductPrice(input: { productId: "1", price: { amount: "1.00", currency: "EUR" } }) { product { id } } }', withoutScope,
        null, [[['updateProductPrice'], 'FORBIDDEN']]],
      // User.orders is OrderConnection!: the user goes, the categories stay
      ['{ user(id: "1") { id orders(first: 1) { edges { cursor } } } categories { id } }', {},
        { user: null, categories: [{ id: '1' }, { id: '1' }] }, [[['user', 'orders'], 'UNAUTHENTICATED']]],
      // a denied selection inside a list of nullable edges: each edge goes (UserEdge.node is User!)
      ['{ users(first: 1) { pageInfo { hasNextPage } edges { cursor node { id orders { pageInfo { hasNextPage } } } } } }', {},
        { users: { pageInfo: { hasNextPage: true }, edges: [null, null] } }, [[['users', 'edges', '@', 'node', 'orders'], 'UNAUTHENTICATED']]],
    ];
    for (const [query, headers, data, errors] of cases) {
      const [rust, javascript] = await both({ query }, headers);
      assert.equal(rust.status, 200, `${query}: ${rust.text}`);
      assert.deepEqual(rust.json, javascript.json, query);
      assert.deepEqual(rust.json.data, data, query);
      assert.deepEqual(rust.json.errors.map((error) => [error.path, error.extensions.code]), errors, query);
    }
  });

  it('answers the rest of an operation when part of it is denied', async () => {
    const [rust, javascript] = await both({ query: partDenied });
    assert.deepEqual(rust.json, javascript.json);
    assert.equal(rust.json.data.me, null);
    assert.ok(rust.json.data.categories.length > 0);
    assert.deepEqual(codes(rust.json), ['UNAUTHENTICATED']);
  });

  it('reads every literal graphql-js reads: Unicode escapes braced or in surrogate pairs, IDs beyond 64 bits', async () => {
    // Each document with the value that each planner's subgraph request must carry.
    const literals = [
      ['{ products(first: 1, filter: { search: "\\u{1F600}" }) { edges { node { id } } } }', '\u{1F600}'],
      ['{ products(first: 1, filter: { search: "\\uD83D\\uDE00 \\u00e9" }) { edges { node { id } } } }', '\u{1F600} \u00e9'],
      ['query ($s: String = "\\u{1F600}") { products(first: 1, filter: { search: $s }) { edges { node { id } } } }', '\u{1F600}'],
      ['{ product(id: 9223372036854775808) { id } }', '9223372036854775808'],
      ['{ products(first: 1, filter: { categoryId: -99999999999999999999 }) { edges { node { id } } } }', '-99999999999999999999'],
      ['query ($id: ID = 18446744073709551616) { product(id: $id) { id } }', '18446744073709551616'],
    ];
    for (const [query, value] of literals) {
      const before = subgraphs.received.length;
      const [rust, javascript] = await both({ query });
      assert.equal(rust.status, 200, `${query}: ${rust.text}`);
      assert.deepEqual(rust.json, javascript.json, query);
      assert.equal(rust.json.errors, undefined, `${query}: ${rust.text}`);
      const fetched = subgraphs.received.slice(before);
      assert.equal(fetched.length, 2, query);
      for (const { query: sent, variables } of fetched) {
        // The Rust planner passes literals on as variables of the subgraph request, graphql-js as they are.
        const values = [];
        JSON.stringify(variables ?? {}, (key, each) => values.push(each) && each);
        visit(parse(sent), { StringValue: (node) => { values.push(node.value); } });
        assert.ok(values.includes(value), `${sent} ${JSON.stringify(variables)} lacks ${value}`);
      }
    }
  });

  it('answers generated operations as execution over the API schema does, and never INTERNAL', async () => {
    // Aliases, fragments spread once and twice, inline fragments, @skip/@include by literal and variable,
    // __typename, variables with defaults, null and left out, Unicode and 64-bit literals, entity hops,
    // and a subgraph failing at a field or as a whole for some (support/operation-generator.mjs).
    const schema = buildSchema(readFileSync(resolve(gatewayDir, 'api-schema.graphql'), 'utf8'));
    const operations = generateOperations(schema, { seed: 7, count: 150, subgraphs: Object.keys(subgraphs.urls) });
    const denied = guardedFields(readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8'));
    const token = sign({ sub: '1', scope: 'orders:read orders:write catalog:write inventory:read' });
    try {
      for (const { query, variables, failure } of operations) {
        subgraphs.fail(failure);
        const body = { query, variables };
        const [withScopes, anonymous] = await Promise.all([post(routers[0].url, body, { authorization: `Bearer ${token}` }),
          post(routers[0].url, body)]);
        for (const { status, text } of [withScopes, anonymous]) {
          assert.equal(status, 200, `${query} ${JSON.stringify(variables)}: ${text}`);
          assert.doesNotMatch(text, /INTERNAL|CRITICAL_ERROR/, `${query} ${JSON.stringify(variables)}`);
        }
        if (!failure) {
          // The Rust planner's answer, nothing denied, is the schema's own: the same made-up values, the same shape.
          const expected = JSON.parse(JSON.stringify(await madeUpAnswer(schema, query, variables)));
          assert.deepEqual(withScopes.json, expected, `${query} ${JSON.stringify(variables)}`);
          // Anonymous, every guarded field denied: the same values, each denial's null propagated as execution propagates it.
          const propagated = await madeUpAnswer(schema, query, variables, { denied });
          assert.deepEqual(anonymous.json.data, JSON.parse(JSON.stringify(propagated.data)), `${query} ${JSON.stringify(variables)}`);
          assert.equal(Boolean(anonymous.json.errors), Boolean(propagated.errors), `${query} ${JSON.stringify(variables)}: ${anonymous.text}`);
          assert.ok(codes(anonymous.json).every((code) => code === 'UNAUTHENTICATED'), anonymous.text);
        }
      }
    } finally {
      subgraphs.fail(null);
    }
  });

  it('answers a field whose selection holds only fragments selecting nothing as an object, not nulling its parent', async () => {
    const documents = [
      '{ products(first: 1) { edges { cursor node { ... @include(if: true) { name @include(if: false) } } } } }',
      '{ products(first: 1) { edges { cursor node { ...F @skip(if: false) } } } } fragment F on Product { name @skip(if: true) }',
      'query ($t: Boolean = true) { products(first: 1) { edges { cursor node { ... @include(if: $t) { ... { sku @skip(if: true) } } } } } }',
    ];
    for (const query of documents) {
      const [rust, javascript] = await both({ query });
      assert.deepEqual(rust.json, { data: { products: { edges: [{ cursor: 'text', node: {} }, { cursor: 'text', node: {} }] } } }, query);
      // Hive Gateway's JavaScript planner fails a fragment that selects nothing (INTERNAL): not compared.
      assert.equal(javascript.status, 200);
    }
  });

  it('reports no failure of a fetch at fields the answer leaves out: the root __typename, skipped fields', async () => {
    subgraphs.fail({ subgraph: 'users', whole: true });
    try {
      for (const query of ['query ($v: Boolean = false) { me0: me @include(if: $v) { name } __typename }',
        'query ($v: Boolean = false) { t: __typename users(first: 1) @include(if: $v) { edges { cursor } } }']) {
        const [rust, javascript] = await both({ query }, { authorization: `Bearer ${sign({ sub: '1', scope: '' })}` });
        assert.deepEqual(rust.json, javascript.json, query);
        assert.equal(rust.json.errors, undefined, `${query}: ${rust.text}`);
      }
      const [rust, javascript] = await both({ query: 'mutation { __typename registerUser(input: { email: "a@b.cd", name: "A" }) { userErrors { code } } }' },
        { authorization: `Bearer ${sign({ sub: '1', scope: '' })}` });
      assert.deepEqual(rust.json, javascript.json);
      // registerUser is non-null: `data` goes, with one error, none at `__typename`
      assert.equal(rust.json.data, null);
      assert.deepEqual(rust.json.errors.map((error) => error.path), [['registerUser']]);
    } finally {
      subgraphs.fail(null);
    }
  });

  it('answers a subgraph down under several non-null root fields with data null and one error for them, as graphql-js does', async () => {
    subgraphs.fail({ subgraph: 'catalog', whole: true });
    try {
      const query = '{ products(first: 1) { pageInfo { hasNextPage } } a: product(id: 1) { name } categories { id } b: product(id: 2) { name } }';
      const [rust, javascript] = await both({ query });
      assert.deepEqual(rust.json, javascript.json);
      assert.equal(rust.json.data, null);
      // the nullable root fields' errors, then the one that took `data` away
      assert.deepEqual(rust.json.errors.map((error) => error.path), [['a'], ['b'], ['products']]);
    } finally {
      subgraphs.fail(null);
    }
  });

  it('denies no field that @skip or @include leaves out, on the field or on any field or fragment around it', async () => {
    const documents = [
      ['query ($v: Boolean = false) { me0: me @include(if: $v) { email } __typename }', { __typename: 'Query' }, []],
      ['{ product(id: 1) @skip(if: true) { stockQuantity } __typename }', { __typename: 'Query' }, []],
      ['{ product(id: 1) { id ... @skip(if: true) { stockQuantity } } }', { product: { id: '1' } }, []],
      // a spread left out does not take the fragment: the second spread is executed, and denied once
      ['{ product(id: 1) { id ...F @skip(if: true) ...F ...F } } fragment F on Product { stockQuantity }',
        { product: { id: '1', stockQuantity: null } }, [['product', 'stockQuantity']]],
    ];
    for (const [query, data, paths] of documents) {
      const [rust, javascript] = await both({ query });
      assert.deepEqual(rust.json, javascript.json, query);
      assert.deepEqual(rust.json.data, data, query);
      assert.deepEqual((rust.json.errors ?? []).map((error) => [error.path, error.extensions.code]),
        paths.map((path) => [path, 'UNAUTHENTICATED']), query);
    }
  });

  it('answers a field that a denial leaves selecting nothing as execution does, inside lists too', async () => {
    const [rust, javascript] = await both({ query: '{ users(first: 1) { edges { node { orders { __typename } } } } }' });
    assert.deepEqual(rust.json, javascript.json);
    // the non-null orders take their User! node and so each nullable edge with them
    assert.deepEqual(rust.json.data, { users: { edges: [null, null] } });
    assert.deepEqual(codes(rust.json), ['UNAUTHENTICATED']);
  });

  it('reads an ID beyond 64 bits in a document the authorization has cut, too', async () => {
    const query = '{ product(id: 9223372036854775808) { id stockQuantity } }';
    const [rust, javascript] = await both({ query });
    assert.equal(rust.status, 200, rust.text);
    assert.deepEqual(rust.json, javascript.json);
    assert.deepEqual(rust.json.data, { product: { id: '1', stockQuantity: null } });
    assert.deepEqual(codes(rust.json), ['UNAUTHENTICATED']);
  });

  it('answers a document the Rust planner cannot parse with BAD_USER_INPUT, any other failure as it is', async () => {
    const planner = new QueryPlanner(readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8'));
    // The planner's own parser, without the router's rewriting: the refusal the router would otherwise answer as INTERNAL.
    const failure = await planner.planAsync('{ product(id: 9223372036854775808) { id } }', null, new Set(), 0)
      .then(() => assert.fail('planned'), (error) => error);
    assert.throws(() => plannerRefusal(failure), (error) => error.extensions.code === 'BAD_USER_INPUT'
      && error.extensions.reason === 'UNPLANNABLE_DOCUMENT' && error.extensions.http.status === 400);
    const other = new Error('subgraph down');
    assert.throws(() => plannerRefusal(other), (error) => error === other);
  });
});

/** `Type.field` of every field the supergraph guards with @authenticated or @requiresScopes (all of them are on fields). */
function guardedFields(supergraph) {
  const guards = new Set(['authenticated', 'requiresScopes']);
  const guarded = new Set();
  visit(parse(supergraph), {
    ObjectTypeDefinition(type) {
      assert.ok(!type.directives.some((directive) => guards.has(directive.name.value)), `${type.name.value} is guarded as a type`);
      for (const field of type.fields ?? []) {
        if (field.directives.some((directive) => guards.has(directive.name.value))) {
          guarded.add(`${type.name.value}.${field.name.value}`);
        }
      }
    },
  });
  return guarded;
}

describe('subgraph requests', () => {
  let subgraphs;
  let router;

  before(async () => {
    // Answers wait, so the two client requests below are in flight together.
    subgraphs = await startSchemaSubgraphs({ delayMs: 200, record: true });
    router = await startGateway({
      GATEWAY_MODE: 'dev',
      ...Object.fromEntries(Object.entries(subgraphs.urls).map(([name, url]) => [urlVariable(name), url])),
    });
  });

  after(async () => {
    await router?.stop();
    await subgraphs?.close();
  });

  it('are each client request\'s own, even identical ones in flight together', async () => {
    const body = { query: 'query Twin($id: ID!) { user(id: $id) { id name } }', variables: { id: '1' } };
    const headers = { 'x-request-id': 'twin-requests' };
    const before = subgraphs.received.length;
    const answers = await Promise.all([post(router.url, body, headers), post(router.url, body, headers)]);
    for (const { json } of answers) {
      assert.deepEqual(json.errors, undefined);
      assert.equal(json.data.user.id, '1');
    }
    const sent = subgraphs.received.slice(before);
    assert.deepEqual(sent.map(({ subgraph }) => subgraph), ['users', 'users']);
    assert.deepEqual(sent.map(({ headers: received }) => received['x-request-id']), ['twin-requests', 'twin-requests']);
  });
});
