// Files that router settings name: a file the router cannot use stops its start with a message that names the
// variable, the file and why (router/setting-files.mjs, router/trusted-documents.mjs).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jwtPublicKeyFile, utf8Text } from '../router/setting-files.mjs';
import { readKeyFile } from '../router/api-keys.mjs';
import { defaultManifestFile, loadTrustedDocuments } from '../router/trusted-documents.mjs';
import { sha256 } from '../router/plugins.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';

const dir = mkdtempSync(join(tmpdir(), 'router-setting-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name, text) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function pipe(name) {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

/** A file of `bytes` bytes that takes no room on disk. */
function sparse(name, bytes) {
  const path = file(name, '');
  truncateSync(path, bytes);
  return path;
}

describe('files the router and the subgraphs both read', () => {
  it('are UTF-8: a byte that is not is named with its offset, as the subgraphs name it', () => {
    assert.equal(utf8Text(Buffer.from('{"a": "caf\u00e9 \u2615"}')), '{"a": "caf\u00e9 \u2615"}');
    // A replacement character the file holds itself is text, not the byte to name.
    assert.throws(() => utf8Text(Buffer.concat([Buffer.from('\uFFFD x '), Buffer.from([0xC3])])),
      { message: 'not UTF-8 text: byte 0xC3 at offset 6' });
    assert.throws(() => utf8Text(Buffer.from([0xEF, 0xBB, 0xBF, 0x7B, 0x80])), { message: 'not UTF-8 text: byte 0x80 at offset 4' });
    // The byte order mark is kept, so JSON refuses it on both sides.
    assert.equal(utf8Text(Buffer.from([0xEF, 0xBB, 0xBF, 0x7B])), '\uFEFF{');
  });

  it('refuse an API key file saved as Latin-1, naming the byte', () => {
    const path = file('latin1-keys.json', Buffer.from('{"keys": [], "caf\u00e9": 1}\n', 'latin1'));
    assert.throws(() => readKeyFile(path), { message: `API key file ${path} cannot be read: not UTF-8 text: byte 0xE9 at offset 17` });
  });
});

function pem(type, options = {}) {
  const { publicKey, privateKey } = generateKeyPairSync(type, options);
  return {
    public: publicKey.export({ type: 'spki', format: 'pem' }),
    private: privateKey.export({ type: 'pkcs8', format: 'pem' }),
  };
}

/** `read` throws a message that starts with the variable and names the file and the reason. */
function assertRefused(read, variable, path, reason) {
  assert.throws(read, (error) => {
    assert.ok(error.message.startsWith(`${variable}: `), error.message);
    assert.ok(error.message.includes(path), error.message);
    assert.match(error.message, reason);
    return true;
  });
}

describe('JWT_PUBLIC_KEY_FILE', () => {
  it('takes an RSA or EC public key as given', () => {
    for (const key of [pem('rsa', { modulusLength: 2048 }), pem('ec', { namedCurve: 'P-256' })]) {
      const path = file('key.pem', key.public);
      assert.equal(jwtPublicKeyFile(path), key.public);
    }
  });

  it('refuses a file that is missing, a directory, not a key, a private key or a key no algorithm uses', () => {
    mkdirSync(join(dir, 'a-directory'), { recursive: true });
    const cases = [
      [join(dir, 'missing.pem'), /does not exist/],
      [join(dir, 'a-directory'), /is a directory/],
      [file('text.pem', 'not a key\n'), /does not hold a PEM public key/],
      [file('private.pem', pem('rsa', { modulusLength: 2048 }).private), /holds a private key/],
      [file('ed25519.pem', pem('ed25519').public), /holds a key of type ed25519; tokens are verified with RSA or EC keys/],
    ];
    for (const [path, reason] of cases) {
      assertRefused(() => jwtPublicKeyFile(path), 'JWT_PUBLIC_KEY_FILE', path, reason);
    }
  });

  it('never repeats a private key it refuses', () => {
    const key = pem('rsa', { modulusLength: 2048 }).private;
    assert.throws(() => jwtPublicKeyFile(file('private.pem', key)), (error) => !error.message.includes(key.split('\n')[1]));
  });
});

describe('TRUSTED_DOCUMENTS_FILE', () => {
  it('reads the committed manifest', () => {
    const documents = loadTrustedDocuments(defaultManifestFile);
    assert.ok(documents.size > 0);
    for (const [hash, text] of documents) {
      assert.equal(sha256(text), hash);
    }
  });

  it('refuses a file that is missing, not JSON, not a manifest, or whose keys are not the hashes of their texts', () => {
    const text = 'query Me { me { id } }';
    const cases = [
      [join(dir, 'missing.json'), /does not exist/],
      [file('broken.json', '{"abc": '), /is not valid JSON/],
      [file('list.json', JSON.stringify([text])), /must be an object of "<sha256 hex of the text>": "<document text>"/],
      [file('null.json', 'null'), /must be an object/],
      [file('number.json', JSON.stringify({ [sha256(text)]: 7 })), /has 1 entry whose key is not the SHA-256 of its text/],
      [file('edited.json', JSON.stringify({ [sha256(text)]: `${text} ` , [sha256('{ a }')]: '{ b }' })),
        /has 2 entries whose key is not the SHA-256 of its text \(the first: '[0-9a-f]{64}'\)/],
      [file('name.json', JSON.stringify({ Me: text })), /the first: 'Me'/],
    ];
    for (const [path, reason] of cases) {
      assertRefused(() => loadTrustedDocuments(path), 'TRUSTED_DOCUMENTS_FILE', path, reason);
    }
  });
});

describe('a router given a file it cannot use', () => {
  it('does not start, and says which variable and why', async () => {
    const manifest = JSON.parse(readFileSync(defaultManifestFile, 'utf8'));
    const [hash] = Object.keys(manifest);
    manifest[hash] += '\n# edited by hand';
    const starts = [
      [{ TRUSTED_DOCUMENTS_FILE: file('edited-manifest.json', JSON.stringify(manifest)) },
        /TRUSTED_DOCUMENTS_FILE: .*edited-manifest\.json has 1 entry whose key is not the SHA-256 of its text/],
      [{ JWT_PUBLIC_KEY_FILE: file('hostname.pem', 'router-1\n') }, /JWT_PUBLIC_KEY_FILE: .*hostname\.pem does not hold a PEM public key/],
      // Files that are none to read: a named pipe (its read would wait for a writer for ever), an endless device,
      // a directory, a file larger than any such file.
      [{ API_KEYS_FILE: pipe('keys.pipe') }, /API key file .*keys\.pipe is a named pipe \(FIFO\), not a regular file/],
      [{ JWT_PUBLIC_KEY_FILE: pipe('key.pipe') }, /JWT_PUBLIC_KEY_FILE: .*key\.pipe is a named pipe \(FIFO\), not a regular file/],
      [{ TRUSTED_DOCUMENTS_FILE: '/dev/zero' }, /TRUSTED_DOCUMENTS_FILE: \/dev\/zero is a device, not a regular file/],
      [{ API_KEYS_FILE: dir }, /API key file .* is a directory, not a regular file/],
      [{ TRUSTED_DOCUMENTS_FILE: sparse('huge.json', 17 * 1048576) }, /TRUSTED_DOCUMENTS_FILE: .*huge\.json is larger than 16777216 bytes/],
    ];
    await Promise.all(starts.map(async ([env, message]) => {
      const router = await startGateway(env, { expectExit: true });
      // a busy 2-core machine takes a while to load the gateway before the check runs
      const exitCode = await Promise.race([router.exited, new Promise((r) => setTimeout(() => r('running'), 45000).unref())]);
      await router.stop();
      assert.notEqual(exitCode, 0);
      assert.match(router.output(), message);
    }));
  });
});

describe('a router starting', () => {
  it('reads each file a setting names once', async () => {
    const keys = file('keys.json', '{ "keys": [] }\n');
    const documents = file('documents.json', readFileSync(defaultManifestFile));
    const key = file('public.pem', pem('rsa', { modulusLength: 2048 }).public);
    const router = await startGateway({ API_KEYS_FILE: keys, TRUSTED_DOCUMENTS_FILE: documents, JWT_PUBLIC_KEY_FILE: key,
      // Logs each read of these files (test/support/count-reads.mjs).
      NODE_OPTIONS: `--import ${resolve(gatewayDir, 'test', 'support', 'count-reads.mjs')}`, COUNT_READS: [keys, documents, key].join(',') });
    await router.stop();
    const reads = router.output().split('\n').filter((line) => line.startsWith('read: ')).sort();
    assert.deepEqual(reads, [documents, keys, key].sort().map((path) => `read: ${path}`));
  });

  it('with a flags file that is a named pipe starts with no flags, and says why', async () => {
    const router = await startGateway({ FLAGS_FILE: pipe('flags.pipe') });
    try {
      const metrics = await (await fetch(`${router.url}/metrics`)).text();
      assert.match(metrics, /^router_flags_reload_failures_total 1$/m);
      assert.match(router.output(), /Feature flags: .*flags\.pipe refused, the last good flags stay in force: the file is a named pipe \(FIFO\), not a regular file/);
    } finally {
      await router.stop();
    }
  });
});
