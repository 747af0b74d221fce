#!/usr/bin/env node
// Promotes, rolls back and lists the versions of a supergraph store that routers with
// SUPERGRAPH_STORE serve from (docs/supergraph-versions.md):
//   node scripts/supergraph-store.mjs promote --store DIR [--supergraph FILE]
//   node scripts/supergraph-store.mjs rollback --store DIR [--to N]
//   node scripts/supergraph-store.mjs status --store DIR
// Refusals print one line starting with ✖ and exit 1; usage errors exit 2.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { HISTORY_FILE, StoreRefusal, listVersions, promote, readPointer, rollback, versionFile }
  from '../router/supergraph-store.mjs';
import { commandLine, fail, usageError } from './lib/cli.mjs';

const USAGE = 'usage: supergraph-store.mjs promote|rollback|status --store DIR [--supergraph FILE] [--to N]';
const COMMANDS = { promote: promoteCommand, rollback: rollbackCommand, status: statusCommand };

const args = commandLine(USAGE, { maxPositionals: 1,
  options: { store: { type: 'string' }, supergraph: { type: 'string' }, to: { type: 'string' } } });
const [command] = args.positionals;
if (!COMMANDS[command] || !args.values.store) {
  usageError(USAGE, !args.values.store ? '--store DIR is required' : `unknown command '${command ?? ''}'`);
}
if (args.values.to !== undefined && (command !== 'rollback' || !/^[1-9][0-9]{0,8}$/.test(args.values.to))) {
  usageError(USAGE, command === 'rollback' ? `--to must be a version number, not '${args.values.to}'` : '--to is an option of rollback only');
}
try {
  await COMMANDS[command](resolve(args.values.store), args.values);
} catch (error) {
  // A refusal, or the file system's answer about the store (not a directory, not writable, …): one line each.
  if (!(error instanceof StoreRefusal) && !error.syscall) {
    throw error;
  }
  fail(error.message);
}

async function promoteCommand(store, { supergraph }) {
  // Only promote needs the composers and the validation (seconds to load).
  const { compose, supergraphFile } = await import('./lib/compose.mjs');
  const { validateSupergraph } = await import('../router/supergraph-validation.mjs');
  const file = resolve(supergraph ?? supergraphFile);
  // compose:check's composition: fails (exit 1) on a composition error of either composer.
  const { supergraphSdl } = compose();
  const sdl = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (sdl !== supergraphSdl) {
    throw new StoreRefusal(`${file} is ${sdl === null ? 'missing' : 'stale'}: it is not what the golden subgraph `
      + 'schemas compose to; run `npm run compose` and commit it, then promote');
  }
  try {
    validateSupergraph(sdl);
  } catch (error) {
    throw new StoreRefusal(`${file} does not validate: ${error.message}`);
  }
  if (existsSync(store)) {
    requireStore(store);
  }
  mkdirSync(store, { recursive: true });
  const { version, from } = promote(store, sdl);
  console.log(`\u2714 promoted version ${version}${from ? ` (was ${from})` : ''}: ${versionFile(store, version)}`);
}

function rollbackCommand(store, { to }) {
  requireStore(store);
  const { version, from } = rollback(store, new Date(), to === undefined ? null : Number(to));
  console.log(`\u2714 rolled back to version ${version} (was ${from ?? 'no readable pointer'})`);
}

function statusCommand(store) {
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
    readFileSync(history, 'utf8').trimEnd().split('\n').slice(-10).forEach((line) => console.log(`  ${line}`));
  }
  if (unreadable) {
    // Still a failure: a router cannot serve from this store until the pointer is restored.
    throw unreadable;
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
