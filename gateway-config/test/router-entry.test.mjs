// The router's entry point (router/main.mjs) loads Hive Gateway's command line without Hive's
// Laboratory page: the command line's import of it resolves to the project's stub. The router tests
// all start the router through this entry point (support/gateway.mjs), so they cover the rest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gatewayDir } from './support/gateway.mjs';
import { listenAddress, listenProblem } from '../router/listen-address.mjs';

/** What `import '@graphql-hive/render-laboratory'` gives a process, with or without the entry point's hook. */
function laboratoryModule({ hooked }) {
  const script = `${hooked ? "import { register } from 'node:module';\n"
    + `register('./router/without-laboratory-hooks.mjs', ${JSON.stringify(pathToFileURL(`${gatewayDir}/`).href)});\n` : ''}`
    + "const module = await import('@graphql-hive/render-laboratory');\n"
    + 'const page = module.renderLaboratory({});\n'
    + 'console.log(JSON.stringify({ exports: Object.keys(module).sort(), pageLength: page.length, page: page.slice(0, 200) }));';
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: gatewayDir, encoding: 'utf8' }));
}

describe('router entry point', () => {
  it('resolves the Laboratory page to a stub that exports the renderer the command line imports', () => {
    const stub = laboratoryModule({ hooked: true });
    assert.deepEqual(stub.exports, ['renderLaboratory']);
    assert.match(stub.page, /serves no Laboratory/);
    assert.ok(stub.pageLength < 200);
  });

  it('replaces a module of megabytes that the command line would load otherwise', () => {
    const real = laboratoryModule({ hooked: false });
    assert.ok(real.exports.includes('renderLaboratory'));
    assert.ok(real.pageLength > 100_000, `the real Laboratory page is ${real.pageLength} characters`);
    const bundle = resolve(dirname(createRequire(resolve(gatewayDir, 'package.json')).resolve('@graphql-hive/render-laboratory')),
      'laboratory.js');
    assert.ok(statSync(bundle).size > 10_000_000);
  });

  it('is the entry point of the image and of `npm run router`', () => {
    const dockerfile = readFileSync(resolve(gatewayDir, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /ENTRYPOINT \["node", "router\/main\.mjs", "supergraph"/);
    const packageJson = JSON.parse(readFileSync(resolve(gatewayDir, 'package.json'), 'utf8'));
    assert.match(packageJson.scripts.router, /^node router\/main\.mjs supergraph/);
  });
});

/** A server on a loopback port that the test holds, and the port. */
function occupiedPort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port }));
  });
}

