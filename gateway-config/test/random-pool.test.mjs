// The pooled random ids (router/random-pool.mjs): the right size and alphabet, and never the same
// bytes twice, also across refills of the pool.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBase64url, randomHex } from '../router/random-pool.mjs';

describe('random pool', () => {
  it('hands out hex and base64url ids of the size asked for', () => {
    assert.match(randomHex(16), /^[0-9a-f]{32}$/);
    assert.match(randomHex(8), /^[0-9a-f]{16}$/);
    assert.match(randomBase64url(16), /^[A-Za-z0-9_-]{22}$/);
  });

  it('never repeats an id, across many refills of the pool', () => {
    const seen = new Set();
    // 16 and 8 bytes interleaved: 24 bytes a pair, so pairs straddle the 4096-byte pool's refills.
    for (let i = 0; i < 5000; i += 1) {
      seen.add(randomHex(16));
      seen.add(randomBase64url(8));
    }
    assert.equal(seen.size, 10000);
  });

  it('spreads the bits evenly (the trace sampling reads the first ones)', () => {
    let high = 0;
    for (let i = 0; i < 4000; i += 1) {
      high += Number.parseInt(randomHex(16)[0], 16) >= 8 ? 1 : 0;
    }
    // Binomial(4000, 0.5): 2000 ± 63 at one standard deviation; six of them is far outside chance.
    assert.ok(Math.abs(high - 2000) < 380, `first bit set in ${high} of 4000`);
  });
});
