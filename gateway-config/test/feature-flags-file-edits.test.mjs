// The flags file as an operator edits it, at the router's real provider: a flag pasted twice and a
// file saved with a byte order mark are refused with what is wrong (JSON.parse would take the first
// silently as its second, the other not at all with an unreadable message), keeping the last good
// flags; a file written in place while it is read, and a file deleted and restored, end with the
// version last written. The subgraphs' FlagsFileReloadTests hold them to the same.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { OpenFeature } from '@openfeature/server-sdk';
import { useFeatureFlags } from '../router/feature-flags.mjs';
import { eventually } from './support/eventually.mjs';

const directory = mkdtempSync(join(tmpdir(), 'feature-flags-file-edits-'));
let written = 0;

function writeFlags(file, content) {
  const temporary = `${file}.${++written}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

const flag = (enabled) => `{"enabled": ${enabled}, "default": false, "rules": [{"value": true, "userIds": ["u-1"]}]}`;
const flagsWith = (enabled) => `{"flags": {"beta": ${flag(enabled)}}}`;

function start(name, content) {
  const file = join(directory, name);
  writeFlags(file, content);
  const lines = [];
  const registry = new Registry();
  const log = { info() {}, error: (line) => lines.push(line) };
  const { provider, progressiveOverride } = useFeatureFlags({ file, domain: name, registry, log });
  const beta = () => progressiveOverride('beta', { request: new Request('http://router/graphql'), jwt: { payload: { sub: 'u-1' } } });
  const failures = async () => (await registry.getSingleMetric('router_flags_reload_failures_total').get()).values[0]?.value ?? 0;
  return { file, lines, provider, beta, failures };
}

describe('the flags file as an operator edits it, at the router', () => {
  after(() => OpenFeature.clearProviders());

  it('refuses a flag written twice, naming it, and keeps the last good flags', async () => {
    const { file, lines, provider, beta, failures } = start('twice.json', flagsWith(true));
    assert.equal(await beta(), true);
    // The second definition would win silently: the flag turned off by a paste.
    writeFlags(file, `{"flags": {"beta": ${flag(true)}, "other": ${flag(true)}, "beta": ${flag(false)}}}`);
    await eventually(async () => (await failures()) === 1, 'the version with a flag written twice refused');
    assert.match(lines[0], /twice\.json refused, the last good flags stay in force: duplicate property "beta"$/);
    assert.equal(await beta(), true);
    await provider.onClose();
  });

  it('refuses a file saved with a byte order mark, saying so', async () => {
    const { file, lines, provider, beta, failures } = start('bom.json', flagsWith(true));
    writeFlags(file, Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(flagsWith(false))]));
    await eventually(async () => (await failures()) === 1, 'the version with a byte order mark refused');
    assert.match(lines[0], /refused, the last good flags stay in force: the file starts with a byte order mark \(U\+FEFF\): save it as UTF-8 without one$/);
    assert.equal(await beta(), true);
    await provider.onClose();
  });

  it('ends with the version last written when it is written in place while read, or deleted and restored', async () => {
    const { file, provider, beta } = start('in-place.json', flagsWith(true));
    const text = `{"flags": {"beta": ${flag(false)}, "pad": {"enabled": true, "default": false, "description": "${'x'.repeat(300_000)}"}}}`;
    const descriptor = openSync(file, 'w');
    try {
      // In three slow pieces: polls read the halves and refuse them.
      for (let start = 0; start < text.length; start += 120_000) {
        writeSync(descriptor, text.slice(start, start + 120_000));
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } finally {
      closeSync(descriptor);
    }
    await eventually(async () => !(await beta()), 'the version written in place in force');
    unlinkSync(file);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(await beta(), false, 'a deleted file keeps the last good flags');
    writeFileSync(file, flagsWith(true));
    await eventually(beta, 'the restored file in force');
    await provider.onClose();
  });
});
