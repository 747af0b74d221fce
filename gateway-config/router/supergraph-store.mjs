// The versioned supergraph store (docs/supergraph-versions.md): a directory of immutable
// `supergraph-<n>.graphql` files (n = 1, 2, 3, … in promotion order), the pointer file `current`
// naming the served version and the versions it replaced (so rollback knows "previous"), and
// `history.log`, one line per promotion or rollback for people. The pointer is replaced by a rename,
// so a reader sees the old pointer or the new one, never a partial file. A number always names the same
// text: promoting a text that a version holds already points at that version, it writes no copy.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync,
  writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UnusableFile, readBoundedFile, utf8Text } from './setting-files.mjs';

export const POINTER_FILE = 'current';
export const HISTORY_FILE = 'history.log';
const LOCK_FILE = '.lock';
const VERSION_FILE = /^supergraph-([1-9][0-9]*)\.graphql$/;
/** How many replaced versions the pointer remembers for rollbacks. */
const KEPT_PREVIOUS = 20;
/** How long a promotion or rollback waits for one running at the same time (each holds the lock for milliseconds). */
export const LOCK_WAIT_MS = 10000;
/** Far above any supergraph (this one is tens of kB), far below what a router could hold in memory. */
export const MAX_VERSION_BYTES = 32 * 1024 * 1024;
/** Far above a pointer (its 20 previous versions are a few hundred bytes). */
export const MAX_POINTER_BYTES = 65536;
/** A read of the store that has not answered by then (a hung network mount) is a store out of reach. */
export const STORE_READ_DEADLINE_MS = 5000;

/** A refusal with a message for the operator (no stack trace). */
export class StoreRefusal extends Error {}

/**
 * Why a supergraph cannot be served, in one line (router/supergraph-validation.mjs); `reason` is `invalid`
 * (it does not validate) or `operations` (it breaks a trusted operation), as the router's metrics count it.
 */
export class SupergraphProblem extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

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
  try {
    return parsePointer(readBoundedFile(file, MAX_POINTER_BYTES), dir);
  } catch (error) {
    throw error instanceof UnusableFile ? unusablePointer(file, error, dir) : error;
  }
}

/** A pointer file that is no file to read (a named pipe, a directory, a huge file) is no pointer either. */
export function unusablePointer(file, error, dir) {
  return new StoreRefusal(`${file} is not a pointer: it ${error.message}; point it at a version of the store with `
    + `\`npm run supergraph:rollback -- --store ${dir} --to N\``);
}

/** The pointer in the bytes of DIR's pointer file; a StoreRefusal for anything else. */
export function parsePointer(bytes, dir) {
  let pointer;
  try {
    pointer = JSON.parse(utf8Text(bytes));
  } catch {
    // Not UTF-8, not JSON: not a pointer either.
  }
  if (!isVersion(pointer?.version) || !Array.isArray(pointer.previous) || !pointer.previous.every(isVersion)) {
    throw new StoreRefusal(`${join(dir, POINTER_FILE)} is not a pointer ({"version": n, "previous": [...]}); point it at a version `
      + `of the store with \`npm run supergraph:rollback -- --store ${dir} --to N\``);
  }
  return pointer;
}

const isVersion = (value) => Number.isInteger(value) && value > 0;

/**
 * The text of a version file, as the routers read it; the file system's error when it cannot be read, a
 * SupergraphProblem `invalid` when it is too large or not UTF-8.
 */
export function readVersion(dir, version) {
  const file = versionFile(dir, version);
  requireVersionSize(statSync(file).size);
  return versionText(readVersionBytes(file));
}

/** A version file's bytes: the file system's error, or an UnusableFile for one that is no regular file. */
export function readVersionBytes(file) {
  try {
    return readBoundedFile(file, MAX_VERSION_BYTES);
  } catch (error) {
    if (error instanceof UnusableFile) {
      throw new SupergraphProblem('missing', error.message);
    }
    throw error;
  }
}

/** Refuses a version file larger than any supergraph before it is read. */
export function requireVersionSize(bytes) {
  if (bytes > MAX_VERSION_BYTES) {
    throw new SupergraphProblem('invalid', `does not validate: ${(bytes / 1024 / 1024).toFixed(0)} MB, more than the `
      + `${MAX_VERSION_BYTES / 1024 / 1024} MB a supergraph may have`);
  }
}

