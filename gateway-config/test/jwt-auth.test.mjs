// The router's bearer token check (router/jwt-auth.mjs): a token verified once is remembered, never
// past its expiry or a minute; an unknown key id is a bad token (401), a key set that cannot be
// fetched a 503. The key set is served over real HTTP and read with the provider production uses.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import { createRemoteJwksSigningKeyProvider } from '@graphql-hive/gateway';
import { KEY_SET_FETCHES_PER_MINUTE, REMEMBER_MS, tokenVerifier } from '../router/jwt-auth.mjs';
import { withKeyObjects } from '../router/jwt-keys.mjs';
import { tokenVerification } from '../router/jwt.mjs';

const settings = { issuer: 'https://issuer.test', audience: 'supergraph-api', clockSkewSeconds: 30 };
const options = tokenVerification(settings);
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const T0 = Date.parse('2026-12-05T12:00:00Z');

function tokenOf(claims = {}, { kid = 'k1', at = T0 } = {}) {
  const now = Math.floor(at / 1000);
  return jsonwebtoken.sign({ sub: 'u1', scope: 'orders:read', iss: settings.issuer, aud: settings.audience,
    iat: now, exp: now + 300, ...claims }, privateKey, { algorithm: 'RS256', keyid: kid });
}

/** A verifier on a settable clock whose key provider counts its calls. */
function verifierAt(clock, { provider = () => publicKey, ...rest } = {}) {
  const calls = [];
  const verify = tokenVerifier({ signingKey: (kid) => { calls.push(kid); return provider(kid); }, options,
    now: () => clock.now, ...rest });
  return { verify, calls };
}

async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    return { code: error.extensions?.code, status: error.extensions?.http?.status };
  }
  return null;
}

describe('tokenVerifier', () => {
  it('verifies a token once and answers its later uses from memory, with frozen claims', async () => {
    const clock = { now: T0 };
    const { verify, calls } = verifierAt(clock);
    const token = tokenOf();
    const first = await verify(token);
    clock.now += 10_000;
    const second = verify(token);
    assert.equal(second, first, 'answered at once, not as a promise');
    assert.deepEqual(calls, ['k1']);
    assert.equal(first.sub, 'u1');
    assert.ok(Object.isFrozen(first));
    assert.throws(() => { first.scope = 'admin'; }, TypeError);
  });

  it('refuses a remembered token once it expires, with the clock skew the subgraphs allow', async () => {
    const clock = { now: T0 };
    const { verify } = verifierAt(clock);
    const token = tokenOf({ exp: Math.floor(T0 / 1000) + 20 });
    await verify(token);
    clock.now = T0 + 20_000 + 29_000;
    assert.equal((await verify(token)).sub, 'u1', 'within the skew');
    clock.now = T0 + 20_000 + 31_000;
    assert.deepEqual(await refusal(verify(token)), { code: 'UNAUTHENTICATED', status: 401 });
  });

  it('verifies a token again after a minute, so a key taken out of the key set stops it within a minute', async () => {
    const clock = { now: T0 };
    let keyPresent = true;
    const { verify, calls } = verifierAt(clock, { provider: () => (keyPresent ? publicKey : null) });
    const token = tokenOf({}, { at: T0 });
    await verify(token);
    keyPresent = false;
    clock.now = T0 + REMEMBER_MS - 1;
    assert.equal((await verify(token)).sub, 'u1');
    clock.now = T0 + REMEMBER_MS;
    assert.deepEqual(await refusal(verify(token)), { code: 'UNAUTHENTICATED', status: 401 });
    assert.equal(calls.length, 2);
  });

  it('refuses a token that is not a JWT, forged, for another audience or not yet valid, and remembers none', async () => {
    const clock = { now: T0 };
    const { verify, calls } = verifierAt(clock);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const now = Math.floor(T0 / 1000);
    const forged = jsonwebtoken.sign({ sub: 'u1', iss: settings.issuer, aud: settings.audience, exp: now + 300 },
      other, { algorithm: 'RS256', keyid: 'k1' });
    const bad = ['not-a-jwt', 'a.b.c', forged, tokenOf({ aud: 'elsewhere' }), tokenOf({ nbf: now + 120 })];
    for (const token of bad) {
      for (let attempt = 0; attempt < 2; attempt++) {
        assert.deepEqual(await refusal(verify(token)), { code: 'UNAUTHENTICATED', status: 401 }, token);
      }
    }
    assert.equal(calls.length, 6, 'every attempt at each of the three decodable tokens asked for its key again');
  });

  it('remembers at most maxTokens tokens, forgetting the oldest first', async () => {
    const clock = { now: T0 };
    const { verify, calls } = verifierAt(clock, { maxTokens: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => tokenOf({ sub }));
    for (const token of [a, b, c, b, c, a]) {
      await verify(token);
    }
    assert.equal(calls.length, 4, 'a was forgotten when c came, b and c were not');
  });
});

describe('tokenVerifier with a key set over HTTP', () => {
  let server;
  let jwksUrl;
  let available = true;
  let fetches = 0;

  before(async () => {
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    server = createServer((request, response) => {
      fetches++;
      if (!available) {
        response.writeHead(500).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${server.address().port}/jwks.json`;
  });

  after(() => server?.close());

  const verifierOf = (log = console) => tokenVerifier({ options, now: () => T0, log, signingKey: withKeyObjects(
    createRemoteJwksSigningKeyProvider({ jwksUri: jwksUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 })) });

  it('accepts a token of a published key and refuses one naming a key the set does not have with 401', async () => {
    available = true;
    const verify = verifierOf();
    assert.equal((await verify(tokenOf())).sub, 'u1');
    assert.deepEqual(await refusal(verify(tokenOf({}, { kid: 'unknown' }))), { code: 'UNAUTHENTICATED', status: 401 });
  });

  it('asks the key set at most ten times a minute for key ids it does not have, refusing the rest with 401', async () => {
    available = true;
    const verify = verifierOf();
    const before = fetches;
    for (let i = 0; i < 25; i++) {
      assert.deepEqual(await refusal(verify(tokenOf({}, { kid: `random-${i}` }))), { code: 'UNAUTHENTICATED', status: 401 });
    }
    assert.ok(fetches - before <= 10, `${fetches - before} fetches`);
  });

  it('answers 503 SERVICE_UNAVAILABLE when the key set cannot be fetched, and tells the operator once', async () => {
    available = false;
    const logged = [];
    const verify = verifierOf({ error: (line) => logged.push(line) });
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(await refusal(verify(tokenOf())), { code: 'SERVICE_UNAVAILABLE', status: 503 });
    }
    // told when the provider may fetch the key set again, in the body and as HTTP says it
    const error = await verify(tokenOf()).catch((refused) => refused);
    assert.equal(error.extensions.retryAfterSeconds, 60 / KEY_SET_FETCHES_PER_MINUTE);
    assert.deepEqual(error.extensions.http.headers, { 'Retry-After': String(60 / KEY_SET_FETCHES_PER_MINUTE) });
    assert.equal(logged.length, 1);
    assert.match(logged[0], /key set cannot be fetched/);
  });

  it('keeps answering 503, not 401, while the key set is down and the provider stops asking it', async () => {
    available = false;
    const verify = verifierOf({ error: () => {} });
    const answers = new Set();
    for (let i = 0; i < 15; i++) {
      answers.add((await refusal(verify(tokenOf()))).status);
    }
    assert.deepEqual([...answers], [503]);
    available = true;
  });
});
