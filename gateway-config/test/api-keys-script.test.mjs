// scripts/api-keys.mjs as an operator runs it, on key files in a temporary directory: usage errors
// (exit 2) name what is missing, refusals (exit 1) are one line naming the file and the problem, and a
// mistyped path never looks like an empty key file.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newApiKey } from '../router/api-keys.mjs';
import { runScript } from './support/scripts.mjs';

const dir = mkdtempSync(join(tmpdir(), 'api-keys-script-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const USAGE = 'usage: api-keys.mjs create --client NAME --scope SCOPE [--scope SCOPE]... | revoke ID | list  [--file FILE]';
const env = { ...process.env, API_KEYS_FILE: '' };
const run = (...args) => {
  const { status, stdout, stderr } = runScript('api-keys.mjs', args, { env });
  return { status, stdout, stderr };
};
const usageError = (message) => ({ status: 2, stdout: '', stderr: `\u2716 ${message}\n${USAGE}\n` });
const refusal = (message) => ({ status: 1, stdout: '', stderr: `\u2716 ${message}\n` });

describe('api-keys script', () => {
  it('refuses incomplete or unknown commands as usage errors that name what is missing', () => {
    const file = join(dir, 'usage.json');
    for (const [args, message] of [
      [['create', '--scope', 'orders:read'], 'create needs --client NAME'],
      [['create', '--client', 'reporting'], 'create needs at least one --scope SCOPE'],
      [['revoke'], 'revoke needs the id of the key (see list)'],
      [['list', 'extra'], "unexpected argument 'extra'"],
      [['revoke', 'abcdefabcdef', 'extra'], "unexpected argument 'extra'"],
      [['list', '--bogus'], "unknown option '--bogus'"],
      [['frob'], "unknown command 'frob'"],
      // The last of two was taken, and an option of create was ignored by the other commands.
      [['create', '--client', 'reporting', '--client', 'billing', '--scope', 'orders:read'], '--client is given twice: give it once'],
      [['list', '--scope', 'orders:read'], '--scope is an option of create only'],
      [['revoke', 'abcdefabcdef', '--client', 'reporting'], '--client is an option of create only'],
      [[], 'name a command: create, revoke or list'],
      // Both were stored, listed twice for ever, or the one differing in case opening nothing.
      [['create', '--client', 'reporting', '--scope', 'ops:read', '--scope', 'orders:read', '--scope', 'ops:read'],
        "--scope 'ops:read' is given twice: give each once"],
      [['create', '--client', 'reporting', '--scope', 'ops:read', '--scope', 'OPS:read'],
        "--scope 'ops:read' and 'OPS:read' differ only in case, and scopes are case-sensitive: give the one meant"],
      [['create', '--client', 'reporting', '--scope', ' ops:read'], '--client or --scope: scopes must be a list of 1-64 of [A-Za-z0-9:._-]'],
    ]) {
      assert.deepEqual(run(...args, '--file', file), usageError(message), args.join(' '));
    }
    assert.deepEqual(run('list'), usageError('name the key file with --file or API_KEYS_FILE'));
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('usage')), []);
  });

  it('refuses to list or revoke in a key file that does not exist', () => {
    const file = join(dir, 'missing.json');
    assert.deepEqual(run('list', '--file', file), refusal(`${file} does not exist`));
    assert.deepEqual(run('revoke', 'abcdefabcdef', '--file', file), refusal(`${file} does not exist`));
  });

  it('names the key file, not a temporary one, when it cannot be written', () => {
    const file = join(dir, 'missing', 'keys.json');
    assert.deepEqual(run('create', '--client', 'reporting', '--scope', 'orders:read', '--file', file),
      refusal(`cannot write ${file}: its directory does not exist`));
  });

  it('refuses a key file with a byte order mark in words, as the router refuses it', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify({ keys: [newApiKey('reporting', ['orders:read']).record] })}`);
    assert.deepEqual(run('list', '--file', file),
      refusal(`API key file ${file} starts with a byte order mark, which JSON does not allow: save it as UTF-8 without one`));
  });

  it('says a key was already revoked and leaves the file as it is', () => {
    const file = join(dir, 'revoked.json');
    assert.equal(run('create', '--client', 'reporting', '--scope', 'orders:read', '--file', file).status, 0);
    const [{ id }] = JSON.parse(readFileSync(file, 'utf8')).keys;
    const first = run('revoke', id, '--file', file);
    assert.deepEqual(first, { status: 0, stdout: '', stderr: `Revoked key ${id} (reporting)\n` });
    const revoked = readFileSync(file, 'utf8');
    const [{ revoked: at }] = JSON.parse(revoked).keys;
    assert.deepEqual(run('revoke', id, '--file', file),
      { status: 0, stdout: '', stderr: `Key ${id} (reporting) was already revoked at ${at}; nothing changed\n` });
    assert.equal(readFileSync(file, 'utf8'), revoked);
  });
});
