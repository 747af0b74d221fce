// The router's rate limit (production): each client may call each root field RATE_LIMIT_MAX times per
// window of RATE_LIMIT_WINDOW_MS (rounded up to whole seconds). A client is the token's subject or the
// API key's id (`apikey:<id>`), else the client's address for anonymous callers (behind TRUSTED_PROXY_HOPS
// proxies, the one the outermost of them saw); never the raw Authorization header. Over the budget, the request is refused before any subgraph is called: HTTP 429,
// `RATE_LIMITED` with `retryAfterSeconds` and a `Retry-After` header, when this client's window ends.
//
// Counting is rate-limiter-flexible's fixed window: one atomic increment per root field and request
// (a Lua script in Redis, so replicas sharing Redis share one budget exactly), in this process without
// Redis. What a document's root fields are is worked out once per parsed document, not per request.
import { isIP } from 'node:net';
import { Kind } from 'graphql';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { routerError } from './messages.mjs';
import { perOperation } from './per-operation.mjs';

/** The Envelop plugin: refuses an operation whose client is over the budget of one of its root fields. */
export function useRateLimit(budgets, { trustedProxyHops = 0 } = {}) {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const fields = rootFields(args.document, args.operationName);
      if (!fields) {
        return undefined;
      }
      return budgets.take(clientOf(args.contextValue, trustedProxyHops), fields).then((refusals) => {
        if (refusals.length) {
          setResultAndStopExecution({ errors: refusals.map(refusalError) });
        }
      });
    },
    // The Redis connection, with its reconnection timer, would keep the process alive after SIGTERM.
    onDispose: () => budgets.close(),
  };
}

/**
 * The budgets, in Redis when a client is given (a promise of an ioredis client), else in this process.
 * `outage` hears of Redis calls that failed: the request then passes uncounted (the limit fails open).
 */
export function rateLimitBudgets({ rateLimitMax, rateLimitWindowMs }, redis, outage, { clock = Date.now } = {}) {
  const options = { points: rateLimitMax, duration: Math.ceil(rateLimitWindowMs / 1000), keyPrefix: 'rate-limit' };
  let limiter = redis ? null : new RateLimiterMemory(options);
  const ready = redis?.then((client) => {
    // Not ready means refused at once (then failed open), not queued behind a reconnect.
    limiter = new RateLimiterRedis({ ...options, storeClient: client, rejectIfRedisNotReady: true });
    return limiter;
  });
  // After a failed call Redis is left alone for a while: a Redis that accepts connections but does
  // not answer cost every request the command timeout, one request after the other.
  let downUntil = 0;
  const consume = (key, points) => {
    if (redis && clock() < downUntil) {
      return Promise.reject(REDIS_LEFT_ALONE);
    }
    return limiter ? limiter.consume(key, points) : ready.then((l) => l.consume(key, points));
  };
  const failed = (outcome) => {
    if (redis && outcome !== REDIS_LEFT_ALONE) {
      downUntil = clock() + REDIS_RETRY_INTERVAL_MS;
    }
    outage?.failed('consume', outcome);
  };

  return {
    /** Closes the Redis client, if any. */
    close: () => redis?.then((client) => client.disconnect()),
    /** Counts one call per selection of each root field; resolves to the refused fields (empty: allowed). */
    take(client, fields) {
      const refusals = [];
      return Promise.all(fields.map((field) => consume(`${client}:${field.name}`, field.responseKeys.length).then(
        () => outage?.answered(),
        (outcome) => {
          if (outcome instanceof RateLimiterRes) {
            refusals.push({ field, retryAfterMs: outcome.msBeforeNext });
          } else {
            failed(outcome);
          }
        },
      ))).then(() => refusals);
    },
  };
}

// As long as the subgraphs' subgraph.redis.retry-interval by default; calls in it fail open at once
// and are counted as failures, as theirs are.
const REDIS_RETRY_INTERVAL_MS = 1000;
const REDIS_LEFT_ALONE = new Error('Redis failed within the last second; not asked');

function clientOf(context, trustedProxyHops) {
  const subject = context.currentUser?.sub ?? context.jwt?.payload?.sub;
  return subject
    ? `sub:${subject}`
    : `addr:${clientAddress(context.request?.headers.get('x-forwarded-for'), context.req?.socket?.remoteAddress, trustedProxyHops)}`;
}

/**
 * An anonymous client's address: the connection's, or behind `hops` trusted proxies the address the
 * outermost of them saw, which each proxy appends to X-Forwarded-For (so it is the `hops`-th entry from
 * the right). The entries left of it are the client's own to write and are never read. A header with
 * fewer entries, or an entry that is no IP address, counts as the connection's address: with every
 * anonymous client behind one proxy's address sharing one budget, a forged header gains nothing.
 */
export function clientAddress(forwardedFor, socketAddress, hops) {
  if (hops > 0 && forwardedFor) {
    const entries = forwardedFor.split(',');
    const entry = entries.length >= hops ? entries[entries.length - hops].trim() : '';
    if (isIP(entry)) {
      return entry;
    }
  }
  return socketAddress ?? 'unknown';
}

const ROOT_TYPES = { query: 'Query', mutation: 'Mutation' };

/**
 * The root fields the operation selects, as `{ name: 'Query.user', responseKeys: ['user', 'me'] }`,
 * or null when nothing in it is limited: through fragments and inline fragments too, and whether or
 * not `@skip`/`@include` would leave them out (the budget does not depend on the variables);
 * `__typename`, which the router answers itself, is free. Subscriptions are not limited here.
 */
export const rootFields = perOperation(collectRootFields);

function collectRootFields(document, operationName) {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const selected = operationName == null && operations.length === 1
    ? operations[0]
    : operations.find((definition) => definition.name?.value === operationName);
  // When the name picks no single operation, execution refuses it; should an executor pick one
  // anyway, the root fields of every operation of the document are counted.
  const limited = (selected ? [selected] : operations).filter((operation) => ROOT_TYPES[operation.operation]);
  if (!limited.length) {
    return null;
  }
  const fragments = new Map(document.definitions
    .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]));
  const byName = new Map();
  const visited = new Set();
  const collect = (selectionSet, rootType) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value !== '__typename') {
        const name = `${rootType}.${selection.name.value}`;
        if (!byName.has(name)) {
          byName.set(name, { name, responseKeys: [] });
        }
        byName.get(name).responseKeys.push(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, rootType);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD && !visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) {
          collect(fragment.selectionSet, rootType);
        }
      }
    }
  };
  for (const operation of limited) {
    visited.clear();
    collect(operation.selectionSet, ROOT_TYPES[operation.operation]);
  }
  return [...byName.values()];
}

function refusalError({ field, retryAfterMs }) {
  return rateLimited(field.responseKeys[0], Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

// The `http` extension is read by GraphQL Yoga for the response status and headers and left out of
// the response body.
function rateLimited(responseKey, retryAfterSeconds) {
  return routerError('rateLimit.exceeded', {}, {
    code: 'RATE_LIMITED',
    retryAfterSeconds,
    http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  }, { path: [responseKey] });
}
