// scripts/new-subgraph refuses what it cannot generate before it writes anything (a usage error, exit 2),
// and a step that fails after it wrote (the formatter, the registry) leaves nothing behind (exit 1).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gatewayDir } from './support/gateway.mjs';

const root = resolve(gatewayDir, '..');
const registry = (dir = root) => readFileSync(resolve(dir, 'gateway-config', 'subgraphs.json'), 'utf8');

describe('scripts/new-subgraph', () => {
  for (const [args, message] of [
    [['reviews', '4009', 'extra'], "unexpected argument 'extra'"],
    [['--force', 'reviews', '4009'], "unknown option '--force'"],
    [['Reviews', '4009'], 'the name must be lower-case letters and digits'],
    [['../reviews', '4009'], 'the name must be lower-case letters and digits'],
    [['reviews'], 'the port must be a number between 1025 and 65535'],
    [['reviews', '0x0FA9'], 'the port must be a number between 1025 and 65535'],
    [['reviews', '4009.0'], 'the port must be a number between 1025 and 65535'],
    [['reviews', '4001'], 'port 4001 is taken by users'],
    [['reviews', '4013'], 'port 4013 is taken by the replicas of catalog'],
    [['reviews', '4010'], 'port 4010 is taken by the replicas of router'],
    [['users', '4009'], 'a subgraph named users is already registered'],
    [['router', '4009'], 'the name router is reserved: a service of compose.yaml'],
    [['grafana', '4009'], 'the name grafana is reserved: a service of compose.yaml'],
    [['kustomization', '4009'], 'the name kustomization is reserved: deploy/base/kustomization.yaml is another manifest'],
    [['postgres', '4009'], 'the name postgres is reserved: a database every PostgreSQL has'],
    [['class', '4009'], 'the name class is reserved: a Java keyword'],
    [['shutdown', '4009'], "the name shutdown is reserved: the router's variables for it (SHUTDOWN_URL, SHUTDOWN_TIMEOUT_MS)"],
    [['order', '4009'], 'the name order is reserved: the supergraph has OrderItem or Query.orderItem already'],
  ]) {
    it(`${args.join(' ')}: ${message}`, () => {
      const before = registry();
      const module = resolve(root, `${args[0]}-subgraph`);
      const moduleBefore = existsSync(module);
      const result = spawnSync(resolve(root, 'scripts', 'new-subgraph'), args, { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 2, result.stderr);
      assert.ok(result.stderr.startsWith(`\u2716 ${message}`), result.stderr);
      assert.match(result.stderr, /usage: scripts\/new-subgraph <name> <port>/);
      assert.equal(registry(), before);
      assert.equal(existsSync(module), moduleBefore);
    });
  }

  for (const [what, mvnw] of [
    ['fails', 'echo "formatter unavailable" >&2\nexit 1'],
    // Ctrl-C: the terminal interrupts the whole foreground group, the generator and the formatter alike.
    ['is interrupted (Ctrl-C)', 'kill -INT $PPID\nkill -INT $$\nsleep 5'],
  ]) {
    it(`a formatter that ${what} after the module and the registry were written leaves the tree as it was`, (t) => {
      const copy = checkout(t, mvnw);
      const generated = ['compose.yaml', 'pom.xml', 'gateway-config/pom.xml', 'gateway-config/supergraph.yaml',
        'gateway-config/docker/postgres-init/01-databases.sql', 'gateway-config/docker/prometheus/prometheus.yml'];
      const before = Object.fromEntries(generated.map((file) => [file, readFileSync(join(copy, file), 'utf8')]));
      const registryBefore = registry(copy);

      const result = spawnSync(join(copy, 'scripts', 'new-subgraph'), ['reviews', '4009'], { cwd: copy, encoding: 'utf8' });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /^\u2716 reviews-subgraph was not added \(Command failed: .*mvnw .*\); nothing of it is left$/m);
      assert.equal(registry(copy), registryBefore);
      assert.deepEqual(Object.fromEntries(generated.map((file) => [file, readFileSync(join(copy, file), 'utf8')])), before);
      assert.equal(existsSync(join(copy, 'reviews-subgraph')), false);
      assert.deepEqual(readdirSync(copy).filter((name) => name.startsWith('reviews')), []);
    });
  }
});

/** A copy of what the generator reads and writes, with a Maven wrapper (the formatter) running `mvnw`. */
function checkout(t, mvnw) {
  const copy = mkdtempSync(join(tmpdir(), 'new-subgraph-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  for (const path of ['compose.yaml', 'pom.xml', 'scripts', 'deploy', 'flags', 'gateway-config']) {
    cpSync(resolve(root, path), join(copy, path), { recursive: true,
      filter: (source) => !/[/\\](node_modules|target)$/.test(source) });
  }
  // The registry's check reads each module's port from its application.yaml.
  for (const { module } of JSON.parse(registry()).subgraphs) {
    const file = `${module}/src/main/resources/application.yaml`;
    cpSync(resolve(root, file), join(copy, file));
  }
  symlinkSync(resolve(gatewayDir, 'node_modules'), join(copy, 'gateway-config', 'node_modules'));
  writeFileSync(join(copy, 'mvnw'), `#!/bin/sh\n${mvnw}\n`);
  chmodSync(join(copy, 'mvnw'), 0o755);
  return copy;
}
