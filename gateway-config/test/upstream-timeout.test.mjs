// The subgraphs' timeouts (router/upstream-timeout.mjs), driven through the plugin's hook as Hive
// Gateway drives it. That a real router cuts a slow subgraph short and names it is
// router-dev.test.mjs's "gives up on a slow subgraph after its own timeout".
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { useUpstreamTimeouts } from '../router/upstream-timeout.mjs';

const timeouts = { users: 30 };

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
    assert.equal(signal.aborted, false, 'no timeout fires after the answer');
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
    assert.equal(signal.aborted, false, 'a settled request lets go of the client\'s signal');

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

  it('leaves a subgraph without a timeout alone, and passes answers given at once through', () => {
    assert.equal(timedExecutor('catalog', () => ({})), null);
    assert.equal(timedExecutor(undefined, () => ({})), null);
    const answer = { data: { ok: true } };
    assert.equal(timedExecutor('users', () => answer)({}), answer);
  });
});
