// The supergraph store's commands (scripts/supergraph-store.mjs) on real directories: promote runs
// compose:check's composition and the routers' check, a supergraph is promoted once whatever runs it
// again or at the same time, versions are never rewritten, rollback follows the pointer's memory and
// refuses what the routers would refuse, and the pointer is never seen half-written.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync }
  from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { POINTER_FILE, StoreRefusal, listVersions, movePointer, promote, publishVersion, readPointer, rollback }
  from '../router/supergraph-store.mjs';
import { checkSupergraph, validateSupergraph } from '../router/supergraph-validation.mjs';
import { loadTrustedDocuments } from '../router/trusted-documents.mjs';
import { sha256 } from '../router/plugins.mjs';
import { gatewayDir, startGateway } from './support/gateway.mjs';
import { DESCRIBED_RELEASE, SHIPPING_DROPPED_RELEASE, releaseCheckout } from './support/scripts.mjs';

const committed = readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8');
const script = resolve(gatewayDir, 'scripts', 'supergraph-store.mjs');
const newStore = () => mkdtempSync(join(tmpdir(), 'supergraph-store-'));
const run = (...args) => spawnSync(process.execPath, [script, ...args], { cwd: gatewayDir, encoding: 'utf8' });
const runWith = (env, ...args) => spawnSync(process.execPath, [script, ...args],
  { cwd: gatewayDir, encoding: 'utf8', env: { ...process.env, ...env } });
/** The command line of another release's checkout. */
const runIn = (release, ...args) => spawnSync(process.execPath, [join(release.gateway, 'scripts', 'supergraph-store.mjs'), ...args],
  { cwd: release.gateway, encoding: 'utf8' });
/** Distinct texts for the store's functions, which write what they are given (the commands check it). */
const text = (n) => `${committed}# ${n}\n`;
/** A refusal: exit 1 and exactly one line on stderr, matching `pattern`. */
const refused = (result, pattern) => {
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr.trimEnd(), pattern);
};

