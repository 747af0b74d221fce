// The router's shared state (router/shared-state.mjs): with REDIS_URL, router replicas share each
// client's rate budget through Redis; without Redis reachable, the limit fails open, counted and logged.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';
import { ownPrefix, redisKeys, sharedRedisUrl, startOwnRedis } from './support/redis.mjs';
import { sha256 } from '../router/plugins.mjs';

const productPage = sha256(readFileSync(resolve(gatewayDir, 'operations', 'ProductPage.graphql'), 'utf8'));

describe('router shared state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-shared-'));
  const sign = createSigner(join(dir, 'jwt.pem'));
  let fakes;

  before(async () => {
    fakes = await startFakeSubgraphs();
  });

  after(async () => {
    await fakes?.close();
  });

  const productionEnv = (env) => ({
    GATEWAY_MODE: 'production',
    ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET,
    ...fakes.env,
    JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem'),
    RATE_LIMIT_MAX: '3',
    ...env,
  });
  const send = (router, token) => post(router.url, { documentId: productPage }, { authorization: `Bearer ${token}` });
  // production: the metrics are for the operator page's credentials only
  const metrics = (router) => fetch(`${router.url}/metrics`, { headers: { authorization: `Bearer ${sign({ sub: 'ops', scope: 'ops:read' })}` } })
    .then((response) => response.text());

  it('two routers on one Redis draw on one budget per client', async () => {
    const env = productionEnv({ REDIS_URL: sharedRedisUrl, REDIS_KEY_PREFIX: ownPrefix() });
    const [first, second] = await Promise.all([startGateway(env), startGateway(env)]);
    try {
      const token = sign({ sub: 'shared-budget' });
      const statuses = [];
      for (const router of [first, second, first, second, first]) {
        statuses.push((await send(router, token)).status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      assert.equal((await send(second, sign({ sub: 'someone-else' }))).status, 200);
      assert.match(first.output(), /Rate limit counts in Redis/);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('exits on SIGTERM with REDIS_URL as without it: the Redis connection does not hold the process', async () => {
    const router = await startGateway(productionEnv({ REDIS_URL: sharedRedisUrl, REDIS_KEY_PREFIX: ownPrefix() }));
    assert.equal((await send(router, sign({ sub: 'exit' }))).status, 200);
    const start = Date.now();
    // stop() sends SIGTERM, and SIGKILL after 5 s: a process that exits by itself has an exit code.
    await router.stop();
    assert.equal(await router.exited, 0, router.output());
    assert.ok(Date.now() - start < 4000, `exited after ${Date.now() - start} ms`);
  });

  it('without REDIS_URL says at startup that counts are per process', async () => {
    const router = await startGateway(productionEnv({}));
    try {
      assert.equal((await send(router, sign({ sub: 'local' }))).status, 200);
      assert.match(router.output(), /REDIS_URL unset: rate limit counts are in this process only/);
    } finally {
      await router.stop();
    }
  });

  it('a database Redis refuses to select fails open, counted and logged, and counts nothing in database 0', async () => {
    const prefix = ownPrefix();
    // The default Redis has 16 databases: 99 is refused, and ioredis alone would go on in database 0.
    const router = await startGateway(productionEnv({ REDIS_URL: `${sharedRedisUrl}/99`, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_MAX: '1' }));
    try {
      const token = sign({ sub: 'refused-database' });
      for (let i = 0; i < 3; i++) {
        assert.equal((await send(router, token)).status, 200);
      }
      assert.match(router.output(), /Redis refused database 99 of REDIS_URL \(ERR DB index is out of range\)/);
      assert.match(await metrics(router), /router_redis_failures_total\{operation="consume"\} [1-9]/);
      const keys = await redisKeys(sharedRedisUrl, `${prefix}*`);
      assert.deepEqual(keys, [], 'no count in database 0');
    } finally {
      await router.stop();
    }
  });

  it('fails open while Redis is down, counted and logged, and shares the budget again when it is back', async () => {
    const redis = await startOwnRedis();
    const router = await startGateway(productionEnv({ REDIS_URL: redis.url, RATE_LIMIT_MAX: '1' }));
    try {
      const token = sign({ sub: 'outage' });
      assert.equal((await send(router, token)).status, 200);
      assert.equal((await send(router, token)).status, 429);
      // At zero before any failure: an alert on its rate sees the first failures of an outage.
      assert.match(await metrics(router), /router_redis_failures_total\{operation="consume"\} 0\n/);
      await redis.stop();
      for (let i = 0; i < 3; i++) {
        const { status, json } = await send(router, token);
        assert.equal(status, 200, JSON.stringify(json));
        assert.deepEqual(codes(json), []);
      }
      assert.match(await metrics(router), /router_redis_failures_total\{operation="consume"\} [1-9]/);
      assert.match(router.output(), /Redis unavailable .*rate limits fail open/);
      await redis.start();
      const probe = sign({ sub: 'after-outage' });
      let status = 200;
      for (let attempt = 0; attempt < 50 && status !== 429; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = (await send(router, probe)).status;
      }
      assert.equal(status, 429, 'limited again once Redis answers');
    } finally {
      await router.stop();
      await redis.stop().catch(() => undefined);
    }
  });
});
