// The Node peer of the catalog's `_entities` path: `@apollo/subgraph` on Apollo Server with `pg`, as a
// team would write a Node subgraph for the same rows (node benchmark/load/node-subgraph-peer.mjs <port>
// <postgres url> [connections]). It serves the `Product` entity with the benchmark's selection, each
// request's representations batched into one `= any($1)` statement by a DataLoader, with no security,
// limits, metrics or traces: like the raw baseline, a yardstick, never a way to run the catalog.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// The packages are the router's (gateway-config/node_modules), not this directory's.
const requireFromGateway = createRequire(resolve(import.meta.dirname, '..', '..', 'gateway-config', 'package.json'));
const load = async (name) => import(requireFromGateway.resolve(name));
const { ApolloServer } = await load('@apollo/server');
const { startStandaloneServer } = await load('@apollo/server/standalone');
const { buildSubgraphSchema } = await load('@apollo/subgraph');
const { default: DataLoader } = await load('dataloader');
const { default: pg } = await load('pg');
const { parse } = await load('graphql');

const [port, postgresUrl, connections = '8'] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: postgresUrl, max: Number(connections) });

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
  type Product @key(fields: "id") {
    id: ID!
    sku: String!
    name: String!
    price: Money!
    weightGrams: Int!
    inStock: Boolean!
  }
  type Money @shareable {
    amount: String!
    currency: String!
  }
  type Query {
    product(id: ID!): Product
  }
`);

const SELECT = 'select id, sku, name, price_amount, price_currency, weight_grams, stock_quantity from product where id = any($1)';

/** The products of `ids` in their order, null for an unknown id; pg returns bigint and numeric(12, 2) as strings. */
async function productsById(ids) {
  const { rows } = await pool.query(SELECT, [ids]);
  const byId = new Map(rows.map((row) => [row.id, {
    id: row.id, sku: row.sku, name: row.name, price: { amount: row.price_amount, currency: row.price_currency },
    weightGrams: row.weight_grams, inStock: row.stock_quantity > 0,
  }]));
  return ids.map((id) => byId.get(id) ?? null);
}

const resolvers = {
  Query: { product: (_, { id }, { products }) => products.load(id) },
  Product: { __resolveReference: ({ id }, { products }) => products.load(id) },
};

// No CSRF prevention: the benchmark's readiness probe is a plain GET of `{ __typename }`.
const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers }), csrfPrevention: false });
await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(port) },
  // One loader per request: the entities of one `_entities` call become one statement.
  context: async () => ({ products: new DataLoader(productsById) }),
});
console.log(`Node subgraph peer on ${port}`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => server.stop().then(() => pool.end()).then(() => process.exit(0)));
}
