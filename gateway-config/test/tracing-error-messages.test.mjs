// The router's spans of a request whose subgraph answers with an error that quotes what the client
// sent (as the catalog's "Malformed id: …" does): the real router, a stand-in subgraph and a real
// OTLP/HTTP receiver on loopback. No span may carry a variable (docs/observability.md "Traces"), so an
// execution error's message is withheld from the spans; its code, and parsing's and validation's
// messages (which quote only the document), stay.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startGateway } from './support/gateway.mjs';
import { post } from './support/http.mjs';
import { startOtlpReceiver } from './support/otlp-receiver.mjs';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { WITHHELD_MESSAGE } from '../router/tracing.mjs';

describe('the router\'s spans of an error that quotes the client\'s values', () => {
  let subgraph;
  let receiver;
  let router;

  before(async () => {
    // Every subgraph request is answered with an error quoting the request's variables.
    subgraph = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const { variables } = JSON.parse(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { product: null },
          errors: [{ message: `Malformed id: ${JSON.stringify(variables)}`, path: ['product'], extensions: { code: 'BAD_USER_INPUT' } }] }));
      });
    });
    await new Promise((done) => subgraph.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${subgraph.address().port}`;
    receiver = await startOtlpReceiver();
    router = await startGateway({ GATEWAY_MODE: 'dev', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url, TRACE_SAMPLING_RATIO: '1',
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), `${base}/${name}`])) });
  });

  after(async () => {
    await router?.stop();
    await new Promise((done) => subgraph?.close(done));
    await receiver?.close();
  });

  const errorEvents = (spans) => spans.flatMap((span) => (span.events ?? []).map((event) =>
    ({ span: span.name, ...Object.fromEntries(event.attributes.map(({ key, value }) => [key, value.stringValue])) })));

  it('withholds the message of a subgraph\'s error from every span, keeps its code', async () => {
    const secret = 'variable-value-51d0';
    const response = await post(router.url, { query: 'query P($id: ID!) { product(id: $id) { id } }', variables: { id: secret } });
    assert.equal(response.status, 200);
    assert.match(response.json.errors[0].message, new RegExp(secret), 'the client is told');
    const traceId = response.headers.get('x-request-id');
    const spans = await receiver.spansOf(traceId, (all) => all.some((span) => span.name.startsWith('POST')));
    assert.ok(!JSON.stringify(spans).includes(secret), `no span carries the variable: ${JSON.stringify(spans)}`);
    const execute = spans.find((span) => span.name === 'graphql.execute');
    assert.equal(execute.status.message, WITHHELD_MESSAGE);
    assert.deepEqual(errorEvents([execute]).map((event) => event['exception.message']), [WITHHELD_MESSAGE]);
    assert.match(errorEvents([execute])[0]['exception.stacktrace'], /^ {4}at /, 'the stack\'s frames stay');
    const codes = execute.attributes.find(({ key }) => key === 'hive.graphql.error.codes').value.arrayValue.values;
    assert.deepEqual(codes.map(({ stringValue }) => stringValue), ['BAD_USER_INPUT']);
  });

  it('keeps the message of a validation error, which quotes only the document', async () => {
    const response = await post(router.url, { query: '{ nope }' });
    assert.equal(response.status, 400);
    const spans = await receiver.spansOf(response.headers.get('x-request-id'), (all) => all.some((span) => span.name === 'graphql.validate'));
    const messages = errorEvents(spans).map((event) => event['exception.message']);
    assert.ok(messages.some((message) => message.startsWith('Cannot query field "nope"')), messages.join());
  });
});
