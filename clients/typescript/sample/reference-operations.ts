// A sample client application: a shop front and its back office calling every reference operation
// through the router with the generated client, the way a client team would. Each step prints one
// JSON line; the process exits 1 when any step fails, so the end-to-end tests can run it as is.
//
//   SUPERGRAPH_URL        the router's endpoint (default http://localhost:4000/graphql)
//   SUPERGRAPH_MODE       production (trusted document ids) or dev (operation text); default dev
//   SUPERGRAPH_TOKEN      a registered user's bearer token
//   SUPERGRAPH_NEW_TOKEN  a token for a subject with no account yet, for RegisterUser (optional)
import { randomUUID } from 'node:crypto';
import {
  CancelOrderDocument,
  CategoryProductsDocument,
  MyOrdersDocument,
  OrderDetailDocument,
  PlaceOrderDocument,
  ProductBySkuDocument,
  ProductPageDocument,
  ProductShippingDocument,
  RegisterUserDocument,
  UserOrdersDocument,
  createClient,
  type Mode,
  type Result,
} from '../src/index.js';

const url = process.env.SUPERGRAPH_URL ?? 'http://localhost:4000/graphql';
const mode: Mode = process.env.SUPERGRAPH_MODE === 'production' ? 'production' : 'dev';
const token = required('SUPERGRAPH_TOKEN');
const client = createClient({ url, mode, token, clientName: 'sample-typescript' });

let failures = 0;

const page = expect('ProductPage', await client.execute(ProductPageDocument, { first: 3 }));
const first = page?.products.edges?.[0]?.node;
check('ProductPage', first !== undefined && first.price.amount.length > 0, 'a first product with a price');

if (first) {
  const bySku = expect('ProductBySku', await client.execute(ProductBySkuDocument, { sku: first.sku }));
  check('ProductBySku', bySku?.productBySku?.id === first.id, `SKU ${first.sku} is product ${first.id}`);

  const shipping = expect('ProductShipping', await client.execute(ProductShippingDocument, { id: first.id }));
  check('ProductShipping', /^\d+\.\d{2}$/.test(shipping?.product?.shippingEstimate.amount ?? ''), 'an estimate');
}

const categories = expect('CategoryProducts', await client.execute(CategoryProductsDocument, { first: 2 }));
check('CategoryProducts', (categories?.categories.length ?? 0) > 0, 'categories with products');

const items = (page?.products.edges ?? []).slice(0, 2).flatMap((edge) => (edge ? [{ productId: edge.node.id, quantity: 1 }] : []));
// PlaceOrder is idempotent by its key: a SERVICE_UNAVAILABLE (a subgraph it needs did not answer in
// time) is retried with the same key, twice at most, as a shop would, without risking a second order.
const placeOrder = { input: { idempotencyKey: randomUUID(), items } };
const placed = expect('PlaceOrder', await retried(() => client.execute(PlaceOrderDocument, placeOrder)));
const order = placed?.placeOrder.order;
check('PlaceOrder', order?.status === 'PLACED' && placed?.placeOrder.userErrors.length === 0, 'a placed order');

if (order) {
  const detail = expect('OrderDetail', await client.execute(OrderDetailDocument, { id: order.id }));
  check('OrderDetail', detail?.order?.items.length === items.length, `order ${order.id} has ${items.length} lines`);

  const mine = expect('MyOrders', await client.execute(MyOrdersDocument, { first: 100 }));
  const buyer = mine?.me?.id;
  check('MyOrders', mine?.me?.orders.edges?.some((edge) => edge?.node.id === order.id) === true, 'my orders list it');

  if (buyer) {
    const theirs = expect('UserOrders', await client.execute(UserOrdersDocument, { userId: buyer, first: 100 }));
    check('UserOrders', theirs?.user?.orders.edges?.some((edge) => edge?.node.id === order.id) === true, 'listed for the user');
  }

  const cancelled = expect('CancelOrder', await client.execute(CancelOrderDocument, { input: { orderId: order.id } }));
  check('CancelOrder', cancelled?.cancelOrder.order?.status === 'CANCELLED', 'the order is cancelled');
}

const newToken = process.env.SUPERGRAPH_NEW_TOKEN;
if (newToken) {
  const newcomer = createClient({ url, mode, token: newToken, clientName: 'sample-typescript' });
  const email = `sample-${randomUUID()}@example.com`;
  const registered = expect('RegisterUser', await newcomer.execute(RegisterUserDocument, { input: { email, name: 'Sample' } }));
  check('RegisterUser', registered?.registerUser.user?.name === 'Sample', 'the new account');
  // The same email again is a user error of the payload, typed, not a GraphQL error.
  const again = expect('RegisterUser', await newcomer.execute(RegisterUserDocument, { input: { email, name: 'Sample' } }));
  const codes = again?.registerUser.userErrors.map((error) => error.code) ?? [];
  check('RegisterUser', codes.length > 0, `a second registration answers user errors ${codes.join(',')}`);
}

console.log(JSON.stringify({ summary: failures === 0 ? 'ok' : 'failed', failures, mode }));
process.exit(failures === 0 ? 0 : 1);

function expect<TData>(operation: string, result: Result<TData>): TData | null {
  if (!result.ok) {
    failures += 1;
    console.log(JSON.stringify({ operation, ok: false, errors: result.errors }));
    return null;
  }
  return result.data;
}

async function retried<TData>(send: () => Promise<Result<TData>>): Promise<Result<TData>> {
  let result = await send();
  for (let attempt = 1; attempt < 3 && !result.ok && result.errors.some((error) => error.code === 'SERVICE_UNAVAILABLE'); attempt++) {
    console.log(JSON.stringify({ retry: result.errors }));
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    result = await send();
  }
  return result;
}

function check(operation: string, condition: boolean, what: string): void {
  if (!condition) failures += 1;
  console.log(JSON.stringify({ operation, ok: condition, checked: what }));
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}
