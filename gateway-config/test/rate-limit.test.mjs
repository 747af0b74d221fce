// The router's rate limit budgets (router/rate-limit.mjs) against a real Redis and in the process:
// which root fields an operation is counted for, and that routers sharing Redis count exactly, however
// their requests interleave. The limit as clients meet it (429, RATE_LIMITED, Retry-After, fail-open)
// is tested through real routers in router-production.test.mjs and router-shared-state.test.mjs.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { parse } from 'graphql';
import { clientAddress, rateLimitBudgets, rootFields } from '../router/rate-limit.mjs';
import { redisOutage, redisClient } from '../router/shared-state.mjs';
import { ownPrefix, sharedRedisUrl } from './support/redis.mjs';


const document = parse(`
  query Page { ...Top me: user(id: "1") { id } ... on Query { user(id: "2") { id } } __typename }
  fragment Top on Query { products(first: 2) @skip(if: true) { id } }
  mutation Place { placeOrder(input: {}) { id } }
  subscription Changes { priceChanged { id } }
`);
const names = (fields) => fields.map(({ name, responseKeys }) => `${name}=${responseKeys.join(',')}`);

describe('router rate limit', () => {
  const clients = [];
  after(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });
  const redis = async (keyPrefix = ownPrefix()) => {
    const client = await redisClient({ url: sharedRedisUrl, keyPrefix, commandTimeoutMs: 1000 });
    clients.push(client);
    return client;
  };

  it('counts every selection of a root field, through fragments, skipped or not, but not __typename', () => {
    assert.deepEqual(names(rootFields(document, 'Page')), ['Query.products=products', 'Query.user=me,user']);
    assert.deepEqual(names(rootFields(document, 'Place')), ['Mutation.placeOrder=placeOrder']);
    assert.equal(rootFields(document, 'Changes'), null, 'subscriptions are not limited');
    const everyOperation = ['Query.products=products', 'Query.user=me,user', 'Mutation.placeOrder=placeOrder'];
    assert.deepEqual(names(rootFields(document, 'Unknown')), everyOperation, 'a name that picks none: all are counted');
    assert.deepEqual(names(rootFields(document, undefined)), everyOperation, 'several operations and no name: the same');
    assert.equal(rootFields(document, 'Page'), rootFields(document, 'Page'), 'worked out once per document');
  });

  it('tells anonymous clients apart by the address the outermost trusted proxy saw, never by what they wrote', () => {
    const socket = '10.0.0.7';
    assert.equal(clientAddress('203.0.113.9', socket, 0), socket, 'no proxy trusted: the header is the client\'s');
    assert.equal(clientAddress('203.0.113.9', socket, 1), '203.0.113.9');
    assert.equal(clientAddress('198.51.100.1, 203.0.113.9', socket, 1), '203.0.113.9', 'what the client wrote is left of it');
    assert.equal(clientAddress('198.51.100.1, 203.0.113.9,10.1.1.1', socket, 2), '203.0.113.9', 'behind two proxies');
    assert.equal(clientAddress('2001:db8::1', socket, 1), '2001:db8::1');
    assert.equal(clientAddress('203.0.113.9', socket, 2), socket, 'fewer entries than proxies: not through them');
    for (const forged of ['', 'unknown', 'x'.repeat(500), '203.0.113.9:443', ' , ']) {
      assert.equal(clientAddress(forged, socket, 1), socket, forged);
    }
    assert.equal(clientAddress(null, socket, 1), socket, 'no header');
    assert.equal(clientAddress(null, undefined, 0), 'unknown');
  });

  it('refuses a field past its budget in this process, and tells when the window ends', async () => {
    const budgets = rateLimitBudgets({ rateLimitMax: 3, rateLimitWindowMs: 60000 });
    const page = rootFields(document, 'Page');
    assert.deepEqual(await budgets.take('sub:a', page), []);
    const refused = await budgets.take('sub:a', page);
    assert.deepEqual(refused.map(({ field }) => field.name), ['Query.user'], 'user twice per request: 4 > 3');
    assert.ok(refused[0].retryAfterMs > 58000 && refused[0].retryAfterMs <= 60000, String(refused[0].retryAfterMs));
    assert.deepEqual(await budgets.take('sub:b', page), [], 'each client has its own budget');
  });

  it('counts exactly across routers sharing Redis, however their requests interleave', async () => {
    const keyPrefix = ownPrefix();
    const [client, other] = await Promise.all([redis(keyPrefix), redis(keyPrefix)]);
    const limits = { rateLimitMax: 25, rateLimitWindowMs: 60000 };
    // Two routers' budgets, each with its own connection to one Redis and key prefix, 40 requests at once from each.
    const routers = [rateLimitBudgets(limits, Promise.resolve(client)), rateLimitBudgets(limits, Promise.resolve(other))];
    const place = rootFields(document, 'Place');
    const outcomes = await Promise.all(Array.from({ length: 80 }, (_, i) => routers[i % 2].take('sub:burst', place)));
    assert.equal(outcomes.filter((refusals) => refusals.length === 0).length, 25);
    assert.equal(await client.get('rate-limit:sub:burst:Mutation.placeOrder'), '80', 'refused calls count too');
  });

  it('leaves a Redis that does not answer alone for a second: one request waits its command timeout, not each', async () => {
    const proxy = await freezableProxy(new URL(sharedRedisUrl));
    const client = await redisClient({ url: proxy.url, keyPrefix: ownPrefix(), commandTimeoutMs: 300 });
    try {
      let now = 0;
      const failures = [];
      const outage = { failed: (operation, error) => failures.push(error.message), answered: () => undefined };
      const budgets = rateLimitBudgets({ rateLimitMax: 100, rateLimitWindowMs: 60000 }, Promise.resolve(client), outage,
        { clock: () => now });
      const place = rootFields(document, 'Place');
      assert.deepEqual(await budgets.take('sub:hung', place), []);
      proxy.freeze();
      const timed = async () => {
        const start = performance.now();
        assert.deepEqual(await budgets.take('sub:hung', place), [], 'fails open');
        return performance.now() - start;
      };
      assert.ok(await timed() >= 250, 'the first call waits for the command timeout');
      for (let i = 0; i < 5; i++) {
        assert.ok(await timed() < 50, 'the next calls within the second do not ask Redis');
      }
      assert.equal(failures.length, 6, 'each is counted as a failure');
      proxy.thaw();
      now += 1000;
      assert.deepEqual(await budgets.take('sub:hung', place), []);
      assert.equal(failures.length, 6, 'asked again after the second, and it answered');
    } finally {
      client.disconnect();
      proxy.close();
    }
  });

  it('lets requests pass uncounted while Redis fails, and says so', async () => {
    const client = await redis();
    await client.quit();
    clients.pop();
    const warnings = [];
    const outage = redisOutage({ warn: (line) => warnings.push(line), info: () => {} });
    const budgets = rateLimitBudgets({ rateLimitMax: 1, rateLimitWindowMs: 60000 }, Promise.resolve(client), outage);
    const place = rootFields(document, 'Place');
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(await budgets.take('sub:outage', place), []);
    }
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /Redis unavailable .*rate limits fail open/);
  });
});

/** A TCP proxy to `target` that can stop forwarding without closing: a Redis that hangs. */
async function freezableProxy(target) {
  let frozen = false;
  const sockets = new Set();
  const held = [];
  const server = createServer((socket) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.add(socket).add(upstream);
    const forward = (to) => (chunk) => (frozen ? held.push(() => to.write(chunk)) : to.write(chunk));
    socket.on('data', forward(upstream));
    upstream.on('data', forward(socket));
    for (const end of [socket, upstream]) {
      end.on('error', () => undefined);
      end.on('close', () => [socket, upstream].forEach((other) => other.destroy()));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${server.address().port}`,
    freeze: () => (frozen = true),
    thaw: () => {
      frozen = false;
      held.splice(0).forEach((write) => write());
    },
    close: () => {
      server.close();
      sockets.forEach((socket) => socket.destroy());
    },
  };
}
