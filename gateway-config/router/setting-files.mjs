// Files that router settings name (TRUSTED_DOCUMENTS_FILE, JWT_PUBLIC_KEY_FILE): read once at start, and a
// file the router cannot use stops the start with a message that names the variable, the file and why,
// rather than Node's bare `ENOENT` or a router that starts and then refuses every request.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

const FILE_ERRORS = {
  ENOENT: 'does not exist',
  ENOTDIR: 'does not exist',
  EACCES: 'may not be read',
  EISDIR: 'is a directory',
};

/** Why a file could not be read, in words (`does not exist`, `is a directory`, …), from Node's error. */
export function readProblem(error) {
  return FILE_ERRORS[error.code] ?? `cannot be read (${error.code ?? error.message})`;
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

/** The text of the file `variable` names. */
export function settingFile(variable, file) {
  try {
    return readFileSync(file, 'utf8');
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
