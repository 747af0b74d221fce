// The real router serving from a supergraph store (SUPERGRAPH_STORE) in front of subgraphs that answer
// from the golden SDLs: while four loops run a reference operation, a promotion of the next release and a
// rollback with the store's commands swap the version each response names exactly once, without a failed
// request. Whatever else gets into the store (a version that breaks a trusted operation or does not
// validate, put there by hand; the served version edited in place; the store gone or hung) is refused
// while the router keeps serving the version it has and says why, in one log line and in its metrics. A
// starting router falls back on the version before a refused one, and one with nothing to serve waits
// for a version, not listening, instead of exiting.
import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, writeSync }
  from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { POINTER_FILE, movePointer, publishVersion, readPointer } from '../router/supergraph-store.mjs';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { routerSettings } from '../router/settings.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';
import { DESCRIBED_RELEASE, SHIPPING_DROPPED_RELEASE, releaseCheckout } from './support/scripts.mjs';

/**
 * The environment of a router whose store `dir` is on a network mount that hangs: a look at a named pipe in it
 * waits until something writes to the pipe (test/support/hung-mount.mjs).
 */
const hungMount = (dir) => ({ NODE_OPTIONS: `--import ${resolve(gatewayDir, 'test', 'support', 'hung-mount.mjs')}`, HUNG_MOUNT: dir });
const storeCommand = (...args) => promisify(execFile)(process.execPath,
  [resolve(gatewayDir, 'scripts', 'supergraph-store.mjs'), ...args], { cwd: gatewayDir });
/** The next release's command line: its checkout composes another supergraph. */
const releaseCommand = (release, ...args) => promisify(execFile)(process.execPath,
  [join(release.gateway, 'scripts', 'supergraph-store.mjs'), ...args], { cwd: release.gateway });
const committed = readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8');
// Reads Product.shippingEstimate: a version without it would fail every one of these requests.
const query = readFileSync(resolve(gatewayDir, 'operations', 'ProductShipping.graphql'), 'utf8');
const LOOPS = 4;
const MAX_REQUESTS_PER_LOOP = 1500;
// Hive Gateway's shortest polling interval: a swap reaches the router within it.
const SWAP_WAIT_MS = 30000;
const BROKEN_OPERATION = 'breaks 1 of the 10 trusted operations of .*trusted-documents\\.json '
  + '\\(ProductShipping: Cannot query field "shippingEstimate" on type "Product"\\.\\)';

