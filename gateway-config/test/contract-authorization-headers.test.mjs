// The Authorization header contract (contract/authorization-headers.json): the router reads a bearer
// token by the rule the subgraphs follow (BearerTokensTests runs the same cases against BearerTokens),
// and refuses a malformed one or another scheme, at GraphQL and at the operator endpoints alike.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearerToken, useJwtAuth } from '../router/jwt-auth.mjs';
import { opsAuthorizer } from '../router/ops.mjs';
import { readContract } from './support/contract.mjs';

const contract = readContract('authorization-headers.json');
// Some cases hold characters that a Fetch API Headers object refuses (Node's HTTP parser passes them on
// as Latin-1): a stand-in with its `get`.
const requestWith = (header) => ({ headers: { get: (name) => (name.toLowerCase() === 'authorization' ? header : null) } });

describe('Authorization header contract at the router', () => {
  it('reads the token, a malformed bearer token or another scheme as the contract says', () => {
    for (const { header, token, outcome } of contract.cases) {
      const expected = token !== undefined ? { token } : outcome === 'malformed' ? { malformed: true } : null;
      assert.deepEqual(bearerToken(header), expected, JSON.stringify(header));
    }
  });

  it('verifies exactly the contract\'s tokens, and refuses the rest with 401 before any verification', async () => {
    const verified = [];
    const { onRequestParse } = useJwtAuth({ verify: (token) => (verified.push(token), { sub: '7' }) });
    for (const { header, token, outcome } of contract.cases) {
      const serverContext = {};
      const parse = () => onRequestParse({ request: requestWith(header), serverContext });
      if (token !== undefined) {
        await parse();
        assert.equal(verified.at(-1), token, JSON.stringify(header));
        assert.deepEqual(serverContext.jwt.payload, { sub: '7' });
      } else {
        const before = verified.length;
        assert.throws(parse, (error) => error.extensions.http.status === 401
          && error.extensions.code === 'UNAUTHENTICATED', JSON.stringify(header));
        assert.equal(verified.length, before, `${JSON.stringify(header)} is not verified (${outcome})`);
      }
    }
  });

  it('lets the operator endpoints read the token the same way', async () => {
    const authorize = opsAuthorizer({ apiKeys: null, verifyToken: async () => ({ scope: 'ops:read' }) });
    for (const { header, token } of contract.cases) {
      const refusal = await authorize(requestWith(header));
      assert.equal(refusal?.status ?? 200, token !== undefined ? 200 : 401, JSON.stringify(header));
    }
  });
});
