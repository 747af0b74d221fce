// The files that settings name, read as the subgraphs read them (contract/setting-files.json): a regular file
// of a bounded size, and nothing else. A named pipe, a directory, an endless device or a huge file is refused
// at once in the same words by every reader of the router, none of which waits or reads on. Each read runs in
// a process of its own, bounded in time: a reader that blocks fails its case instead of stopping the tests.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_SETTING_FILE_BYTES } from '../router/setting-files.mjs';
import { readContract } from './support/contract.mjs';
import { gatewayDir } from './support/gateway.mjs';

const { maxBytes, cases } = readContract('setting-files.json');
const dir = mkdtempSync(join(tmpdir(), 'contract-setting-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const READERS = ['API_KEYS_FILE', 'JWT_PUBLIC_KEY_FILE', 'TRUSTED_DOCUMENTS_FILE', 'FLAGS_FILE'];

/** The file a case describes. */
function make({ name, kind, bytesOverMax, path }) {
  const file = join(dir, name.replace(/\W+/g, '-'));
  if (kind === 'regular') {
    writeFileSync(file, Buffer.alloc(maxBytes + bytesOverMax, ' '));
  } else if (kind === 'symlink') {
    writeFileSync(`${file}.target`, '{}');
    symlinkSync(`${file}.target`, file);
  } else if (kind === 'directory') {
    mkdirSync(file);
  } else if (kind === 'fifo') {
    execFileSync('mkfifo', [file]);
  } else {
    return path;
  }
  return file;
}

/** What `reader` makes of `file`: `{ ok: true }` or `{ error }`; a read that has not ended within 10 s fails. */
function read(reader, file, ...args) {
  const result = spawnSync(process.execPath, [resolve(gatewayDir, 'test', 'support', 'read-setting-file.mjs'), reader, file, ...args],
    { encoding: 'utf8', timeout: 10000 });
  assert.equal(result.signal, null, `${reader} ${file}: still reading after 10 s`);
  return JSON.parse(result.stdout);
}

describe('setting files contract at the router', () => {
  it('reads as much as the subgraphs', () => {
    assert.equal(MAX_SETTING_FILE_BYTES, maxBytes);
  });

  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.refusal ? `refused, it ${testCase.refusal.replace('{maxBytes}', maxBytes)}` : 'read'}`, () => {
      const file = make(testCase);
      const expected = testCase.refusal ? { error: testCase.refusal.replace('{maxBytes}', maxBytes) } : { ok: true };
      assert.deepEqual(read('bounded', file, String(maxBytes)), expected);
      assert.deepEqual(read('boundedAsync', file, String(maxBytes)), expected);
      if (!testCase.refusal || testCase.kind === 'regular') {
        return;
      }
      // Every reader of a file a setting names, with its own message around the same words; the flags file's
      // refusal is logged, in the subgraphs' words for it.
      for (const reader of READERS) {
        const { error } = read(reader, file);
        const words = reader === 'FLAGS_FILE' ? `${file} refused, the last good flags stay in force: the file ${testCase.refusal}`
          : `${file} ${testCase.refusal}`;
        assert.ok(error?.includes(words), `${reader}: ${error}`);
      }
    });
  }
});
