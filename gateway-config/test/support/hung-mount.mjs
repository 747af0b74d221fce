// Loaded with `--import` into a router or command under test: the named pipes under HUNG_MOUNT stand for files
// of a network mount that hangs. A look at one (stat, exists, open, read) waits until something writes to the
// pipe, as a hung mount's does: in the thread that asked, for a synchronous look, and in a thread of Node's pool
// for an asynchronous one. The code under test reads no named pipe itself (router/setting-files.mjs).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const mount = process.env.HUNG_MOUNT;
const { closeSync, lstatSync, openSync, readSync } = fs;
const readPipe = fs.promises.readFile;

/** Blocks until a writer has written to the pipe and closed it. */
function waitForWriter(path) {
  const descriptor = openSync(path, 'r');
  try {
    while (readSync(descriptor, Buffer.alloc(4096)) > 0);
  } finally {
    closeSync(descriptor);
  }
}

function hangs(path) {
  try {
    return String(path).startsWith(mount) && lstatSync(path).isFIFO();
  } catch {
    return false;
  }
}

for (const name of ['statSync', 'existsSync', 'openSync', 'readFileSync']) {
  const real = fs[name];
  fs[name] = (path, ...rest) => {
    if (hangs(path)) {
      waitForWriter(path);
    }
    return real(path, ...rest);
  };
}
for (const name of ['stat', 'open', 'readFile']) {
  const real = fs.promises[name];
  fs.promises[name] = async (path, ...rest) => {
    if (hangs(path)) {
      await readPipe(path);
    }
    return real(path, ...rest);
  };
}
syncBuiltinESMExports();
