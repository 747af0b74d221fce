// RS256 tokens for the router tests, signed with node:crypto (no JWT library needed for a test).
import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';

export function createSigner(publicKeyFile) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (publicKeyFile) {
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return (claims) => {
    const now = Math.floor(Date.now() / 1000);
    const header = encode({ alg: 'RS256', typ: 'JWT' });
    const payload = encode({ iat: now, exp: now + 300, ...claims });
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };
}

function encode(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
