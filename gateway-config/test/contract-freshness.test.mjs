// The freshness stamp contract (contract/freshness-stamps.json) against the router's signing code;
// RouterSignatureContractTests holds the subgraphs' verification to the same vectors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FRESHNESS_HEADER, freshnessStamp, useFreshnessStamps } from '../router/freshness.mjs';
import { readContract } from './support/contract.mjs';

const { secret, stamps, refused } = readContract('freshness-stamps.json');
const STAMP = /^t=(\d{1,15}),n=([A-Za-z0-9_-]{16,64}),s=([A-Za-z0-9_-]{43})$/;

describe('freshness stamp contract at the router', () => {
  for (const vector of stamps) {
    it(`stamps ${vector.name}`, () => {
      assert.equal(freshnessStamp(secret, vector.body, vector.time, vector.nonce), vector.header);
    });
  }

  for (const vector of refused.filter((candidate) => STAMP.test(candidate.header ?? ''))) {
    it(`never stamps ${vector.name}`, () => {
      const [, time, nonce] = STAMP.exec(vector.header);
      assert.notEqual(freshnessStamp(secret, vector.body, Number(time), nonce), vector.header);
    });
  }

  it('stamps every subgraph request with a fresh nonce in the contract format', () => {
    const plugin = useFreshnessStamps(secret);
    const sent = [];
    for (let i = 0; i < 2; i += 1) {
      plugin.onFetch({
        options: { body: stamps[0].body, headers: { 'content-type': 'application/json' } },
        setOptions: (options) => sent.push(options.headers[FRESHNESS_HEADER]),
      });
    }
    const [first, second] = sent.map((header) => STAMP.exec(header));
    assert.ok(first && second, sent.join(' | '));
    assert.notEqual(first[2], second[2]);
    assert.ok(Math.abs(Number(first[1]) - Date.now()) < 60_000);
    assert.equal(sent[0], freshnessStamp(secret, stamps[0].body, Number(first[1]), first[2]));
  });
});
