// The router's cost estimate (router/cost-estimate.mjs) on a schema of its own: the rules, and that
// what it remembers per document never answers for other page sizes. That it matches Hive Gateway's
// figures for the reference operations, and refuses over MAX_COST, is router-production.test.mjs's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, parse } from 'graphql';
import { estimatedCost } from '../router/cost-estimate.mjs';

const sdl = (listSize) => `
  extend schema @link(url: "https://specs.apollo.dev/cost/v0.1", import: [{ name: "@listSize", as: "@${listSize}" }, "@cost"])
  directive @link(url: String, import: [link__Import]) repeatable on SCHEMA
  scalar link__Import
  directive @${listSize}(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT | ARGUMENT_DEFINITION
  type Query {
    products(first: Int = 5, last: Int): ProductConnection! @${listSize}(slicingArguments: ["first", "last"], sizedFields: ["edges"])
    categories: [Category!]! @${listSize}(assumedSize: 50)
    search(text: String @cost(weight: 7)): [Product!]! @${listSize}(slicingArguments: ["first"], requireOneSlicingArgument: false)
    report: Report @cost(weight: 20)
  }
  type ProductConnection { edges: [ProductEdge!]! }
  type ProductEdge { node: Product! }
  type Product { id: ID! name: String! category: Category }
  type Category { id: ID! }
  type Report @cost(weight: 3) { total: Int }
`;
const schema = buildSchema(sdl('listSize'), { assumeValidSDL: true });

describe('cost estimate', () => {
  it('counts each object once, times the list sizes around it', () => {
    // products 1, edges 1 x 10, node 1 x 10, category 1 x 10
    const pages = parse('query($n: Int) { products(first: $n) { edges { node { id category { id } } } } }');
    assert.equal(estimatedCost(schema, pages, { n: 10 }), 31);
    // categories: 1 x the assumed 50; report: the field's 20 and its type's 3
    assert.equal(estimatedCost(schema, parse('{ categories { id } report { total } }'), {}), 73);
    // the argument's weight, scalars free
    assert.equal(estimatedCost(schema, parse('{ search(text: "a") { id name } }'), {}), 8);
  });

  it('estimates a document it has seen for every page size anew, and a default apart from null', () => {
    const pages = parse('query($n: Int) { products(first: $n) { edges { node { id } } } }');
    const cost = (variables) => estimatedCost(schema, pages, variables);
    assert.equal(cost({ n: 10 }), 21);
    assert.equal(cost({ n: 1000 }), 2001);
    assert.equal(cost({ n: 10 }), 21);
    assert.equal(cost({}), 11, 'the argument default, 5');
    assert.equal(cost({ n: null }), 3, 'null: no size given');
    assert.equal(cost({ n: 1000, unrelated: 'x' }), 2001);
  });

  it('estimates a page size under a field the first estimate left out anew for every page size', () => {
    const pages = parse('query($all: Boolean!, $n: Int) { categories { id } products(first: $n) @include(if: $all) { edges { node { id } } } }');
    const cost = (variables) => estimatedCost(schema, pages, variables);
    assert.equal(cost({ all: false }), 50);
    assert.equal(cost({ all: true, n: 1 }), 53);
    assert.equal(cost({ all: true, n: 1000 }), 2051);
    assert.equal(cost({ all: false, n: 1000 }), 50);
  });

  it('refuses two slicing arguments where the schema asks for one', () => {
    const both = parse('{ products(first: 3, last: 4) { edges { node { id } } } }');
    assert.throws(() => estimatedCost(schema, both, {}),
      (error) => error.extensions.code === 'BAD_USER_INPUT' && error.extensions.reason === 'SLICING_ARGUMENTS');
  });

  it('reads @listSize under the name the schema imports it as', () => {
    const renamed = buildSchema(sdl('pageSize'), { assumeValidSDL: true });
    assert.equal(estimatedCost(renamed, parse('{ categories { id } }'), {}), 50, 'the assumed 50, not 1');
  });
});
