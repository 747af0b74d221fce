// Reads FILE as one of the router's readers does, in a process of its own (a read that blocks must not stop the
// test's): `node read-setting-file.mjs READER FILE [MAX_BYTES]` prints `{ "ok": true }` or `{ "error": "…" }`.
import { Registry } from 'prom-client';
import { readKeyFile } from '../../router/api-keys.mjs';
import { FileFlagProvider } from '../../router/feature-flags.mjs';
import { jwtPublicKeyFile, readBoundedFile, readBoundedFileAsync } from '../../router/setting-files.mjs';
import { loadTrustedDocuments } from '../../router/trusted-documents.mjs';

const [reader, file, maxBytes] = process.argv.slice(2);

// The flags file never stops a start: its refusal is the line the provider logs.
function flags() {
  const errors = [];
  const log = { error: (line) => errors.push(line), info() {}, warn() {} };
  new FileFlagProvider(file, { registry: new Registry(), log }).onClose();
  if (errors.length) {
    throw new Error(errors[0]);
  }
}

const READERS = {
  bounded: () => readBoundedFile(file, Number(maxBytes)),
  boundedAsync: () => readBoundedFileAsync(file, Number(maxBytes)),
  API_KEYS_FILE: () => readKeyFile(file),
  JWT_PUBLIC_KEY_FILE: () => jwtPublicKeyFile(file),
  TRUSTED_DOCUMENTS_FILE: () => loadTrustedDocuments(file),
  FLAGS_FILE: flags,
};

try {
  await READERS[reader]();
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  console.log(JSON.stringify({ error: error.message }));
}
