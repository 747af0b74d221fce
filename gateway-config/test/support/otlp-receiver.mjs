// A real OTLP/HTTP (JSON) trace receiver on loopback, for the tests that export the router's spans.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';

/** An OTLP/HTTP (JSON) trace receiver: keeps every span it is sent. */
export async function startOtlpReceiver() {
  const spans = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const payload = JSON.parse(body);
      for (const resource of payload.resourceSpans ?? []) {
        for (const scope of resource.scopeSpans ?? []) {
          spans.push(...scope.spans);
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/v1/traces`,
    spans: () => spans,
    /** The spans of a trace once `complete` says they are all there (the exporter batches: bounded wait). */
    async spansOf(traceId, complete) {
      for (let attempt = 0; attempt < 100; attempt++) {
        const found = spans.filter((span) => span.traceId === traceId);
        if (found.length && complete(found)) {
          return found;
        }
        await new Promise((done) => setTimeout(done, 200));
      }
      assert.fail(`trace ${traceId} was not exported; received ${spans.length} spans`);
    },
    close: () => new Promise((done) => server.close(done)),
  };
}
