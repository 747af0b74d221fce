// The router's bearer token check, in place of Hive Gateway's JWT plugin: the same checks
// (router/jwt.mjs, contract/jwt-cases.json), the verified claims in the context as `jwt.payload` and
// forwarded to every subgraph fetch as `extensions.jwt.payload`. Two differences:
// - A token verified once is remembered for a minute at most, as the subgraphs' VerifiedTokens do:
//   clients send the same token with every request, and its signature check was the largest single
//   cost of the router's own code per request (docs/performance.md). Its expiry is checked on every use.
// - A token whose key id the key set does not have is refused like any other bad token (401), and a
//   key set that cannot be fetched answers 503: Hive's plugin answered both with an `INTERNAL` error
//   ("Unexpected error", HTTP 200).
import jsonwebtoken from 'jsonwebtoken';
import { routerError } from './messages.mjs';
import { routerLog } from './log.mjs';

const BEARER = 'Bearer';
/** How long a verified token is remembered: a key removed from the key set is honoured this long. */
export const REMEMBER_MS = 60_000;
/** Distinct tokens remembered; the oldest is forgotten first. */
export const MAX_TOKENS = 4096;
/** An unreachable key set is logged at most this often. */
const LOG_INTERVAL_MS = 60_000;
/**
 * How often the router may fetch a key set (jwks-rsa's `jwksRequestsPerMinute`), so that random key ids
 * cannot turn clients' requests into requests to the identity provider; while the key set cannot be
 * fetched, a client is told to try again when the next fetch may be made.
 */
export const KEY_SET_FETCHES_PER_MINUTE = 10;
const KEYS_RETRY_AFTER_SECONDS = Math.ceil(60 / KEY_SET_FETCHES_PER_MINUTE);
/** The claims that carry a token's scopes, as the authorization reads them (scope, else scp). */
const SCOPE_CLAIMS = ['scope', 'scp'];
const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };

/**
 * `(token) => claims | Promise<claims>`: the token's signature (the key its `kid` names, from
 * `signingKey`) and claims checked with jsonwebtoken's `options`, or the router's refusal thrown or
 * rejected. A token remembered is answered at once.
 */
export function tokenVerifier({ signingKey, options, now = Date.now, rememberMs = REMEMBER_MS, maxTokens = MAX_TOKENS,
  log = routerLog }) {
  const verified = new Map();
  const keys = keySet(signingKey, { now, log });
  const tolerance = (options.clockTolerance ?? 0) * 1000;
  const remember = (token, claims) => {
    if (verified.size >= maxTokens) {
      verified.delete(verified.keys().next().value);
    }
    const expires = typeof claims.exp === 'number' ? claims.exp * 1000 + tolerance : Infinity;
    verified.set(token, { claims, until: Math.min(now() + rememberMs, expires) });
    return claims;
  };
  const check = async (token) => {
    const decoded = jsonwebtoken.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload !== 'object') {
      throw invalidToken();
    }
    const key = await keys(decoded.header?.kid);
    let claims;
    try {
      claims = jsonwebtoken.verify(token, key, { ...options, clockTimestamp: Math.floor(now() / 1000) });
    } catch {
      throw invalidToken();
    }
    // A subject is a string (RFC 7519); a number would be no user here and a user, rounded when
    // large, to the subgraphs, which refuse such a token too (JwtDecoders).
    if (claims.sub !== undefined && typeof claims.sub !== 'string') {
      throw invalidToken();
    }
    // Scopes are a string or a list of strings: an item of another kind would be its text here
    // and a cast failure to the subgraphs, which refuse such a token too.
    if (!SCOPE_CLAIMS.every((name) => claims[name] === undefined || stringOrStrings(claims[name]))) {
      throw invalidToken();
    }
    return remember(token, deepFreeze(claims));
  };
  return (token) => {
    const known = verified.get(token);
    if (known) {
      if (now() < known.until) {
        return known.claims;
      }
      verified.delete(token);
    }
    return check(token);
  };
}

/**
 * The plugin. `verify` is a tokenVerifier. A request without an Authorization header passes
 * anonymous (the subgraphs and @authenticated decide); one with a bad token is refused.
 */
export function useJwtAuth({ verify }) {
  return {
    onRequestParse({ request, serverContext }) {
      const header = request.headers.get('authorization');
      if (header == null) {
        return undefined;
      }
      const credentials = bearerToken(header);
      if (credentials === null) {
        throw refusal('auth.bearerRequired');
      }
      if (credentials.malformed) {
        throw invalidToken();
      }
      const { token } = credentials;
      const authenticate = (payload) => {
        serverContext.jwt = { payload, token: { value: token, prefix: BEARER } };
      };
      const claims = verify(token);
      return claims instanceof Promise ? claims.then(authenticate) : authenticate(claims);
    },
    onSubgraphExecute({ executionRequest, setExecutionRequest }) {
      const payload = executionRequest.context?.jwt?.payload;
      if (payload) {
        setExecutionRequest({ ...executionRequest, extensions: { ...executionRequest.extensions, jwt: { payload } } });
      }
    },
  };
}

/**
 * The bearer token of an `Authorization` header, read as the subgraphs read it
 * (contract/authorization-headers.json, RFC 6750): `{ token }`; `{ malformed: true }` for a header
 * that starts with `bearer` in any case but is not the scheme, one space and a token68 credential;
 * null for another scheme.
 */
export function bearerToken(header) {
  if (typeof header !== 'string' || !BEARER_SCHEME.test(header)) {
    return null;
  }
  const token = header.slice(BEARER.length + 1);
  return header[BEARER.length] === ' ' && TOKEN68.test(token) ? { token } : { malformed: true };
}

// ASCII letters only: without the `u` flag, no other letter folds to one of them.
const BEARER_SCHEME = /^bearer/i;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * `(kid) => Promise<key>` from `signingKey`: a key id the key set does not have is a bad token (401);
 * a key set that cannot be fetched is a 503, logged once a minute, and stays one while the key set
 * provider refuses to ask again (jwks-rsa's limit on fetches) until a key is found again.
 */
function keySet(signingKey, { now, log }) {
  let failing = false;
  let loggedAt = -Infinity;
  const unavailable = (error) => {
    failing = true;
    if (now() - loggedAt >= LOG_INTERVAL_MS) {
      loggedAt = now();
      log.error(`JWT: the key set cannot be fetched, tokens are refused with 503 until it answers: ${error?.message ?? error}`);
    }
    return routerError('auth.keysUnavailable', {}, { code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: KEYS_RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { 'Retry-After': String(KEYS_RETRY_AFTER_SECONDS) } } });
  };
  return async (kid) => {
    let key;
    try {
      key = await signingKey(kid);
    } catch (error) {
      const unknownKey = error?.name === 'SigningKeyNotFoundError'
        || (error?.name === 'JwksRateLimitError' && !failing);
      if (!unknownKey) {
        throw unavailable(error);
      }
    }
    // The key set answered, with or without this key id.
    failing = false;
    if (!key) {
      throw invalidToken();
    }
    return key;
  };
}

function invalidToken() {
  return refusal('auth.tokenInvalid');
}

function refusal(key) {
  return routerError(key, {}, { code: 'UNAUTHENTICATED', http: { status: 401, headers: BEARER_CHALLENGE } });
}

// One claims object serves every request of its token: nobody may change it for the others.
function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

function stringOrStrings(value) {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}
