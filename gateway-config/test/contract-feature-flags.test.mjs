// The feature flag contract (contract/feature-flags.schema.json and contract/feature-flag-cases.json)
// run through OpenFeature against the router's provider; FeatureFlagContractTests runs the same
// cases against the subgraphs'. The committed flags file (flags/flags.json) must match the schema.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { Registry } from 'prom-client';
import { OpenFeature } from '@openfeature/server-sdk';
import { FileFlagProvider, MAX_FLAGS_FILE_BYTES, bucketOf, parseFlags } from '../router/feature-flags.mjs';
import { contractDir, readContract } from './support/contract.mjs';

const { flags, buckets, bucketSequences, cases, valid, invalid, maxBytes } = readContract('feature-flag-cases.json');
const validateSchema = new Ajv({ allErrors: true }).compile(readContract('feature-flags.schema.json'));
const directory = mkdtempSync(join(tmpdir(), 'feature-flag-contract-'));
const silent = { error() {}, info() {} };

function textOf(entry) {
  return entry.text ?? JSON.stringify(entry.document);
}

/** A case as the bytes of a file on disk. */
function bytesOf(entry) {
  return entry.base64 === undefined ? Buffer.from(textOf(entry)) : Buffer.from(entry.base64, 'base64');
}

/** A valid flags file of exactly `size` bytes. */
function fileOfSize(size) {
  const [start, end] = ['{"flags": {"a": {"enabled": true, "default": false, "description": "', '"}}}'];
  return Buffer.from(start + 'x'.repeat(size - start.length - end.length) + end);
}

describe('feature flag contract at the router', () => {
  const file = join(directory, 'flags.json');
  writeFileSync(file, JSON.stringify(flags));
  const provider = new FileFlagProvider(file, { registry: new Registry(), log: silent });
  OpenFeature.setProvider('contract', provider);
  const client = OpenFeature.getClient('contract');

  after(() => OpenFeature.clearProviders());

  for (const { flag, userId, bucket } of buckets) {
    it(`bucket of ${userId} for ${flag} is ${bucket}`, () => {
      assert.equal(bucketOf(flag, userId), bucket);
    });
  }

  for (const { flag, buckets: expected } of bucketSequences) {
    it(`buckets of user ids 1 to ${expected.length} for ${flag} are the contract's`, () => {
      assert.deepEqual(Array.from(expected, (_, index) => bucketOf(flag, String(index + 1))), expected);
    });
  }

  for (const testCase of cases) {
    it(`${testCase.flag}: ${testCase.name} -> ${testCase.expected}`, async () => {
      const { userId, scopes, client: clientName } = testCase.context;
      const context = { ...(userId === null ? {} : { targetingKey: userId }), scopes, client: clientName };
      assert.equal(await client.getBooleanValue(testCase.flag, testCase.codedDefault, context), testCase.expected);
    });
  }

  for (const entry of valid) {
    it(`accepts ${entry.name}`, () => {
      assert.ok(parseFlags(bytesOf(entry)) instanceof Map);
    });
  }

  for (const entry of invalid) {
    it(`refuses ${entry.name}`, () => {
      assert.throws(() => parseFlags(bytesOf(entry)), entry.message === undefined ? Error : { message: entry.message });
    });
  }

  it(`reads a file of at most ${maxBytes} bytes`, () => {
    assert.equal(MAX_FLAGS_FILE_BYTES, maxBytes);
    assert.equal(parseFlags(fileOfSize(maxBytes)).size, 1);
    assert.throws(() => parseFlags(fileOfSize(maxBytes + 1)), { message: `the file is larger than ${maxBytes} bytes` });
  });
});

describe('feature flags schema', () => {
  it('accepts the cases\' flags, the valid documents and the committed flags file', () => {
    const committed = JSON.parse(readFileSync(resolve(contractDir, '..', 'flags', 'flags.json'), 'utf8'));
    for (const document of [flags, committed, ...valid.map((entry) => JSON.parse(textOf(entry)))]) {
      assert.equal(validateSchema(document), true, JSON.stringify(validateSchema.errors));
    }
  });

  for (const entry of invalid.filter((candidate) => candidate.document !== undefined || candidate.text === '[]')) {
    it(`refuses ${entry.name}`, () => {
      assert.equal(validateSchema(JSON.parse(textOf(entry))), false);
    });
  }

  it('parses the committed flags file', () => {
    const flagsFile = readFileSync(resolve(contractDir, '..', 'flags', 'flags.json'), 'utf8');
    assert.ok(parseFlags(flagsFile).has('inventory-stock'));
  });
});