describe('supergraph store commands', () => {
  // The next release's checkout: the same subgraphs but for a description, so another supergraph.
  let release;
  before(() => (release = releaseCheckout(DESCRIBED_RELEASE)));
  after(() => release?.remove());

  it('promote writes versions 1 and 2, status lists them, rollback returns to 1 and then refuses', () => {
    const store = join(newStore(), 'store');
    const first = run('promote', '--store', store);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /promoted version 1: .*supergraph-1\.graphql/);
    const second = runIn(release, 'promote', '--store', store);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /promoted version 2 \(was 1\)/);
    assert.equal(readFileSync(join(store, 'supergraph-2.graphql'), 'utf8'), release.supergraph);
    assert.deepEqual(readPointer(store), { version: 2, previous: [1] });
    assert.match(run('status', '--store', store).stdout, /\* 2\t.*current\ncurrent: 2; rollback goes to: 1/);

    const back = run('rollback', '--store', store);
    assert.equal(back.status, 0, back.stderr);
    assert.equal(back.stdout.trim(), '\u2714 rolled back to version 1 (was 2)');
    assert.deepEqual(readPointer(store), { version: 1, previous: [] });
    const none = run('rollback', '--store', store);
    assert.equal(none.status, 1);
    assert.equal(none.stderr.trim(), '\u2716 version 1 replaced no other version: nothing to roll back to');
    const history = readFileSync(join(store, 'history.log'), 'utf8').trim().split('\n');
    assert.deepEqual(history.map((line) => line.replace(/^\S+ /, '')), ['promote 1', 'promote 2 (was 1)', 'rollback 1 (was 2)']);
  });

  it('promoting the current version\'s supergraph again changes nothing; an older version\'s points back at it', () => {
    const store = join(newStore(), 'store');
    assert.equal(run('promote', '--store', store).status, 0);
    const again = run('promote', '--store', store);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout.trim(), '\u2714 version 1 is current and holds this supergraph already: nothing promoted');
    assert.deepEqual(listVersions(store), [1], 'no copy of version 1');
    assert.deepEqual(readPointer(store), { version: 1, previous: [] });

    assert.equal(runIn(release, 'promote', '--store', store).status, 0);
    const older = run('promote', '--store', store);
    assert.equal(older.status, 0, older.stderr);
    assert.equal(older.stdout.trim(),
      '\u2714 promoted version 1 again (was 2): it holds this supergraph already, no new version written');
    assert.deepEqual(listVersions(store), [1, 2]);
    // A promotion: the version it replaced is where a rollback goes.
    assert.deepEqual(readPointer(store), { version: 1, previous: [2, 1] });
    assert.equal(run('rollback', '--store', store).stdout.trim(), '\u2714 rolled back to version 2 (was 1)');
    const history = readFileSync(join(store, 'history.log'), 'utf8').trim().split('\n');
    assert.deepEqual(history.map((line) => line.replace(/^\S+ /, '')),
      ['promote 1', 'promote 2 (was 1)', 'promote 1 (was 2)', 'rollback 2 (was 1)']);
  });

  it('promotes run at the same time from two pipelines both succeed, and write one version', async () => {
    const store = join(newStore(), 'store');
    const promoting = () => new Promise((done) => {
      const child = spawn(process.execPath, [script, 'promote', '--store', store], { cwd: gatewayDir });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', (status) => done({ status, output: output.trim() }));
    });
    const results = await Promise.all([promoting(), promoting()]);
    assert.deepEqual(results.map(({ status }) => status), [0, 0], JSON.stringify(results));
    assert.deepEqual(results.map(({ output }) => output.replace(/: \/.*/, '')).sort(), [
      '\u2714 promoted version 1',
      '\u2714 version 1 is current and holds this supergraph already: nothing promoted']);
    assert.deepEqual(listVersions(store), [1]);
    assert.deepEqual(readPointer(store), { version: 1, previous: [] });
  });

  it('a promotion waits for one that holds the lock, and names the holder of a lock left behind', async () => {
    const store = newStore();
    promote(store, text(1));
    const lock = join(store, '.lock');
    // Another process holds the lock for a second, as a promotion writing to a slow volume would.
    const holder = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      fs.writeFileSync(${JSON.stringify(lock)}, JSON.stringify({ pid: process.pid, host: 'ci', since: 'now' }), { flag: 'wx' });
      console.log('held');
      setTimeout(() => fs.unlinkSync(${JSON.stringify(lock)}), 1000);`]);
    await new Promise((held) => holder.stdout.once('data', held));
    assert.deepEqual(promote(store, text(2)), { version: 2, from: 1, existing: false });
    writeFileSync(lock, JSON.stringify({ pid: 4242, host: 'build-7', since: '2026-12-01T23:02:29.811Z' }));
    assert.throws(() => promote(store, text(3), { lockWaitMs: 200 }), new StoreRefusal(
      `another promotion or rollback (pid 4242 on build-7 since 2026-12-01T23:02:29.811Z) has held ${lock} for more `
      + 'than 0.2 s; if it is not running any more, delete that file'));
    assert.deepEqual(listVersions(store), [1, 2]);
  });

  it('promote refuses a supergraph that is not what the golden subgraph schemas compose to', () => {
    const dir = newStore();
    const stale = join(dir, 'stale.graphql');
    writeFileSync(stale, committed.replace('type Query', '"""changed by hand"""\ntype Query'));
    const store = join(dir, 'store');
    const result = run('promote', '--store', store, '--supergraph', stale);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^\u2716 .*stale\.graphql is stale: it is not what the golden subgraph schemas compose to/);
    assert.equal(existsSync(store), false, 'nothing written');
  });

  it('promote refuses a --supergraph that is missing, a directory or huge in one line, and writes nothing', (t) => {
    const dir = newStore();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const store = join(dir, 'store');
    const huge = join(dir, 'huge.graphql');
    // 600 MB (sparse): more than a JavaScript string can hold, so it must be refused without reading it.
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 1024 * 1024);
    refused(run('promote', '--store', store, '--supergraph', join(dir, 'none.graphql')),
      /^\u2716 .*none\.graphql does not exist: --supergraph names the supergraph file to promote$/);
    refused(run('promote', '--store', store, '--supergraph', dir), /^\u2716 .* is not a file: --supergraph names/);
    refused(run('promote', '--store', store, '--supergraph', huge), /^\u2716 .*huge\.graphql is stale: /);
    assert.equal(existsSync(store), false, 'nothing written');
  });

  it('promote refuses a supergraph that breaks a trusted operation the clients send', () => {
    const dir = newStore();
    const store = join(dir, 'store');
    const manifest = join(dir, 'trusted-documents.json');
    const gone = 'query ProductColour($id: ID!) {\n  product(id: $id) {\n    id\n    colour\n  }\n}\n';
    const kept = 'query ProductName($id: ID!) {\n  product(id: $id) {\n    name\n  }\n}\n';
    writeFileSync(manifest, JSON.stringify({ [sha256(gone)]: gone, [sha256(kept)]: kept }));
    refused(runWith({ TRUSTED_DOCUMENTS_FILE: manifest }, 'promote', '--store', store),
      /^\u2716 .*supergraph\.graphql breaks 1 of the 2 trusted operations of .*trusted-documents\.json \(ProductColour: Cannot query field "colour" on type "Product"\.\); clients send them/);
    writeFileSync(manifest, '{"not": "a manifest"');
    refused(runWith({ TRUSTED_DOCUMENTS_FILE: manifest }, 'promote', '--store', store), /^\u2716 TRUSTED_DOCUMENTS_FILE: .* is not valid JSON$/);
    assert.equal(existsSync(store), false, 'nothing written');
  });

  it('rollback refuses a version the routers would refuse: the pointer and the history stay', () => {
    const store = newStore();
    promote(store, committed);
    publishVersion(store, 2, committed.slice(0, committed.length / 2));
    publishVersion(store, 3, '');
    writeFileSync(join(store, 'supergraph-4.graphql'), Buffer.from([0xff, 0xfe, 0x00]));
    mkdirSync(join(store, 'supergraph-5.graphql'));
    publishVersion(store, 6, text(6));
    publishVersion(store, 7, readFileSync(join(gatewayDir, 'subgraphs', 'catalog.graphql'), 'utf8'));
    // 40 MB (sparse), above what a supergraph may have: refused before it is read.
    writeFileSync(join(store, 'supergraph-8.graphql'), '');
    truncateSync(join(store, 'supergraph-8.graphql'), 40 * 1024 * 1024);
    movePointer(store, { version: 6, previous: [2, 1] });
    const history = readFileSync(join(store, 'history.log'), 'utf8');
    refused(run('rollback', '--store', store),
      /^\u2716 version 2 cannot be served \(.*supergraph-2\.graphql does not validate: Syntax Error: .* \(line \d+, column \d+\)\); roll back --to another version$/);
    refused(run('rollback', '--store', store, '--to', '3'), /^\u2716 version 3 cannot be served \(.* does not validate: Syntax Error: Unexpected <EOF>\. \(line 1, column 1\)\)/);
    refused(run('rollback', '--store', store, '--to', '4'), /^\u2716 version 4 cannot be served \(.* does not validate: not UTF-8 text: byte 0xFF at offset 0\)/);
    refused(run('rollback', '--store', store, '--to', '5'), /^\u2716 version 5 cannot be served \(.*supergraph-5\.graphql is a directory, not a regular file\)/);
    refused(run('rollback', '--store', store, '--to', '7'),
      /^\u2716 version 7 cannot be served \(.* does not validate: Invalid supergraph: must be a core schema \(this is not a supergraph: a subgraph's schema or a plain one\?\)\)/);
    refused(run('rollback', '--store', store, '--to', '8'),
      /^\u2716 version 8 cannot be served \(.*supergraph-8\.graphql does not validate: 40 MB, more than the 32 MB a supergraph may have\)/);
    assert.deepEqual(readPointer(store), { version: 6, previous: [2, 1] });
    assert.equal(readFileSync(join(store, 'history.log'), 'utf8'), history);
    assert.equal(existsSync(join(store, '.lock')), false, 'the lock is released');
    assert.equal(run('rollback', '--store', store, '--to', '1').status, 0);
    assert.deepEqual(readPointer(store), { version: 1, previous: [] });
  });

  it('rollback and status refuse a store that does not exist, and usage errors exit 2', () => {
    const missing = join(newStore(), 'none');
    assert.equal(run('rollback', '--store', missing).status, 1);
    assert.match(run('status', '--store', missing).stderr, /does not exist: promote a first version/);
    assert.equal(run('promote').status, 2);
    assert.equal(run('demote', '--store', missing).status, 2);
    // The last --store was used, and a --supergraph given to rollback or status was ignored.
    for (const [args, message] of [[['status', '--store', missing, '--store', newStore()], '--store is given twice: give it once'],
      [['rollback', '--store', missing, '--supergraph', 'supergraph.graphql'], '--supergraph is an option of promote only'],
      [['status', '--store', missing, '--to', '1'], '--to is an option of rollback only']]) {
      const result = run(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.ok(result.stderr.startsWith(`\u2716 ${message}\nusage: supergraph-store.mjs `), result.stderr);
    }
  });

  it('a pointer that cannot be read: status and rollback say so in one line, rollback --to restores it', () => {
    const store = newStore();
    [1, 2, 3].forEach((version) => publishVersion(store, version, text(version)));
    for (const broken of ['garbage{\n', '', '{"version": 3,', 'null', '{"version": 0, "previous": []}',
      '{"version": 3, "previous": ["2"]}', '{"version": 3}', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])]) {
      writeFileSync(join(store, POINTER_FILE), broken);
      for (const command of ['status', 'rollback']) {
        const result = run(command, '--store', store);
        assert.equal(result.status, 1, `${command} with ${JSON.stringify(broken)}`);
        const lines = result.stderr.trim().split('\n');
        assert.equal(lines.length, 1, result.stderr);
        assert.match(lines[0], /^\u2716 .*current is not a pointer .*; point it at a version of the store with `npm run supergraph:rollback -- --store .* --to N`$/);
      }
      assert.match(run('status', '--store', store).stdout, /  1\t.*\n  2\t.*\n  3\t.*\ncurrent: unknown, the pointer cannot be read/);
    }
    const restored = run('rollback', '--store', store, '--to', '2');
    assert.equal(restored.status, 0, restored.stderr);
    assert.equal(restored.stdout.trim(), '\u2714 rolled back to version 2 (was no readable pointer)');
    assert.deepEqual(readPointer(store), { version: 2, previous: [] });
  });

  it('a pointer or a version that is no regular file is refused in one line at once, never read', () => {
    const store = newStore();
    publishVersion(store, 1, text(1));
    execFileSync('mkfifo', [join(store, POINTER_FILE)]);
    // Bounded: a command that waited for the pipe's writer would never end.
    const bounded = (...args) => spawnSync(process.execPath, [script, ...args],
      { cwd: gatewayDir, encoding: 'utf8', timeout: 30000, killSignal: 'SIGKILL' });
    for (const command of ['status', 'rollback']) {
      refused(bounded(command, '--store', store), /^\u2716 .*current is not a pointer: it is a named pipe \(FIFO\), not a regular file; point it at a version/);
    }
    rmSync(join(store, 'supergraph-1.graphql'));
    symlinkSync('/dev/zero', join(store, 'supergraph-1.graphql'));
    refused(bounded('rollback', '--store', store, '--to', '1'),
      /^\u2716 version 1 cannot be served \(.*supergraph-1\.graphql is a device, not a regular file\); roll back --to another version$/);
  });

  it('a store that does not answer (a hung mount) ends status and rollback after their deadline, in one line', async () => {
    const store = newStore();
    publishVersion(store, 1, text(1));
    execFileSync('mkfifo', [join(store, POINTER_FILE)]);
    // Every look at the pointer hangs, as on a hung network mount (test/support/hung-mount.mjs).
    const preload = resolve(gatewayDir, 'test', 'support', 'hung-mount.mjs');
    const hung = (...args) => new Promise((done) => {
      const child = spawn(process.execPath, ['--import', preload, script, ...args],
        { cwd: gatewayDir, env: { ...process.env, HUNG_MOUNT: store } });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // Without a deadline the command would wait for ever.
      const killer = setTimeout(() => child.kill('SIGKILL'), 40000);
      child.once('exit', (code, signal) => {
        clearTimeout(killer);
        done({ signal, stderr });
      });
    });
    const [status, rollback] = await Promise.all([hung('status', '--store', store), hung('rollback', '--store', store, '--to', '1')]);
    assert.deepEqual([status.signal, status.stderr], ['SIGTERM',
      `\u2716 the store ${store} has not answered for 5 s (a hung mount?); status ended without it\n`]);
    assert.deepEqual([rollback.signal, rollback.stderr], ['SIGTERM', `\u2716 the store ${store} has not answered for 15 s `
      + `(a hung mount?); rollback ended without it; if it left ${store}/.lock, delete that once the store answers\n`]);
  });

  it('rollback refuses a version that breaks a trusted operation, as the routers refuse it', () => {
    const dropped = releaseCheckout(SHIPPING_DROPPED_RELEASE);
    try {
      const store = newStore();
      // Put there by other means than promote, which refuses it.
      publishVersion(store, 1, dropped.supergraph);
      publishVersion(store, 2, committed);
      movePointer(store, { version: 2, previous: [1] });
      refused(run('rollback', '--store', store), new RegExp('^\u2716 version 1 cannot be served \\(.*supergraph-1\\.graphql breaks 1 '
        + 'of the \\d+ trusted operations of .*trusted-documents\\.json \\(ProductShipping: Cannot query field "shippingEstimate" '
        + 'on type "Product"\\.\\)\\); roll back --to another version$'));
      assert.deepEqual(readPointer(store), { version: 2, previous: [1] });
    } finally {
      dropped.remove();
    }
  });

  it('rollback --to goes back several versions at once, keeping what the pointer remembers beyond it', () => {
    const store = newStore();
    [1, 2, 3, 4].forEach((version) => publishVersion(store, version, text(version)));
    movePointer(store, { version: 4, previous: [3, 2, 1] });
    assert.equal(run('rollback', '--store', store, '--to', '2').stdout.trim(), '\u2714 rolled back to version 2 (was 4)');
    assert.deepEqual(readPointer(store), { version: 2, previous: [1] });
    // To the current version: nothing to do, and the pointer keeps what it remembers.
    const current = run('rollback', '--store', store, '--to', '2');
    assert.equal(current.status, 0, current.stderr);
    assert.equal(current.stdout.trim(), '\u2714 version 2 is the current version already: nothing rolled back');
    assert.deepEqual(readPointer(store), { version: 2, previous: [1] });
    assert.match(run('rollback', '--store', store, '--to', '9').stderr.trim(),
      /^\u2716 version 9 is missing \(.*supergraph-9\.graphql\); roll back --to another version$/);
    // Forward to a version the pointer does not remember: a rollback with nothing after it.
    assert.equal(run('rollback', '--store', store, '--to', '4').status, 0);
    assert.deepEqual(readPointer(store), { version: 4, previous: [] });
    for (const to of ['0', '-1', 'x', '1.5', '']) {
      assert.equal(run('rollback', '--store', store, '--to', to).status, 2, to);
    }
    assert.equal(run('status', '--store', store, '--to', '1').status, 2);
  });

  it('refuses a --store that names a file in one line, whatever the command', () => {
    const file = join(newStore(), 'a-file');
    writeFileSync(file, '');
    for (const command of ['status', 'rollback', 'promote']) {
      const result = run(command, '--store', file);
      assert.equal(result.status, 1, command);
      assert.equal(result.stderr.trim(), `\u2716 ${file} is not a directory: --store names the store's directory`);
    }
  });

  it('a version is never rewritten, and one promotion or rollback runs at a time', () => {
    const store = newStore();
    promote(store, committed);
    assert.throws(() => publishVersion(store, 1, 'type Query { other: Int }'), /supergraph-1\.graphql exists already/);
    assert.equal(readFileSync(join(store, 'supergraph-1.graphql'), 'utf8'), committed);
    // A lock of an older release names no holder.
    writeFileSync(join(store, '.lock'), '');
    assert.throws(() => promote(store, text(2), { lockWaitMs: 0 }), (error) => error instanceof StoreRefusal
      && /^another promotion or rollback has held .*\.lock for more than 0 s; if it is not running any more, delete that file$/.test(error.message));
    assert.throws(() => rollback(store, { to: 1, lockWaitMs: 0 }), /another promotion or rollback has held/);
    assert.deepEqual(listVersions(store), [1]);
  });

  it('a promotion numbers above every version the pointer names, even one whose file is gone', () => {
    const store = newStore();
    publishVersion(store, 1, text(1));
    movePointer(store, { version: 7, previous: [9, 1] });
    assert.deepEqual(promote(store, text(10)), { version: 10, from: 7, existing: false });
    assert.deepEqual(readPointer(store), { version: 10, previous: [7, 9, 1] });
  });

  it('rollback after a rollback goes further back; a promotion after it continues the numbering', () => {
    const store = newStore();
    [1, 2, 3].forEach((n) => promote(store, text(n)));
    assert.equal(rollback(store).version, 2);
    assert.equal(rollback(store).version, 1);
    assert.throws(() => rollback(store), StoreRefusal);
    assert.deepEqual(promote(store, text(4)), { version: 4, from: 1, existing: false });
    assert.deepEqual(readPointer(store), { version: 4, previous: [1] });
  });

  it('a reader never sees the pointer empty or partial while it moves hundreds of times', async () => {
    const store = newStore();
    movePointer(store, { version: 1, previous: [] });
    const moves = 400;
    const writer = spawn(process.execPath, ['--input-type=module', '-e', `
      import { movePointer } from ${JSON.stringify(resolve(gatewayDir, 'router', 'supergraph-store.mjs'))};
      for (let i = 2; i <= ${moves}; i++) movePointer(${JSON.stringify(store)}, { version: i, previous: [i - 1] });`],
    { stdio: 'inherit' });
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    let running = true;
    exited.then(() => (running = false));
    const seen = new Set();
    let reads = 0;
    while (running) {
      const pointer = JSON.parse(await readFile(join(store, POINTER_FILE), 'utf8'));
      assert.ok(Number.isInteger(pointer.version) && pointer.version >= 1 && pointer.version <= moves, JSON.stringify(pointer));
      seen.add(pointer.version);
      reads++;
    }
    assert.equal(await exited, 0);
    assert.equal(readPointer(store).version, moves);
    assert.ok(reads > 20 && seen.size > 2, `${reads} reads saw ${seen.size} versions`);
    assert.deepEqual(readdirSync(store).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
  });
});

