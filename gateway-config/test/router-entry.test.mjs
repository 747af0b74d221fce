// The router's entry point (router/main.mjs) loads Hive Gateway's command line without Hive's
// Laboratory page: the command line's import of it resolves to the project's stub. The router tests
// all start the router through this entry point (support/gateway.mjs), so they cover the rest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gatewayDir } from './support/gateway.mjs';

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
