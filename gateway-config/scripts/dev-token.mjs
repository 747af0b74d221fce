// Mints a development JWT (RS256) signed with the repository's dev key pair, which subgraphs and the
// router accept only in dev/test mode. Usage: node scripts/dev-token.mjs [sub] [scopes] [hours]
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keyFile = resolve(root, 'subgraph-starter-test/src/main/resources/dev-keys/dev-private.pem');
const [sub = '1', scope = '', hours = '12'] = process.argv.slice(2);

const base64url = (value) => Buffer.from(value).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'dev' }));
const payload = base64url(JSON.stringify({ sub, scope, iat: now, exp: now + Number(hours) * 3600 }));
const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPrivateKey(readFileSync(keyFile)));
process.stdout.write(`${header}.${payload}.${signature.toString('base64url')}\n`);