describe('supergraph store on a full disk', () => {
  const store = pathToFileURL(resolve(gatewayDir, 'router', 'supergraph-store.mjs')).href;
  /**
   * Runs `code` in a child process whose writes to a temporary file of the store stop half-way with
   * ENOSPC, as on a full disk; `store` is the store module, `script` the command line's path.
   */
  const onFullDisk = (code) => spawnSync(process.execPath, ['--input-type=module', '-e', `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const paths = new Map();
    const { openSync, writeSync } = fs;
    fs.openSync = (file, ...rest) => { const fd = openSync(file, ...rest); paths.set(fd, String(file)); return fd; };
    fs.writeSync = (fd, text, ...rest) => {
      if (!paths.get(fd)?.endsWith('.tmp')) return writeSync(fd, text, ...rest);
      writeSync(fd, text.slice(0, text.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    };
    syncBuiltinESMExports();
    const store = await import(${JSON.stringify(store)});
    const script = ${JSON.stringify(script)};
    ${code}`], { cwd: gatewayDir, encoding: 'utf8' });
  const unchanged = (dir, history) => {
    assert.deepEqual(readPointer(dir), { version: 1, previous: [] });
    assert.equal(readFileSync(join(dir, 'supergraph-1.graphql'), 'utf8'), committed);
    assert.equal(readFileSync(join(dir, 'history.log'), 'utf8'), history);
    assert.equal(existsSync(join(dir, '.lock')), false, 'the lock is released');
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
  };

  it('a promotion whose version stops half-way publishes nothing: the store serves the previous version whole', () => {
    const dir = newStore();
    promote(dir, committed);
    const history = readFileSync(join(dir, 'history.log'), 'utf8');
    const result = onFullDisk(`store.promote(${JSON.stringify(dir)}, ${JSON.stringify(text(2))});`);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /ENOSPC: no space left on device/);
    assert.deepEqual(listVersions(dir), [1], 'no version 2, not even a partial one');
    unchanged(dir, history);
  });

  it('a rollback whose pointer stops half-way is one line, and the previous pointer stays whole', () => {
    const dir = newStore();
    promote(dir, committed);
    publishVersion(dir, 2, text(2));
    const history = readFileSync(join(dir, 'history.log'), 'utf8');
    const result = onFullDisk(`process.argv = [process.execPath, script, 'rollback', '--store', ${JSON.stringify(dir)}, '--to', '2'];
    await import(${JSON.stringify(pathToFileURL(script).href)});`);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '\u2716 ENOSPC: no space left on device, write\n');
    unchanged(dir, history);
  });
});

