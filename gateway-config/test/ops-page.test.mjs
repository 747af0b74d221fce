// The operator page's data as an operator reads it (docs/observability.md#the-operator-page-ops): label
// values as they are, counters of a restarted process, rows only for what happened in the window, a
// window that says what it covers, scrapes bounded however many pages ask, and why a subgraph is not ready.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { coalesced, increase, opsView, parseMetrics, readiness, ScrapeWindow, withinWindow } from '../router/ops-data.mjs';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';

describe('the operator page data', () => {
  it('shows a label value as it is, not as the exposition format escapes it', () => {
    const [sample] = parseMetrics('graphql_errors_total{code="a\\"b\\\\c\\nd",operation="x"} 2');
    assert.deepEqual(sample.labels, { code: 'a"b\\c\nd', operation: 'x' });
  });

  it('reads a counter below its earlier value as reset by a restart: counted from zero since', () => {
    const before = parseMetrics('graphql_errors_total{code="INTERNAL"} 500\ncache_gets_total{result="hit"} 40');
    const after = parseMetrics('graphql_errors_total{code="INTERNAL"} 7\ncache_gets_total{result="hit"} 45');
    assert.deepEqual(increase(after, before).map((sample) => sample.value), [7, 5]);
  });

  it('has rows only for operations, fields, statement counts and caches used in the window', () => {
    const router = parseMetrics([
      'router_operation_duration_seconds_bucket{operation="Idle",client="a",outcome="ok",le="+Inf"} 0',
      'router_operation_duration_seconds_sum{operation="Idle",client="a",outcome="ok"} 0',
      'router_operation_duration_seconds_count{operation="Idle",client="a",outcome="ok"} 0',
      'router_operation_duration_seconds_bucket{operation="Busy",client="a",outcome="ok",le="+Inf"} 2',
      'router_operation_duration_seconds_sum{operation="Busy",client="a",outcome="ok"} 0.1',
      'router_operation_duration_seconds_count{operation="Busy",client="a",outcome="ok"} 2',
      'router_document_cache_total{result="hit"} 0',
      'router_document_cache_total{result="miss"} 0',
    ].join('\n'));
    const catalog = parseMetrics([
      'graphql_datafetcher_seconds_count{graphql_field_name="Query.idle"} 0',
      'graphql_datafetcher_seconds_sum{graphql_field_name="Query.idle"} 0',
      'graphql_datafetcher_seconds_count{graphql_field_name="Query.busy"} 3',
      'graphql_datafetcher_seconds_sum{graphql_field_name="Query.busy"} 0.3',
      'graphql_operation_sql_statements_count{operation="Idle"} 0',
      'graphql_operation_sql_statements_sum{operation="Idle"} 0',
      'graphql_operation_sql_statements_count{operation="Busy"} 2',
      'graphql_operation_sql_statements_sum{operation="Busy"} 4',
      'cache_gets_total{cache="idle",result="hit"} 0',
      'cache_gets_total{cache="idle",result="miss"} 0',
      'cache_gets_total{cache="busy",result="hit"} 1',
      'cache_gets_total{cache="busy",result="miss"} 1',
    ].join('\n'));
    const view = opsView({ router, subgraphs: { catalog: { samples: catalog, up: true } } });
    assert.deepEqual(view.hotOperations.map((row) => row.operation), ['Busy']);
    assert.deepEqual(view.slowOperations.map((row) => row.operation), ['Busy']);
    assert.deepEqual(view.hotFields.map((row) => row.field), ['Query.busy']);
    assert.deepEqual(view.sqlPerOperation.map((row) => row.operation), ['Busy']);
    assert.deepEqual(view.caches.map((row) => row.cache), ['busy']);
  });

  it('keeps the mean of a huge sum a number', () => {
    const catalog = parseMetrics('graphql_datafetcher_seconds_count{graphql_field_name="Query.huge"} 4\n'
      + 'graphql_datafetcher_seconds_sum{graphql_field_name="Query.huge"} 4e305');
    const [field] = opsView({ router: [], subgraphs: { catalog: { samples: catalog, up: true } } }).hotFields;
    const { meanMs } = JSON.parse(JSON.stringify(field));
    assert.ok(Math.abs(meanMs / 1e308 - 1) < 1e-9, `${meanMs}`);
  });

  it('keeps at most one scrape per second in the window and says which one it compares with', () => {
    const window = new ScrapeWindow(60000);
    assert.equal(window.add('first', 0), null);
    assert.equal(window.baselineAt, null);
    // asked again within the second: compared with the first, and not kept itself
    assert.equal(window.add('again', 500), 'first');
    assert.equal(window.add('later', 30000), 'first');
    assert.equal(window.baselineAt, 0);
    assert.equal(window.add('last', 60200), 'later');
    assert.equal(window.baselineAt, 30000);
  });

  it('computes the view once for every page that asks while it is under way, and anew after', async () => {
    let computed = 0;
    let finish;
    const view = coalesced(() => {
      computed += 1;
      return new Promise((done) => (finish = done));
    });
    const asked = Array.from({ length: 10 }, view);
    await Promise.resolve();
    finish('scraped');
    assert.deepEqual(await Promise.all(asked), Array(10).fill('scraped'));
    assert.equal(computed, 1);
    const next = view();
    await Promise.resolve();
    finish('again');
    assert.equal(await next, 'again');
    assert.equal(computed, 2);
  });

  it('reads a subgraph as ready only when its readiness says UP, and names the checks that are not', () => {
    const down = '{"status":"DOWN","components":{"db":{"status":"DOWN"},"readinessState":{"status":"UP"}}}';
    assert.deepEqual(readiness(down), { up: false, notReady: ['db'] });
    assert.deepEqual(readiness('{"status":"OUT_OF_SERVICE","components":{"readinessState":{"status":"OUT_OF_SERVICE"}}}'),
      { up: false, notReady: ['readinessState'] });
    assert.deepEqual(readiness('{"status":"UP","components":{"db":{"status":"UP"}}}'), { up: true, notReady: [] });
    for (const body of [null, '', 'UP', '"UP"', '{"status":"DOWN","note":"UP"}']) {
      assert.equal(readiness(body).up, false, String(body));
    }
    assert.deepEqual(readiness('{"status":"UP","components":"db"}'), { up: true, notReady: [] });
  });

  it('names no slowest request older than the window', () => {
    const recent = { Old: { traceId: 'a', ms: 900, at: 1000 }, New: { traceId: 'b', ms: 5, at: 59000 } };
    assert.deepEqual(Object.keys(withinWindow(recent, 62000, 60000)), ['New']);
  });
});

