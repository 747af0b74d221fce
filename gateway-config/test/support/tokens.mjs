// RSA tokens for the router tests (RS256 unless `alg` says RS384 or RS512), signed with node:crypto
// (no JWT library needed for a test).
import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';

export function createSigner(publicKeyFile) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (publicKeyFile) {
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return (claims, { alg = 'RS256' } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const header = encode({ alg, typ: 'JWT' });
    const payload = encode({ iat: now, exp: now + 300, ...claims });
    const signature = sign(`RSA-SHA${alg.slice(2)}`, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };
}

function encode(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
