// What the benchmark sends: the reference operations as trusted document ids, with variables spread
// over the seed data (500 users with their own orders, 5,000 products), each request as a different
// user, so no cache (the router's verified tokens, the catalog's reads) answers for the stack.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mintDevToken } from '../../gateway-config/router/dev-token.mjs';
import { FRESHNESS_HEADER, freshnessStamp } from '../../gateway-config/router/freshness.mjs';

export const USERS = 500;

/** A development token per seeded user, indexed by user id (index 0 unused), valid for six hours. */
export function userTokens() {
  return Array.from({ length: USERS + 1 }, (_, user) => (user ? mintDevToken({ sub: String(user), hours: 6 }) : null));
}

const PRODUCTS = 5000;

export function workload(root) {
  const manifest = JSON.parse(readFileSync(resolve(root, 'gateway-config', 'trusted-documents.json'), 'utf8'));
  const ids = Object.fromEntries(Object.entries(manifest).map(([id, text]) => [/^\w+\s+(\w+)/.exec(text)[1], id]));
  // One token per seeded user, signed with the dev key pair the benchmark's router trusts.
  const tokens = userTokens();
  const firstOrder = firstOrderIds();
  let counter = 0;
  const pick = (n) => 1 + Math.floor(Math.random() * n);
  // Products the seed catalog holds at least 3 units of (SeedCatalog.stock: none for an id that is a multiple of
  // ten, 1 + id * 13 mod 200 for the others): an order for more than a product has is refused OUT_OF_STOCK.
  const orderable = () => {
    const id = pick(PRODUCTS);
    return id % 10 === 0 || 1 + ((id * 13) % 200) < 3 ? orderable() : id;
  };
  const variablesOf = {
    ProductPage: () => ({ first: 20, filter: { categoryId: String(pick(36)) } }),
    UserOrders: (user) => ({ userId: String(user) }),
    MyOrders: () => ({}),
    ProductShipping: () => ({ id: String(pick(PRODUCTS)) }),
    OrderDetail: (user) => ({ id: String(firstOrder[user]) }),
    PlaceOrder: () => ({
      input: {
        idempotencyKey: `bench-${randomUUID()}`,
        items: [{ productId: String(orderable()), quantity: 1 + (counter % 3) }],
      },
    }),
  };
  /**
   * A request for the named operation through the router, as a random seeded user: by its trusted
   * document id, or with `text` by the document's text (for a router whose trusted documents are off).
   */
  const request = (url, operation, { text = false } = {}) => {
    counter += 1;
    const user = pick(USERS);
    const document = text ? { query: manifest[ids[operation]] } : { documentId: ids[operation] };
    const body = JSON.stringify({ ...document, operationName: operation, variables: variablesOf[operation](user) });
    return { url, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` }, body };
  };
  return { operations: Object.keys(variablesOf), request };
}

/** Weighted mix of reads and orders, as a shop's traffic might look. */
export const MIX = { ProductPage: 30, UserOrders: 20, MyOrders: 15, ProductShipping: 15, OrderDetail: 10, PlaceOrder: 10 };

export function mixed(request, url, options = {}) {
  const wheel = Object.entries(MIX).flatMap(([operation, weight]) => Array(weight).fill(operation));
  return () => request(url, wheel[Math.floor(Math.random() * wheel.length)], options);
}

const CATALOG_PRODUCT_FIELDS = 'id sku name price { amount currency } weightGrams inStock';

/**
 * `_entities` for 100 random products, signed and stamped as the router would, straight at a catalog
 * (or, with the inventory's fields as the selection, at the inventory).
 */
export function entitiesRequest(url, secret, selection = CATALOG_PRODUCT_FIELDS) {
  return () => entitiesOf(url, secret, Array.from({ length: 100 }, () => 1 + Math.floor(Math.random() * PRODUCTS)), selection);
}

/** `_entities` for the products of `ids`, in their order, signed and stamped as the router would. */
export function entitiesOf(url, secret, ids, selection = CATALOG_PRODUCT_FIELDS) {
  const query = 'query Entities($representations: [_Any!]!) { _entities(representations: $representations) '
    + `{ ... on Product { ${selection} } } }`;
  return signedRequest(url, secret, query, { representations: ids.map((id) => ({ __typename: 'Product', id: String(id) })) });
}

/** A GraphQL request signed as the router signs it: the freshness stamp over the exact body. */
export function signedRequest(url, secret, query, variables, headers = {}) {
  const body = JSON.stringify({ query, variables });
  return { url, headers: { 'content-type': 'application/json', [FRESHNESS_HEADER]: freshnessStamp(secret, body), ...headers }, body };
}

/**
 * One request kind per subgraph, signed like the router's, straight at the subgraph: `_entities` for
 * 100 products (catalog; inventory: their stock), `user(id)` (users), an order with its items as its
 * buyer (orders).
 */
export function subgraphRequest(subgraph, url, secret) {
  if (subgraph === 'catalog') {
    return entitiesRequest(url, secret);
  }
  if (subgraph === 'inventory') {
    return entitiesRequest(url, secret, 'id inStock');
  }
  if (subgraph === 'users') {
    const query = 'query User($id: ID!) { user(id: $id) { id name createdAt } }';
    return () => signedRequest(url, secret, query, { id: String(1 + Math.floor(Math.random() * USERS)) });
  }
  if (subgraph !== 'orders') {
    throw new Error(`no benchmark request for the subgraph '${subgraph}'`);
  }
  const firstOrder = firstOrderIds();
  const tokens = userTokens();
  const query = 'query Order($id: ID!) { order(id: $id) { id status total { amount currency } items { quantity unitPrice { amount } } } }';
  return () => {
    const user = 1 + Math.floor(Math.random() * USERS);
    return signedRequest(url, secret, query, { id: String(firstOrder[user]) }, { authorization: `Bearer ${tokens[user]}` });
  };
}

// Seed rule (docs/seed-data.md): user u has 1 + (u * 7) % 10 orders, numbered in user order.
function firstOrderIds() {
  const first = [];
  let next = 1;
  for (let user = 1; user <= USERS; user += 1) {
    first[user] = next;
    next += 1 + ((user * 7) % 10);
  }
  return first;
}

/** `next`'s requests with `traceparent`, every tenth sampled, as the router's 10 % sampling sends them. */
export function traced(next) {
  let sent = 0;
  return () => {
    const request = next();
    sent += 1;
    request.headers.traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-${sent % 10 ? '00' : '01'}`;
    return request;
  };
}
