// The trusted-documents manifest is made of the client packages' operations (clients/clients.json):
// their union, validated, with --check for staleness. Runs the real script on registries written to
// temporary directories, next to the repository's real operations.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sha256 } from '../router/plugins.mjs';
import { clientsFile } from '../scripts/lib/client-operations.mjs';
import { gatewayDir } from './support/gateway.mjs';

const operationsDir = resolve(gatewayDir, 'operations');
const referenceOperations = readdirSync(operationsDir).filter((name) => name.endsWith('.graphql'));
const temporaryDirs = [];
after(() => temporaryDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const extraOperation = 'query WarehouseProduct($id: ID!) {\n  product(id: $id) {\n    id\n    weightGrams\n  }\n}\n';

/** A registry in a temporary directory: the reference package plus packages of its own operation files. */
function registry(extraPackages) {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  temporaryDirs.push(dir);
  const clients = [{ name: 'reference', operations: `${operationsDir}/*.graphql` }];
  for (const [name, files] of Object.entries(extraPackages)) {
    mkdirSync(join(dir, name));
    for (const [file, text] of Object.entries(files)) {
      writeFileSync(join(dir, name, file), text);
    }
    clients.push({ name, operations: `${name}/*.graphql` });
  }
  writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients }));
  return dir;
}

function manifest(dir, ...args) {
  const run = spawnSync(process.execPath,
    ['scripts/manifest.mjs', '--clients', join(dir, 'clients.json'), '--output', join(dir, 'manifest.json'), ...args],
    { cwd: gatewayDir, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

const written = (dir) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('trusted-documents manifest from the client packages', () => {
  it('is the union of every package\'s operations', () => {
    const dir = registry({ warehouse: { 'WarehouseProduct.graphql': extraOperation } });
    const run = manifest(dir);
    assert.equal(run.status, 0, run.output);
    const documents = written(dir);
    assert.equal(Object.keys(documents).length, referenceOperations.length + 1);
    assert.equal(documents[sha256(extraOperation)], extraOperation);
    const productPage = readFileSync(join(operationsDir, 'ProductPage.graphql'), 'utf8');
    assert.equal(documents[sha256(productPage)], productPage);
  });

  it('holds an operation two packages share once', () => {
    const productPage = readFileSync(join(operationsDir, 'ProductPage.graphql'), 'utf8');
    const dir = registry({ copy: { 'ProductPage.graphql': productPage } });
    const run = manifest(dir);
    assert.equal(run.status, 0, run.output);
    assert.equal(Object.keys(written(dir)).length, referenceOperations.length);
  });

  it('refuses two different operations with one name', () => {
    const other = 'query ProductPage {\n  categories {\n    id\n  }\n}\n';
    const dir = registry({ shop: { 'ProductPage.graphql': other } });
    const run = manifest(dir);
    assert.equal(run.status, 1);
    assert.match(run.output, /two different operations named ProductPage: gateway-config\/operations\/ProductPage\.graphql \(reference\) and .*shop\/ProductPage\.graphql \(shop\)/);
  });

  it('refuses an operation of any package that the API schema or the limits refuse', () => {
    const dir = registry({ internal: { 'Internal.graphql': 'query Internal {\n  _service {\n    sdl\n  }\n}\n' } });
    const run = manifest(dir);
    assert.equal(run.status, 1);
    assert.match(run.output, /internal\/Internal\.graphql: Cannot query field "_service" on type "Query"\./);
  });

  it('refuses an operation the production router would refuse on every request, naming the limit', () => {
    const deep = 'query Deep {\n  products { edges { node { category { products { edges { node { category { products { edges { node { id } } } } } } } } } } }\n}\n';
    const dir = registry({ deep: { 'Deep.graphql': deep } });
    const run = manifest(dir);
    assert.equal(run.status, 1);
    assert.match(run.output, /deep\/Deep\.graphql: has 12 levels of depth, over MAX_DEPTH 10/);
  });

  it('refuses an operation of a type the schema has no root for', () => {
    const dir = registry({ live: { 'Live.graphql': 'subscription Live {\n  categories {\n    id\n  }\n}\n' } });
    const run = manifest(dir);
    assert.equal(run.status, 1);
    assert.match(run.output, /live\/Live\.graphql: The subscription operation is not supported by the schema\./);
  });

  it('refuses an operation file that is not UTF-8, naming the file and the byte', () => {
    const latin1 = Buffer.from('# caf\u00e9\nquery Cafe {\n  categories {\n    id\n  }\n}\n', 'latin1');
    const dir = registry({ cafe: { 'Cafe.graphql': latin1 } });
    const run = manifest(dir);
    assert.equal(run.status, 1);
    assert.match(run.output, /cafe\/Cafe\.graphql is not UTF-8 text: byte 0xE9 at offset 5/);
  });

  it('refuses a package whose glob matches no operation', () => {
    const dir = registry({ empty: {} });
    const run = manifest(dir);
    assert.equal(run.status, 1);
    assert.match(run.output, /empty: no operation files match empty\/\*\.graphql/);
  });

  it('--check fails once a package gains an operation the manifest lacks', () => {
    const dir = registry({ warehouse: { 'WarehouseProduct.graphql': extraOperation } });
    writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients: [{ name: 'reference', operations: `${operationsDir}/*.graphql` }] }));
    assert.equal(manifest(dir).status, 0);
    assert.equal(manifest(dir, '--check').status, 0);
    writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients: [
      { name: 'reference', operations: `${operationsDir}/*.graphql` },
      { name: 'warehouse', operations: 'warehouse/*.graphql' },
    ] }));
    const run = manifest(dir, '--check');
    assert.equal(run.status, 1);
    assert.match(run.output, /manifest\.json is stale or missing/);
  });
});

