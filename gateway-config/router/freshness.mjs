// Freshness stamps on the router's subgraph requests. Hive Gateway's HMAC signature covers query and
// variables but carries no time and no nonce, so a captured request could be replayed. Each upstream
// request therefore also gets `x-router-freshness: t=<epoch ms>,n=<nonce>,s=<mac>`, the MAC being
// base64url HMAC-SHA256 (shared secret) over `t.n.<hex SHA-256 of the exact body>`. The subgraphs
// (RouterSignature, ReplayGuard) accept a stamp once, while it is recent.
import { createHash, createHmac } from 'node:crypto';
import { withHeader } from './fetch-headers.mjs';
import { randomBase64url } from './random-pool.mjs';

export const FRESHNESS_HEADER = 'x-router-freshness';

export function freshnessStamp(secret, body, now = Date.now(), nonce = randomBase64url(16)) {
  const digest = createHash('sha256').update(body).digest('hex');
  const mac = createHmac('sha256', secret).update(`${now}.${nonce}.${digest}`).digest('base64url');
  return `t=${now},n=${nonce},s=${mac}`;
}

/** Stamps every subgraph request body (the final, signed JSON) just before it is sent. */
export function useFreshnessStamps(secret) {
  return {
    onFetch({ options, setOptions }) {
      if (typeof options.body !== 'string') {
        return;
      }
      setOptions(withHeader(options, FRESHNESS_HEADER, freshnessStamp(secret, options.body)));
    },
  };
}
