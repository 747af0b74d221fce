// The versioned supergraph store (docs/supergraph-versions.md): a directory of immutable
// `supergraph-<n>.graphql` files (n = 1, 2, 3, … in promotion order), the pointer file `current`
// naming the served version and the versions it replaced (so rollback knows "previous"), and
// `history.log`, one line per promotion or rollback for people. The pointer is replaced by a rename,
// so a reader sees the old pointer or the new one, never a partial file.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync,
  writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const POINTER_FILE = 'current';
export const HISTORY_FILE = 'history.log';
const LOCK_FILE = '.lock';
const VERSION_FILE = /^supergraph-([1-9][0-9]*)\.graphql$/;
/** How many replaced versions the pointer remembers for rollbacks. */
const KEPT_PREVIOUS = 20;

/** A refusal with a message for the operator (no stack trace). */
export class StoreRefusal extends Error {}

export const versionFile = (dir, version) => join(dir, `supergraph-${version}.graphql`);

/** The versions in the store, ascending. */
export function listVersions(dir) {
  return readdirSync(dir).flatMap((name) => VERSION_FILE.exec(name)?.[1] ?? []).map(Number).sort((a, b) => a - b);
}

/** The pointer `{ version, previous: [newest first] }`, or null when nothing was promoted yet. */
export function readPointer(dir) {
  const file = join(dir, POINTER_FILE);
  if (!existsSync(file)) {
    return null;
  }
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) {
      throw error;
    }
  }
  if (!isVersion(pointer?.version) || !Array.isArray(pointer.previous) || !pointer.previous.every(isVersion)) {
    throw new StoreRefusal(`${file} is not a pointer ({"version": n, "previous": [...]}); point it at a version `
      + `of the store with \`npm run supergraph:rollback -- --store ${dir} --to N\``);
  }
  return pointer;
}

const isVersion = (value) => Number.isInteger(value) && value > 0;

export function readVersion(dir, version) {
  return readFileSync(versionFile(dir, version), 'utf8');
}

/** Writes the next version and points at it; `sdl` must have been validated. */
export function promote(dir, sdl, now = new Date()) {
  return locked(dir, () => {
    const pointer = readPointer(dir);
    // Above every number in use, a pointer written by hand included: numbers are never reused.
    const version = Math.max(listVersions(dir).at(-1) ?? 0, pointer?.version ?? 0, ...(pointer?.previous ?? [])) + 1;
    publishVersion(dir, version, sdl);
    const previous = pointer ? [pointer.version, ...pointer.previous].slice(0, KEPT_PREVIOUS) : [];
    movePointer(dir, { version, previous });
    appendHistory(dir, now, 'promote', version, pointer?.version);
    return { version, from: pointer?.version ?? null };
  });
}

/**
 * Points back at the version the current one replaced, or at version `to`: the versions the pointer
 * remembers after `to` stay for later rollbacks. With `to`, a pointer that cannot be read is replaced, which
 * is how an operator restores a store whose pointer was written by hand or by a broken sync. `servable`
 * is called with the version before the pointer moves and throws a StoreRefusal for one the routers
 * would refuse (a starting router does not start on it).
 */
export function rollback(dir, now = new Date(), to = null, servable = () => {}) {
  return locked(dir, () => {
    const pointer = to === null ? readPointer(dir) : readablePointer(dir);
    const remembered = pointer?.previous ?? [];
    const version = to ?? remembered[0];
    if (version === undefined) {
      throw new StoreRefusal(pointer
        ? `version ${pointer.version} replaced no other version: nothing to roll back to`
        : `nothing was promoted to ${dir} yet: nothing to roll back`);
    }
    if (version === pointer?.version) {
      throw new StoreRefusal(`version ${version} is the current version already`);
    }
    if (!existsSync(versionFile(dir, version))) {
      throw new StoreRefusal(`${to === null ? 'the previous ' : ''}version ${version} is missing (${versionFile(dir, version)})`);
    }
    servable(version);
    const previous = remembered.includes(version) ? remembered.slice(remembered.indexOf(version) + 1) : [];
    movePointer(dir, { version, previous });
    appendHistory(dir, now, 'rollback', version, pointer?.version);
    return { version, from: pointer?.version ?? null };
  });
}

function readablePointer(dir) {
  try {
    return readPointer(dir);
  } catch (error) {
    if (error instanceof StoreRefusal) {
      return null;
    }
    throw error;
  }
}

/** Replaces the pointer atomically: a temporary file in the same directory, fsync, rename. */
export function movePointer(dir, pointer) {
  const temporary = join(dir, `.${POINTER_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  withTemporary(temporary, `${JSON.stringify(pointer)}\n`, () => renameSync(temporary, join(dir, POINTER_FILE)));
  syncDirectory(dir);
}

/** Publishes a version only if it does not exist yet: a version, once written, is never rewritten. */
export function publishVersion(dir, version, text) {
  const file = versionFile(dir, version);
  const temporary = `${file}.${process.pid}.tmp`;
  withTemporary(temporary, text, () => {
    try {
      linkSync(temporary, file);
    } catch (error) {
      throw error.code === 'EEXIST' ? new StoreRefusal(`${file} exists already; versions are never rewritten`) : error;
    }
  });
  unlinkSync(temporary);
}

/**
 * Writes `text` to a new `temporary` file and runs `place` (a rename or a link); a write or a place
 * that fails (a full disk) removes the temporary, so a failed promotion leaves no litter in the store.
 */
function withTemporary(temporary, text, place) {
  try {
    writeDurably(temporary, text, 'wx');
    place();
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function appendHistory(dir, now, action, version, from) {
  const line = `${now.toISOString()} ${action} ${version}${from ? ` (was ${from})` : ''}\n`;
  writeDurably(join(dir, HISTORY_FILE), line, 'a');
}

/** One promotion or rollback at a time: a lock file created exclusively. */
function locked(dir, action) {
  const lock = join(dir, LOCK_FILE);
  let fd;
  try {
    fd = openSync(lock, 'wx');
  } catch (error) {
    throw error.code === 'EEXIST'
      ? new StoreRefusal(`another promotion or rollback holds ${lock}; if none is running, delete that file`)
      : error;
  }
  try {
    return action();
  } finally {
    closeSync(fd);
    unlinkSync(lock);
  }
}

function writeDurably(file, text, flags) {
  const fd = openSync(file, flags);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(dir) {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
