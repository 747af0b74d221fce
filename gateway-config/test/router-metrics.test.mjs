// The router's metrics per operation and client (router/operation-metrics.mjs): scraped from the
// real router's /metrics after real requests against fake subgraphs, and the bounded labels.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startGateway } from './support/gateway.mjs';
import { codes, post } from './support/http.mjs';
import { clientLabel, firstOperationName, operationLabeller } from '../router/operation-metrics.mjs';

describe('router metrics per operation and client', () => {
  let fakes;
  let gateway;

  before(async () => {
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({
      GATEWAY_MODE: 'dev',
      USERS_URL: fakes.urls.users,
      CATALOG_URL: fakes.urls.catalog,
      ORDERS_URL: fakes.urls.orders,
    });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  it('times each operation per client in histogram buckets', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await post(gateway.url, { query: 'query CategoryNames { categories { id name } }' },
        { 'graphql-client-name': 'web-shop' });
      assert.equal(response.status, 200);
    }
    const metrics = await scrape(gateway.url);
    const labels = { operation: 'CategoryNames', client: 'web-shop', outcome: 'ok' };
    assert.equal(sum(metrics, 'router_operation_duration_seconds_count', labels), 2);
    assert.equal(sum(metrics, 'router_operation_duration_seconds_bucket', { ...labels, le: '+Inf' }), 2);
    assert.ok(metrics.filter((s) => s.name === 'router_operation_duration_seconds_bucket'
      && s.labels.operation === 'CategoryNames').length >= 10);
  });

  it('counts errors by the code the client received, and a client without a name as unknown', async () => {
    const response = await post(gateway.url, { query: 'query Misspelled { categorie { id } }' });
    assert.deepEqual(codes(response.json), ['BAD_USER_INPUT']);
    const metrics = await scrape(gateway.url);
    assert.equal(sum(metrics, 'router_operation_errors_total',
      { operation: 'Misspelled', client: 'unknown', code: 'BAD_USER_INPUT' }), 1);
    assert.equal(sum(metrics, 'router_operation_duration_seconds_count',
      { operation: 'Misspelled', client: 'unknown', outcome: 'error' }), 1);
  });

  it('passes the client name on to the subgraphs', async () => {
    await post(gateway.url, { query: '{ categories { id } }' }, { 'graphql-client-name': 'ios-app' });
    assert.equal(fakes.requests.at(-1).headers['graphql-client-name'], 'ios-app');
  });
});

describe('bounded operation and client labels', () => {
  it('labels production operations by trusted names only', () => {
    const label = operationLabeller({ trusted: new Set(['UserOrders']) });
    assert.equal(label('UserOrders'), 'UserOrders');
    assert.equal(label('Scraper1234'), 'other');
    assert.equal(label(null), 'anonymous');
  });

  it('labels dev operations by name up to a bound, and never by a name that is no GraphQL name', () => {
    const label = operationLabeller({ maxNames: 2 });
    assert.deepEqual(['A', 'B', 'C', 'A', 'x y'].map(label), ['A', 'B', 'other', 'A', 'other']);
  });

  it('takes the name of the first operation of a document', () => {
    assert.equal(firstOperationName('# reference\n query UserOrders($id: ID!) { user(id: $id) { id } }'), 'UserOrders');
    assert.equal(firstOperationName('{ categories { id } }'), null);
    assert.equal(firstOperationName(undefined), null);
  });

  it('prefers the API key client to the header, and refuses names that are no plain names', () => {
    assert.equal(clientLabel('billing', 'web-shop'), 'billing');
    assert.equal(clientLabel(null, 'web-shop'), 'web-shop');
    assert.equal(clientLabel(null, 'evil"} 1\nfake_metric'), 'unknown');
    assert.equal(clientLabel(null, null), 'unknown');
  });
});

async function scrape(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const [, name, labels = '', value] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    return { name, labels: Object.fromEntries([...labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]])), value: Number(value) };
  });
}

function sum(samples, name, labels) {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}
