// scripts/validate-compose.mjs on files of a temporary directory: options are no file names, and a file
// that cannot be read or parsed is refused in one line that names it and the problem.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ONE_LINE_REFUSAL, runScript } from './support/scripts.mjs';

const dir = mkdtempSync(join(tmpdir(), 'validate-compose-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args) => runScript('validate-compose.mjs', args);

describe('validate-compose script', () => {
  it('refuses an option or a second file as a usage error', () => {
    for (const [args, message] of [[['--bogus'], "unknown option '--bogus'"], [['a.yaml', 'b.yaml'], "unexpected argument 'b.yaml'"]]) {
      const { status, stderr } = run(...args);
      assert.equal(status, 2);
      assert.equal(stderr, `\u2716 ${message}\nusage: validate-compose.mjs [COMPOSE_FILE]\n`);
    }
  });

  it('refuses a file that is missing, a directory, not UTF-8 or not YAML, naming it and the problem', () => {
    writeFileSync(join(dir, 'utf16.yaml'), Buffer.from('\uFEFFservices: {}\n', 'utf16le'));
    writeFileSync(join(dir, 'bad.yaml'), 'services: [\n  x: : y\n');
    for (const [file, problem] of [['missing.yaml', 'does not exist'], ['.', 'is a directory'],
      ['utf16.yaml', 'is not UTF-8 text: byte 0xFF at offset 0'],
      ['bad.yaml', 'is not valid YAML: Unexpected : in flow sequence at line 2, column 6']]) {
      const { status, stderr } = run(join(dir, file));
      assert.equal(status, 1, stderr);
      assert.match(stderr, ONE_LINE_REFUSAL);
      assert.equal(stderr, `\u2716 ${join(dir, file === '.' ? '' : file).replace(/\/$/, '')} ${problem}\n`);
    }
  });

  it('still validates the repository\'s compose.yaml', () => {
    const { status, stdout } = run();
    assert.equal(status, 0);
    assert.match(stdout, /compose\.yaml is valid/);
  });
});
