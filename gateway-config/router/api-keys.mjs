// API keys for machine clients. A key looks like `sgk_<id>_<secret>`; the key file (shared with the
// subgraphs, which check keys again) holds only its SHA-256, the client's name, its scopes and whether
// it is revoked. A plain SHA-256 is enough because keys carry 256 random bits: nothing to brute-force.
// The file is re-read when it changes, so a revocation takes effect within a second, without restart.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

export const API_KEY_HEADER = 'x-api-key';
const KEY_FORMAT = /^sgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const ID_FORMAT = /^[0-9a-f]{12}$/;
const SCOPE_FORMAT = /^[A-Za-z0-9:._-]{1,64}$/;
const CLIENT_FORMAT = /^[A-Za-z0-9._-]{1,64}$/;
const RELOAD_INTERVAL_MS = 1000;

/** A new key for `client` with `scopes`: the key to hand out once, and the record to store. */
export function newApiKey(client, scopes, now = new Date()) {
  const id = randomBytes(6).toString('hex');
  const key = `sgk_${id}_${randomBytes(32).toString('base64url')}`;
  const record = { id, client, scopes, sha256: sha256Hex(key), created: now.toISOString(), revoked: null };
  validateRecord(record, 0);
  return { key, record };
}

/** Reads and validates a key file: `{ "keys": [ { id, client, scopes, sha256, created, revoked } ] }`. */
export function readKeyFile(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`API key file ${file} cannot be read: ${error.message}`);
  }
  if (!parsed || !Array.isArray(parsed.keys)) {
    throw new Error(`API key file ${file} must be an object with a "keys" array`);
  }
  parsed.keys.forEach(validateRecord);
  const ids = new Set(parsed.keys.map((record) => record.id));
  if (ids.size !== parsed.keys.length) {
    throw new Error(`API key file ${file} holds the same id twice`);
  }
  return parsed.keys;
}

/** Writes the key file atomically (temporary file, then rename), so a reader never sees half a file. */
export function writeKeyFile(file, keys) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * The router's view of the key file. `verify(key)` answers `{ id, client, scopes }` for a valid,
 * unrevoked key and null otherwise. A file that becomes unreadable or invalid fails closed: no key
 * is accepted until it is fixed (a broken revocation must not leave the old keys working).
 */
export function apiKeyStore(file, { clock = Date.now, log = console } = {}) {
  let byId = index(readKeyFile(file));
  let checkedAt = clock();
  let modified = version(file);

  function refresh() {
    const now = clock();
    if (now - checkedAt < RELOAD_INTERVAL_MS) {
      return;
    }
    checkedAt = now;
    try {
      const current = version(file);
      if (current !== modified) {
        modified = current;
        byId = index(readKeyFile(file));
      }
    } catch (error) {
      modified = null;
      byId = new Map();
      log.error(`API keys disabled until the key file is fixed: ${error.message}`);
    }
  }

  return {
    verify(key) {
      refresh();
      const match = typeof key === 'string' ? KEY_FORMAT.exec(key) : null;
      const record = match ? byId.get(match[1]) : undefined;
      // Always hash and compare, so an unknown id costs the same as a wrong secret.
      const expected = Buffer.from(record?.sha256 ?? '0'.repeat(64), 'hex');
      const equal = timingSafeEqual(createHash('sha256').update(String(key)).digest(), expected);
      if (!record || !equal || record.revoked) {
        return null;
      }
      return { id: record.id, client: record.client, scopes: [...record.scopes] };
    },
  };
}

// Modification time and inode: a rewrite by rename changes the inode even within one clock tick.
function version(file) {
  const stat = statSync(file);
  return `${stat.mtimeMs}:${stat.ino}:${stat.size}`;
}

function index(keys) {
  return new Map(keys.map((record) => [record.id, record]));
}

function validateRecord(record, position) {
  const where = `key #${position + 1}`;
  const problems = [];
  if (!ID_FORMAT.test(record?.id ?? '')) problems.push('id must be 12 hex digits');
  if (!CLIENT_FORMAT.test(record?.client ?? '')) problems.push('client must be 1-64 of [A-Za-z0-9._-]');
  if (!Array.isArray(record?.scopes) || !record.scopes.every((scope) => SCOPE_FORMAT.test(scope))) {
    problems.push('scopes must be a list of 1-64 of [A-Za-z0-9:._-]');
  }
  if (!/^[0-9a-f]{64}$/.test(record?.sha256 ?? '')) problems.push('sha256 must be 64 hex digits');
  if (record?.revoked !== null && record?.revoked !== undefined && Number.isNaN(Date.parse(record.revoked))) {
    problems.push('revoked must be null or a timestamp');
  }
  if (problems.length) {
    throw new Error(`${where}: ${problems.join('; ')}`);
  }
}

function sha256Hex(text) {
  return createHash('sha256').update(text).digest('hex');
}
