#!/usr/bin/env node
// Promotes, rolls back and lists the versions of a supergraph store that routers with
// SUPERGRAPH_STORE serve from (docs/supergraph-versions.md):
//   node scripts/supergraph-store.mjs promote --store DIR [--supergraph FILE]
//   node scripts/supergraph-store.mjs rollback --store DIR [--to N]
//   node scripts/supergraph-store.mjs status --store DIR
// Refusals print one line starting with ✖ and exit 1; usage errors exit 2. A command whose result holds
// already (promoting the current version's text, rolling back to the current version) changes nothing,
// says so and exits 0, so a pipeline that runs it again succeeds. A store that does not answer (a hung mount)
// ends the command after STORE_READ_DEADLINE_MS (plus the wait for the lock) with one ✖ line, by SIGTERM.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { HISTORY_FILE, LOCK_WAIT_MS, STORE_READ_DEADLINE_MS, StoreRefusal, SupergraphProblem, listVersions, promote,
  readPointer, readVersion, rollback, versionFile } from '../router/supergraph-store.mjs';
import { UnusableFile, readBoundedFile, readProblem } from '../router/setting-files.mjs';
import { commandLine, fail, requireOwnOptions, usageError } from './lib/cli.mjs';
import { storeDeadline } from './lib/store-deadline.mjs';

// A line per promotion or rollback: about 100,000 of them.
const MAX_HISTORY_BYTES = 8 * 1_048_576;
const USAGE = 'usage: supergraph-store.mjs promote|rollback|status --store DIR [--supergraph FILE] [--to N]';
const COMMANDS = { promote: promoteCommand, rollback: rollbackCommand, status: statusCommand };

const args = commandLine(USAGE, { maxPositionals: 1,
  options: { store: { type: 'string' }, supergraph: { type: 'string' }, to: { type: 'string' } } });
const [command] = args.positionals;
if (!COMMANDS[command] || !args.values.store) {
  usageError(USAGE, !args.values.store ? '--store DIR is required' : `unknown command '${command ?? ''}'`);
}
requireOwnOptions(USAGE, command, args.values, { supergraph: ['promote'], to: ['rollback'] });
if (args.values.to !== undefined && !/^[1-9][0-9]{0,8}$/.test(args.values.to)) {
  usageError(USAGE, `--to must be a version number, not '${args.values.to}'`);
}
// status only reads; promote and rollback may first wait their turn for the store's lock.
const deadlineMs = STORE_READ_DEADLINE_MS + (command === 'status' ? 0 : LOCK_WAIT_MS);
const store = resolve(args.values.store);
const deadline = storeDeadline(`the store ${store} has not answered for ${deadlineMs / 1000} s (a hung mount?); `
  + `${command} ended without it${command === 'status' ? '' : `; if it left ${store}/.lock, delete that once the store answers`}`,
deadlineMs);
try {
  await COMMANDS[command](store, args.values);
} catch (error) {
  // A refusal, or the file system's answer about the store (not a directory, not writable, …): one line each.
  if (!(error instanceof StoreRefusal) && !(error instanceof SupergraphProblem) && !(error instanceof UnusableFile)
    && !error.syscall) {
    throw error;
  }
  fail(error.message);
}

async function promoteCommand(store, { supergraph }) {
  // Only promote needs the composers, and promote and rollback the validation (seconds to load).
  const { compose, supergraphFile } = await import('./lib/compose.mjs');
  const file = resolve(supergraph ?? supergraphFile);
  // compose:check's composition: fails (exit 1) on a composition error of either composer.
  const { supergraphSdl: sdl } = compose();
  requireComposition(file, sdl);
  const check = await routersCheck();
  try {
    check(sdl);
  } catch (error) {
    if (!(error instanceof SupergraphProblem)) {
      throw error;
    }
    throw new StoreRefusal(`${file} ${error.message}${error.reason === 'operations'
      ? '; clients send them: keep what they read, deprecated, until none does (docs/governance.md)' : ''}`);
  }
  const { version, from, unchanged, existing } = deadline.within(() => {
    if (existsSync(store)) {
      requireStore(store);
    }
    mkdirSync(store, { recursive: true });
    return promote(store, sdl);
  });
  if (unchanged) {
    console.log(`\u2714 version ${version} is current and holds this supergraph already: nothing promoted`);
  } else if (existing) {
    console.log(`\u2714 promoted version ${version} again (was ${from}): it holds this supergraph already, no new version written`);
  } else {
    console.log(`\u2714 promoted version ${version}${from ? ` (was ${from})` : ''}: ${versionFile(store, version)}`);
  }
}

