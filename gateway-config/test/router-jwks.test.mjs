// The router with its keys from a JWKS over real HTTP (JWT_JWKS_URL), as production runs it: a token
// of a published key passes and its claims reach the subgraph, one naming a key the set does not have
// is a 401 (not a 500), and while the set cannot be fetched a token of a key not yet fetched is a 503
// while a token already verified keeps working for its minute.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startGateway } from './support/gateway.mjs';
import { codes, post } from './support/http.mjs';

const LEAKS = /\bat .*\.m?[jt]s|stack|originalError|jwks|ECONNREFUSED/i;
const keys = { k1: generateKeyPairSync('rsa', { modulusLength: 2048 }), k2: generateKeyPairSync('rsa', { modulusLength: 2048 }) };

function tokenOf(kid, claims = {}) {
  return jsonwebtoken.sign({ sub: 'u1', scope: 'orders:read', ...claims }, keys[kid].privateKey,
    { algorithm: 'RS256', keyid: kid, expiresIn: 300 });
}

describe('router with a JWKS', () => {
  let jwks;
  let available = true;
  let fakes;
  let gateway;

  before(async () => {
    const set = { keys: Object.entries(keys).map(([kid, pair]) => ({ ...pair.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' })) };
    jwks = createServer((request, response) => {
      if (!available) {
        response.writeHead(503).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(set));
    });
    await new Promise((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({
      GATEWAY_MODE: 'dev',
      ...fakes.env,
      JWT_JWKS_URL: `http://127.0.0.1:${jwks.address().port}/.well-known/jwks.json`,
    });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
    jwks?.close();
  });

  const ask = (token) => post(gateway.url, { query: '{ categories { id } }' }, { authorization: `Bearer ${token}` });

  it('accepts a token of a published key and forwards its claims', async () => {
    available = true;
    const { status, json } = await ask(tokenOf('k1', { sub: 'u7' }));
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.errors, undefined);
    const upstream = fakes.requests.findLast((request) => request.path === '/catalog');
    assert.equal(upstream.body.extensions.jwt.payload.sub, 'u7');
  });

  it('refuses a token naming a key the set does not have with 401 UNAUTHENTICATED', async () => {
    available = true;
    const signed = jsonwebtoken.sign({ sub: 'u1' }, keys.k1.privateKey, { algorithm: 'RS256', keyid: 'rotated-away', expiresIn: 300 });
    const { status, headers, json, text } = await ask(signed);
    assert.equal(status, 401, text);
    assert.deepEqual(codes(json), ['UNAUTHENTICATED']);
    assert.match(headers.get('www-authenticate'), /^Bearer/);
    assert.doesNotMatch(text, LEAKS);
  });

  it('answers 503 SERVICE_UNAVAILABLE for a key not yet fetched while the set is down, and keeps a verified token working', async () => {
    const verified = tokenOf('k1', { sub: 'u8' });
    available = true;
    assert.equal((await ask(verified)).status, 200);
    available = false;
    const { status, headers, json, text } = await ask(tokenOf('k2'));
    assert.equal(status, 503, text);
    assert.deepEqual(codes(json), ['SERVICE_UNAVAILABLE']);
    // when the router may fetch the set again: a client backs off as it would from a rate limit
    assert.equal(headers.get('retry-after'), '6');
    assert.equal(json.errors[0].extensions.retryAfterSeconds, 6);
    assert.doesNotMatch(text, LEAKS);
    assert.equal((await ask(verified)).status, 200, 'remembered for its minute');
    assert.match(gateway.output(), /JWT: the key set cannot be fetched/);
    available = true;
    assert.equal((await ask(tokenOf('k2'))).status, 200, 'fetched again once the set answers');
  });
});
