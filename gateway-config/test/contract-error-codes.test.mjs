// The error-code contract (contract/error-codes.json): the router's list is the documented one,
// and every code the router writes is on it. ErrorCodeContractTests checks the subgraphs' ErrorCode.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED_CODES } from '../router/refusals.mjs';
import { gatewayDir } from './support/gateway.mjs';
import { readContract } from './support/contract.mjs';

const contractCodes = readContract('error-codes.json').codes.map((entry) => entry.code);

describe('error-code contract at the router', () => {
  it('the router documents exactly the contract codes', () => {
    assert.deepEqual([...DOCUMENTED_CODES], contractCodes);
  });

  it('every code the router writes is a contract code', () => {
    const routerDir = join(gatewayDir, 'router');
    const written = readdirSync(routerDir).filter((name) => name.endsWith('.mjs'))
      .flatMap((name) => [...readFileSync(join(routerDir, name), 'utf8').matchAll(/\bcode: '([A-Z_]+)'/g)])
      .map((match) => match[1]);
    assert.ok(written.length >= 5, `found ${written}`);
    assert.deepEqual(written.filter((code) => !contractCodes.includes(code)), []);
  });
});
