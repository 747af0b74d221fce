// API keys for machine clients. A key looks like `sgk_<id>_<secret>`; the key file (shared with the
// subgraphs, which check keys again) holds only its SHA-256, the client's name, its scopes and whether
// it is revoked. A plain SHA-256 is enough because keys carry 256 random bits: nothing to brute-force.
// The file is re-read when it changes, so a revocation takes effect within a second, without restart.
// Its format is contract/api-key-file.schema.json; the subgraphs' ApiKeyStore runs the same cases
// (contract/api-key-files.json): a file that does not match is refused as a whole.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { MAX_SETTING_FILE_BYTES, readBoundedFile, readProblem, utf8Text } from './setting-files.mjs';
import { routerLog } from './log.mjs';

export const API_KEY_HEADER = 'x-api-key';
const KEY_FORMAT = /^sgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const ID_FORMAT = /^[0-9a-f]{12}$/;
const SCOPE_FORMAT = /^[A-Za-z0-9:._-]{1,64}$/;
const CLIENT_FORMAT = /^[A-Za-z0-9._-]{1,64}$/;
const SHA256_FORMAT = /^[0-9a-f]{64}$/;
// The metric labels of a request without a client and of the clients past the labels' bound: a key's
// client named so would be counted with them.
const RESERVED_CLIENTS = new Set(['unknown', 'other']);
// RFC 3339 with an explicit offset, as toISOString and Java's Instant.toString write it.
const TIMESTAMP_FORMAT = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$/;
const FILE_PROPERTIES = new Set(['keys']);
const RECORD_PROPERTIES = new Set(['id', 'client', 'scopes', 'sha256', 'created', 'revoked']);
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
  let bytes;
  try {
    bytes = readBoundedFile(file, MAX_SETTING_FILE_BYTES);
  } catch (error) {
    throw new Error(`API key file ${file} ${readProblem(error)}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(utf8Text(bytes));
  } catch (error) {
    throw new Error(`API key file ${file} cannot be read: ${error.message}`);
  }
  if (!isObject(parsed) || !Array.isArray(parsed.keys) || unknownProperties(parsed, FILE_PROPERTIES).length) {
    throw new Error(`API key file ${file} must be an object with a "keys" array and nothing else`);
  }
  try {
    parsed.keys.forEach(validateRecord);
  } catch (error) {
    throw new Error(`API key file ${file}: ${error.message}`);
  }
  const ids = new Set(parsed.keys.map((record) => record.id));
  if (ids.size !== parsed.keys.length) {
    throw new Error(`API key file ${file} holds the same id twice`);
  }
  return parsed.keys;
}

/**
 * The keys of a key file and the version they were read from (router/start-checks.mjs reads it once at start
 * for apiKeyStore): the version is taken first, so a change during the read is read again.
 */
export function readKeyFileVersion(file) {
  let modified;
  try {
    modified = version(file);
  } catch {
    // readKeyFile says why.
  }
  return { keys: readKeyFile(file), version: modified };
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
 * `clients()` is the set of the file's client names, revoked keys' too: names that only a key
 * gives (contract/metric-labels.json). A broken file keeps the last good set, so that breaking the
 * file frees no name for a header to claim.
 */
export function apiKeyStore(file, { clock = Date.now, log = routerLog, initial = readKeyFileVersion(file) } = {}) {
  let byId = index(initial.keys);
  let clients = clientNames(byId);
  let checkedAt = clock();
  let modified = initial.version;

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
        clients = clientNames(byId);
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
    clients() {
      refresh();
      return clients;
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

function clientNames(byId) {
  return new Set([...byId.values()].map((record) => record.client));
}

function validateRecord(record, position) {
  const where = `key #${position + 1}`;
  if (!isObject(record)) {
    throw new Error(`${where}: must be an object`);
  }
  const problems = [];
  if (!matches(ID_FORMAT, record.id)) problems.push('id must be 12 hex digits');
  if (!matches(CLIENT_FORMAT, record.client)) {
    problems.push('client must be 1-64 of [A-Za-z0-9._-]');
  } else if (RESERVED_CLIENTS.has(record.client)) {
    problems.push(`client must not be '${record.client}', a metric label of its own`);
  }
  if (!Array.isArray(record.scopes) || !record.scopes.every((scope) => matches(SCOPE_FORMAT, scope))) {
    problems.push('scopes must be a list of 1-64 of [A-Za-z0-9:._-]');
  }
  if (!matches(SHA256_FORMAT, record.sha256)) problems.push('sha256 must be 64 hex digits');
  for (const field of ['created', 'revoked']) {
    if (record[field] != null && !isTimestamp(record[field])) {
      problems.push(`${field} must be null or an RFC 3339 timestamp`);
    }
  }
  const unknown = unknownProperties(record, RECORD_PROPERTIES);
  if (unknown.length) problems.push(`unknown ${unknown.join(', ')}`);
  if (problems.length) {
    throw new Error(`${where}: ${problems.join('; ')}`);
  }
}

function matches(format, value) {
  return typeof value === 'string' && format.test(value);
}

// The pattern bounds each field; the calendar refuses a 30 February, as Java's strict parser does.
function isTimestamp(value) {
  if (!matches(TIMESTAMP_FORMAT, value)) {
    return false;
  }
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownProperties(object, known) {
  return Object.keys(object).filter((name) => !known.has(name));
}

function sha256Hex(text) {
  return createHash('sha256').update(text).digest('hex');
}