describe('router with a supergraph store', () => {
  let subgraphs;
  let router;
  let store;
  let release;
  let dropped;
  let urls;

  before(async () => {
    store = join(mkdtempSync(join(tmpdir(), 'router-store-')), 'store');
    await storeCommand('promote', '--store', store);
    release = releaseCheckout(DESCRIBED_RELEASE);
    dropped = releaseCheckout(SHIPPING_DROPPED_RELEASE);
    // Slow subgraphs: at every swap some loop's request is between its two subgraph fetches.
    subgraphs = await startSchemaSubgraphs({ delayMs: 40 });
    urls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), subgraphs.urls[name]]));
    router = await startGateway({ ...urls, ...hungMount(store), SUPERGRAPH_STORE: store, SUPERGRAPH_POLL_MS: '10000' });
  });

  after(async () => {
    await router?.stop();
    await subgraphs?.close();
    release?.remove();
    dropped?.remove();
  });

  it('promote and rollback under load: every request succeeds and each loop sees 1, then 2, then 1', async () => {
    const load = startLoad(router);
    await load.seenByAll(1);
    const promoted = await commandAt(() => releaseCommand(release, 'promote', '--store', store));
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
    assert.match(await metrics(router), /^router_supergraph_version\{version="1"\} 1$/m);
  });

  it('a version put into the store by hand that breaks a trusted operation is refused: served on, logged once, counted', async () => {
    // Composed from real subgraphs and valid as a supergraph; promote would refuse it, a copy does not ask.
    writeFileSync(join(store, 'supergraph-3.graphql'), dropped.supergraph);
    pointAt(3);
    await refusedWhileServing('operations', 1);
    assert.equal(refusals(new RegExp(`refused version 3 ${BROKEN_OPERATION}; still serving version 1`)), 1);
    await pointBackAt(1);
  });

  it('a version that does not validate is refused: the router keeps serving, logs it once and counts it', async () => {
    // Cut off inside a definition: whatever the supergraph holds, no longer SDL.
    writeFileSync(join(store, 'supergraph-4.graphql'), `${committed.slice(0, 5000)}\ntype Cut {`);
    pointAt(4);
    await refusedWhileServing('invalid', 1);
    assert.equal(refusals(/refused version 4 does not validate: Syntax Error: [^\n]*\(line \d+, column \d+\); still serving version 1/), 1);
    assert.equal((await fetch(`${router.url}/readiness`)).status, 200);
    await pointBackAt(1);
  });

  it('the served version edited in the store is refused: the router serves the text it checked', async () => {
    const file = join(store, 'supergraph-1.graphql');
    writeFileSync(file, `${committed}# edited by hand\n`);
    await refusedWhileServing('changed', 1);
    assert.equal(refusals(/refused version 1 was changed in the store after this router loaded it; versions are never rewritten: promote the change as a new version; still serving version 1/), 1);
    writeFileSync(file, committed);
    await pointBackAt(1);
  });

  it('a store out of reach while the router runs, gone or hung: served on, and back when the store is', async () => {
    const away = `${store}.away`;
    // Gone twice: the second outage is logged and counted as the first was, once the router served again between.
    for (const outage of [1, 2]) {
      renameSync(store, away);
      await refusedWhileServing('unreachable', outage);
      assert.equal(refusals(/supergraph store \S+: the store \S+ does not exist; still serving version 1/), outage);
      renameSync(away, store);
      await pointBackAt(1);
    }

    // A read that never answers, as on a hung network mount: a pipe with no writer in place of the pointer, which
    // the router does not read but whose every look waits for a writer here (hungMount).
    const pointer = join(store, POINTER_FILE);
    rmSync(pointer);
    execFileSync('mkfifo', [pointer]);
    await refusedWhileServing('unreachable', 3);
    assert.equal(refusals(/a read of \S+ has not answered for 5 s or more \(a hung mount\?\); still serving version 1/), 1);
    assert.equal((await fetch(`${router.url}/readiness`)).status, 200);
    // The hung read answers at last; then the pointer is a file again.
    const fifo = openSync(pointer, constants.O_WRONLY | constants.O_NONBLOCK);
    writeSync(fifo, '{"version":1,"previous":[]}\n');
    closeSync(fifo);
    movePointer(store, { version: 1, previous: [] });
    await pointBackAt(1);
  });

  it('a router stopped while a read of its store hangs exits once its shutdown time is over', async () => {
    const hung = mkdtempSync(join(tmpdir(), 'router-store-hung-'));
    publishVersion(hung, 1, committed);
    movePointer(hung, { version: 1, previous: [] });
    const stopping = await startGateway({ ...urls, ...hungMount(hung), SUPERGRAPH_STORE: hung, SHUTDOWN_TIMEOUT_MS: '1000' });
    rmSync(join(hung, POINTER_FILE));
    execFileSync('mkfifo', [join(hung, POINTER_FILE)]);
    const load = startLoad(stopping);
    try {
      await outputMatches(stopping, /a read of \S+ has not answered for 5 s or more/);
    } finally {
      await load.stop();
    }
    const stoppedAt = performance.now();
    await stopping.stop();
    // Ended by its SIGTERM after the shutdown's second, not by the SIGKILL that stop() sends after 5 s.
    assert.ok(performance.now() - stoppedAt < 4500, `${performance.now() - stoppedAt} ms`);
    assert.match(stopping.output(), /a read of the store has not answered; ending on SIGTERM without it/);
  });

  it('SUPERGRAPH_POLL_MS under the shortest interval Hive Gateway accepts is refused', () => {
    assert.throws(() => routerSettings({ SUPERGRAPH_STORE: '/srv/store', SUPERGRAPH_POLL_MS: '1000' }),
      /SUPERGRAPH_POLL_MS must be at least 10000/);
    assert.deepEqual(routerSettings({ SUPERGRAPH_STORE: '/srv/store' }).supergraphStore, { dir: '/srv/store', pollMs: 10000 });
    assert.equal(routerSettings({}).supergraphStore, null);
  });

  it('a router starting on a current version it refuses serves the newest version before it that it can serve', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'router-store-fallback-'));
    publishVersion(broken, 1, committed);
    publishVersion(broken, 2, dropped.supergraph);
    // Version 3 is missing: the pointer moved before its file arrived.
    movePointer(broken, { version: 3, previous: [2, 1] });
    const starting = await startGateway({ ...urls, SUPERGRAPH_STORE: broken });
    try {
      const answer = await send(starting);
      assert.equal(answer.ok, true, JSON.stringify(answer));
      assert.equal(answer.version, '1');
      const text = await metrics(starting);
      assert.match(text, /^router_supergraph_pointer_refused 1$/m);
      assert.match(text, /^router_supergraph_refused_total\{reason="missing"\} 1$/m);
      assert.match(starting.output(), /refused version 3: \S+supergraph-3\.graphql does not exist; serving version 1, the newest version before it that it can serve/);
    } finally {
      await starting.stop();
    }
  });

  it('a router with nothing to serve waits for a version, not listening, and serves the first one it can', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'router-store-empty-'));
    const starting = await startGateway({ ...urls, SUPERGRAPH_STORE: empty }, { expectExit: true });
    try {
      await outputMatches(starting, /supergraph store \S+: nothing was promoted to \S+ yet; nothing to serve yet: trying again every 1 s/);
      // A truncated first version, written by hand: refused in one line, and the router waits on.
      publishVersion(empty, 1, 'type Query {');
      movePointer(empty, { version: 1, previous: [] });
      await outputMatches(starting, /refused version 1 does not validate: Syntax Error: Expected Name, found <EOF>\. \(line 1, column 13\); nothing to serve yet/);
      assert.equal(await fetch(`${starting.url}/healthcheck`).then(() => 'listening', () => 'not listening'), 'not listening');
      const promoted = await storeCommand('promote', '--store', empty);
      assert.match(promoted.stdout, /promoted version 2 \(was 1\)/);
      await eventually(async () => (await fetch(`${starting.url}/readiness`).then((r) => r.status, () => 0)) === 200);
      const answer = await send(starting);
      assert.deepEqual([answer.ok, answer.version], [true, '2'], JSON.stringify(answer));
      assert.doesNotMatch(starting.output(), /\n\s+at /, 'no stack trace');
    } finally {
      await starting.stop();
    }
    assert.equal(await starting.exited, 0);
  });

  it('a router whose store is gone, hangs or holds no files to read waits; a stop while it waits ends it at once', async () => {
    const none = join(mkdtempSync(join(tmpdir(), 'router-store-none-')), 'not-mounted');
    const hung = mkdtempSync(join(tmpdir(), 'router-store-hung-'));
    execFileSync('mkfifo', [join(hung, POINTER_FILE)]);
    // A pointer that is an endless device, and one that is a named pipe on a mount that answers: neither is read.
    const endless = mkdtempSync(join(tmpdir(), 'router-store-endless-'));
    symlinkSync('/dev/zero', join(endless, POINTER_FILE));
    const piped = mkdtempSync(join(tmpdir(), 'router-store-piped-'));
    execFileSync('mkfifo', [join(piped, POINTER_FILE)]);
    const stopped = /stopped on SIGTERM before a version could be served/;
    for (const [store, waiting, ended] of [
      [none, /: the store \S+not-mounted does not exist; nothing to serve yet/, stopped],
      [endless, /: unreadable pointer: \S+current is a device, not a regular file; nothing to serve yet/, stopped],
      [piped, /: unreadable pointer: \S+current is a named pipe \(FIFO\), not a regular file; nothing to serve yet/, stopped],
      [hung, /: a read of \S+ has not answered for 5 s or more \(a hung mount\?\); nothing to serve yet/,
        /a read of the store has not answered; ending on SIGTERM without it/]]) {
      const starting = await startGateway({ ...hungMount(hung), SUPERGRAPH_STORE: store }, { expectExit: true });
      await outputMatches(starting, waiting);
      const stoppedAt = performance.now();
      await starting.stop();
      assert.ok(performance.now() - stoppedAt < 4000, 'stopped at once, not by the SIGKILL after 5 s');
      assert.match(starting.output(), ended);
    }
  });

  function pointAt(version) {
    const current = readPointer(store);
    movePointer(store, { version, previous: [current.version, ...current.previous] });
  }

  /** Points at `version` and waits, under load, until the router serves it again and refuses nothing. */
  async function pointBackAt(version) {
    movePointer(store, { version, previous: [] });
    const load = startLoad(router);
    try {
      await eventually(async () => /^router_supergraph_pointer_refused 0$/m.test(await metrics(router)));
    } finally {
      await load.stop();
    }
  }

  /**
   * Runs the load until the router counts a refusal for `reason` (the `count`th) and, meanwhile, every
   * response succeeds on the version it served before.
   */
  async function refusedWhileServing(reason, count) {
    const load = startLoad(router);
    const counted = new RegExp(`^router_supergraph_refused_total\\{reason="${reason}"\\} ${count}$`, 'm');
    let text = '';
    try {
      await eventually(async () => counted.test(text = await metrics(router)));
      // Requests keep being answered while the refusal holds (a hung store must not stall them).
      await sleep(1000);
    } finally {
      const responses = (await load.stop()).flat();
      assert.ok(responses.length > LOOPS, `${responses.length} responses`);
      assert.deepEqual(responses.filter((r) => !r.ok).slice(0, 3), []);
      assert.deepEqual([...new Set(responses.map((r) => r.version))], ['1']);
    }
    assert.match(text, /^router_supergraph_pointer_refused 1$/m);
    assert.match(text, /^router_supergraph_version\{version="1"\} 1$/m);
  }

  /** How often the router's log has a line matching `pattern`. */
  function refusals(pattern) {
    return router.output().split('\n').filter((line) => pattern.test(line)).length;
  }
});

