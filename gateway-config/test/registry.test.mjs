// The subgraph registry (subgraphs.json) is the one list: the files generated from it are fresh, the
// modules agree with it, and the router's settings have exactly its subgraphs.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { routerSettings } from '../router/settings.mjs';
import { disagreements, expectedFiles } from '../scripts/registry.mjs';
import { gatewayDir } from './support/gateway.mjs';

const root = resolve(gatewayDir, '..');

describe('subgraph registry', () => {
  it('every generated file is as the registry generates it', () => {
    for (const [file, text] of expectedFiles()) {
      assert.equal(readFileSync(resolve(root, file), 'utf8'), text, `${file} is stale: run npm run registry`);
    }
  });

  it('every module serves on its registered port', () => {
    assert.deepEqual(disagreements(), []);
  });

  it('names, ports and databases are unique', () => {
    for (const key of ['name', 'module', 'port', 'database']) {
      assert.equal(new Set(SUBGRAPHS.map((s) => s[key])).size, SUBGRAPHS.length, `duplicate ${key}`);
    }
  });

  it('every call names a registered subgraph', () => {
    const names = SUBGRAPHS.map((s) => s.name);
    for (const subgraph of SUBGRAPHS) {
      Object.values(subgraph.calls).forEach((target) => assert.ok(names.includes(target), `${subgraph.name} calls ${target}`));
    }
  });

  it('the router routes to exactly the registered subgraphs, by their URL variables', () => {
    const env = Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), `http://${name}.internal/graphql`]));
    const settings = routerSettings(env);
    assert.deepEqual(Object.keys(settings.subgraphs), SUBGRAPHS.map((s) => s.name));
    for (const { name, routerTimeoutMs } of SUBGRAPHS) {
      assert.deepEqual(settings.subgraphs[name], { url: `http://${name}.internal/graphql`, timeoutMs: routerTimeoutMs });
    }
  });
});
