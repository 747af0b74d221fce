// Files that router settings name (TRUSTED_DOCUMENTS_FILE, JWT_PUBLIC_KEY_FILE, API_KEYS_FILE, FLAGS_FILE) and the
// supergraph store's files: every one is read here, as a regular file (after symlinks) of a bounded size. A
// named pipe would block the read for ever, a device such as /dev/zero never ends, and a huge file exhausts
// memory; each is refused before it is read, in words that name the file and why, rather than Node's bare
// `ENOENT` or a router that hangs at start. The subgraphs read their files the same way (SettingFiles), with the
// same words and limits (contract/setting-files.json).
import { createPublicKey } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** The largest API key file and JWT public key file read, as the subgraphs' (contract/setting-files.json). */
export const MAX_SETTING_FILE_BYTES = 1_048_576;
/** The largest trusted documents manifest read: the router holds all of it, thousands of operations. */
export const MAX_TRUSTED_DOCUMENTS_BYTES = 16 * 1_048_576;

// Non-blocking: a file replaced by a named pipe between the check and the open does not block the open.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** A file the router does not read, and why in words (`is a directory, not a regular file`, …). */
export class UnusableFile extends Error {}

const FILE_ERRORS = {
  ENOENT: 'does not exist',
  ENOTDIR: 'does not exist',
  EACCES: 'may not be read',
  EISDIR: 'is a directory',
};

/** Why a file could not be read, in words (`does not exist`, `is a directory`, …), from Node's error. */
export function readProblem(error) {
  if (error instanceof UnusableFile) {
    return error.message;
  }
  return FILE_ERRORS[error.code] ?? `cannot be read (${error.code ?? error.message})`;
}

const KINDS = [
  ['isDirectory', 'is a directory'],
  ['isFIFO', 'is a named pipe (FIFO)'],
  ['isCharacterDevice', 'is a device'],
  ['isBlockDevice', 'is a device'],
  ['isSocket', 'is a socket'],
];

/** Why a file with these `stats` is not read (not a regular file, or larger than `maxBytes`), or null. */
function statsProblem(stats, maxBytes) {
  if (!stats.isFile()) {
    const [, kind] = KINDS.find(([is]) => stats[is]()) ?? [null, 'is not a file'];
    return `${kind}, not a regular file`;
  }
  return stats.size > maxBytes ? tooLarge(maxBytes) : null;
}

const tooLarge = (maxBytes) => `is larger than ${maxBytes} bytes`;

function refuseUnusable(stats, maxBytes) {
  const problem = statsProblem(stats, maxBytes);
  if (problem) {
    throw new UnusableFile(problem);
  }
}

/**
 * The bytes of `file`, a regular file of at most `maxBytes`: an UnusableFile otherwise, or the file system's
 * error (ENOENT, EACCES, …). Checked before the open and again on the open file; at most `maxBytes + 1` bytes
 * are read, so a file that grows meanwhile is refused too.
 */
export function readBoundedFile(file, maxBytes) {
  refuseUnusable(statSync(file), maxBytes);
  const descriptor = openSync(file, OPEN_FLAGS);
  try {
    const stats = fstatSync(descriptor);
    refuseUnusable(stats, maxBytes);
    const bytes = new BoundedBytes(stats.size, maxBytes);
    while (bytes.add(readSync(descriptor, bytes.next())));
    return bytes.all();
  } finally {
    closeSync(descriptor);
  }
}

/** readBoundedFile on Node's thread pool, for reads that must not stop the router while they wait (the store). */
export async function readBoundedFileAsync(file, maxBytes) {
  refuseUnusable(await stat(file), maxBytes);
  const handle = await open(file, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    refuseUnusable(stats, maxBytes);
    const bytes = new BoundedBytes(stats.size, maxBytes);
    while (bytes.add((await handle.read(bytes.next())).bytesRead));
    return bytes.all();
  } finally {
    await handle.close();
  }
}

/**
 * A file's bytes as they are read: the size it had when opened in one read, more in chunks should it grow,
 * and never more than `maxBytes + 1` (enough to refuse it).
 */
class BoundedBytes {
  #chunks = [];
  #length = 0;
  #buffer = null;
  #chunkSize;
  #maxBytes;

  constructor(size, maxBytes) {
    this.#chunkSize = Math.min(size, maxBytes) + 1;
    this.#maxBytes = maxBytes;
  }

  /** The buffer for the next read. */
  next() {
    this.#buffer = Buffer.allocUnsafe(Math.min(this.#chunkSize, this.#maxBytes + 1 - this.#length));
    this.#chunkSize = 65536;
    return this.#buffer;
  }

  /** Takes the bytes the read put into next(): false at the end of the file. */
  add(read) {
    if (read === 0) {
      return false;
    }
    this.#chunks.push(this.#buffer.subarray(0, read));
    this.#length += read;
    if (this.#length > this.#maxBytes) {
      throw new UnusableFile(tooLarge(this.#maxBytes));
    }
    return true;
  }

  all() {
    return Buffer.concat(this.#chunks, this.#length);
  }
}

// Strict, and the byte order mark kept: the subgraphs read these files the same way (Utf8Text), so a file
// saved in another encoding, or with a BOM that JSON does not allow, is refused by both sides alike.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file read by the router and the subgraphs alike (the flags file, the API key file), which
 * must be UTF-8: an Error names the first byte that is not, rather than a text with replacement characters.
 */
export function utf8Text(bytes) {
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    throw new Error(`not UTF-8 text: byte 0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}`);
  }
}

// Where the lenient decoding put its first replacement character that the file did not hold itself.
function firstInvalidByte(bytes) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
    const offset = Buffer.byteLength(text.slice(0, index));
    if (!(bytes[offset] === 0xEF && bytes[offset + 1] === 0xBF && bytes[offset + 2] === 0xBD)) {
      return offset;
    }
  }
  return 0;
}

/** The text of the file `variable` names, at most `maxBytes` long. */
export function settingFile(variable, file, maxBytes = MAX_SETTING_FILE_BYTES) {
  try {
    return readBoundedFile(file, maxBytes).toString('utf8');
  } catch (error) {
    throw new Error(`${variable}: ${file} ${readProblem(error)}`);
  }
}

// The key types of the algorithms the router accepts (router/jwt.mjs): RSA, RSA-PSS and ECDSA.
const JWT_KEY_TYPES = new Set(['rsa', 'rsa-pss', 'ec']);

/**
 * The PEM public key (or certificate) that verifies tokens, of a type the accepted algorithms use; a
 * private key is refused: it does not belong on the router.
 */
export function jwtPublicKeyFile(file) {
  const variable = 'JWT_PUBLIC_KEY_FILE';
  const pem = settingFile(variable, file);
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`${variable}: ${file} does not hold a PEM public key`);
  }
  if (pem.includes('PRIVATE KEY-----')) {
    throw new Error(`${variable}: ${file} holds a private key; give the router the public key only`);
  }
  if (!JWT_KEY_TYPES.has(key.asymmetricKeyType)) {
    throw new Error(`${variable}: ${file} holds a key of type ${key.asymmetricKeyType}; tokens are verified with RSA or EC keys`);
  }
  return pem;
}
