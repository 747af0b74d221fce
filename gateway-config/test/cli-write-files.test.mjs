// writeFiles (scripts/lib/cli.mjs), which compose, manifest and registry write through: every output
// or none. Each case runs in a child process whose file system fails on cue (a write that stops half-way
// on a full disk, a rename refused), on real files in a temporary directory.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gatewayDir } from './support/gateway.mjs';
import { ONE_LINE_REFUSAL } from './support/scripts.mjs';

const cli = pathToFileURL(resolve(gatewayDir, 'scripts', 'lib', 'cli.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'cli-write-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NAMES = ['a.graphql', 'b.graphql', 'c.graphql'];
const files = () => NAMES.map((name) => readFileSync(join(dir, name), 'utf8'));

/** writeFiles of new texts for a, b and c, after `faults` (code run first, with `fs` the module to patch). */
function writeAll(faults = '') {
  const outputs = NAMES.map((name) => ({ file: join(dir, name), text: `new ${name}\n`.repeat(1000) }));
  return spawnSync(process.execPath, ['--input-type=module', '-e', `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    ${faults}
    syncBuiltinESMExports();
    const { writeFiles } = await import(${JSON.stringify(cli)});
    writeFiles(${JSON.stringify(outputs)});`], { encoding: 'utf8' });
}

describe('writeFiles', () => {
  beforeEach(() => {
    readdirSync(dir).forEach((name) => rmSync(join(dir, name), { force: true }));
    NAMES.forEach((name) => writeFileSync(join(dir, name), `old ${name}\n`));
  });

  it('replaces every output by a rename: new files, no temporary left', () => {
    const inodes = NAMES.map((name) => statSync(join(dir, name)).ino);
    const result = writeAll();
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(files(), NAMES.map((name) => `new ${name}\n`.repeat(1000)));
    NAMES.forEach((name, index) => assert.notEqual(statSync(join(dir, name)).ino, inodes[index], name));
    assert.deepEqual(readdirSync(dir).sort(), NAMES);
  });

  it('a write that fails half-way (a full disk) leaves every output as it was, and no temporary file', () => {
    const result = writeAll(`
      const write = fs.writeFileSync;
      fs.writeFileSync = (file, text, ...rest) => {
        if (!String(file).includes('b.graphql.')) return write(file, text, ...rest);
        write(file, text.slice(0, text.length / 2));
        throw enospc();
      };`);
    assert.equal(result.status, 1);
    assert.match(result.stderr, ONE_LINE_REFUSAL);
    assert.equal(result.stderr, `\u2716 cannot write ${join(dir, 'b.graphql')}: no space left\n`);
    assert.deepEqual(files(), NAMES.map((name) => `old ${name}\n`));
    assert.deepEqual(readdirSync(dir).sort(), NAMES);
  });

  it('a rename refused in the middle is one line naming what was replaced already, and no temporary file', () => {
    const result = writeAll(`
      const rename = fs.renameSync;
      fs.renameSync = (from, to) => {
        if (String(to).endsWith('b.graphql')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return rename(from, to);
      };`);
    assert.equal(result.status, 1);
    assert.match(result.stderr, ONE_LINE_REFUSAL);
    assert.equal(result.stderr, `\u2716 cannot write ${join(dir, 'b.graphql')}: permission denied `
      + `(replaced already: ${join(dir, 'a.graphql')})\n`);
    assert.deepEqual(files(), ['new a.graphql\n'.repeat(1000), 'old b.graphql\n', 'old c.graphql\n']);
    assert.deepEqual(readdirSync(dir).sort(), NAMES);
  });
});
