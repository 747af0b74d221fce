// The JWT contract (contract/jwt-cases.json) through the router's verification: its token verifier
// (router/jwt-auth.mjs) with the router's options (router/jwt.mjs), asking for the key of the token's
// key id as it asks the key set. JwtDecodersContractTests runs the same cases against the subgraphs'
// decoder.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import { JWT_ALGORITHMS, tokenVerification } from '../router/jwt.mjs';
import { tokenVerifier } from '../router/jwt-auth.mjs';
import { readContract } from './support/contract.mjs';

const { verifier, acceptedAlgorithms, issuedAt, cases } = readContract('jwt-cases.json');
const keys = {
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ec256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  ec384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
};
const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });

function tokenOf(testCase) {
  const now = Math.floor(Date.now() / 1000);
  const scope = 'scp' in testCase.claims ? {} : { scope: 'orders:read' };
  const claims = { sub: 'u1', ...scope, iat: now - issuedAt, ...testCase.claims };
  for (const time of ['exp', 'nbf']) {
    if (claims[time] !== undefined) claims[time] += now;
  }
  if (testCase.alg === 'none' || testCase.alg === 'HS256') {
    const encode = (part) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: testCase.alg, typ: 'JWT', kid: testCase.kid })}.${encode(claims)}`;
    const mac = testCase.alg === 'none' ? '' : createHmac('sha256', 'any-secret').update(unsigned).digest('base64url');
    return `${unsigned}.${mac}`;
  }
  const signer = testCase.foreignKey ? foreign : keys[testCase.kid];
  return jsonwebtoken.sign(claims, signer.privateKey, { algorithm: testCase.alg, keyid: testCase.kid });
}

const verify = tokenVerifier({ signingKey: (kid) => keys[kid]?.publicKey, options: tokenVerification(verifier) });

async function accepted(token) {
  try {
    await verify(token);
    return true;
  } catch {
    return false;
  }
}

describe('JWT contract at the router', () => {
  it('accepts exactly the contract algorithms', () => {
    assert.deepEqual([...JWT_ALGORITHMS].sort(), [...acceptedAlgorithms].sort());
  });

  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.accepted ? 'accepted' : 'refused'}`, async () => {
      assert.equal(await accepted(tokenOf(testCase)), testCase.accepted);
    });
  }
});
