// Development JWTs (RS256, kid "dev") signed with the repository's dev key pair, which the subgraphs
// and the router accept only in dev and test mode. Used by scripts/dev-token.mjs and by the dev
// router's GraphiQL page; a production router never mints tokens.
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_PRIVATE_KEY = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..',
  'subgraph-starter-dev', 'src', 'main', 'resources', 'dev-keys', 'dev-private.pem');

/** The user and scopes of the token that run-supergraph prints and GraphiQL sends. */
export const DEV_USER = { sub: '7', scope: 'users:read:email orders:read inventory:read' };

export function mintDevToken({ sub, scope = '', hours = 12, keyFile = DEV_PRIVATE_KEY, now = Date.now() }) {
  const issuedAt = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'dev' }));
  const payload = base64url(JSON.stringify({ sub, scope, iat: issuedAt, exp: issuedAt + Number(hours) * 3600 }));
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPrivateKey(readFileSync(keyFile)));
  return `${header}.${payload}.${signature.toString('base64url')}`;
}

function base64url(value) {
  return Buffer.from(value).toString('base64url');
}
