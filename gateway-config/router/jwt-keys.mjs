// The key providers (an inline key, a JWKS) answer PEM strings, and jsonwebtoken parses a PEM string
// with createPublicKey on every verification: a measurable share of the router's CPU per request
// (docs/performance.md). The router therefore hands it a KeyObject, parsed once per distinct key.
import { createPublicKey } from 'node:crypto';

// A JWKS holds a handful of keys; the bound only guards against a provider returning ever new ones.
const MAX_KEYS = 32;

/** Wraps a signing key provider `(kid) => PEM | Promise<PEM>` so it resolves to a cached KeyObject. */
export function withKeyObjects(provider) {
  const keys = new Map();
  const toKeyObject = (pem) => {
    if (typeof pem !== 'string') {
      return pem;
    }
    let key = keys.get(pem);
    if (!key) {
      if (keys.size >= MAX_KEYS) {
        keys.clear();
      }
      key = createPublicKey(pem);
      keys.set(pem, key);
    }
    return key;
  };
  return (kid) => {
    const pem = provider(kid);
    return pem instanceof Promise ? pem.then(toKeyObject) : toKeyObject(pem);
  };
}

