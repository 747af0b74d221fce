// Loaded with `--import` into a router under test: each read of a file named in COUNT_READS (a list separated by
// commas), by readFileSync or by an open of its own, is logged as `read: FILE`, so a test can count how often the
// router read it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const counted = new Set(process.env.COUNT_READS.split(','));
const { openSync, readFileSync } = fs;
// readFileSync opens through fs.openSync: that open is the same read.
let reading = false;

function count(path) {
  if (!reading && counted.has(String(path))) {
    process.stderr.write(`read: ${path}\n`);
  }
}

fs.openSync = (path, ...rest) => {
  count(path);
  return openSync(path, ...rest);
};
fs.readFileSync = (path, ...rest) => {
  count(path);
  reading = true;
  try {
    return readFileSync(path, ...rest);
  } finally {
    reading = false;
  }
};
syncBuiltinESMExports();
