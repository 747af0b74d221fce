// The API key file contract (contract/api-key-file.schema.json and its cases), run against the
// router's key loader; ApiKeyStoreContractTests runs the same cases against the subgraphs'.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { apiKeyStore, newApiKey, readKeyFile } from '../router/api-keys.mjs';
import { readContract } from './support/contract.mjs';

const { keys, cases } = readContract('api-key-files.json');
const validateSchema = new Ajv({ allErrors: true }).compile(readContract('api-key-file.schema.json'));
const directory = mkdtempSync(join(tmpdir(), 'api-key-contract-'));
const silent = { error() {} };

function keyFile(name, content) {
  const file = join(directory, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  writeFileSync(file, content);
  return file;
}

function contentOf(testCase) {
  return testCase.text ?? JSON.stringify(testCase.file);
}

describe('API key file contract at the router', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.valid ? 'accepted' : 'refused'}`, () => {
      const file = keyFile(testCase.name, contentOf(testCase));
      if (!testCase.valid) {
        assert.throws(() => readKeyFile(file), /API key file/);
        assert.throws(() => apiKeyStore(file, { log: silent }), /API key file/);
        return;
      }
      const store = apiKeyStore(file, { log: silent });
      for (const check of testCase.verify) {
        assert.deepEqual(store.verify(check.presented ?? keys[check.key]), check.client,
          `${check.key ?? JSON.stringify(check.presented)}`);
      }
    });
  }

  it('a file that turns invalid while running refuses every key until it is fixed', () => {
    const [valid] = cases;
    const invalid = cases.find((testCase) => testCase.name.startsWith('revoked that is not a timestamp'));
    const file = keyFile('turns-invalid', contentOf(valid));
    let now = 0;
    const store = apiKeyStore(file, { clock: () => now, log: silent });
    assert.equal(store.verify(keys.alpha)?.client, 'reporting');
    writeFileSync(file, contentOf(invalid));
    now += 60_000;
    assert.equal(store.verify(keys.alpha), null);
    writeFileSync(file, `${contentOf(valid)}\n`);
    now += 60_000;
    assert.equal(store.verify(keys.alpha)?.client, 'reporting');
  });
});

describe('API key file schema', () => {
  for (const testCase of cases.filter((candidate) => candidate.file !== undefined)) {
    const expected = testCase.valid || Boolean(testCase.schemaAllows);
    it(`${testCase.name}: ${expected ? 'matches' : 'does not match'}`, () => {
      assert.equal(validateSchema(testCase.file), expected, JSON.stringify(validateSchema.errors));
    });
  }

  it('describes what the key tool writes, active and revoked', () => {
    const active = newApiKey('reporting', ['orders:read']).record;
    const revoked = { ...newApiKey('old-job', []).record, revoked: new Date().toISOString() };
    assert.equal(validateSchema({ keys: [active, revoked] }), true, JSON.stringify(validateSchema.errors));
  });
});
