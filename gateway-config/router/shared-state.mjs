// What several router replicas must share: the rate limiter's per-client counts. Hive Gateway's rate
// limiter keeps them in the gateway's key-value cache (`cache` in gateway.config.ts); with REDIS_URL set
// that cache is Redis, so every replica draws on one budget per client. Without it they stay in the
// process (one budget per replica). The router keeps no other state across requests: its freshness
// stamps are minted fresh for each upstream request and remembered by the subgraphs, not here.
//
// Redis unreachable: the rate limit fails open (requests pass uncounted) at once, without waiting on
// Redis, with `router_redis_failures_total` counting and one log line per outage.
import { Counter, register } from 'prom-client';

/**
 * The gateway cache for the router's shared state: Redis when `settings.redis.url` is set, else
 * `undefined` (Hive Gateway's in-process default). Says once at startup which it is.
 */
export function sharedStateCache(redisSettings, log = console) {
  if (!redisSettings.url) {
    log.info('REDIS_URL unset: rate limit counts are in this process only (one router replica)');
    return undefined;
  }
  log.info(`Rate limit counts in Redis, keys under '${redisSettings.keyPrefix}'`);
  return failOpenRedisCache(redisClient(redisSettings), log);
}

/**
 * A client that never makes a request wait for an absent Redis: no offline queue (a command while
 * disconnected fails at once), a short command timeout, and reconnection in the background. ioredis
 * is loaded only here, so a router without Redis does not pay for loading it.
 */
export async function redisClient({ url, keyPrefix, commandTimeoutMs }) {
  const { default: Redis } = await import('ioredis');
  const client = new Redis(url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Connection errors are reported through failed commands (fail open); ioredis would log each retry.
  client.on('error', () => {});
  // The first requests wait (at most 2 s, once) for the first connection rather than fail open.
  await Promise.race([new Promise((resolve) => client.once('ready', resolve)),
    new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  return client;
}

/** Hive Gateway's key-value cache interface over Redis (a promise of the client), failing open. Values are JSON. */
export function failOpenRedisCache(connecting, log = console) {
  const failures = redisFailures();
  let failing = false;
  const failed = (operation, error) => {
    failures.inc({ operation });
    if (!failing) {
      failing = true;
      log.warn(`Redis unavailable (${error.message}): rate limits fail open until it answers again`);
    }
    return undefined;
  };
  const answered = (value) => {
    if (failing) {
      failing = false;
      log.info('Redis available again: rate limits shared again');
    }
    return value;
  };
  const call = (command) => connecting.then(command);
  return {
    get: (key) => call((client) => client.get(key)).then((raw) => answered(raw === null ? undefined : JSON.parse(raw)),
      (error) => failed('get', error)),
    set: (key, value, options) => {
      const ttlMs = options?.ttl ? Math.ceil(options.ttl * 1000) : undefined;
      const args = ttlMs ? ['PX', ttlMs] : [];
      return call((client) => client.set(key, JSON.stringify(value), ...args)).then(answered, (error) => failed('set', error));
    },
    delete: (key) => call((client) => client.del(key)).then((count) => answered(count > 0), (error) => failed('delete', error) ?? false),
    // Only needed by cache features the router does not use; a key scan would block Redis.
    getKeysByPrefix: async () => [],
    [Symbol.asyncDispose]: () => call((client) => client.quit()).catch(() => undefined),
  };
}

// One counter per process, even when tests build several caches.
function redisFailures() {
  const name = 'router_redis_failures_total';
  return register.getSingleMetric(name) ?? new Counter({
    name,
    help: 'Redis calls of the router that failed (the rate limit failed open for them)',
    labelNames: ['operation'],
  });
}
