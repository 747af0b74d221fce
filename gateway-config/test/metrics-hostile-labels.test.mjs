// The router's observability as a hostile client meets it, in dev and production: operation and
// client names that are long, unicode, quoted, multi-line or Prometheus syntax, and many distinct ones,
// leave the labels bounded and /metrics valid exposition text; request ids and traceparents that are
// malformed, huge, unicode or markup never come back raw in a header, an error or a log line
// (docs/observability.md "Labels are bounded", "request id = trace id").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { post } from './support/http.mjs';
import { newApiKey } from '../router/api-keys.mjs';

const HOSTILE = ['x'.repeat(5000), 'Ünïcödé', 'a"b', 'a\nb', '"} 1\nevil{a="b', 'a\\b', '\u2028x', 'a b', '', ' ', '\u0000'];

function rawGet(url, headers) {
  // node:http lets a test send header values fetch would refuse (it still refuses CR/LF).
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const mode of ['dev', 'production']) {
  describe(`hostile names and ids, ${mode}`, () => {
    const directory = mkdtempSync(join(tmpdir(), 'metrics-hostile-'));
    const publicKeyFile = join(directory, 'jwt.pem');
    const keyFile = join(directory, 'api-keys.json');
    createSigner(publicKeyFile);
    const ops = newApiKey('prometheus', ['ops:read']);
    const noOps = newApiKey('reporting', ['orders:read']);
    const revoked = newApiKey('leaked', ['ops:read']);
    revoked.record.revoked = new Date().toISOString();
    writeFileSync(keyFile, JSON.stringify({ keys: [ops.record, noOps.record, revoked.record] }));
    let fakes;
    let gateway;
    before(async () => {
      fakes = await startFakeSubgraphs();
      gateway = await startGateway({ GATEWAY_MODE: mode, ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, ...fakes.env,
        JWT_PUBLIC_KEY_FILE: publicKeyFile, API_KEYS_FILE: keyFile });
    });
    after(async () => {
      await gateway?.stop();
      await fakes?.close();
    });

    it('keeps the labels bounded and the exposition valid, whatever names are sent', async () => {
      for (const name of HOSTILE) {
        for (const headers of [{ 'graphql-client-name': name }, { 'apollographql-client-name': name }]) {
          const safe = Object.fromEntries(Object.entries(headers).filter(([, v]) => !/[\n\u0000]/.test(v)).map(([k, v]) => [k, encodeURIComponent(v) === v ? v : v.replace(/[^\x20-\x7e]/g, '?')]));
          await post(gateway.url, { query: `query Q { __typename }`, operationName: name }, safe);
          await post(gateway.url, { query: `query ${name.replace(/\W/g, '_') || 'Z'} { a: __typename }` }, safe);
        }
      }
      for (let i = 0; i < 150; i++) {
        await post(gateway.url, { query: `query N${i} { __typename }` }, { 'graphql-client-name': `c${i}` });
      }
      const text = (await rawGet(`${gateway.url}/metrics`, { 'x-api-key': ops.key })).body;
      const ops_ = new Set([...text.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
      const clients = new Set([...text.matchAll(/client="([^"]*)"/g)].map((m) => m[1]));
      for (const line of text.split('\n')) {
        if (line && !line.startsWith('#')) {
          assert.match(line, /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? \S+$/, line.slice(0, 200));
        }
      }
      assert.ok(ops_.size <= 102, `${ops_.size} operation labels`);
      assert.ok(clients.size <= 102, `${clients.size} client labels`);
    });

    it('answers hostile request ids and traceparents with an id of the documented shape, echoed nowhere', async () => {
      const ids = ['x'.repeat(200), 'abc', 'Ünïcödé-id-1234', '<script>alert(1)</script>', 'a b c d e f g h', 'id,id2345678', '../../etc/passwd'];
      for (const id of ids) {
        for (const path of ['/graphql', '/ops', '/metrics', '/nope', '/healthcheck', '/readiness']) {
          const headers = { 'x-request-id': id.replace(/[^\x20-\x7e]/g, '?'), 'x-graphql-csrf': '1' };
          const r = await rawGet(`${gateway.url}${path}?query=%7B__typename%7D`, headers);
          const echoed = r.headers['x-request-id'];
          const line = `${path} ${JSON.stringify(id).slice(0, 40)} -> ${r.status} ${echoed} ${r.body.slice(0, 160)}`;
          assert.ok(echoed === undefined || /^[A-Za-z0-9._:-]{8,128}$/.test(echoed), line);
          assert.ok(!r.body.includes('<script>') && !r.body.includes('Ünïcödé') && !r.body.includes('x'.repeat(200)), line);
        }
      }
      const tps = ['00-' + 'A'.repeat(32) + '-' + 'b'.repeat(16) + '-01', '00-' + '0'.repeat(32) + '-' + 'b'.repeat(16) + '-01', 'x'.repeat(8000), '00-abc\u00e9', 'ff-' + 'a'.repeat(32) + '-' + 'b'.repeat(16) + '-01',
        '00-' + 'a'.repeat(32) + '-' + 'b'.repeat(16) + '-01, 00-' + 'c'.repeat(32) + '-' + 'd'.repeat(16) + '-01', '01-' + 'a'.repeat(32) + '-' + 'b'.repeat(16) + '-01-<script>'];
      for (const tp of tps) {
        const r = await rawGet(`${gateway.url}/graphql?query=%7Bnope%7D`, { traceparent: tp.replace(/[^\x20-\x7e]/g, '?'), 'x-graphql-csrf': '1' });
        const line = `tp ${tp.slice(0, 60)} -> ${r.status} ${r.headers['x-request-id']} ${r.headers.traceparent} ${r.body.slice(0, 200)}`;
        assert.match(r.headers['x-request-id'] ?? '', /^[A-Za-z0-9._:-]{8,128}$/, line);
        const body = JSON.parse(r.body);
        for (const e of body.errors ?? []) assert.equal(e.extensions.requestId, r.headers['x-request-id'], line);
      }
      const out = gateway.output();
      assert.ok(!out.includes('<script>'), 'log');
      assert.ok(!out.includes('x'.repeat(200)), 'log long');
    });
  });
}
