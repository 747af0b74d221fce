// scripts/compose.mjs, registry.mjs and compose-override-label.mjs as CI and developers run them, on a
// copy of gateway-config: a mistyped option fails before anything is written, and an input or output
// that is wrong is one `✖` line with nothing written, never a stack trace or some of the outputs.
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ONE_LINE_REFUSAL, gatewayCopy, runScript } from './support/scripts.mjs';

const copy = gatewayCopy();
after(copy.remove);
const run = (script, ...args) => runScript(script, args, { cwd: copy.gateway });
const OUTPUTS = ['gateway-config/supergraph.graphql', 'gateway-config/supergraph.apollo-gateway.graphql',
  'gateway-config/api-schema.graphql', 'deploy/base/supergraph.graphql'];
const outputs = () => OUTPUTS.map((file) => existsSync(join(copy.root, file)) && readFileSync(join(copy.root, file), 'utf8'));
const supergraphYaml = readFileSync(join(copy.gateway, 'supergraph.yaml'), 'utf8');

describe('compose script', () => {
  beforeEach(() => OUTPUTS.forEach((file) => rmSync(join(copy.root, file), { force: true })));
  afterEach(() => {
    mkdirSync(join(copy.root, 'deploy', 'base'), { recursive: true });
    writeFileSync(join(copy.gateway, 'supergraph.yaml'), supergraphYaml);
  });

  it('refuses a supergraph whose @override label names a flag the flags file no longer has, writing nothing', () => {
    const flagsFile = join(copy.root, 'flags', 'flags.json');
    const flags = readFileSync(flagsFile, 'utf8');
    try {
      writeFileSync(flagsFile, JSON.stringify({ flags: {} }));
      const refused = run('compose.mjs');
      assert.equal(refused.status, 1, refused.stderr);
      assert.match(refused.stderr, ONE_LINE_REFUSAL);
      assert.match(refused.stderr, /@override label 'inventory-stock' names no flag of/);
      assert.deepEqual(outputs(), [false, false, false, false]);
    } finally {
      writeFileSync(flagsFile, flags);
    }
  });

  it('writes all four outputs and names each once, the deploy copy by its path', () => {
    const written = run('compose.mjs');
    assert.equal(written.status, 0, written.stderr);
    assert.deepEqual(written.stdout.split('\n').filter((line) => line.startsWith('\u2714')).map((line) => line.split(' (')[0]),
      ['\u2714 wrote supergraph.graphql', '\u2714 wrote supergraph.apollo-gateway.graphql', '\u2714 wrote api-schema.graphql',
        '\u2714 wrote ../deploy/base/supergraph.graphql']);
    const [supergraph, , , deployed] = outputs();
    assert.equal(deployed, supergraph);
    assert.deepEqual(readdirSync(join(copy.root, 'deploy', 'base')), ['supergraph.graphql']);
    const checked = run('compose.mjs', '--check');
    assert.equal(checked.status, 0, checked.stderr);
    assert.match(checked.stdout, /\u2714 \.\.\/deploy\/base\/supergraph\.graphql is up to date/);
    assert.equal(checked.stdout.match(/\u2714 supergraph\.graphql is up to date/g).length, 1);
  });

  it('replaces an output atomically: a new file renamed over the old one', () => {
    const file = join(copy.gateway, 'api-schema.graphql');
    writeFileSync(file, 'old');
    const before = statSync(file).ino;
    assert.equal(run('compose.mjs').status, 0);
    assert.notEqual(statSync(file).ino, before);
  });

  it('refuses an unknown option or argument as a usage error before writing anything', () => {
    for (const args of [['--chek'], ['--help'], ['frob'], ['--check', 'frob']]) {
      const { status, stderr } = run('compose.mjs', ...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /^\u2716 (unknown option|unexpected argument) '[^']+'\nusage: compose\.mjs \[--check\]\n$/, args.join(' '));
      assert.deepEqual(outputs(), [false, false, false, false], args.join(' '));
    }
  });

  it('writes none of the outputs when one of them cannot be written', () => {
    rmSync(join(copy.root, 'deploy', 'base'), { recursive: true });
    const { status, stderr } = run('compose.mjs');
    assert.equal(status, 1);
    assert.match(stderr, ONE_LINE_REFUSAL);
    assert.match(stderr, /cannot write .*deploy\/base\/supergraph\.graphql: its directory does not exist/);
    assert.deepEqual(outputs(), [false, false, false, false]);
    assert.deepEqual(readdirSync(copy.gateway).filter((name) => name.endsWith('.tmp')), []);
  });

  it('refuses a supergraph.yaml that names a missing file, a directory or a file not in UTF-8, or is not YAML', () => {
    writeFileSync(join(copy.gateway, 'latin1.graphql'), Buffer.from('type Query { caf\xe9: String }\n', 'latin1'));
    for (const [yaml, message] of [
      [supergraphYaml.replace('./subgraphs/users.graphql', './subgraphs/missing.graphql'), /subgraphs\/missing\.graphql does not exist$/],
      [supergraphYaml.replace('./subgraphs/users.graphql', './subgraphs'), /subgraphs is a directory, not a regular file$/],
      [supergraphYaml.replace('./subgraphs/users.graphql', './latin1.graphql'), /latin1\.graphql is not UTF-8 text: byte 0xE9 at offset 16$/],
      ['subgraphs: [\n  x: : y\n', /supergraph\.yaml is not valid YAML: .*at line 2, column 6$/],
    ]) {
      writeFileSync(join(copy.gateway, 'supergraph.yaml'), yaml);
      const { status, stderr } = run('compose.mjs');
      assert.equal(status, 1, stderr);
      assert.match(stderr, ONE_LINE_REFUSAL);
      assert.match(stderr.trimEnd(), message);
      assert.deepEqual(outputs(), [false, false, false, false]);
    }
  });
});

