// Manages the API key file that the router (API_KEYS_FILE) and the subgraphs
// (SUBGRAPH_SECURITY_API_KEYS_FILE) read. The key itself is printed once, on create, and never stored.
//
//   node scripts/api-keys.mjs create --client reporting --scope orders:read [--scope ...] [--file F]
//   node scripts/api-keys.mjs revoke <id> [--file F]
//   node scripts/api-keys.mjs list [--file F]
//
// Usage errors exit 2 (--client and --scope given to list or revoke too, a scope given twice, or twice
// differing only in case); a refusal (a key file that is missing for list/revoke, invalid, or cannot be
// written, an unknown id) prints one `✖` line and exits 1. Revoking a revoked key changes nothing, exit 0.
import { existsSync } from 'node:fs';
import { commandLine, fail, readText, repeatedValue, repeatedValueProblem, requireOwnOptions, usageError, writeProblem } from './lib/cli.mjs';
import { newApiKey, readKeyFile, writeKeyFile } from '../router/api-keys.mjs';

const USAGE = 'usage: api-keys.mjs create --client NAME --scope SCOPE [--scope SCOPE]... | revoke ID | list  [--file FILE]';
const COMMANDS = { create, revoke, list };

const { values, positionals: [command, id, ...extra] } = commandLine(USAGE, {
  maxPositionals: 3,
  options: {
    file: { type: 'string', default: process.env.API_KEYS_FILE },
    client: { type: 'string' },
    scope: { type: 'string', multiple: true },
  },
});
if (!COMMANDS[command]) {
  usageError(USAGE, command === undefined ? 'name a command: create, revoke or list' : `unknown command '${command}'`);
}
requireOwnOptions(USAGE, command, values, { client: ['create'], scope: ['create'] });
const unexpected = command === 'revoke' ? extra[0] : id;
if (unexpected !== undefined) {
  usageError(USAGE, `unexpected argument '${unexpected}'`);
}
if (!values.file) {
  usageError(USAGE, 'name the key file with --file or API_KEYS_FILE');
}
COMMANDS[command](values.file);

function create(file) {
  if (values.client === undefined) {
    usageError(USAGE, 'create needs --client NAME');
  }
  // A key without scopes opens nothing that is scoped: almost certainly a forgotten --scope.
  if (values.scope === undefined) {
    usageError(USAGE, 'create needs at least one --scope SCOPE');
  }
  // Stored twice, a scope is listed twice for ever; differing only in case, one of them opens nothing.
  const repeated = repeatedValue(values.scope);
  if (repeated) {
    usageError(USAGE, repeatedValueProblem('--scope', repeated));
  }
  let created;
  try {
    created = newApiKey(values.client, values.scope);
  } catch (error) {
    usageError(USAGE, `--client or --scope: ${error.message.replace(/^key #1: /, '')}`);
  }
  const { key, record } = created;
  write(file, [...(existsSync(file) ? keys(file) : []), record]);
  process.stderr.write(`Created key ${record.id} for ${record.client} (${record.scopes.join(' ')}); it is shown only now:\n`);
  process.stdout.write(`${key}\n`);
}

function revoke(file) {
  if (id === undefined) {
    usageError(USAGE, 'revoke needs the id of the key (see list)');
  }
  const all = keys(file);
  const record = all.find((candidate) => candidate.id === id);
  if (!record) {
    fail(`${file} has no key with id '${id}'`);
  }
  if (record.revoked) {
    process.stderr.write(`Key ${id} (${record.client}) was already revoked at ${record.revoked}; nothing changed\n`);
    return;
  }
  record.revoked = new Date().toISOString();
  write(file, all);
  process.stderr.write(`Revoked key ${id} (${record.client})\n`);
}

function list(file) {
  for (const record of keys(file)) {
    process.stdout.write(`${record.id}\t${record.client}\t${record.scopes.join(' ')}\t${record.created}\t`
      + `${record.revoked ? `revoked ${record.revoked}` : 'active'}\n`);
  }
}

/** The file's keys; refused in one line when it is missing, not UTF-8, has a BOM or is invalid. */
function keys(file) {
  // The router and the subgraphs refuse a BOM too (JSON has none); say so, the character is invisible.
  if (readText(file).startsWith('\uFEFF')) {
    fail(`API key file ${file} starts with a byte order mark, which JSON does not allow: save it as UTF-8 without one`);
  }
  try {
    return readKeyFile(file);
  } catch (error) {
    return fail(error.message);
  }
}

function write(file, records) {
  try {
    writeKeyFile(file, records);
  } catch (error) {
    // The file system's error names the temporary file; the operator knows the real one.
    fail(error.syscall ? writeProblem(file, error) : error.message);
  }
}
