// The real router serving a plain supergraph file (no SUPERGRAPH_STORE), in production as docs/router.md starts it,
// in front of subgraphs that answer from the golden SDLs. The file is a symlink into a data directory, as a
// Kubernetes ConfigMap mount is, and an edit swaps the symlink. Every text of the file is checked as a store's
// versions are before it is served: an edit that does not validate or that breaks a trusted operation is refused
// while the router serves on the text it had, says why in one log line and counts it in
// router_supergraph_refused_total, as it counts a store's refused versions; a valid edit is served, and so is the served
// file swapped back in after a refusal, which ends the refusal (router_supergraph_file_refused 0). A router does not
// start on a file that fails the check: it says why in one line.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { defaultManifestFile } from '../router/trusted-documents.mjs';
import { TEST_ROUTER_SECRET, gatewayDir, startGateway } from './support/gateway.mjs';
import { startSchemaSubgraphs } from './support/schema-subgraphs.mjs';
import { createSigner } from './support/tokens.mjs';

const committed = readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8');
// Reads Product.shippingEstimate: a supergraph without it fails every one of these requests.
const query = readFileSync(resolve(gatewayDir, 'operations', 'ProductShipping.graphql'), 'utf8');
const SHIPPING_FIELD = '  """\n  Standard shipping for one unit: 4.90 EUR plus 0.50 EUR per started 500 g.\n  """\n'
  + '  shippingEstimate: Money! @join__field(graph: ORDERS, requires: "weightGrams")\n';
/** Valid as a supergraph, but the trusted operation ProductShipping no longer validates against it. */
const withoutShipping = committed.replace(SHIPPING_FIELD, '');
/** Cut off inside a definition: no longer SDL. */
const cut = `${committed.slice(0, 5000)}\ntype Cut {`;
/** Valid, and every trusted operation with it: a description changed. */
const described = committed.replace('"A product for sale.', '"A product for sale, described anew.');
// Hive Gateway looks at the supergraph on the first request after its polling interval, 10 s at least.
const SEEN_WITHIN_MS = 30000;