describe('alert rules of a deployment with a store', () => {
  const rules = resolve(gatewayDir, 'observability', 'prometheus', 'supergraph-store-alerts.yml');
  // PromQL's words that are no metric, as MonitoringAssetsIT reads alerts.yml.
  const PROMQL = new Set(['sum', 'rate', 'increase', 'max', 'min', 'avg', 'count', 'by', 'without', 'and', 'or',
    'unless', 'on', 'ignoring', 'offset', 'bool', 'clamp_min', 'clamp_max']);
  const metricsIn = (expr) => expr.replace(/\{[^}]*\}|\b(?:by|without|on|ignoring)\s*\([^)]*\)|\[[^\]]*\]/g, ' ')
    .match(/(?<![\w:$.])[a-zA-Z_][\w]*/g).filter((name) => !PROMQL.has(name));

  it('every metric of supergraph-store-alerts.yml is exposed by a router serving from a store', async () => {
    const used = [...readFileSync(rules, 'utf8').matchAll(/^\s*expr:\s*(.+)$/gm)].flatMap(([, expr]) => metricsIn(expr));
    assert.ok(used.includes('router_supergraph_pointer_refused'), used.join(', '));
    const store = newStore();
    promote(store, committed);
    const router = await startGateway({ SUPERGRAPH_STORE: store });
    try {
      const text = await (await fetch(`${router.url}/metrics`)).text();
      const exposed = new Set(text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(/[{ ]/)[0]));
      assert.deepEqual(used.filter((name) => !exposed.has(name)), [], 'metrics the router does not expose');
    } finally {
      await router.stop();
    }
  });
});

