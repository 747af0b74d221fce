// The subgraphs' timeouts as Hive Gateway asks for them (router/upstream-timeout.mjs): once per
// subgraph request, never again for the same request's fetch. That the timeout still cuts a slow
// subgraph short is router-dev.test.mjs's "gives up on a slow subgraph after its own timeout".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upstreamTimeoutOncePerRequest } from '../router/upstream-timeout.mjs';

const timeouts = { users: 500, orders: 10_000 };
const timeoutOf = (subgraphName) => timeouts[subgraphName];

describe('upstream timeout', () => {
  it('gives each subgraph request its subgraph\'s timeout once, none for the same request\'s fetch', () => {
    const upstreamTimeout = upstreamTimeoutOncePerRequest(timeoutOf);
    const users = { subgraphName: 'users' };
    const orders = { subgraphName: 'orders' };
    assert.equal(upstreamTimeout({ subgraphName: 'users', executionRequest: users }), 500);
    assert.equal(upstreamTimeout({ subgraphName: 'orders', executionRequest: orders }), 10_000);
    assert.equal(upstreamTimeout({ subgraphName: 'users', executionRequest: users }), undefined);
    assert.equal(upstreamTimeout({ subgraphName: 'orders', executionRequest: orders }), undefined);
  });

  it('times every new request, a copy of one included, and a fetch that belongs to no request', () => {
    const upstreamTimeout = upstreamTimeoutOncePerRequest(timeoutOf);
    const request = { subgraphName: 'users' };
    upstreamTimeout({ subgraphName: 'users', executionRequest: request });
    assert.equal(upstreamTimeout({ subgraphName: 'users', executionRequest: { ...request } }), 500);
    assert.equal(upstreamTimeout({ subgraphName: 'users' }), 500);
    assert.equal(upstreamTimeout({ subgraphName: 'users' }), 500);
    assert.equal(upstreamTimeout({ subgraphName: 'inventory', executionRequest: {} }), undefined);
    assert.equal(upstreamTimeout({ executionRequest: {} }), undefined);
  });
});