describe('manifest script command line', () => {
  const run = (...args) => {
    const result = spawnSync(process.execPath, ['scripts/manifest.mjs', ...args], { cwd: gatewayDir, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('refuses an unknown option, an option without its value or a stray argument as a usage error', () => {
    const dir = registry({});
    for (const [args, message] of [[['--bogus'], "unknown option '--bogus'"], [['--output'], "option '--output <value>' argument missing"],
      [['stray'], "unexpected argument 'stray'"], [['--check', '--output', join(dir, 'm.json'), 'stray'], "unexpected argument 'stray'"]]) {
      assert.deepEqual(run(...args), { status: 2, stdout: '',
        stderr: `\u2716 ${message}\nusage: manifest.mjs [--check] [--clients FILE] [--output FILE]\n` }, args.join(' '));
    }
  });

  it('refuses a clients file it cannot use in one line, naming it and the problem', () => {
    const dir = registry({});
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'bad.json'), 'not json {');
    writeFileSync(join(dir, 'shape.json'), '{"clients":5}');
    writeFileSync(join(dir, 'utf16.json'), Buffer.from('\uFEFF{"clients":[]}', 'utf16le'));
    const shape = 'must be an object with a "clients" array of { "name", "operations" } entries';
    for (const [file, problem] of [['missing.json', 'does not exist'], ['', 'is a directory, not a regular file'],
      ['empty.json', 'is not valid JSON: Unexpected end of JSON input'], ['bad.json', /^is not valid JSON: Unexpected token/],
      ['shape.json', shape], ['utf16.json', 'is not UTF-8 text: byte 0xFF at offset 0']]) {
      const clients = join(dir, file);
      const { status, stdout, stderr } = run('--clients', clients, '--output', join(dir, 'm.json'));
      assert.deepEqual({ status, stdout }, { status: 1, stdout: '' }, stderr);
      assert.match(stderr, /^\u2716 [^\n]+\n$/);
      const said = stderr.slice(`\u2716 ${clients} `.length).trimEnd();
      typeof problem === 'string' ? assert.equal(said, problem) : assert.match(said, problem);
    }
  });

  it('replaces the manifest atomically: a new file renamed over the old one, never rewritten in place', () => {
    const dir = registry({});
    const output = join(dir, 'm.json');
    writeFileSync(output, 'old');
    const before = statSync(output).ino;
    assert.equal(run('--clients', join(dir, 'clients.json'), '--output', output).status, 0);
    assert.notEqual(statSync(output).ino, before);
    assert.deepEqual(readdirSync(dir).sort(), ['clients.json', 'm.json']);
  });

  it('refuses an output in a missing directory or onto a directory, writing nothing', () => {
    const dir = registry({});
    for (const [output, problem] of [[join(dir, 'missing', 'm.json'), 'its directory does not exist'], [dir, 'it is a directory']]) {
      const { status, stderr } = run('--clients', join(dir, 'clients.json'), '--output', output);
      assert.equal(status, 1);
      assert.equal(stderr, `\u2716 cannot write ${output}: ${problem}\n`);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['clients.json']);
  });
});

describe('client packages read their operations where clients.json says', () => {
  const { clients } = JSON.parse(readFileSync(clientsFile, 'utf8'));
  const glob = (language) => resolve(dirname(clientsFile), clients.find((client) => client.language === language).operations);

  it('the TypeScript client generates from its package\'s glob (codegen.yml documents)', () => {
    const typescriptDir = resolve(dirname(clientsFile), 'typescript');
    const codegen = parseYaml(readFileSync(join(typescriptDir, 'codegen.yml'), 'utf8'));
    assert.equal(resolve(typescriptDir, codegen.documents), glob('typescript'));
  });

  it('the Java client generates from its package\'s entry (the generator reads clients.json)', () => {
    const pom = readFileSync(resolve(dirname(clientsFile), 'java', 'pom.xml'), 'utf8');
    const name = clients.find((client) => client.language === 'java').name;
    assert.equal(name, `${pom.match(/<groupId>([^<]+)<\/groupId>/)[1]}:client-java`);
    assert.match(pom, /<argument>--clients<\/argument>\s*<argument>\$\{project.basedir\}\/\.\.\/clients\.json<\/argument>\s*<argument>--client<\/argument>\s*<argument>\$\{project.groupId\}:\$\{project.artifactId\}<\/argument>/);
  });
});