describe('the operator page of a real router', () => {
  let gateway;
  let subgraphs;

  before(async () => {
    // Every registered subgraph at one stand-in that serves metrics and readiness; orders' database is down.
    subgraphs = createServer((req, res) => {
      const [, name, ...rest] = req.url.split('/');
      if (rest.join('/') === 'actuator/prometheus') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('graphql_errors_total{code="INTERNAL",operation="x",client="y"} 1\n');
        return;
      }
      const ready = name !== 'orders';
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ready ? 'UP' : 'DOWN',
        components: { db: { status: ready ? 'UP' : 'DOWN' }, readinessState: { status: 'UP' } } }));
    });
    await new Promise((done) => subgraphs.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${subgraphs.address().port}`;
    gateway = await startGateway(Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), `${base}/${name}/graphql`])));
  });

  after(async () => {
    await gateway?.stop();
    await new Promise((done) => subgraphs.close(done));
  });

  const data = async () => (await fetch(`${gateway.url}/ops/data`)).json();

  it('says that its first view counts since the start, and then the seconds it covers', async () => {
    assert.equal((await data()).windowSeconds, null);
    // the next view compares with the first scrape: it covers the time since then, within the minute
    await new Promise((done) => setTimeout(done, 1100));
    const { windowSeconds } = await data();
    assert.ok(Number.isInteger(windowSeconds) && windowSeconds >= 1 && windowSeconds <= 60, `${windowSeconds}`);
  });

  it('shows which check of a subgraph is not ready', async () => {
    const health = Object.fromEntries((await data()).health.map(({ subgraph, up, notReady }) => [subgraph, { up, notReady }]));
    assert.deepEqual(health, Object.fromEntries(SUBGRAPHS.map(({ name }) =>
      [name, name === 'orders' ? { up: false, notReady: ['db'] } : { up: true, notReady: [] }])));
  });

  it('declares its icon, so that a browser asks the router for nothing it does not serve', async () => {
    const page = await (await fetch(`${gateway.url}/ops`)).text();
    assert.match(page, /<link rel="icon" href="data:,">/);
    for (const [, asset] of page.matchAll(/(?:href|src)="(\/[^"]*)"/g)) {
      assert.equal((await fetch(`${gateway.url}${asset}`)).status, 200, asset);
    }
    assert.equal(page, readFileSync(resolve(gatewayDir, 'observability', 'ops', 'index.html'), 'utf8'));
  });
});
