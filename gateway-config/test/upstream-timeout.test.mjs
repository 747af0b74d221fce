// The subgraphs' timeouts (router/upstream-timeout.mjs), driven through the plugin's hook as Hive
// Gateway drives it. That a real router cuts a slow subgraph short and names it is
// router-dev.test.mjs's "gives up on a slow subgraph after its own timeout".
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { parse } from 'graphql';
import { SETTLED, useUpstreamTimeouts } from '../router/upstream-timeout.mjs';

// users' 30 ms for the timeouts the tests drive; orders' minute for a real server that must answer in time even on a
// busy machine (a test of listeners, not of time).
const timeouts = { users: 30, orders: 60_000 };

/** The executor the plugin sets for `subgraphName` around `execute`, or null when it sets none. */
function timedExecutor(subgraphName, execute) {
  let executor = null;
  useUpstreamTimeouts((name) => timeouts[name]).onSubgraphExecute({
    subgraphName,
    executor: execute,
    setExecutor: (wrapped) => { executor = wrapped; },
  });
  return executor;
}

describe('upstream timeout', () => {
  it('answers what the subgraph answers in time, and clears its timer', async () => {
    let signal;
    const execute = timedExecutor('users', async (request) => {
      signal = request.signal;
      return { data: { user: { id: '1' } } };
    });
    assert.deepEqual(await execute({ document: null }), { data: { user: { id: '1' } } });
    await sleep(60);
    assert.equal(signal.reason, SETTLED, 'no timeout fires after the answer; the finished request\'s signal is let go');
  });

  it('fails a subgraph request that does not answer in time with GATEWAY_TIMEOUT, and aborts its fetch', async () => {
    let signal;
    const execute = timedExecutor('users', (request) => {
      signal = request.signal;
      return new Promise(() => {});
    });
    const started = Date.now();
    await assert.rejects(execute({}), (error) => {
      assert.equal(error.extensions.code, 'GATEWAY_TIMEOUT');
      assert.equal(error.extensions.serviceName, 'users');
      return true;
    });
    assert.ok(Date.now() - started >= 25, 'not before the timeout');
    assert.equal(signal.aborted, true);
    assert.equal(signal.reason.extensions.code, 'GATEWAY_TIMEOUT');
  });

  it('aborts the subgraph request with the client request, for the client\'s reason', async () => {
    const client = new AbortController();
    let signal;
    const execute = timedExecutor('users', async (request) => {
      signal = request.signal;
      return { data: {} };
    });
    await execute({ signal: client.signal });
    client.abort(new Error('client gone'));
    assert.equal(signal.reason, SETTLED, 'a settled request lets go of the client\'s signal');
    assert.equal(getEventListeners(client.signal, 'abort').length, 0);

    const pending = timedExecutor('users', (request) => {
      signal = request.signal;
      return new Promise((resolve) => request.signal.addEventListener('abort', () => resolve({ errors: [request.signal.reason] })));
    });
    const second = new AbortController();
    const result = pending({ signal: second.signal });
    second.abort(new Error('client gone'));
    assert.equal((await result).errors[0].message, 'client gone');
    const aborted = new AbortController();
    aborted.abort(new Error('gone before'));
    await timedExecutor('users', async (request) => {
      assert.equal(request.signal.reason.message, 'gone before');
      return {};
    })({ signal: aborted.signal });
  });

  it('lets go of a failed request\'s signal, and keeps a streamed answer\'s open', async () => {
    let signal;
    const failing = timedExecutor('users', async (request) => {
      signal = request.signal;
      throw new Error('connection refused');
    });
    await assert.rejects(failing({}), /connection refused/);
    assert.equal(signal.reason, SETTLED);
    const streamed = timedExecutor('users', async (request) => {
      signal = request.signal;
      return (async function* parts() { yield { data: {} }; })();
    });
    const parts = await streamed({});
    assert.equal(signal.aborted, false, 'the rest of a streamed answer still comes through the signal');
    assert.deepEqual((await parts.next()).value, { data: {} });
  });

  describe('with Hive\'s HTTP executor against a real subgraph server', () => {
    let server;
    let endpoint;
    before(async () => {
      server = createServer((request, response) => {
        request.resume().on('end', () => {
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"user":{"id":"1"}}}');
        });
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${server.address().port}/graphql`;
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    it('leaves no listener of the executor on the request\'s signal once the answer is in', async () => {
      const executor = buildHTTPExecutor({ endpoint });
      const signals = [];
      const execute = timedExecutor('orders', (request) => {
        signals.push(request.signal);
        return executor(request);
      });
      const document = parse('{ user(id: "1") { id } }');
      for (let i = 0; i < 3; i += 1) {
        assert.deepEqual(await execute({ document }), { data: { user: { id: '1' } } });
      }
      // The executor joins each request's signal to a gateway-long one of its own, by listeners on both.
      for (const signal of signals) {
        assert.equal(getEventListeners(signal, 'abort').length, 0);
      }
      const executing = execute({ document });
      assert.equal(getEventListeners(signals.at(-1), 'abort').length, 1, 'the executor listens while the request runs');
      await executing;
      assert.equal(getEventListeners(signals.at(-1), 'abort').length, 0);
      await executor[Symbol.asyncDispose]?.();
    });
  });

  it('leaves a subgraph without a timeout alone, and passes answers given at once through', () => {
    assert.equal(timedExecutor('catalog', () => ({})), null);
    assert.equal(timedExecutor(undefined, () => ({})), null);
    const answer = { data: { ok: true } };
    assert.equal(timedExecutor('users', () => answer)({}), answer);
  });
});