function startLoad(router) {
  let stopping = false;
  const seen = Array.from({ length: LOOPS }, () => []);
  const loops = seen.map(async (responses) => {
    while (!stopping) {
      assert.ok(responses.length < MAX_REQUESTS_PER_LOOP, 'the load is bounded');
      responses.push(await send(router));
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

async function send(router) {
  const response = await fetch(`${router.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { id: '1' } }),
    signal: AbortSignal.timeout(10000),
  }).catch((error) => ({ status: 0, error, headers: new Headers(), json: async () => null }));
  const body = await response.json().catch(() => null);
  return {
    ok: response.status === 200 && body?.data?.product?.shippingEstimate?.amount !== undefined && !body.errors,
    status: response.status,
    version: response.headers.get('x-supergraph-version'),
    receivedAt: performance.now(),
  };
}

async function metrics(router) {
  return (await fetch(`${router.url}/metrics`)).text();
}

/** Waits until `condition()` holds, for at most SWAP_WAIT_MS. */
async function eventually(condition) {
  const deadline = Date.now() + SWAP_WAIT_MS;
  while (!(await condition())) {
    assert.ok(Date.now() < deadline, `not within ${SWAP_WAIT_MS} ms`);
    await sleep(250);
  }
}

async function outputMatches(gateway, pattern) {
  await eventually(async () => pattern.test(gateway.output()));
}

async function commandAt(command) {
  const { stdout } = await command();
  return { stdout, returnedAt: performance.now() };
}

/** The distinct values in order of their runs: [1, 1, 2, 2, 1] → [1, 2, 1]. */
function runs(values) {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
