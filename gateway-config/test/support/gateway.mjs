// Starts the real router (router/main.mjs: the pinned Hive Gateway CLI with gateway.config.ts) as a child process on a
// free loopback port, and stops exactly that process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const gatewayDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = resolve(gatewayDir, 'router', 'main.mjs');

/** The signing secret of test routers in production mode, which cannot run without one. */
export const TEST_ROUTER_SECRET = 'test-only-secret-0123456789abcdef';

export async function startGateway(env, { expectExit = false, supergraph = 'supergraph.graphql' } = {}) {
  const port = await freePort();
  // With a supergraph store the config's `supergraph` must decide, so the command names no file.
  const file = env.SUPERGRAPH_STORE ? [] : [supergraph];
  const child = spawn(process.execPath, [bin, 'supergraph', ...file, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: gatewayDir,
    // ROUTER_QUERY_PLANNER=javascript npm test: the same tests with Hive Gateway's own planner.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production',
      ...(process.env.ROUTER_QUERY_PLANNER ? { ROUTER_QUERY_PLANNER: process.env.ROUTER_QUERY_PLANNER } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const gateway = { url, output: () => output, exited, stop: () => stop(child, exited) };
  if (!expectExit) {
    await waitForHealth(url, exited, () => output);
  }
  return gateway;
}

async function waitForHealth(url, exited, output) {
  let stopped = false;
  exited.then(() => (stopped = true));
  // Bounded: at most 60 s, generous for a busy 2-core machine.
  for (let attempt = 0; attempt < 240 && !stopped; attempt++) {
    const ok = await fetch(`${url}/healthcheck`).then((r) => r.ok, () => false);
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`router did not become healthy:\n${output()}`);
}

async function stop(child, exited) {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
