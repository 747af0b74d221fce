// Files that router settings name (TRUSTED_DOCUMENTS_FILE, JWT_PUBLIC_KEY_FILE): read once at start, and a
// file the router cannot use stops the start with a message that names the variable, the file and why,
// rather than Node's bare `ENOENT` or a router that starts and then refuses every request.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

const FILE_ERRORS = {
  ENOENT: 'does not exist',
  EACCES: 'may not be read',
  EISDIR: 'is a directory',
};

/** The text of the file `variable` names. */
export function settingFile(variable, file) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${variable}: ${file} ${FILE_ERRORS[error.code] ?? `cannot be read (${error.code ?? error.message})`}`);
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