describe('registry script', () => {
  it('refuses an unknown option or argument as a usage error before reading or writing anything', () => {
    for (const args of [['--chek'], ['--help'], ['frob']]) {
      const { status, stderr } = run('registry.mjs', ...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /^\u2716 (unknown option|unexpected argument) '[^']+'\nusage: registry\.mjs \[--check\]\n$/);
    }
  });
});

describe('compose-override-label script', () => {
  it('refuses a flag label that names no flag of the flags file, and composes percent(N) without one', () => {
    const typo = run('compose-override-label.mjs', 'inventory-stok', 'typo.graphql');
    assert.equal(typo.status, 1, typo.stderr);
    assert.match(typo.stderr, ONE_LINE_REFUSAL);
    assert.match(typo.stderr, /@override label 'inventory-stok' names no flag of \.\.\/flags\/flags\.json/);
    assert.equal(existsSync(join(copy.gateway, 'typo.graphql')), false);
    assert.equal(run('compose-override-label.mjs', 'inventory-stock', 'flag.graphql').status, 0);
  });

  it('refuses missing or extra arguments as a usage error', () => {
    for (const args of [[], ['percent(5)'], ['percent(5)', 'a.graphql', 'b.graphql'], ['--bogus', 'a', 'b']]) {
      const { status, stderr } = run('compose-override-label.mjs', ...args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /^\u2716 [^\n]+\nusage: compose-override-label\.mjs <label> <output file>\n$/);
    }
  });

  it('refuses an output in a missing directory or onto a directory in one line', () => {
    for (const [output, message] of [['missing/s.graphql', /cannot write missing\/s\.graphql: its directory does not exist/],
      ['subgraphs', /cannot write subgraphs: it is a directory/]]) {
      const { status, stderr } = run('compose-override-label.mjs', 'percent(5)', output);
      assert.equal(status, 1, stderr);
      assert.match(stderr, ONE_LINE_REFUSAL);
      assert.match(stderr, message);
    }
    const written = run('compose-override-label.mjs', 'percent(5)', 'percent.graphql');
    assert.equal(written.status, 0, written.stderr);
    assert.match(readFileSync(join(copy.gateway, 'percent.graphql'), 'utf8'), /overrideLabel: "percent\(5\)"/);
  });
});
