// A trusted document beyond a production limit that holds whatever its variables (tokens, depth, aliases,
// directives, root fields, nesting) is refused by the production router on every request: every committed one is
// within them, each limit is counted as the router counts it, and a production router does not start with one
// beyond (router/document-limits.mjs).
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { documentLimitProblems } from '../router/document-limits.mjs';
import { sha256 } from '../router/plugins.mjs';
import { productionLimits } from '../router/settings.mjs';
import { startProblem } from '../router/start-checks.mjs';
import { defaultManifestFile, loadTrustedDocuments } from '../router/trusted-documents.mjs';
import { TEST_ROUTER_SECRET, gatewayDir } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';

const limits = productionLimits({});
const tooDeep = 'query TooDeep { products { edges { node { category { products { edges { node { category { products { edges { node { id } } } } } } } } } } } }';
const tooManyTokens = `query TooManyTokens { categories { id ${'__typename '.repeat(1000)}} }`;
const tooManyAliases = `query TooManyAliases { categories { ${Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ')} } }`;
const tooManyRootFields = 'query TooManyRootFields { ...Roots categories { id } } fragment Roots on Query { me { id } __typename products(first: 1) { edges { cursor } } node: user(id: "1") { id } users(first: 1) { edges { cursor } } }';
const tooManyDirectives = `query TooManyDirectives { categories { ${Array.from({ length: 11 }, () => 'id @include(if: true)').join(' ')} } }`;
const tooDeeplyNested = `query TooDeeplyNested { categories { id${' ... on Category {'.repeat(30)}${' }'.repeat(30)} } }`;

describe('trusted documents within the production limits', () => {
  it('every committed trusted document keeps every limit that holds whatever its variables', () => {
    const documents = loadTrustedDocuments(defaultManifestFile);
    assert.ok(documents.size >= 10);
    for (const [hash, text] of documents) {
      assert.deepEqual(documentLimitProblems(text, limits), [], hash);
    }
  });

  it('counts each limit as the production router does', () => {
    const cases = [
      [tooDeep, [{ setting: 'MAX_DEPTH', what: 'levels of depth', count: 12, max: 10 }]],
      [tooManyTokens, [{ setting: 'MAX_TOKENS', what: 'tokens', count: 1008, max: 1000 }]],
      [tooManyAliases, [{ setting: 'MAX_ALIASES', what: 'aliases', count: 16, max: 15 }]],
      [tooManyRootFields, [{ setting: 'MAX_ROOT_FIELDS', what: 'root fields', count: 6, max: 5 }]],
      [tooManyDirectives, [{ setting: 'MAX_DIRECTIVES', what: 'directives', count: 11, max: 10 }]],
      [tooDeeplyNested, [{ setting: 'MAX_NESTING', what: 'levels of nesting or more', count: 31, max: 30 }]],
      ['query Fine { categories { id } }', []],
    ];
    for (const [text, problems] of cases) {
      assert.deepEqual(documentLimitProblems(text, limits), problems, text.slice(0, 40));
    }
  });

  it('a production router does not start with one beyond a limit: one line names its hash, operation and limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-document-limits-'));
    createSigner(join(dir, 'jwt.pem'));
    const manifest = { ...JSON.parse(readFileSync(defaultManifestFile, 'utf8')), [sha256(tooDeep)]: tooDeep };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const env = { GATEWAY_MODE: 'production', ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, JWT_PUBLIC_KEY_FILE: join(dir, 'jwt.pem'),
      TRUSTED_DOCUMENTS_FILE: join(dir, 'manifest.json') };
    const result = await new Promise((done) => execFile(process.execPath,
      [resolve(gatewayDir, 'router', 'main.mjs'), 'supergraph', 'supergraph.graphql', '--host', '127.0.0.1', '--port', '0'],
      { cwd: gatewayDir, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => done({ code: error?.code ?? 0, output: stdout + stderr })));
    assert.equal(result.code, 1, result.output);
    assert.equal(result.output, `TRUSTED_DOCUMENTS_FILE: ${join(dir, 'manifest.json')}: the trusted document ${sha256(tooDeep)} `
      + '(TooDeep) has 12 levels of depth, over MAX_DEPTH 10; the production router would refuse it on every request\n');
    // Dev mode has no such limits: the same documents start a router.
    const { GATEWAY_MODE, ...dev } = env;
    assert.equal(startProblem(['node', 'main.mjs', 'supergraph', 'supergraph.graphql'], dev), null);
  });
});
