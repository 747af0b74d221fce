// What several router replicas must share: the rate limiter's per-client counts (router/rate-limit.mjs).
// With REDIS_URL set they are in Redis, so every replica draws on one budget per client; without it
// they stay in the process (one budget per replica). The router keeps no other state across requests:
// its freshness stamps are minted fresh for each upstream request and remembered by the subgraphs.
//
// Redis unreachable: the rate limit fails open (requests pass uncounted) at once, without waiting on
// Redis, with `router_redis_failures_total` counting and one log line per outage.
import { Counter, register } from 'prom-client';
import { routerLog } from './log.mjs';

/**
 * A promise of the Redis client for the router's shared state when `settings.redis.url` is set, else
 * `undefined` (counts in this process). Says once at startup which it is.
 */
export function sharedRedis(redisSettings, log = routerLog) {
  if (!redisSettings.url) {
    log.info('REDIS_URL unset: rate limit counts are in this process only (one router replica)');
    return undefined;
  }
  log.info(`Rate limit counts in Redis, keys under '${redisSettings.keyPrefix}'`);
  return redisClient(redisSettings, log);
}

/**
 * A client that never makes a request wait for an absent Redis: no offline queue (a command while
 * disconnected fails at once), a short command timeout, and reconnection in the background. ioredis
 * is loaded only here, so a router without Redis does not pay for loading it.
 */
export async function redisClient({ url, keyPrefix, commandTimeoutMs }, log = routerLog) {
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
  // A database the server refuses to select is not: ioredis reports it here only and goes on in
  // database 0, where the counts would mix with whatever else lives there. That connection is dropped
  // instead, so the limit fails open, counted, until a Redis that takes the URL's database answers.
  let refusedSelect = false;
  client.on('error', (error) => {
    if (error?.command?.name !== 'select') {
      return;
    }
    if (!refusedSelect) {
      refusedSelect = true;
      log.error(`Redis refused database ${error.command.args?.[0]} of REDIS_URL (${error.message}): `
        + 'rate limits fail open until it takes it');
    }
    client.disconnect(true);
  });
  client.on('ready', () => {
    refusedSelect = false;
  });
  // The first requests wait (at most 2 s, once) for the first connection rather than fail open.
  await Promise.race([new Promise((resolve) => client.once('ready', resolve)),
    new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  return client;
}

/** Hears of the shared state's Redis calls: a failure is counted, and logged once per outage. */
export function redisOutage(log = routerLog) {
  const failures = redisFailures();
  let failing = false;
  return {
    failed(operation, error) {
      failures.inc({ operation });
      if (!failing) {
        failing = true;
        log.warn(`Redis unavailable (${error?.message ?? error}): rate limits fail open until it answers again`);
      }
    },
    answered() {
      if (failing) {
        failing = false;
        log.info('Redis available again: rate limits shared again');
      }
    },
  };
}

// One counter per process, even when tests build several caches. Its series starts at 0, so that an alert
// on its rate sees the first failures of an outage (Prometheus finds no increase in a series that starts at 1).
function redisFailures() {
  const name = 'router_redis_failures_total';
  const existing = register.getSingleMetric(name);
  if (existing) {
    return existing;
  }
  const counter = new Counter({
    name,
    help: 'Redis calls of the router that failed (the rate limit failed open for them)',
    labelNames: ['operation'],
  });
  counter.inc({ operation: 'consume' }, 0);
  return counter;
}
