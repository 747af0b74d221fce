// Random ids from a pool. node:crypto's randomBytes makes a synchronous call into OpenSSL and a new
// buffer for every id: the nonce of each freshness stamp and the span id of each unsampled subgraph
// fetch cost the router about 1 % of its CPU each (docs/performance.md). One call here fills the pool
// for hundreds of ids; the bytes come from the same CSPRNG and none is handed out twice.
import { randomFillSync } from 'node:crypto';

const POOL = Buffer.allocUnsafe(4096);
let offset = POOL.length;

function take(size) {
  if (offset + size > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const start = offset;
  offset += size;
  return start;
}

/** `size` random bytes as lower-case hex. */
export function randomHex(size) {
  const start = take(size);
  return POOL.toString('hex', start, start + size);
}

/** `size` random bytes as base64url without padding. */
export function randomBase64url(size) {
  const start = take(size);
  return POOL.toString('base64url', start, start + size);
}
