// The router's client for subgraph fetches (router/subgraph-fetch.mjs) against a real HTTP server on
// loopback: what it sends, what it answers, connections kept, failures. That the real router answers
// through it (a subgraph down, slow or refusing) is the router-*.test.mjs suites'.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { fetch as gatewayFetch } from '@whatwg-node/fetch';
import { subgraphFetch, useSubgraphFetch } from '../router/subgraph-fetch.mjs';

describe('subgraph fetch', () => {
  const seen = [];
  let server;
  let base;
  const fetch = subgraphFetch();

  before(async () => {
    server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString(),
          port: req.socket.remotePort });
        const route = routes[req.url];
        if (route) {
          route(res);
        } else {
          res.writeHead(200, { 'content-type': 'application/graphql-response+json', 'x-subgraph': 'users' });
          res.end(JSON.stringify({ data: { echo: Buffer.concat(chunks).toString() } }));
        }
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });

  after(async () => {
    await fetch.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const routes = {
    '/refused': (res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('down for maintenance'),
    '/empty': (res) => res.writeHead(204).end(),
    '/gzip': (res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      .end(gzipSync(JSON.stringify({ data: { zipped: true } }))),
    '/odd-encoding': (res) => res.writeHead(200, { 'content-encoding': 'compress' }).end('x'),
    '/cookies': (res) => res.writeHead(200, [['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['content-type', 'application/json']]).end('{}'),
    '/slow': (res) => setTimeout(() => res.writeHead(200).end('{}'), 2_000),
  };

  it('sends the method, headers and body as given and answers status, headers and text', async () => {
    const body = JSON.stringify({ query: '{ me { id } }' });
    const response = await fetch(`${base}/graphql`, {
      method: 'POST', body, headers: { 'content-type': 'application/json', 'x-router-freshness': 'stamp', authorization: 'Bearer t' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-subgraph'), 'users');
    assert.equal(response.headers.get('content-type'), 'application/graphql-response+json');
    assert.deepEqual(JSON.parse(await response.text()), { data: { echo: body } });
    const request = seen.at(-1);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/graphql');
    assert.equal(request.body, body);
    assert.equal(request.headers['x-router-freshness'], 'stamp');
    assert.equal(request.headers.authorization, 'Bearer t');
    assert.equal(request.headers['content-length'], String(Buffer.byteLength(body)));
  });

  it('keeps its connections for the next requests', async () => {
    const from = seen.length;
    for (let i = 0; i < 8; i += 1) {
      await (await fetch(`${base}/graphql`, { method: 'POST', body: '{}' })).text();
    }
    // undici's pool may open a second connection while the first is finishing an answer, not one each.
    assert.ok(new Set(seen.slice(from).map(({ port }) => port)).size <= 2);
  });

  it('hands on the answer\'s headers, not the connection\'s', async () => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', body: '{}' });
    await response.text();
    for (const name of ['connection', 'keep-alive', 'transfer-encoding']) {
      assert.equal(response.headers.get(name), null, name);
    }
  });

  it('answers an error status with its body, as the executor expects to read it', async () => {
    const response = await fetch(`${base}/refused`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 503);
    assert.equal(await response.text(), 'down for maintenance');
  });

  it('answers a status without a body', async () => {
    const response = await fetch(`${base}/empty`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
  });

  it('decodes a compressed answer and refuses an encoding it cannot decode', async () => {
    const response = await fetch(`${base}/gzip`, { method: 'POST', body: '{}' });
    assert.deepEqual(JSON.parse(await response.text()), { data: { zipped: true } });
    assert.equal(response.headers.get('content-encoding'), null);
    await assert.rejects(fetch(`${base}/odd-encoding`, { method: 'POST', body: '{}' }), /content encoding compress/);
  });

  it('keeps every value of a repeated header', async () => {
    const response = await fetch(`${base}/cookies`, { method: 'POST', body: '{}' });
    assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
  });

  it('stops at once when its signal aborts, with the signal\'s reason', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const answer = fetch(`${base}/slow`, { method: 'POST', body: '{}', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('timed out by the router')), 50);
    await assert.rejects(answer, /timed out by the router/);
    assert.ok(Date.now() - started < 1_000);
  });

  it('rejects when nothing listens', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' }), { code: 'ECONNREFUSED' });
  });
});

describe('useSubgraphFetch', () => {
  const fetchOf = (payload) => {
    let chosen = null;
    useSubgraphFetch().onFetch({ fetchFn: gatewayFetch, ...payload, setFetchFn: (fn) => { chosen = fn; } });
    return chosen;
  };

  it('takes the query plan\'s fetches with a text or byte body', () => {
    assert.equal(typeof fetchOf({ executionRequest: { operationType: 'query' }, options: { body: '{}' } }), 'function');
    assert.equal(typeof fetchOf({ executionRequest: {}, options: { body: new Uint8Array(2) } }), 'function');
  });

  it('leaves the gateway\'s fetch to other fetches, streamed bodies and subscriptions', () => {
    assert.equal(fetchOf({ executionRequest: undefined, options: { body: '{}' } }), null);
    assert.equal(fetchOf({ executionRequest: {}, options: { body: new ReadableStream() } }), null);
    assert.equal(fetchOf({ executionRequest: { operationType: 'subscription' }, options: { body: '{}' } }), null);
  });

  it('never takes the place of a fetch another plugin has wrapped', () => {
    const wrapped = (url, options) => gatewayFetch(url, options);
    assert.equal(fetchOf({ fetchFn: wrapped, executionRequest: {}, options: { body: '{}' } }), null);
  });
});
