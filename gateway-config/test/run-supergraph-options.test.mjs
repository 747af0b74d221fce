// ./run-supergraph refuses arguments it cannot honour as a usage error (exit 2) before it builds or starts
// anything. Every case ends in a refusal, so no test here starts a supergraph.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { gatewayDir } from './support/gateway.mjs';

const root = resolve(gatewayDir, '..');
const run = (...args) => spawnSync(resolve(root, 'run-supergraph'), args, { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('run-supergraph options', () => {
  for (const [args, message] of [
    [['--bogus'], '✖ unknown argument --bogus; usage: ./run-supergraph [--no-build] [--replicas SUBGRAPH=N ...]'],
    [['--replicas'], "✖ --replicas SUBGRAPH=N (N 1-9), not ''"],
    [['--replicas', 'catalog=10'], "✖ --replicas SUBGRAPH=N (N 1-9), not 'catalog=10'"],
    [['--replicas', 'shipping=2'], '✖ --replicas shipping: not a subgraph of gateway-config/subgraphs.json'],
    [['--replicas', 'router=2'], '✖ --replicas router: not a subgraph of gateway-config/subgraphs.json'],
    // An unknown subgraph after the repetition: the script as it was stopped there, after taking catalog=3.
    [['--replicas', 'catalog=2', '--replicas', 'catalog=3', '--replicas', 'shipping=1'], '✖ --replicas catalog is given twice: give it once'],
  ]) {
    it(`${args.join(' ')}: a usage error before anything starts`, () => {
      const { status, stdout, stderr } = run(...args);
      assert.equal(status, 2, stderr);
      assert.ok(stderr.startsWith(message), stderr);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
      assert.equal(stdout, '');
    });
  }
});
