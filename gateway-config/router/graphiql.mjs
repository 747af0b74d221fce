// The dev router's GraphiQL page: it opens with one tab per reference operation (operations/*.graphql)
// with example variables and, when the router verifies the dev key pair's tokens, an Authorization
// header with a fresh dev token, so the first query is one click. Production serves no GraphiQL.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_USER, mintDevToken } from './dev-token.mjs';
import { prefersHtml } from './media-types.mjs';

export const defaultOperationsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'operations');

// Example variables, in the order of the tabs: reads first, then writes; ids of the seed data.
const EXAMPLES = {
  ProductPage: { first: 5 },
  CategoryProducts: { first: 3 },
  ProductBySku: { sku: 'SKU-00001' },
  ProductShipping: { id: '1' },
  UserOrders: { userId: DEV_USER.sub, first: 5 },
  MyOrders: { first: 5 },
  OrderDetail: { id: '1' },
  // The same key again returns the first order: placing it twice places one order.
  PlaceOrder: { input: { idempotencyKey: 'graphiql-example-1', items: [{ productId: '1', quantity: 1 }] } },
  CancelOrder: { input: { orderId: '1' } },
  RegisterUser: { input: { name: 'Ada Lovelace', email: 'ada@example.com' } },
};

/**
 * The reference operations as `{ name, text }`, in the order of EXAMPLES, any others after them;
 * none where the directory is not shipped (the router's container image).
 */
export function referenceOperations(operationsDir) {
  if (!existsSync(operationsDir)) {
    return [];
  }
  const order = Object.keys(EXAMPLES);
  const rank = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
  return readdirSync(operationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ name: file.slice(0, -'.graphql'.length), text: readFileSync(resolve(operationsDir, file), 'utf8') }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/**
 * GraphiQL options per page load (so the token is always fresh): `devTokenKeyFile` is the dev
 * private key, or null when the router does not trust the dev key pair (then no header).
 * No page but at the GraphQL path: GraphQL Yoga renders it for any URL that ends with the endpoint
 * (`/any/graphql`, `/nope?x=/graphql`) and at the endpoint with a trailing slash, which the router
 * answers with 404 as it does for JSON (router/path-methods.mjs). No page either for an `Accept` that does
 * not prefer HTML by the router's weighing (router/media-types.mjs prefersHtml).
 */
export function graphiqlOptions({ operationsDir = defaultOperationsDir, devTokenKeyFile, endpoint = '/graphql' }) {
  const operations = referenceOperations(operationsDir);
  return (request) => {
    const { pathname } = new URL(request.url);
    // GraphQL Yoga asks only whether Accept contains "text/html"; otherwise the request is an ordinary GraphQL one.
    if (pathname !== endpoint || !prefersHtml(request.headers.get('accept') ?? '')) {
      return false;
    }
    const headers = JSON.stringify(devTokenKeyFile
      ? { Authorization: `Bearer ${mintDevToken({ ...DEV_USER, keyFile: devTokenKeyFile })}` }
      : {}, null, 2);
    const defaultTabs = operations.map(({ name, text }) => ({
      query: text,
      variables: JSON.stringify(EXAMPLES[name] ?? {}, null, 2),
      headers,
    }));
    return {
      title: 'Supergraph (dev)',
      defaultQuery: defaultTabs[0]?.query,
      defaultTabs,
      headers,
      // A stored token would outlive its 12 hours; each page load brings a fresh one.
      shouldPersistHeaders: false,
    };
  };
}
