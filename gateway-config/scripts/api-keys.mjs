// Manages the API key file that the router (API_KEYS_FILE) and the subgraphs
// (SUBGRAPH_SECURITY_API_KEYS_FILE) read. The key itself is printed once, on create, and never stored.
//
//   node scripts/api-keys.mjs create --client reporting --scope orders:read [--scope ...] [--file F]
//   node scripts/api-keys.mjs revoke <id> [--file F]
//   node scripts/api-keys.mjs list [--file F]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { newApiKey, readKeyFile, writeKeyFile } from '../router/api-keys.mjs';

const USAGE = 'usage: api-keys.mjs create --client NAME --scope SCOPE... | revoke ID | list  [--file FILE]';

try {
  run(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error.message}\n${USAGE}\n`);
  process.exitCode = 2;
}

function run(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string', default: process.env.API_KEYS_FILE },
      client: { type: 'string' },
      scope: { type: 'string', multiple: true, default: [] },
    },
  });
  const [command, id] = positionals;
  if (!values.file) {
    throw new Error('Name the key file with --file or API_KEYS_FILE');
  }
  const keys = existsSync(values.file) ? readKeyFile(values.file) : [];
  if (command === 'create') {
    const { key, record } = newApiKey(values.client, values.scope);
    writeKeyFile(values.file, [...keys, record]);
    process.stderr.write(`Created key ${record.id} for ${record.client} (${record.scopes.join(' ') || 'no scopes'}); `
      + 'it is shown only now:\n');
    process.stdout.write(`${key}\n`);
  } else if (command === 'revoke') {
    const record = keys.find((candidate) => candidate.id === id);
    if (!record) {
      throw new Error(`No key with id '${id}'`);
    }
    record.revoked ??= new Date().toISOString();
    writeKeyFile(values.file, keys);
    process.stderr.write(`Revoked key ${id} (${record.client})\n`);
  } else if (command === 'list') {
    for (const record of keys) {
      process.stdout.write(`${record.id}\t${record.client}\t${record.scopes.join(' ')}\t${record.created}\t`
        + `${record.revoked ? `revoked ${record.revoked}` : 'active'}\n`);
    }
  } else {
    throw new Error(`Unknown command '${command ?? ''}'`);
  }
}
