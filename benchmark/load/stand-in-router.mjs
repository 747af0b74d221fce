// The production router in front of the router tests' schema-backed stand-in subgraphs (no JVMs):
// what profile.mjs and router-ab.mjs measure, the router's own cost, not the stack's.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, startProcess } from './processes.mjs';
import { SUBGRAPHS, urlVariable } from '../../gateway-config/router/subgraphs.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const secret = randomBytes(32).toString('hex');

/**
 * Starts a production router named `name` with extra `env` and node flags (then `awaitReady` it);
 * `gatewayConfig`: another checkout's gateway-config directory, to run another build of the router.
 */
export async function startStandInRouter({ name, subgraphs, env = {}, nodeFlags = [], logFile, gatewayConfig }) {
  const port = await freePort();
  const router = startProcess({
    name,
    command: 'node',
    args: ['--max-old-space-size=224', ...nodeFlags, entryPoint(gatewayConfig ?? resolve(root, 'gateway-config')),
      'supergraph', 'supergraph.graphql', '--host', '127.0.0.1', '--port', String(port)],
    env: {
      NODE_ENV: 'production',
      GATEWAY_MODE: 'production',
      JWT_PUBLIC_KEY_FILE: resolve(root, 'subgraph-starter-dev/src/main/resources/dev-keys/dev-public.pem'),
      // The platform's flags file, as the deployment mounts it (benchmark/load/supergraph.mjs).
      FLAGS_FILE: resolve(root, 'flags', 'flags.json'),
      ROUTER_HMAC_SECRET: secret,
      RATE_LIMIT_MAX: '100000000',
      ...Object.fromEntries(SUBGRAPHS.map(({ name: subgraph }) => [urlVariable(subgraph), subgraphs.urls[subgraph]])),
      ...env,
    },
    cwd: gatewayConfig ?? resolve(root, 'gateway-config'),
    logFile,
    ready: `http://127.0.0.1:${port}/readiness`,
  });
  return { router, url: `http://127.0.0.1:${port}/graphql` };
}

/** The router's entry point in `dir`: router/main.mjs, or Hive Gateway's command line in a checkout from before it. */
function entryPoint(dir) {
  return existsSync(resolve(dir, 'router', 'main.mjs')) ? 'router/main.mjs' : 'node_modules/@graphql-hive/gateway/dist/bin.js';
}

/**
 * What a stand-in router saw between `open(router)` and `close(router)` (router-window.mjs): pass
 * `nodeFlags` and `env` to startStandInRouter; `heap` 'allocated' or 'promoted' adds a heap profile.
 */
export function routerWindow(dir, heap) {
  const out = resolve(dir, 'router-window.json');
  const signal = (router) => process.kill(router.pid, 'SIGUSR2');
  return {
    nodeFlags: ['--import', pathToFileURL(resolve(root, 'benchmark', 'load', 'router-window.mjs')).href],
    env: { ROUTER_WINDOW_OUT: out, ...(heap ? { ROUTER_WINDOW_HEAP: heap } : {}) },
    open(router) {
      rmSync(out, { force: true });
      signal(router);
    },
    async close(router) {
      signal(router);
      for (let waited = 0; !existsSync(out); waited += 100) {
        if (waited > 60_000) {
          throw new Error(`${router.name} wrote no ${out}`);
        }
        await new Promise((done) => setTimeout(done, 100));
      }
      return JSON.parse(readFileSync(out, 'utf8'));
    },
  };
}