describe('supergraph validation', () => {
  it('accepts the committed supergraph', () => {
    assert.ok(validateSupergraph(committed).getQueryType().getFields().products);
  });

  it('refuses a truncated supergraph, an unknown type and a subgraph the supergraph does not declare', () => {
    assert.throws(() => validateSupergraph(committed.slice(0, committed.length / 2)), /Syntax Error/);
    assert.throws(() => validateSupergraph(committed.replace('type Query', 'type Quer')), /unknown type Query/);
    assert.throws(() => validateSupergraph(committed.replace('@join__field(graph: CATALOG)', '@join__field(graph: NOPE)')),
      /join__Graph/);
  });

  it('says what is wrong in one line: where the syntax breaks, the cause of a schema error, a schema that is no supergraph', () => {
    const problem = (sdl) => {
      try {
        validateSupergraph(sdl);
      } catch (error) {
        return { reason: error.reason, message: error.message };
      }
      return null;
    };
    assert.deepEqual(problem('{"version": 1}'),
      { reason: 'invalid', message: 'does not validate: Syntax Error: Expected Name, found String "version". (line 1, column 2)' });
    assert.deepEqual(problem(committed.replace('type Query', 'type Quer')), { reason: 'invalid',
      message: 'does not validate: The schema is not a valid GraphQL schema: Cannot set schema query root to unknown type Query' });
    assert.deepEqual(problem('type Query { a: Int }'), { reason: 'invalid', message: 'does not validate: Invalid supergraph: '
      + 'must be a core schema (this is not a supergraph: a subgraph\'s schema or a plain one?)' });
  });

  it('checks the trusted operations: each that no longer validates is named', () => {
    const file = resolve(gatewayDir, 'trusted-documents.json');
    const documents = loadTrustedDocuments(file);
    assert.ok(checkSupergraph(committed, { file, documents }).getQueryType());
    const dropped = committed.replace(/\n {2}"{3}\n {2}Standard shipping[^\n]*\n {2}"{3}\n {2}shippingEstimate: [^\n]*\n/, '\n');
    assert.notEqual(dropped, committed);
    assert.throws(() => checkSupergraph(dropped, { file, documents }), {
      reason: 'operations',
      message: `breaks 1 of the ${documents.size} trusted operations of ${file} `
        + '(ProductShipping: Cannot query field "shippingEstimate" on type "Product".)',
    });
  });
});
