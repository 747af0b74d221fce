// API keys for machine clients at the real router: scopes from the key file, refusal of unknown,
// revoked and ambiguous credentials, revocation without restart, the key file tool, and the names
// of the key file's clients, which only their keys give (no header claims them).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyStore, newApiKey, readKeyFile, writeKeyFile } from '../router/api-keys.mjs';
import { urlVariable } from '../router/subgraphs.mjs';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';

const CREATE_PRODUCT = 'mutation { createProduct(input: {sku: "s", name: "n", price: {amount: "1.00", currency: "EUR"}, categoryId: "c1", weightGrams: 1}) { product { id } } }';

describe('API keys at the router', () => {
  const directory = mkdtempSync(join(tmpdir(), 'router-api-keys-'));
  const keyFile = join(directory, 'api-keys.json');
  const publicKeyFile = join(directory, 'jwt.pem');
  let fakes;
  let gateway;
  let sign;
  let writer;
  let reader;

  before(async () => {
    sign = createSigner(publicKeyFile);
    writer = cli('create', '--client', 'catalog-sync', '--scope', 'catalog:write');
    reader = cli('create', '--client', 'reporting', '--scope', 'orders:read');
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({
      GATEWAY_MODE: 'dev',
      ...fakes.env,
      JWT_PUBLIC_KEY_FILE: publicKeyFile,
      API_KEYS_FILE: keyFile,
    });
  });

  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  function cli(...args) {
    return execFileSync(process.execPath, ['scripts/api-keys.mjs', ...args, '--file', keyFile],
      { cwd: gatewayDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  it('stores only the hash of a key, never the key', () => {
    const stored = readFileSync(keyFile, 'utf8');
    assert.equal(stored.includes(writer), false);
    assert.equal(stored.includes(writer.slice('sgk_'.length + 13)), false); // the secret part
    assert.deepEqual(readKeyFile(keyFile).map((record) => record.client), ['catalog-sync', 'reporting']);
  });

  it('grants the scopes of the key and forwards the key to the subgraph', async () => {
    const before = fakes.requests.length;
    await post(gateway.url, { query: CREATE_PRODUCT }, { 'x-api-key': writer });
    const upstream = fakes.requests.slice(before).find((request) => request.path === '/catalog');
    assert.ok(upstream, 'the router asked the catalog');
    assert.equal(upstream.headers['x-api-key'], writer);
    assert.match(upstream.body.query, /createProduct/);
  });

  it('answers FORBIDDEN when the key lacks the scope, without asking the subgraph', async () => {
    const before = fakes.requests.length;
    const { json } = await post(gateway.url, { query: CREATE_PRODUCT }, { 'x-api-key': reader });
    assert.deepEqual(codes(json), ['FORBIDDEN']);
    assert.equal(fakes.requests.length, before);
  });

  it('counts a machine client as authenticated for @authenticated fields', async () => {
    const { json } = await post(gateway.url, { query: '{ me { id } }' }, { 'x-api-key': reader });
    assert.deepEqual(json, { data: { me: { id: 'u1' } } });
  });

  it('refuses an unknown key, a wrong secret for a known id and garbage with 401, echoing none', async () => {
    const [, id] = reader.split('_');
    const candidates = [newApiKey('stranger', ['catalog:write']).key, `sgk_${id}_${'A'.repeat(43)}`, 'x'.repeat(2000), 'sgk_'];
    for (const key of candidates) {
      const { status, json, text } = await post(gateway.url, { query: '{ categories { id } }' }, { 'x-api-key': key });
      assert.equal(status, 401, key);
      assert.equal(json.data ?? null, null);
      assert.deepEqual(codes(json), ['UNAUTHENTICATED'], key);
      assert.equal(text.includes(key), false);
    }
  });

  it('refuses a key sent together with a bearer token', async () => {
    const { status, json } = await post(gateway.url, { query: '{ categories { id } }' },
      { 'x-api-key': reader, authorization: `Bearer ${sign({ sub: 'u1' })}` });
    assert.equal(status, 401);
    assert.deepEqual(codes(json), ['UNAUTHENTICATED']);
  });

  it('stops accepting a revoked key within seconds, without a restart', async () => {
    const victim = cli('create', '--client', 'leaked', '--scope', 'catalog:write');
    await waitFor(async () => (await post(gateway.url, { query: '{ categories { id } }' }, { 'x-api-key': victim })).status === 200);
    cli('revoke', victim.split('_')[1]);
    await waitFor(async () => (await post(gateway.url, { query: '{ categories { id } }' }, { 'x-api-key': victim })).status === 401);
    const { status } = await post(gateway.url, { query: '{ categories { id } }' }, { 'x-api-key': reader });
    assert.equal(status, 200, 'other keys keep working');
    assert.match(cli('list'), /leaked\tcatalog:write\t\S+\trevoked /);
  });

  it('refuses every key while the key file is broken, and recovers when it is fixed', () => {
    const file = join(directory, 'broken.json');
    const { key, record } = newApiKey('batch', ['orders:read']);
    writeFileSync(file, JSON.stringify({ keys: [record] }));
    let now = 0;
    const store = apiKeyStore(file, { clock: () => now, log: { error: () => {} } });
    assert.equal(store.verify(key)?.client, 'batch');
    writeFileSync(file, '{ "keys": [ { "id": "truncated');
    now += 5000;
    assert.equal(store.verify(key), null);
    writeFileSync(file, JSON.stringify({ keys: [record] }));
    now += 5000;
    assert.equal(store.verify(key)?.client, 'batch');
  });

  it('knows the clients of every record, revoked too, in step with the file, and keeps them while it is broken', () => {
    const file = join(directory, 'clients.json');
    const batch = newApiKey('batch', ['orders:read']).record;
    writeKeyFile(file, [batch]);
    let now = 0;
    const store = apiKeyStore(file, { clock: () => now, log: { error: () => {} } });
    assert.deepEqual([...store.clients()], ['batch']);
    const retired = { ...newApiKey('retired', []).record, revoked: new Date(0).toISOString() };
    writeKeyFile(file, [batch, retired]);
    assert.deepEqual([...store.clients()], ['batch'], 'within the reload interval');
    now += 1000;
    assert.deepEqual([...store.clients()].sort(), ['batch', 'retired']);
    // A broken file frees no name: the last good names stay, while no key is accepted.
    writeFileSync(file, '{ "keys": [ { "id": "truncated');
    now += 1000;
    assert.deepEqual([...store.clients()].sort(), ['batch', 'retired']);
    writeKeyFile(file, [batch]);
    now += 1000;
    assert.deepEqual([...store.clients()], ['batch']);
  });

  it('tells the operator in one line what is wrong with a bad key file or id, with exit code 1', () => {
    const file = join(directory, 'invalid.json');
    writeFileSync(file, JSON.stringify({ keys: [{ id: 'nothex', client: 'a b', scopes: 'orders:read', sha256: 'x' }] }));
    const listed = spawnSync(process.execPath, ['scripts/api-keys.mjs', 'list', '--file', file], { cwd: gatewayDir, encoding: 'utf8' });
    assert.equal(listed.status, 1);
    assert.match(listed.stderr, /^\u2716 API key file .*invalid\.json: key #1: id must be 12 hex digits; client must be .*; scopes must be .*; sha256 must be/);
    const revoked = spawnSync(process.execPath, ['scripts/api-keys.mjs', 'revoke', 'abcdefabcdef', '--file', keyFile], { cwd: gatewayDir, encoding: 'utf8' });
    assert.equal(revoked.status, 1);
    assert.match(revoked.stderr, /^\u2716 .* has no key with id 'abcdefabcdef'\n$/);
  });
});

describe('the clients of the key file at the real router', () => {
  // `dev-reporting` holds a key, `web` none. The flag moves Product.inStock to inventory (progressive
  // @override) for both clients: a request whose plan asks inventory was targeted as one of them.
  const directory = mkdtempSync(join(tmpdir(), 'router-key-clients-'));
  const keyFile = join(directory, 'api-keys.json');
  const flagsFile = join(directory, 'flags.json');
  const reporting = newApiKey('dev-reporting', ['orders:read']);
  let subgraphs;
  let gateway;
  let sign;

  before(async () => {
    sign = createSigner(join(directory, 'jwt.pem'));
    writeKeyFile(keyFile, [reporting.record]);
    writeFileSync(flagsFile, JSON.stringify({ flags: { 'inventory-stock': { enabled: true, default: false,
      rules: [{ value: true, clients: ['dev-reporting', 'web', 'late'] }] } } }));
    subgraphs = await startSchemaSubgraphs({ record: true });
    gateway = await startGateway({
      GATEWAY_MODE: 'dev',
      ...Object.fromEntries(Object.entries(subgraphs.urls).map(([name, url]) => [urlVariable(name), url])),
      JWT_PUBLIC_KEY_FILE: join(directory, 'jwt.pem'),
      API_KEYS_FILE: keyFile,
      FLAGS_FILE: flagsFile,
    });
  });

  after(async () => {
    await gateway?.stop();
    await subgraphs?.close();
  });

  // The client as the router saw it: its metric label, the name sent on to the subgraphs, and
  // whether the flag targeted it.
  async function clientOf(operation, headers) {
    subgraphs.received.length = 0;
    const { status, json } = await post(gateway.url, { query: `query ${operation} { product(id: "1") { id inStock } }` }, headers);
    assert.equal(status, 200, JSON.stringify(json));
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    const labels = [...metrics.matchAll(new RegExp(`^router_operation_duration_seconds_count\\{operation="${operation}",client="([^"]*)"`, 'gm'))]
      .map((match) => match[1]);
    return {
      label: labels.join(),
      forwarded: [...new Set(subgraphs.received.map((request) => request.headers['graphql-client-name']))].join(),
      targeted: subgraphs.received.some((request) => request.subgraph === 'inventory'),
    };
  }

  it('does not take a header naming a key client without its key, in either header', async () => {
    const nobody = { label: 'unknown', forwarded: 'unknown', targeted: false };
    assert.deepEqual(await clientOf('Impostor', { 'graphql-client-name': 'dev-reporting' }), nobody);
    assert.deepEqual(await clientOf('ApolloImpostor', { 'apollographql-client-name': 'dev-reporting' }), nobody);
    assert.deepEqual(await clientOf('UserImpostor', { 'graphql-client-name': 'dev-reporting',
      authorization: `Bearer ${sign({ sub: 'u-1' })}` }), nobody);
  });

  it('falls through to the next header, and a token\'s own client claim names no key', async () => {
    const web = { label: 'web', forwarded: 'web', targeted: true };
    assert.deepEqual(await clientOf('ImpostorThenWeb', { 'graphql-client-name': 'dev-reporting',
      'apollographql-client-name': 'web' }), web);
    assert.deepEqual(await clientOf('ClaimedClient', { 'graphql-client-name': 'web',
      authorization: `Bearer ${sign({ sub: 'u-1', client: 'dev-reporting' })}` }), web);
  });

  it('still names the key holder and a client without keys that names itself', async () => {
    assert.deepEqual(await clientOf('KeyHolder', { 'x-api-key': reporting.key, 'graphql-client-name': 'web' }),
      { label: 'dev-reporting', forwarded: 'dev-reporting', targeted: true });
    assert.deepEqual(await clientOf('SelfNamed', { 'graphql-client-name': 'web' }), { label: 'web', forwarded: 'web', targeted: true });
  });

  it('reserves the name of a client given a key within seconds, and keeps it when the key is revoked', async () => {
    assert.deepEqual(await clientOf('LateBefore', { 'graphql-client-name': 'late' }), { label: 'late', forwarded: 'late', targeted: true });
    const late = newApiKey('late', []).record;
    writeKeyFile(keyFile, [reporting.record, late]);
    await waitFor(async () => (await clientOf(`LateAfter${Date.now()}`, { 'graphql-client-name': 'late' })).label === 'unknown');
    writeKeyFile(keyFile, [reporting.record, { ...late, revoked: new Date().toISOString() }]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(await clientOf('LateRevoked', { 'graphql-client-name': 'late' }),
      { label: 'unknown', forwarded: 'unknown', targeted: false });
  });
});

// Bounded: the key file is re-read at most once a second; give it up to 10 s on a busy machine.
async function waitFor(condition) {
  for (let attempt = 0; attempt < 40; attempt++) {
    if (await condition()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail('condition not met within 10 s');
}
