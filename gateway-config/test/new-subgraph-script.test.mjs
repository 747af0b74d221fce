// scripts/new-subgraph refuses what it cannot generate before it writes anything: a usage error, exit 2.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gatewayDir } from './support/gateway.mjs';

const root = resolve(gatewayDir, '..');
const registry = () => readFileSync(resolve(gatewayDir, 'subgraphs.json'), 'utf8');

describe('scripts/new-subgraph', () => {
  for (const [args, message] of [
    [['reviews', '4009', 'extra'], "unexpected argument 'extra'"],
    [['--force', 'reviews', '4009'], "unknown option '--force'"],
    [['Reviews', '4009'], 'the name must be lower-case letters and digits'],
    [['reviews'], 'the port must be a number between 1025 and 65535'],
    [['reviews', '4001'], 'port 4001 is taken'],
    [['users', '4009'], 'a subgraph named users is already registered'],
  ]) {
    it(`${args.join(' ')}: ${message}`, () => {
      const before = registry();
      const result = spawnSync(resolve(root, 'scripts', 'new-subgraph'), args, { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 2, result.stderr);
      assert.ok(result.stderr.startsWith(`\u2716 ${message}`), result.stderr);
      assert.match(result.stderr, /usage: scripts\/new-subgraph <name> <port>/);
      assert.equal(registry(), before);
      assert.equal(existsSync(resolve(root, 'reviews-subgraph')), false);
    });
  }
});