/** `file` must hold exactly the composition's bytes; one of another size is stale unread (it may be huge). */
function requireComposition(file, sdl) {
  const expected = Buffer.from(sdl);
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new StoreRefusal(`${file} ${readProblem(error)}: --supergraph names the supergraph file to promote`);
  }
  if (!stats.isFile()) {
    throw new StoreRefusal(`${file} is not a file: --supergraph names the supergraph file to promote`);
  }
  if (stats.size !== expected.length || !readBoundedFile(file, expected.length).equals(expected)) {
    throw new StoreRefusal(`${file} is stale: it is not what the golden subgraph schemas compose to; `
      + 'run `npm run compose` and commit it, then promote');
  }
}

/**
 * The routers' check (router/supergraph-validation.mjs) with the trusted documents they load
 * (TRUSTED_DOCUMENTS_FILE, else the committed manifest), loaded once (seconds): `check(sdl)` throws a
 * SupergraphProblem for a version every router would refuse, one that does not validate or that drops or
 * changes a field a trusted operation reads.
 */
async function routersCheck() {
  const { checkSupergraph } = await import('../router/supergraph-validation.mjs');
  const { defaultManifestFile, loadTrustedDocuments } = await import('../router/trusted-documents.mjs');
  const file = process.env.TRUSTED_DOCUMENTS_FILE || defaultManifestFile;
  let documents;
  try {
    documents = loadTrustedDocuments(file);
  } catch (error) {
    throw new StoreRefusal(firstLine(error));
  }
  return (sdl) => checkSupergraph(sdl, { file, documents });
}

async function rollbackCommand(store, { to }) {
  deadline.within(() => requireStore(store));
  const check = await routersCheck();
  // A version the routers would refuse: running ones keep the one they serve, starting ones fall back.
  const servable = (version) => {
    try {
      const text = readVersion(store, version);
      deadline.outside(() => check(text));
    } catch (error) {
      if (!error.syscall && !(error instanceof SupergraphProblem)) {
        throw error;
      }
      throw new StoreRefusal(`version ${version} cannot be served (${versionFile(store, version)} `
        + `${error.syscall ? readProblem(error) : error.message}); roll back --to another version`);
    }
  };
  const result = deadline.within(() => rollback(store, { to: to === undefined ? null : Number(to), servable }));
  if (result.unchanged) {
    console.log(`\u2714 version ${result.version} is the current version already: nothing rolled back`);
  } else {
    console.log(`\u2714 rolled back to version ${result.version} (was ${result.from ?? 'no readable pointer'})`);
  }
}

/** The first line of an error's message: a refusal is one line. */
function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

function statusCommand(store) {
  deadline.within(() => printStatus(store));
}

function printStatus(store) {
  requireStore(store);
  let pointer = null;
  let unreadable = null;
  try {
    pointer = readPointer(store);
  } catch (error) {
    if (!(error instanceof StoreRefusal)) {
      throw error;
    }
    unreadable = error;
  }
  console.log(`store ${store}`);
  for (const version of listVersions(store)) {
    const current = version === pointer?.version;
    console.log(`${current ? '*' : ' '} ${version}\t${statSync(versionFile(store, version)).mtime.toISOString()}${current ? '\tcurrent' : ''}`);
  }
  console.log(pointer
    ? `current: ${pointer.version}; rollback goes to: ${pointer.previous[0] ?? 'nothing (no previous version)'}`
    : `current: ${unreadable ? 'unknown, the pointer cannot be read' : 'none (nothing promoted yet)'}`);
  const history = resolve(store, HISTORY_FILE);
  if (existsSync(history)) {
    console.log(`history (last 10 of ${history}):`);
    historyLines(history).slice(-10).forEach((line) => console.log(`  ${line}`));
  }
  if (unreadable) {
    // Still a failure: a router cannot serve from this store until the pointer is restored.
    throw unreadable;
  }
}

/** The lines of the history, or why it cannot be read (a file for people: status reports on without it). */
function historyLines(history) {
  try {
    return readBoundedFile(history, MAX_HISTORY_BYTES).toString('utf8').trimEnd().split('\n');
  } catch (error) {
    if (!(error instanceof UnusableFile) && !error.syscall) {
      throw error;
    }
    return [`(${history} ${readProblem(error)})`];
  }
}

function requireStore(store) {
  if (!existsSync(store)) {
    throw new StoreRefusal(`${store} does not exist: promote a first version with \`npm run supergraph:promote -- --store ${store}\``);
  }
  if (!statSync(store).isDirectory()) {
    throw new StoreRefusal(`${store} is not a directory: --store names the store's directory`);
  }
}