describe('router serving a supergraph file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-supergraph-file-'));
  const file = join(dir, 'supergraph.graphql');
  const sign = createSigner(join(dir, 'jwt.pem'));
  const opsToken = sign({ sub: 'operator', scope: 'ops:read' });
  let edits = 0;
  let subgraphs;
  let router;

  /** Replaces the file as the kubelet updates a ConfigMap mount: a new data directory, the symlink swapped. */
  function edit(text) {
    const data = join(dir, `data-${++edits}`);
    mkdirSync(data);
    writeFileSync(join(data, 'supergraph.graphql'), text);
    swapTo(join(data, 'supergraph.graphql'));
  }

  function swapTo(target) {
    symlinkSync(target, `${file}.new`);
    renameSync(`${file}.new`, file);
  }

  before(async () => {
    assert.notEqual(withoutShipping, committed);
    assert.notEqual(described, committed);
    edit(committed);
    subgraphs = await startSchemaSubgraphs();
    router = await startGateway({
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), subgraphs.urls[name]])),
      GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem'),
    }, { supergraph: file });
  });

  after(async () => {
    await router?.stop();
    await subgraphs?.close();
  });

  it('serves the trusted operations on the file it started with', async () => {
    assert.equal((await send()).ok, true);
    assert.match(await metrics(), /^router_supergraph_file_refused 0$/m);
  });

  it('an edit that does not validate is refused: served on, logged once, counted', async () => {
    edit(cut);
    await refusedWhileServing('invalid');
    assert.equal(logLines(/supergraph file .*supergraph\.graphql: refused: it does not validate: Syntax Error: [^\n]*\(line \d+, column \d+\); still serving the text that passed before/), 1);
  });

  it('an edit that breaks a trusted operation is refused: served on, logged once, counted', async () => {
    edit(withoutShipping);
    await refusedWhileServing('operations');
    assert.equal(logLines(new RegExp('supergraph file .*supergraph\\.graphql: refused: it breaks 1 of the 10 trusted operations of '
      + '.*trusted-documents\\.json \\(ProductShipping: Cannot query field "shippingEstimate" on type "Product"\\.\\); '
      + 'still serving the text that passed before')), 1);
  });

  it('a valid edit is served', async () => {
    edit(described);
    await until(async () => (await send()).ok && logLines(/supergraph file .*supergraph\.graphql: serving its edited text/) === 1);
    assert.equal((await send()).ok, true);
    assert.match(await metrics(), /^router_supergraph_refused_total\{reason="operations"\} 1$/m);
    assert.match(await metrics(), /^router_supergraph_file_refused 0$/m);
  });

  it('a refused edit undone by swapping the symlink back to the served file ends the refusal', async () => {
    const servedTarget = readlinkSync(file);
    edit(cut);
    await refusedWhileServing('invalid', 2);
    swapTo(servedTarget);
    await until(async () => (await send()).ok && /^router_supergraph_file_refused 0$/m.test(await metrics()));
  });

  async function refusedWhileServing(reason, count = 1) {
    const counted = new RegExp(`^router_supergraph_refused_total\\{reason="${reason}"\\} ${count}$`, 'm');
    const responses = [];
    await until(async () => {
      responses.push(await send());
      return counted.test(await metrics());
    });
    responses.push(await send());
    assert.deepEqual(responses.filter((response) => !response.ok), []);
    assert.match(await metrics(), /^router_supergraph_file_refused 1$/m);
  }

  /** Sends requests until `check` holds, one every 200 ms (Hive looks at the file on a request only). */
  async function until(check) {
    const deadline = Date.now() + SEEN_WITHIN_MS;
    while (!(await check())) {
      assert.ok(Date.now() < deadline, `not within ${SEEN_WITHIN_MS} ms:\n${router.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function send() {
    const response = await fetch(`${router.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { id: '1' } }),
    });
    const body = await response.json();
    return { ok: response.status === 200 && body.data?.product?.shippingEstimate?.amount !== undefined && !body.errors, body };
  }

  async function metrics() {
    return (await fetch(`${router.url}/metrics`, { headers: { authorization: `Bearer ${opsToken}` } })).text();
  }

  function logLines(pattern) {
    return router.output().split('\n').filter((line) => pattern.test(line)).length;
  }
});

describe('a router starting on a supergraph file that fails the check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'router-supergraph-file-start-'));
  createSigner(join(dir, 'jwt.pem'));
  const production = { GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET,
    JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem') };

  const fileOf = (text) => {
    const file = join(dir, `supergraph-${Math.random().toString(36).slice(2)}.graphql`);
    writeFileSync(file, text);
    return file;
  };

  /** Starts the router on `text` as its supergraph file until it exits. */
  const startOn = (text, env = {}) => {
    const file = fileOf(text);
    return new Promise((done) => execFile(process.execPath,
      [resolve(gatewayDir, 'router', 'main.mjs'), 'supergraph', file, '--host', '127.0.0.1', '--port', '0'],
      { cwd: gatewayDir, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => done({ file, code: error?.code ?? 0, output: stdout + stderr })));
  };

  it('does not start on one that does not validate, in one line', async () => {
    const { file, code, output } = await startOn(cut);
    assert.equal(code, 1, output);
    assert.match(output, new RegExp(`^supergraph file ${file} does not validate: Syntax Error: [^\\n]*\\(line \\d+, column \\d+\\)\\n$`));
  });

  it('does not start in production on one that breaks a trusted operation, in one line', async () => {
    const { file, code, output } = await startOn(withoutShipping, production);
    assert.equal(code, 1, output);
    assert.equal(output, `supergraph file ${file} breaks 1 of the 10 trusted operations of ${defaultManifestFile} `
      + '(ProductShipping: Cannot query field "shippingEstimate" on type "Product".)\n');
  });

  // Dev mode serves any operation, and a developer may compose a few subgraphs alone.
  it('starts in dev mode on one that validates, whatever the trusted operations', async () => {
    const router = await startGateway({}, { supergraph: fileOf(withoutShipping) });
    await router.stop();
  });
});
