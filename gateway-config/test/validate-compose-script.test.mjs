// scripts/validate-compose.mjs on files of a temporary directory: options are no file names, and a file
// that cannot be read or parsed is refused in one line that names it and the problem.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_INPUT_BYTES } from '../scripts/lib/cli.mjs';
import { gatewayDir } from './support/gateway.mjs';
import { ONE_LINE_REFUSAL, runScript } from './support/scripts.mjs';

const dir = mkdtempSync(join(tmpdir(), 'validate-compose-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args) => runScript('validate-compose.mjs', args);
const answer = (file) => (({ status, stdout, stderr }) => ({ status, stdout, stderr }))(run(file));

describe('validate-compose script', () => {
  it('refuses an option or a second file as a usage error', () => {
    for (const [args, message] of [[['--bogus'], "unknown option '--bogus'"], [['a.yaml', 'b.yaml'], "unexpected argument 'b.yaml'"]]) {
      const { status, stderr } = run(...args);
      assert.equal(status, 2);
      assert.equal(stderr, `\u2716 ${message}\nusage: validate-compose.mjs [COMPOSE_FILE]\n`);
    }
  });

  it('refuses a file that is missing, a directory, not UTF-8 or not YAML, naming it and the problem', () => {
    writeFileSync(join(dir, 'utf16.yaml'), Buffer.from('\uFEFFservices: {}\n', 'utf16le'));
    writeFileSync(join(dir, 'bad.yaml'), 'services: [\n  x: : y\n');
    for (const [file, problem] of [['missing.yaml', 'does not exist'], ['.', 'is a directory, not a regular file'],
      ['utf16.yaml', 'is not UTF-8 text: byte 0xFF at offset 0'],
      ['bad.yaml', 'is not valid YAML: Unexpected : in flow sequence at line 2, column 6']]) {
      const { status, stderr } = run(join(dir, file));
      assert.equal(status, 1, stderr);
      assert.match(stderr, ONE_LINE_REFUSAL);
      assert.equal(stderr, `\u2716 ${join(dir, file === '.' ? '' : file).replace(/\/$/, '')} ${problem}\n`);
    }
  });

  it('refuses a named pipe, a device or a file larger than any input at once, as the router refuses its setting files', () => {
    execFileSync('mkfifo', [join(dir, 'compose.pipe')]);
    const huge = openSync(join(dir, 'huge.yaml'), 'w');
    ftruncateSync(huge, MAX_INPUT_BYTES + 1);
    closeSync(huge);
    for (const [file, problem] of [[join(dir, 'compose.pipe'), 'is a named pipe (FIFO), not a regular file'],
      ['/dev/zero', 'is a device, not a regular file'], [join(dir, 'huge.yaml'), `is larger than ${MAX_INPUT_BYTES} bytes`]]) {
      // Read as it was, a pipe without a writer blocked the script for ever and a device never ended.
      const { status, stderr } = spawnSync(process.execPath, ['scripts/validate-compose.mjs', file],
        { cwd: gatewayDir, encoding: 'utf8', timeout: 20_000 });
      assert.equal(status, 1, `${file}: ${stderr}`);
      assert.equal(stderr, `\u2716 ${file} ${problem}\n`);
    }
  });

  it('takes a file without services, and refuses a wait for the health of a service whose check is switched off', () => {
    const volumesOnly = join(dir, 'volumes-only.yaml');
    writeFileSync(volumesOnly, 'volumes:\n  data: {}\n');
    // It ended in a TypeError and its stack trace.
    const { status, stdout, stderr } = run(volumesOnly);
    assert.deepEqual({ status, stdout, stderr }, { status: 0, stdout: `\u2714 ${volumesOnly} is valid (0 services)\n`, stderr: '' });
    for (const healthcheck of ['{ disable: true }', '{ test: [NONE] }', '{ test: NONE }']) {
      const file = join(dir, 'switched-off.yaml');
      writeFileSync(file, `services:\n  app:\n    image: app\n    depends_on:\n      db: { condition: service_healthy }\n`
        + `  db:\n    image: postgres\n    healthcheck: ${healthcheck}\n`);
      const { status, stderr } = run(file);
      assert.equal(status, 1, healthcheck);
      assert.equal(stderr, `\u2716 ${file} is not valid:\n  - service app: waits for db to be healthy, but db has no healthcheck\n`, healthcheck);
    }
  });

  it('takes the keys Compose added since the packaged schema, and checks the files they name', () => {
    // The packaged schema refused a top-level name: (and include:, a config's content, depends_on's restart, …).
    const file = join(dir, 'current-compose.yaml');
    const compose = ['name: shop', 'include:', '  - included.yaml', '  - path: [included.yaml]', 'x-common: &common', '  restart: unless-stopped',
      'services:', '  app:', '    <<: *common', '    image: app', '    profiles: [debug]', '    x-note: mine', '    attach: false',
      '    annotations: { team: shop }', '    build: { context: ., dockerfile_inline: "FROM scratch" }',
      '    depends_on:', '      db: { condition: service_started, restart: true, required: false }',
      '    develop: { watch: [{ action: sync, path: ., target: /app }] }', '    post_start: [{ command: echo started }]',
      '  db:', '    image: postgres', '    gpus: all', 'networks:', '  back: { enable_ipv4: true }', 'volumes:', '  data: {}',
      'configs:', '  greeting: { content: hello }', '  settings: { file: ./settings.conf }', 'secrets:', '  home: { environment: HOME }',
      'models:', '  small: { model: ai/smollm2 }'].join('\n');
    writeFileSync(file, `${compose}\n`);
    writeFileSync(join(dir, 'included.yaml'), 'services: {}\n');
    writeFileSync(join(dir, 'settings.conf'), '');
    assert.deepEqual(answer(file), { status: 0, stdout: `\u2714 ${file} is valid (2 services)\n`, stderr: '' });
    rmSync(join(dir, 'included.yaml'));
    rmSync(join(dir, 'settings.conf'));
    assert.deepEqual(answer(file), { status: 1, stdout: '', stderr: `\u2716 ${file} is not valid:\n`
      + '  - config settings: file ./settings.conf does not exist\n  - include: file included.yaml does not exist\n'
      + '  - include: file included.yaml does not exist\n' });
    writeFileSync(file, 'name: My Shop\nservices: {}\n');
    const { status, stderr } = run(file);
    assert.equal(status, 1);
    assert.match(stderr, /\/name must match pattern/);
  });

  it('still validates the repository\'s compose.yaml', () => {
    const { status, stdout } = run();
    assert.equal(status, 0);
    assert.match(stdout, /compose\.yaml is valid/);
  });
});
