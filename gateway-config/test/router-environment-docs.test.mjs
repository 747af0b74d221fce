// The router's environment as gateway-config/README.md documents it: every variable the router reads has
// a row in the Environment table, and every variable of the table is read, so the two cannot drift apart.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DEV_LIMIT_DEFAULTS, PRODUCTION_LIMIT_DEFAULTS } from '../router/settings.mjs';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { gatewayDir } from './support/gateway.mjs';

const routerDir = resolve(gatewayDir, 'router');
// Read by Hive Gateway itself, whose log the router's own lines follow (router/log.mjs).
const READ_BY_HIVE_GATEWAY = ['LOG_LEVEL', 'LOG_JSON'];

function variablesTheRouterReads() {
  const source = readdirSync(routerDir).filter((file) => file.endsWith('.mjs'))
    .map((file) => readFileSync(resolve(routerDir, file), 'utf8')).join('\n');
  const named = [...source.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\benv, '([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] ?? m[2]);
  // limits are read by their setting's name (maxBodyBytes -> MAX_BODY_BYTES), subgraphs by theirs
  const limits = Object.keys({ ...DEV_LIMIT_DEFAULTS, ...PRODUCTION_LIMIT_DEFAULTS })
    .map((name) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase());
  const subgraphs = SUBGRAPHS.flatMap(({ name }) => [urlVariable(name), `${name.toUpperCase()}_TIMEOUT_MS`]);
  return new Set([...named, ...limits, ...subgraphs, ...READ_BY_HIVE_GATEWAY]);
}

function variablesTheReadmeDocuments() {
  const readme = readFileSync(resolve(gatewayDir, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('### Environment'), readme.indexOf('### Dev vs production'));
  const firstColumns = table.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split(' | ')[0]);
  // a `<NAME>_URL` row stands for every registered subgraph's variable
  const perSubgraph = (cell) => SUBGRAPHS.flatMap(({ name }) => [...cell.matchAll(/`<NAME>(_[A-Z_]+)`/g)]
    .map((m) => `${name.toUpperCase()}${m[1]}`));
  return new Set(firstColumns.flatMap((cell) => [...[...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]),
    ...perSubgraph(cell)]));
}

describe('the router environment in gateway-config/README.md', () => {
  const read = variablesTheRouterReads();
  const documented = variablesTheReadmeDocuments();

  it('documents every variable the router reads', () => {
    assert.deepEqual([...read].filter((name) => !documented.has(name)).sort(), []);
  });

  it('documents only variables the router reads', () => {
    assert.deepEqual([...documented].filter((name) => !read.has(name)).sort(), []);
  });
});