describe('where the router listens', () => {
  it('reads the port and host as the command line does: options, then PORT, then its defaults', () => {
    assert.deepEqual(listenAddress(['supergraph', 'supergraph.graphql'], {}), { host: '0.0.0.0', port: 4000 });
    assert.deepEqual(listenAddress(['supergraph', '--port', '4100'], { PORT: '4200' }), { host: '0.0.0.0', port: 4100 });
    assert.deepEqual(listenAddress(['supergraph'], { PORT: '4200' }), { host: '0.0.0.0', port: 4200 });
    assert.deepEqual(listenAddress(['supergraph', '--port=4101', '--host=127.0.0.1'], {}), { host: '127.0.0.1', port: 4101 });
    assert.deepEqual(listenAddress(['supergraph', '-p4102', '-h', '::1'], {}), { host: '::1', port: 4102 });
    assert.deepEqual(listenAddress(['supergraph', '-p', '4103', '-hlocalhost'], {}), { host: 'localhost', port: 4103 });
    assert.deepEqual(listenAddress(['supergraph', '--polling', '10s'], {}), { host: '0.0.0.0', port: 4000 });
  });

  it('leaves a port the command line refuses to the command line', async () => {
    for (const port of ['x', '70000', '-1', '4000.5']) {
      const address = listenAddress(['supergraph', '--port', port], {});
      assert.equal(address.port, null, port);
      assert.equal(await listenProblem(address), null);
    }
  });

  it('finds a free port usable and lets it go', async () => {
    const { server, port } = await occupiedPort();
    await new Promise((resolve) => server.close(resolve));
    assert.equal(await listenProblem({ host: '127.0.0.1', port }), null);
    const again = createServer();
    await new Promise((resolve, reject) => again.once('error', reject).listen(port, '127.0.0.1', resolve));
    again.close();
  });

  it('names a port in use, an address of no interface and a host name that does not resolve', async () => {
    const { server, port } = await occupiedPort();
    try {
      assert.equal(await listenProblem({ host: '127.0.0.1', port }),
        `The router cannot listen on 127.0.0.1:${port}: another process listens on that port; stop it or choose another port with --port`);
    } finally {
      server.close();
    }
    assert.match(await listenProblem({ host: '192.0.2.1', port: 4000 }), /192\.0\.2\.1:4000: no network interface of this machine has that address/);
    assert.match(await listenProblem({ host: 'no-such-host.invalid', port: 4000 }), /the host name does not resolve/);
  });

  it('stops a router whose port is in use in one line, without a stack trace', async () => {
    const { server, port } = await occupiedPort();
    try {
      const result = await new Promise((done) => execFile(process.execPath,
        [resolve(gatewayDir, 'router', 'main.mjs'), 'supergraph', 'supergraph.graphql', '--host', '127.0.0.1', '--port', String(port)],
        { cwd: gatewayDir, env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 60_000 },
        (error, stdout, stderr) => done({ code: error?.code ?? 0, output: stdout + stderr })));
      assert.equal(result.code, 1, result.output);
      assert.equal(result.output.trim(), `The router cannot listen on 127.0.0.1:${port}: another process listens on that port; `
        + 'stop it or choose another port with --port');
    } finally {
      server.close();
    }
  });

  /** Starts the router with `env` (and nothing else of this process's environment) until it exits. */
  const startWith = (env, args = ['supergraph.graphql']) => new Promise((done) => execFile(process.execPath,
    [resolve(gatewayDir, 'router', 'main.mjs'), 'supergraph', ...args, '--host', '127.0.0.1', '--port', '0'],
    { cwd: gatewayDir, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 },
    (error, stdout, stderr) => done({ code: error?.code ?? 0, output: stdout + stderr })));

  it('stops a router set up wrong with its problems, a line each, without Hive\'s logs or a stack trace', async () => {
    const documents = join(mkdtempSync(join(tmpdir(), 'router-entry-')), 'documents.json');
    writeFileSync(documents, '{ "abc": "{ __typename }" }');
    const cases = [
      [{ REQUEST_DEADLINE_MS: 'abc' }, ["REQUEST_DEADLINE_MS must be a positive integer, not 'abc'"]],
      [{ REQUEST_DEADLINE_MS: 'abc', GATEWAY_MODE: 'staging' }, ['2 router settings are invalid:',
        "  GATEWAY_MODE must be 'dev' or 'production', not 'staging'", "  REQUEST_DEADLINE_MS must be a positive integer, not 'abc'"]],
      [{ GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: 'x'.repeat(32) }, ['GATEWAY_MODE=production needs JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE']],
      [{ API_KEYS_FILE: '/no/such/keys.json' },
        ['API key file /no/such/keys.json does not exist']],
      [{ TRUSTED_DOCUMENTS_FILE: documents }, [`TRUSTED_DOCUMENTS_FILE: ${documents} has 1 entry whose key is not the SHA-256 of `
        + "its text (the first: 'abc'); scripts/manifest.mjs writes it"]],
    ];
    for (const [env, lines] of cases) {
      const result = await startWith(env);
      assert.equal(result.code, 1, result.output);
      assert.deepEqual(result.output.trim().split('\n').sort(), [...lines].sort(), result.output);
    }
  });

  it("stops a router given one of Hive Gateway's own supergraph, documents or configuration sources, naming it", async () => {
    const replaces = (name, what) => `${name} is set: a setting of Hive Gateway's own that would replace ${what} with one `
      + 'the router never checks; the router takes none of them (docs/router.md): unset it';
    const cases = [
      [{ HIVE_CDN_ENDPOINT: 'https://cdn.example.com/artifacts/v1/target', HIVE_CDN_KEY: 'key' }, [],
        replaces('HIVE_CDN_ENDPOINT', 'the supergraph')],
      [{ APOLLO_GRAPH_REF: 'graph@current', APOLLO_KEY: 'key' }, [], replaces('APOLLO_GRAPH_REF', 'the supergraph')],
      [{ APOLLO_KEY: 'key' }, [], replaces('APOLLO_KEY', 'the supergraph')],
      [{ CONFIG_PATH: 'other.config.ts' }, [], replaces('CONFIG_PATH', 'the configuration (gateway.config.ts)')],
      [{}, ['--hive-cdn-endpoint', 'https://cdn.example.com/artifacts/v1/target'], replaces('--hive-cdn-endpoint', 'the supergraph')],
      [{}, ['--apollo-graph-ref=graph@current'], replaces('--apollo-graph-ref', 'the supergraph')],
      [{}, ['--dev-service', 'users=http://localhost:4001/graphql'], replaces('--dev-service', 'the supergraph')],
      [{}, ['--hive-persisted-documents-endpoint', 'https://cdn.example.com/documents'],
        replaces('--hive-persisted-documents-endpoint', 'the trusted documents')],
      [{}, ['-c', 'other.config.ts'], replaces('--config-path', 'the configuration (gateway.config.ts)')],
    ];
    for (const [env, args, line] of cases) {
      const result = await startWith(env, ['supergraph.graphql', ...args]);
      assert.equal(result.code, 1, result.output);
      assert.equal(result.output, `${line}\n`);
    }
    const url = await startWith({}, ['https://cdn.example.com/supergraph']);
    assert.equal(url.code, 1, url.output);
    assert.equal(url.output, "the command names the supergraph URL 'https://cdn.example.com/supergraph', which Hive Gateway "
      + 'would load and serve unchecked: the router serves a supergraph file or a store (SUPERGRAPH_STORE), checked before it is served\n');
  });
});
