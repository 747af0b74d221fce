// scripts/dev-token.mjs as a developer runs it: a token the dev router accepts, or a clear refusal of
// arguments that would mint one nobody accepts (an empty subject, a malformed scope, no expiry), and
// usage errors (exit 2, `--help` included) for options and extra arguments.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/dev-token.mjs', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
const claims = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('dev-token script', () => {
  it('mints a token for the subject, scopes and hours given', () => {
    const { status, stdout } = run('42', 'orders:read users:read', '0.5');
    assert.equal(status, 0);
    const { sub, scope, iat, exp } = claims(stdout.trim());
    assert.deepEqual({ sub, scope, lifetime: exp - iat }, { sub: '42', scope: 'orders:read users:read', lifetime: 1800 });
  });

  it('refuses arguments that make a token nobody accepts', () => {
    for (const [args, message] of [[[''], /sub must be/], [['a b'], /sub must be/], [['7', 'bad scope!!'], /scopes must be/],
      [['7', 'a  b'], /scopes must be/], [['7', '', 'abc'], /hours must be/], [['7', '', '0'], /hours must be/],
      [['7', '', '-1'], /unknown option '-1'/], [['7', '', '9'.repeat(400)], /hours must be/], [['7', '', '0.00001'], /hours must be/],
      [['7', '', '8785'], /hours must be a positive number of at most 8784/], [['--', '-x'], /sub must be .*not starting with '-'/],
      [['7', 'orders:read orders:read'], /scope 'orders:read' is given twice: give each once/],
      [['7', 'orders:read Orders:Read'], /scope 'orders:read' and 'Orders:Read' differ only in case, and scopes are case-sensitive/],
      [['--help'], /unknown option '--help'/], [['-h'], /unknown option '-h'/], [['7', '', '1', 'extra'], /unexpected argument 'extra'/]]) {
      const { status, stdout, stderr } = run(...args);
      assert.equal(status, 2, JSON.stringify(args));
      assert.equal(stdout, '');
      assert.match(stderr, message, JSON.stringify(args));
      assert.match(stderr, /\nusage: dev-token\.mjs \[sub\] .*\[hours, at most 8784\]\n$/);
    }
  });

  it('mints the longest lifetime it allows with a whole-second expiry', () => {
    const { status, stdout } = run('7', '', '8784');
    assert.equal(status, 0);
    const { iat, exp } = claims(stdout.trim());
    assert.equal(exp - iat, 8784 * 3600);
  });
});
