// The real router serving from a supergraph store (SUPERGRAPH_STORE) in front of subgraphs that answer
// from the golden SDLs: while four loops run a reference operation, a promotion and a rollback with the
// store's commands swap the version each response names exactly once, without a failed request, and a
// version that does not validate is refused while the router keeps serving the one before.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { movePointer, readPointer } from '../router/supergraph-store.mjs';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { routerSettings } from '../router/settings.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';

const storeCommand = (...args) => promisify(execFile)(process.execPath,
  [resolve(gatewayDir, 'scripts', 'supergraph-store.mjs'), ...args], { cwd: gatewayDir });
const query = readFileSync(resolve(gatewayDir, 'operations', 'ProductShipping.graphql'), 'utf8');
const LOOPS = 4;
const MAX_REQUESTS_PER_LOOP = 1500;
// Hive Gateway's shortest polling interval: a swap reaches the router within it.
const SWAP_WAIT_MS = 30000;

describe('router with a supergraph store', () => {
  let subgraphs;
  let router;
  let store;

  before(async () => {
    store = join(mkdtempSync(join(tmpdir(), 'router-store-')), 'store');
    await storeCommand('promote', '--store', store);
    // Slow subgraphs: at every swap some loop's request is between its two subgraph fetches.
    subgraphs = await startSchemaSubgraphs({ delayMs: 40 });
    const urls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), subgraphs.urls[name]]));
    router = await startGateway({ ...urls, SUPERGRAPH_STORE: store, SUPERGRAPH_POLL_MS: '10000' });
  });

  after(async () => {
    await router?.stop();
    await subgraphs?.close();
  });

  it('promote and rollback under load: every request succeeds and each loop sees 1, then 2, then 1', async () => {
    const load = startLoad();
    await load.seenByAll(1);
    const promoted = await commandAt(() => storeCommand('promote', '--store', store));
    await load.seenByAll(2);
    const rolledBack = await commandAt(() => storeCommand('rollback', '--store', store));
    await load.seenByAll(1, rolledBack.returnedAt);
    const responses = await load.stop();

    assert.match(promoted.stdout, /promoted version 2 \(was 1\)/);
    assert.match(rolledBack.stdout, /rolled back to version 1 \(was 2\)/);
    const failed = responses.flat().filter((r) => !r.ok);
    assert.deepEqual(failed.slice(0, 3), [], `${failed.length} of ${responses.flat().length} requests failed`);
    for (const loop of responses) {
      assert.deepEqual(runs(loop.map((r) => r.version)), ['1', '2', '1'], 'each loop switches exactly at the swaps');
      const firstNew = loop.find((r) => r.version === '2');
      assert.ok(firstNew.receivedAt > promoted.returnedAt, 'version 2 answered only after promote returned');
      const firstBack = loop.find((r) => r.version === '1' && r.receivedAt > firstNew.receivedAt);
      assert.ok(firstBack.receivedAt > rolledBack.returnedAt, 'version 1 again only after rollback returned');
    }
    assert.match(await metrics(), /^router_supergraph_version\{version="1"\} 1$/m);
  });

  it('a version that does not validate is refused: the router keeps serving, logs it once and counts it', async () => {
    const current = readPointer(store);
    // Cut off inside a definition: whatever the supergraph holds, no longer SDL.
    const truncated = `${readFileSync(join(store, 'supergraph-2.graphql'), 'utf8').slice(0, 5000)}\ntype Cut {`;
    writeFileSync(join(store, 'supergraph-3.graphql'), truncated);
    movePointer(store, { version: 3, previous: [current.version, ...current.previous] });
    const load = startLoad();
    const deadline = Date.now() + SWAP_WAIT_MS;
    while (!/^router_supergraph_pointer_refused 1$/m.test(await metrics()) && Date.now() < deadline) {
      await sleep(250);
    }
    await sleep(500);
    const responses = (await load.stop()).flat();

    const text = await metrics();
    assert.match(text, /^router_supergraph_refused_total\{reason="invalid"\} 1$/m);
    assert.match(text, /^router_supergraph_pointer_refused 1$/m);
    assert.match(text, /^router_supergraph_version\{version="1"\} 1$/m);
    assert.deepEqual(responses.filter((r) => !r.ok), []);
    assert.deepEqual([...new Set(responses.map((r) => r.version))], ['1']);
    const refusals = router.output().match(/refused version 3 does not validate: Syntax Error[^\n]*still serving version 1/g);
    assert.equal(refusals?.length, 1, router.output().slice(-2000));
    const ready = await fetch(`${router.url}/readiness`);
    assert.equal(ready.status, 200);
  });

  it('a router whose store has no current version does not start, and says why', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'router-store-empty-'));
    const starting = await startGateway({ SUPERGRAPH_STORE: empty }, { expectExit: true });
    assert.equal(await starting.exited, 1);
    assert.match(starting.output(), /supergraph store .*: refused no version promoted yet; nothing to serve yet/);
  });

  it('a router whose current version is invalid or missing does not start: one line, no stack trace', async () => {
    for (const [version, text, reason] of [[1, 'type Query {', /refused version 1 does not validate: Syntax Error: Expected Name, found <EOF>\.; nothing to serve yet/],
      [2, null, /refused version 2: ENOENT: no such file or directory, open '.*supergraph-2\.graphql'; nothing to serve yet/]]) {
      const broken = mkdtempSync(join(tmpdir(), 'router-store-broken-'));
      if (text !== null) {
        writeFileSync(join(broken, `supergraph-${version}.graphql`), text);
      }
      movePointer(broken, { version, previous: [] });
      const starting = await startGateway({ SUPERGRAPH_STORE: broken }, { expectExit: true });
      assert.equal(await starting.exited, 1);
      assert.match(starting.output(), reason);
      assert.doesNotMatch(starting.output(), /stack|\n\s+at /, starting.output());
    }
  });

  it('SUPERGRAPH_POLL_MS under the shortest interval Hive Gateway accepts is refused', () => {
    assert.throws(() => routerSettings({ SUPERGRAPH_STORE: '/srv/store', SUPERGRAPH_POLL_MS: '1000' }),
      /SUPERGRAPH_POLL_MS must be at least 10000/);
    assert.deepEqual(routerSettings({ SUPERGRAPH_STORE: '/srv/store' }).supergraphStore, { dir: '/srv/store', pollMs: 10000 });
    assert.equal(routerSettings({}).supergraphStore, null);
  });

  function startLoad() {
    let stopping = false;
    const seen = Array.from({ length: LOOPS }, () => []);
    const loops = seen.map(async (responses) => {
      while (!stopping) {
        assert.ok(responses.length < MAX_REQUESTS_PER_LOOP, 'the load is bounded');
        responses.push(await send());
      }
      return responses;
    });
    return {
      // Resolves once every loop got `version` (received after `since`) at least three times.
      async seenByAll(version, since = 0) {
        const deadline = Date.now() + SWAP_WAIT_MS;
        const count = (responses) => responses.filter((r) => r.version === String(version) && r.receivedAt > since).length;
        while (!seen.every((responses) => count(responses) >= 3)) {
          if (Date.now() > deadline) {
            stopping = true;
            throw new Error(`not every loop saw version ${version} within ${SWAP_WAIT_MS} ms`);
          }
          await sleep(100);
        }
      },
      stop() {
        stopping = true;
        return Promise.all(loops);
      },
    };
  }

  async function send() {
    const response = await fetch(`${router.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { id: '1' } }),
    });
    const body = await response.json().catch(() => null);
    return {
      ok: response.status === 200 && body?.data?.product?.shippingEstimate?.amount !== undefined && !body.errors,
      status: response.status,
      version: response.headers.get('x-supergraph-version'),
      receivedAt: performance.now(),
    };
  }

  async function metrics() {
    return (await fetch(`${router.url}/metrics`)).text();
  }
});

async function commandAt(command) {
  const { stdout } = await command();
  return { stdout, returnedAt: performance.now() };
}

/** The distinct values in order of their runs: [1, 1, 2, 2, 1] → [1, 2, 1]. */
function runs(values) {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
