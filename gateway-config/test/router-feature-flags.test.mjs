// The router's flags file at work: a change is picked up within a second, an invalid version keeps
// the last good flags (logged once, counted in router_flags_reload_failures_total), every changed
// flag is logged for audit, and the progressive override hook evaluates a label for the caller of
// a request context as Hive Gateway builds it.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { OpenFeature } from '@openfeature/server-sdk';
import { MAX_FLAGS_FILE_BYTES, useFeatureFlags } from '../router/feature-flags.mjs';
import { apiKeyStore, newApiKey, writeKeyFile } from '../router/api-keys.mjs';
import { eventually } from './support/eventually.mjs';

const directory = mkdtempSync(join(tmpdir(), 'router-feature-flags-'));
let written = 0;

function writeFlags(file, content) {
  // Written beside and renamed, as an editor or a ConfigMap update does: never half a file.
  const temporary = `${file}.${++written}.tmp`;
  writeFileSync(temporary, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  renameSync(temporary, file);
}

function flagsWith(enabled, rules = [{ value: true, userIds: ['u-1'] }]) {
  return { flags: { 'inventory-stock': { enabled, default: false, rules } } };
}

function recordingLog() {
  const lines = { info: [], error: [] };
  return { lines, info: (line) => lines.info.push(line), error: (line) => lines.error.push(line) };
}

function requestContext(headers = {}, jwtPayload = undefined) {
  return { request: new Request('http://router/graphql', { method: 'POST', headers }), jwt: jwtPayload ? { payload: jwtPayload } : undefined };
}

async function refused(registry) {
  return (await registry.getSingleMetric('router_flags_file_refused').get()).values[0]?.value;
}

async function failures(registry) {
  return (await registry.getSingleMetric('router_flags_reload_failures_total').get()).values[0]?.value ?? 0;
}

describe('feature flags file at the router', () => {
  after(() => OpenFeature.clearProviders());

  it('picks up a change within a second and logs each changed flag for audit', async () => {
    const file = join(directory, 'reload.json');
    writeFlags(file, flagsWith(false));
    const log = recordingLog();
    const { provider, progressiveOverride } = useFeatureFlags({ file, domain: 'reload', registry: new Registry(), log });
    const user = () => requestContext({}, { sub: 'u-1', scope: '' });
    assert.equal(await progressiveOverride('inventory-stock', user()), false);
    writeFlags(file, flagsWith(true));
    await eventually(async () => progressiveOverride('inventory-stock', user()), 'the flag turned on');
    // The flags in force at startup are logged too, so the audit trail starts with them.
    assert.deepEqual(log.lines.info, [
      'feature flag audit: inventory-stock: (none) -> {"enabled":false,"default":false,"rules":[{"value":true,"userIds":["u-1"]}]}',
      'feature flag audit: inventory-stock: {"enabled":false,"default":false,"rules":[{"value":true,"userIds":["u-1"]}]}'
        + ' -> {"enabled":true,"default":false,"rules":[{"value":true,"userIds":["u-1"]}]}',
    ]);
    await provider.onClose();
  });

  it('keeps the last good flags when a version is invalid, logging and counting it once', async () => {
    const file = join(directory, 'invalid.json');
    writeFlags(file, flagsWith(true));
    const log = recordingLog();
    const registry = new Registry();
    const { provider, progressiveOverride } = useFeatureFlags({ file, domain: 'invalid', registry, log });
    const user = () => requestContext({}, { sub: 'u-1' });
    assert.equal(await progressiveOverride('inventory-stock', user()), true);
    assert.equal(await refused(registry), 0);
    writeFlags(file, '{ "flags": { "inventory-stock": { "enabled": "yes" ');
    await eventually(async () => (await failures(registry)) === 1, 'the invalid version counted');
    // Several polls later: still the last good flags, still one log line and one count.
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(await failures(registry), 1);
    // The counter's increase ends while the file is still refused; the gauge says so until it passes.
    assert.equal(await refused(registry), 1);
    assert.equal(log.lines.error.length, 1);
    assert.match(log.lines.error[0], /invalid\.json refused, the last good flags stay in force: not JSON/);
    assert.equal(await progressiveOverride('inventory-stock', user()), true);
    // Another bad version is another line and another count; a good one ends it.
    writeFlags(file, flagsWith(true, [{ value: true }]));
    await eventually(async () => (await failures(registry)) === 2, 'the second invalid version counted');
    assert.match(log.lines.error[1], /flag "inventory-stock": rule 1: needs at least one of userIds/);
    // Good flags saved by an editor in Latin-1: refused, as the subgraphs refuse it, not read with a U+FFFD.
    const off = flagsWith(false);
    off.flags['inventory-stock'].description = 'caf\u00e9';
    writeFlags(file, Buffer.from(JSON.stringify(off), 'latin1'));
    await eventually(async () => (await failures(registry)) === 3, 'the Latin-1 version counted');
    assert.match(log.lines.error[2], /refused, the last good flags stay in force: not UTF-8 text: byte 0xE9 at offset \d+$/);
    assert.equal(await progressiveOverride('inventory-stock', user()), true);
    // A file larger than any flags file is refused for its size, read no further than that.
    writeFlags(file, Buffer.alloc(MAX_FLAGS_FILE_BYTES * 3, ' '));
    await eventually(async () => (await failures(registry)) === 4, 'the oversized version counted');
    assert.match(log.lines.error[3], /refused, the last good flags stay in force: the file is larger than 1048576 bytes$/);
    assert.equal(await refused(registry), 1);
    writeFlags(file, flagsWith(false));
    await eventually(async () => !(await progressiveOverride('inventory-stock', user())), 'the good version in force');
    assert.equal(await refused(registry), 0);
    assert.equal(log.lines.info.at(-2), `Feature flags: ${file} passes again, its flags are in force`);
    await provider.onClose();
  });

  it('starts with no flags when the file is missing, and takes the first good version', async () => {
    const file = join(directory, 'appears-later.json');
    const log = recordingLog();
    const registry = new Registry();
    const { provider, progressiveOverride } = useFeatureFlags({ file, domain: 'later', registry, log });
    const user = () => requestContext({}, { sub: 'u-1' });
    assert.equal(await progressiveOverride('inventory-stock', user()), false);
    assert.equal(await failures(registry), 1);
    assert.match(log.lines.error[0], /appears-later\.json refused, the last good flags stay in force: the file does not exist$/);
    writeFlags(file, flagsWith(true));
    await eventually(async () => progressiveOverride('inventory-stock', user()), 'the file picked up');
    assert.equal(await failures(registry), 1);
    await provider.onClose();
  });

  it('answers the coded default for every flag without a file, and false for an unknown label', async () => {
    const { progressiveOverride } = useFeatureFlags({ file: null, domain: 'none', registry: new Registry(), log: recordingLog() });
    assert.equal(await progressiveOverride('inventory-stock', requestContext({}, { sub: 'u-1' })), false);
    const file = join(directory, 'unknown.json');
    writeFlags(file, flagsWith(true));
    const flags = useFeatureFlags({ file, domain: 'unknown', registry: new Registry(), log: recordingLog() });
    assert.equal(await flags.progressiveOverride('no-such-flag', requestContext({}, { sub: 'u-1' })), false);
    await flags.provider.onClose();
  });

  it('evaluates for the caller of the request: token subject and scopes, API key client, client header', async () => {
    const file = join(directory, 'caller.json');
    writeFlags(file, flagsWith(true, [
      { value: true, userIds: ['u-1'] },
      { value: true, scopes: ['internal'] },
      { value: true, clients: ['web', 'catalog-sync'] },
    ]));
    const { key, record } = newApiKey('catalog-sync', ['catalog:write']);
    const keyFile = join(directory, 'api-keys.json');
    writeKeyFile(keyFile, [record]);
    const { provider, progressiveOverride } = useFeatureFlags({ file, domain: 'caller', apiKeys: apiKeyStore(keyFile),
      registry: new Registry(), log: recordingLog() });
    const on = (context) => progressiveOverride('inventory-stock', context);
    assert.equal(await on(requestContext({}, { sub: 'u-1' })), true);
    assert.equal(await on(requestContext({}, { sub: 'u-2', scope: 'orders:read internal' })), true);
    assert.equal(await on(requestContext({}, { sub: 'u-2', scope: 'orders:read' })), false);
    assert.equal(await on(requestContext({ 'graphql-client-name': 'web' })), true);
    assert.equal(await on(requestContext({ 'graphql-client-name': 'ios' })), false);
    assert.equal(await on(requestContext({ 'x-api-key': key, 'graphql-client-name': 'ios' })), true);
    assert.equal(await on(requestContext({ 'x-api-key': `${key}x` })), false);
    assert.equal(await on({}), false);
    await provider.onClose();
  });

  it('never targets a caller as a client of the key file by a header, only by its key', async () => {
    const file = join(directory, 'key-clients.json');
    writeFlags(file, flagsWith(true, [{ value: true, clients: ['catalog-sync', 'retired', 'web'] }]));
    const { key, record } = newApiKey('catalog-sync', ['catalog:write']);
    const retired = { ...newApiKey('retired', []).record, revoked: new Date(0).toISOString() };
    const keyFile = join(directory, 'key-clients-keys.json');
    writeKeyFile(keyFile, [record, retired]);
    const { provider, progressiveOverride } = useFeatureFlags({ file, domain: 'key-clients', apiKeys: apiKeyStore(keyFile),
      registry: new Registry(), log: recordingLog() });
    const on = (headers, jwtPayload) => progressiveOverride('inventory-stock', requestContext(headers, jwtPayload));
    assert.equal(await on({ 'graphql-client-name': 'catalog-sync' }), false);
    assert.equal(await on({ 'apollographql-client-name': 'catalog-sync' }), false);
    assert.equal(await on({ 'graphql-client-name': 'retired' }), false, 'a revoked key\'s client too');
    assert.equal(await on({ 'graphql-client-name': 'catalog-sync' }, { sub: 'u-9' }), false);
    assert.equal(await on({ 'graphql-client-name': 'catalog-sync', 'apollographql-client-name': 'web' }), true);
    assert.equal(await on({ 'x-api-key': key }), true);
    assert.equal(await on({ 'graphql-client-name': 'web' }), true);
    await provider.onClose();
  });
});