/** A version file's bytes as text: UTF-8 strictly, so a file in another encoding is refused, not guessed at. */
export function versionText(bytes) {
  try {
    return utf8Text(bytes);
  } catch (error) {
    throw new SupergraphProblem('invalid', `does not validate: ${error.message}`);
  }
}

/**
 * Promotes `sdl`, which must have been validated: the current version already when it holds `sdl`
 * (nothing changes, `unchanged`), else the newest version that holds it (`existing`: no copy is written),
 * else a new version numbered above every number in use. The version it replaced is remembered, so a
 * rollback returns to it whichever it was.
 */
export function promote(dir, sdl, { now = new Date(), lockWaitMs = LOCK_WAIT_MS } = {}) {
  return locked(dir, lockWaitMs, () => {
    const pointer = readPointer(dir);
    const holding = versionsHolding(dir, sdl);
    if (pointer && holding.includes(pointer.version)) {
      return { version: pointer.version, from: pointer.version, unchanged: true };
    }
    const [existing] = holding;
    // Above every number in use, a pointer written by hand included: numbers are never reused.
    const version = existing ?? Math.max(listVersions(dir).at(-1) ?? 0, pointer?.version ?? 0, ...(pointer?.previous ?? [])) + 1;
    if (!existing) {
      publishVersion(dir, version, sdl);
    }
    const previous = pointer ? [pointer.version, ...pointer.previous].slice(0, KEPT_PREVIOUS) : [];
    movePointer(dir, { version, previous });
    appendHistory(dir, now, 'promote', version, pointer?.version);
    return { version, from: pointer?.version ?? null, existing: existing !== undefined };
  });
}

/** The versions whose file holds exactly `text`, newest first (a file of another size is not read). */
function versionsHolding(dir, text) {
  const bytes = Buffer.from(text);
  return listVersions(dir).reverse().filter((version) => {
    const file = versionFile(dir, version);
    try {
      return statSync(file).size === bytes.length && readBoundedFile(file, MAX_VERSION_BYTES).equals(bytes);
    } catch {
      // A version that cannot be read holds nothing the routers could serve.
      return false;
    }
  });
}

/**
 * Points back at the version the current one replaced, or at version `to`: the versions the pointer
 * remembers after `to` stay for later rollbacks. With `to`, a pointer that cannot be read is replaced, which
 * is how an operator restores a store whose pointer was written by hand or by a broken sync; `to` the
 * current version changes nothing (`unchanged`). `servable` is called with the version before the pointer
 * moves and throws a StoreRefusal for one the routers would refuse.
 */
export function rollback(dir, { now = new Date(), to = null, servable = () => {}, lockWaitMs = LOCK_WAIT_MS } = {}) {
  return locked(dir, lockWaitMs, () => {
    const pointer = to === null ? readPointer(dir) : readablePointer(dir);
    const remembered = pointer?.previous ?? [];
    const version = to ?? remembered[0];
    if (version === undefined) {
      throw new StoreRefusal(pointer
        ? `version ${pointer.version} replaced no other version: nothing to roll back to`
        : `nothing was promoted to ${dir} yet: nothing to roll back`);
    }
    if (to === null && version === pointer.version) {
      throw new StoreRefusal(`the pointer names version ${version} as the one before itself; roll back --to another version`);
    }
    if (!existsSync(versionFile(dir, version))) {
      throw new StoreRefusal(`${to === null ? 'the previous ' : ''}version ${version} is missing (${versionFile(dir, version)}); `
        + 'roll back --to another version');
    }
    servable(version);
    if (version === pointer?.version) {
      return { version, from: version, unchanged: true };
    }
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

/**
 * One promotion or rollback at a time: a lock file created exclusively, naming its holder. Another one
 * waits up to `waitMs` for it, so two pipelines promoting at once both succeed, one after the other.
 */
function locked(dir, waitMs, action) {
  const lock = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  let fd;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
      if (Date.now() >= deadline) {
        throw new StoreRefusal(`another promotion or rollback${lockHolder(lock)} has held ${lock} for more than `
          + `${waitMs / 1000} s; if it is not running any more, delete that file`);
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    writeSync(fd, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
    return action();
  } finally {
    closeSync(fd);
    unlinkSync(lock);
  }
}

/** ` (pid 12 on host h since …)` from a lock file, or nothing when it names no holder (an older one). */
function lockHolder(lock) {
  try {
    const { pid, host, since } = JSON.parse(readBoundedFile(lock, MAX_POINTER_BYTES).toString('utf8'));
    return ` (pid ${pid} on ${host} since ${since})`;
  } catch {
    return '';
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
