// withKeyObjects: the router's signing key provider resolves to a KeyObject parsed once per key.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KeyObject, generateKeyPairSync } from 'node:crypto';
import { withKeyObjects } from '../router/jwt-keys.mjs';

const pem = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' });

describe('withKeyObjects', () => {
  it('parses a PEM key once and hands out the same KeyObject', () => {
    const key = pem();
    const provider = withKeyObjects(() => key);
    const first = provider();
    assert.ok(first instanceof KeyObject);
    assert.equal(first.type, 'public');
    assert.equal(provider(), first);
  });

  it('resolves a provider that answers asynchronously (JWKS), one KeyObject per key id', async () => {
    const keys = { a: pem(), b: pem() };
    const provider = withKeyObjects(async (kid) => keys[kid]);
    const a = await provider('a');
    const b = await provider('b');
    assert.notEqual(a, b);
    assert.equal(await provider('a'), a);
    assert.equal(a.export({ type: 'spki', format: 'pem' }), keys.a);
  });
});
