// The benchmark's commands (benchmark/run, benchmark/startup) check their options before they build or
// start anything (benchmark/load/options.mjs): a mistyped option must not run an hour of another benchmark.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { gatewayDir } from './support/gateway.mjs';

const root = resolve(gatewayDir, '..');
const run = (command, ...args) => spawnSync(resolve(root, 'benchmark', command), args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
const check = (command, ...args) => spawnSync(process.execPath, [resolve(root, 'benchmark/load/options.mjs'), command, ...args],
  { cwd: root, encoding: 'utf8' });

describe('benchmark options', () => {
  for (const [command, args, message] of [
    ['run', ['--quik'], "unknown option '--quik'"],
    ['run', ['--soak', 'ten'], "--soak must be a positive number, not 'ten'"],
    ['run', ['--rate', '5'], "--rate fixes the soak's rate: give --soak MINUTES too"],
    ['run', ['--compare', 'nope'], "unknown comparison 'nope'"],
    ['run', ['--entities', '--compare', 'plugins'], '--entities and --compare are different runs: give one'],
    ['run', ['--rounds', '3'], '--rounds is an option of --compare'],
    ['run', ['--compare', 'plugins', '--rates', 'UserOrders=fast'], '--rates must be SCENARIO=RPS pairs'],
    ['startup', ['--runs', '0'], "--runs must be a whole number of at least 1, not '0'"],
    ['startup', ['--runs', '1.5'], "--runs must be a whole number of at least 1, not '1.5'"],
    ['run', ['--compare', 'plugins', '--rounds', '2.5'], "--rounds must be a whole number of at least 1, not '2.5'"],
    ['run', ['--soak', '10', '--soak', '20'], '--soak is given twice: give it once'],
    ['startup', ['--subgraphs', 'users,shipping'], '--subgraphs: unknown shipping; known: users, orders, catalog, inventory'],
    ['startup', ['extra'], "unexpected argument 'extra'"],
  ]) {
    it(`benchmark/${command} ${args.join(' ')}: a usage error before any build`, () => {
      const result = run(command, ...args);
      assert.equal(result.status, 2, result.stderr);
      assert.ok(result.stderr.startsWith(`\u2716 ${message}`), result.stderr);
      assert.match(result.stderr, new RegExp(`usage: benchmark/${command} `));
      assert.doesNotMatch(result.stdout, /building/);
    });
  }

  it('takes every combination its docs show', () => {
    for (const args of [[], ['--quick'], ['--entities'], ['--soak', '10', '--rate', '14'], ['--check', '--no-build'],
      ['--quick', '--compare', 'plugins'], ['--compare', 'supergraph-observability', '--rounds', '5', '--no-build'],
      ['--compare', 'apollo-gateway', '--rates', 'UserOrders=20,mix=50', '--scenarios', 'UserOrders,mix', '--as', 'peer']]) {
      assert.equal(check('run', ...args).status, 0, args.join(' '));
    }
    for (const args of [[], ['--runs', '1', '--subgraphs', 'orders,catalog'], ['--configs', 'tuned,tuned+-XX:MaxNewSize=24m'],
      ['--runs', '1', '--configs', 'tuned', '--rounds', '2', '--seconds', '15'], ['--retrain', '--no-build']]) {
      assert.equal(check('startup', ...args).status, 0, args.join(' '));
    }
  });
});
