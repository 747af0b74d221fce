// The router's part of a request's trace (router/tracing.mjs), against the real router, stand-in
// subgraphs that record what they receive, and a real OTLP/HTTP receiver on loopback: one trace per
// request whose id is the request id, spans parented to one root, `traceparent` on every subgraph
// fetch whether or not the trace is sampled, and no credential in any span.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGateway, gatewayDir } from './support/gateway.mjs';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';
import { post } from './support/http.mjs';
import { startOtlpReceiver } from './support/otlp-receiver.mjs';
import { createSigner } from './support/tokens.mjs';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { onlyWhenSampled, traceSampling } from '../router/tracing.mjs';

const USER_ORDERS = readFileSync(resolve(gatewayDir, 'operations', 'UserOrders.graphql'), 'utf8');

describe('router tracing', () => {
  let subgraphs;
  let receiver;
  let sampled;
  let unsampled;
  let token;
  const dir = mkdtempSync(join(tmpdir(), 'router-tracing-'));

  before(async () => {
    token = createSigner(join(dir, 'jwt.pem'))({ sub: '1', scope: 'orders:read' });
    subgraphs = await startSchemaSubgraphs({ record: true });
    receiver = await startOtlpReceiver();
    const env = (ratio) => ({
      GATEWAY_MODE: 'dev',
      JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem'),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url,
      TRACE_SAMPLING_RATIO: ratio,
      OTEL_SERVICE_NAME: `router-${ratio}`,
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), subgraphs.urls[name]])),
    });
    [sampled, unsampled] = await Promise.all([startGateway(env('1')), startGateway(env('0'))]);
  });

  after(async () => {
    await Promise.all([sampled?.stop(), unsampled?.stop()]);
    await subgraphs?.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `UserOrders` through `router`: the response's request id (a trace id) and the subgraph fetches it made. */
  const userOrders = async (router, headers = {}) => {
    const before = subgraphs.received.length;
    const response = await post(router.url, { query: USER_ORDERS, variables: { userId: '1' } },
      { authorization: `Bearer ${token}`, ...headers });
    assert.equal(response.status, 200);
    const traceId = response.headers.get('x-request-id');
    assert.match(traceId, /^[0-9a-f]{32}$/);
    return { traceId, fetches: subgraphs.received.slice(before) };
  };

  it('exports one trace per request, its id the request id, every span under the request\'s', async () => {
    const before = subgraphs.received.length;
    const response = await post(sampled.url, { query: USER_ORDERS, variables: { userId: '1' } },
      { authorization: `Bearer ${token}` });
    assert.equal(response.status, 200);
    const traceId = response.headers.get('x-request-id');
    assert.match(traceId, /^[0-9a-f]{32}$/);

    const spans = await receiver.spansOf(traceId, (all) => all.some((span) => span.name.startsWith('http')));
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const roots = spans.filter((span) => !span.parentSpanId);
    assert.equal(roots.length, 1, `one root span, got ${roots.map((span) => span.name)}`);
    for (const span of spans.filter((each) => each.parentSpanId)) {
      assert.ok(byId.has(span.parentSpanId), `${span.name}'s parent is in the trace`);
    }
    assert.ok(spans.some((span) => span.name.startsWith('subgraph.execute')), 'a span per subgraph fetch');

    const fetches = subgraphs.received.slice(before);
    assert.ok(fetches.length >= 3, 'the query plan fetched from several subgraphs');
    for (const { subgraph, headers } of fetches) {
      const [, fetchTrace, parent, flags] = headers.traceparent.split('-');
      assert.equal(fetchTrace, traceId, `${subgraph} is asked within the request's trace`);
      assert.equal(flags, '01');
      assert.ok(byId.has(parent), `${subgraph}'s parent span is exported`);
    }
    const everything = JSON.stringify(spans);
    assert.ok(!everything.includes(token.split('.')[2]), 'no span carries the token');
  });

  it('records a GET request\'s path, never its query string with the variables', async () => {
    const secret = 'variable-value-7f3a';
    const params = new URLSearchParams({ query: 'query Product($id: ID!) { product(id: $id) { id } }',
      variables: JSON.stringify({ id: secret }) });
    const response = await fetch(`${sampled.url}/graphql?${params}`, { headers: { accept: 'application/json' } });
    assert.equal(response.status, 200, await response.clone().text());
    const traceId = response.headers.get('x-request-id');
    const spans = await receiver.spansOf(traceId, (all) => all.some((span) => span.name.startsWith('GET')));
    assert.ok(!JSON.stringify(spans).includes(secret), 'no span carries a variable');
    const urls = spans.flatMap((span) => span.attributes).filter(({ key }) => key === 'http.url')
      .map(({ value }) => value.stringValue);
    assert.ok(urls.includes(`${sampled.url}/graphql`), urls.join());
    assert.ok(urls.every((url) => !url.includes('?')), urls.join());
  });

  it('names a request\'s span by the route the router serves, never by a path the client made up', async () => {
    const made = 'made-up-path-5c1e';
    const expected = { [`/${made}`]: 'GET', [`/graphql/${made}`]: 'GET', [`/ops/${made}`]: 'GET /ops', '/graphql': 'GET /graphql' };
    for (const [path, name] of Object.entries(expected)) {
      const response = await fetch(`${sampled.url}${path}`, { headers: { accept: 'application/json' } });
      await response.arrayBuffer();
      const traceId = response.headers.get('x-request-id');
      const spans = await receiver.spansOf(traceId, (all) => all.some((span) => span.name.startsWith('GET')));
      const root = spans.find((span) => !span.parentSpanId);
      assert.equal(root?.name, name, `${path}: ${spans.map((span) => span.name)}`);
      assert.ok(!JSON.stringify(spans).includes(made), `${path}: ${JSON.stringify(root)}`);
      const route = root.attributes.find(({ key }) => key === 'http.route')?.value.stringValue;
      assert.equal(route, name === 'GET' ? undefined : name.slice('GET '.length), path);
    }
  });

  it('records an error on its span without the value of a variable the client sent', async () => {
    const secret = 'variable-value-9c2e';
    const product = 'query Product($id: ID!) { product(id: $id) { id } }';
    const sent = [
      // graphql-js quotes the value in the message the client gets, and in the inner error's stack
      { id: { card: secret } },
      { id: { [`key\n${secret}`]: 1 } },
      { id: [secret] },
    ];
    for (const variables of sent) {
      const response = await post(sampled.url, { query: product, variables });
      assert.equal(response.status, 400, response.text);
      const traceId = response.headers.get('x-request-id');
      const spans = await receiver.spansOf(traceId, (all) => all.some((span) => span.events?.length));
      assert.ok(!JSON.stringify(spans).includes(secret), `no span carries the variable's value: ${JSON.stringify(spans)}`);
      const messages = spans.flatMap((span) => span.events ?? []).flatMap((event) => event.attributes)
        .filter(({ key }) => key === 'exception.message').map(({ value }) => value.stringValue);
      assert.ok(messages.includes('Variable "$id" got an invalid value'), messages.join());
    }
    const params = new URLSearchParams({ query: product, variables: JSON.stringify({ id: { card: secret } }) });
    const get = await fetch(`${sampled.url}/graphql?${params}`, { headers: { accept: 'application/json' } });
    assert.equal(get.status, 400);
    const spans = await receiver.spansOf(get.headers.get('x-request-id'), (all) => all.some((span) => span.events?.length));
    assert.ok(!JSON.stringify(spans).includes(secret), 'no span of a GET request carries the variable\'s value');
  });

  it('continues the caller\'s trace', async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await post(sampled.url, { query: '{ categories { id } }' },
      { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` });
    assert.equal(response.headers.get('x-request-id'), callerTrace);
    const spans = await receiver.spansOf(callerTrace, (all) => all.some((span) => span.parentSpanId === '00f067aa0ba902b7'));
    assert.ok(spans.length > 1);
  });

  it('answers a client\'s own X-Request-Id with the trace id, which every subgraph fetch carries too', async () => {
    for (const router of [sampled, unsampled]) {
      const { traceId, fetches } = await userOrders(router, { 'x-request-id': 'client-id-12345' });
      assert.ok(fetches.length >= 3);
      for (const { headers } of fetches) {
        assert.equal(headers.traceparent.split('-')[1], traceId);
        assert.equal(headers['x-request-id'], traceId);
      }
    }
  });

  it('puts the trace id into the errors as their request id, sampled or not', async () => {
    for (const router of [sampled, unsampled]) {
      const response = await post(router.url, { query: '{ nope }' });
      assert.equal(response.status, 400);
      const traceId = response.headers.get('x-request-id');
      assert.match(traceId, /^[0-9a-f]{32}$/);
      assert.equal(response.json.errors[0].extensions.requestId, traceId);
      if (router === sampled) {
        assert.ok((await receiver.spansOf(traceId, (all) => all.length > 0)).length > 0);
      }
    }
  });

  it('starts a trace of its own for a caller\'s traceparent that is not valid', async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    // An all-zero parent id, version ff, an all-zero trace id (contract/traceparents.json has them all).
    const invalid = [`00-${callerTrace}-0000000000000000`, `ff-${callerTrace}-00f067aa0ba902b7`,
      `00-${'0'.repeat(32)}-00f067aa0ba902b7`, `00-${callerTrace}-00f067aa0ba902b7-00-more`];
    for (const traceparent of invalid.flatMap((header) => [`${header}-01`, `${header}-00`])) {
      for (const router of [sampled, unsampled]) {
        const { traceId, fetches } = await userOrders(router, { traceparent });
        assert.ok(!traceparent.includes(traceId), `${traceparent}: a trace of its own, got ${traceId}`);
        for (const { headers } of fetches) {
          assert.equal(headers.traceparent.split('-')[1], traceId, traceparent);
        }
      }
    }
  });

  it('propagates an unsampled trace to the subgraphs without exporting it', async () => {
    const { traceId, fetches } = await userOrders(unsampled);
    assert.ok(fetches.length >= 3);
    for (const { headers } of fetches) {
      const [, fetchTrace, , flags] = headers.traceparent.split('-');
      assert.equal(fetchTrace, traceId);
      assert.equal(flags, '00');
    }
    // The sampled router's exports keep arriving; this trace is never among them.
    await new Promise((done) => setTimeout(done, 1500));
    assert.equal(receiver.spans().filter((span) => span.traceId === traceId).length, 0);
  });
});

describe('trace sampling at the router\'s door', () => {
  const sampledShare = (ratio, headers = {}) => {
    const { pluginOptions } = traceSampling(ratio);
    let sampled = 0;
    for (let i = 0; i < 4000; i++) {
      const request = new Request('http://router/graphql', { headers });
      sampled += pluginOptions.traces.spans.http({ request, ignoredRequests: new WeakSet() }) ? 1 : 0;
    }
    return sampled / 4000;
  };

  it('samples the configured share of new traces, none at 0 and all at 1', () => {
    assert.equal(sampledShare(0), 0);
    assert.equal(sampledShare(1), 1);
    const tenth = sampledShare(0.1);
    assert.ok(tenth > 0.07 && tenth < 0.13, `about 10 %, got ${tenth}`);
  });

  it('follows the caller\'s sampled flag whatever the ratio', () => {
    assert.equal(sampledShare(0, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }), 1);
    assert.equal(sampledShare(1, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' }), 0);
  });

  it('gives an unsampled request the caller\'s trace id, else a new one, as its request id', () => {
    const { requestId } = traceSampling(0);
    const caller = new Request('http://router/graphql',
      { headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' } });
    assert.equal(requestId({ request: caller }), '4bf92f3577b34da6a3ce929d0e0e4736');
    const fresh = new Request('http://router/graphql');
    assert.match(requestId({ request: fresh }), /^[0-9a-f]{32}$/);
    assert.equal(requestId({ request: fresh }), requestId({ request: fresh }), 'one id per request');
  });
});

describe('the OpenTelemetry plugin for sampled requests only', () => {
  // A stand-in with the plugin's shape: hooks, instrumentation and a getter; it records what reaches it.
  const recording = () => {
    const calls = [];
    const plugin = {
      get tracer() { return 'the tracer'; },
      onYogaInit: () => calls.push('onYogaInit'),
      onRequest: ({ request }) => calls.push(`onRequest ${request.url}`),
      onExecute: ({ args }) => calls.push(`onExecute ${args.contextValue.request.url}`),
      onSubgraphExecute: ({ executionRequest }) => calls.push(`onSubgraphExecute ${executionRequest.context.request.url}`),
      onFetch: ({ context }) => calls.push(`onFetch ${context.request.url}`),
      instrumentation: {
        operation: ({ context }, wrapped) => { calls.push(`operation ${context.request.url}`); return wrapped(); },
        schema: (_, wrapped) => { calls.push('schema'); return wrapped(); },
      },
    };
    return { calls, plugin };
  };
  const sampled = new Request('http://router/sampled');
  const unsampled = new Request('http://router/unsampled');
  const phases = (request) => {
    const context = { request };
    return [
      ['onRequest', { request }],
      ['onExecute', { args: { contextValue: context } }],
      ['onSubgraphExecute', { executionRequest: { context } }],
      ['onFetch', { context }],
    ];
  };

  it('passes every phase of a sampled request to the plugin and none of an unsampled one', () => {
    const { calls, plugin } = recording();
    const gated = onlyWhenSampled(plugin, (request) => request === sampled);
    for (const request of [sampled, unsampled]) {
      for (const [hook, payload] of phases(request)) {
        gated[hook](payload);
      }
      assert.equal(gated.instrumentation.operation({ context: { request } }, () => 'result'), 'result');
    }
    assert.deepEqual(calls, ['onRequest http://router/sampled', 'onExecute http://router/sampled',
      'onSubgraphExecute http://router/sampled', 'onFetch http://router/sampled', 'operation http://router/sampled']);
  });

  it('always runs hooks that belong to no request, and keeps the plugin\'s getters', () => {
    const { calls, plugin } = recording();
    const gated = onlyWhenSampled(plugin, () => false);
    gated.onYogaInit({ yoga: {} });
    assert.equal(gated.instrumentation.schema({}, () => 'loaded'), 'loaded');
    assert.equal(gated.tracer, 'the tracer');
    assert.deepEqual(calls, ['onYogaInit', 'schema']);
  });

  it('leaves out the cache hooks, which would run for every cache read with cache events off', () => {
    const { plugin } = recording();
    const gated = onlyWhenSampled({ ...plugin, onCacheGet: () => {}, onCacheSet: () => {} }, () => true);
    assert.equal(gated.onCacheGet, undefined);
    assert.equal(gated.onCacheSet, undefined);
    assert.equal(typeof gated.onYogaInit, 'function');
  });
});
