// contract/transport-answers.json against the real router in both modes, over raw sockets: how a request is
// answered by its method and path alone, as every subgraph answers it (TransportAnswersContractTests).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContract } from './support/contract.mjs';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { exchange, parseAnswer } from './support/http.mjs';
import { createSigner } from './support/tokens.mjs';

const contract = readContract('transport-answers.json');

// The router's path for each role of the contract, and the methods it takes there.
const ROLES = {
  graphql: { path: '/graphql', allow: 'GET, POST' },
  liveness: { path: '/healthcheck', allow: 'GET, HEAD' },
  readiness: { path: '/readiness', allow: 'GET, HEAD' },
  metrics: { path: '/metrics', allow: 'GET, HEAD' },
  nothing: { path: '/nothing', allow: null },
};

function send(url, request, extraHeaders = '') {
  const { method, version = 'HTTP/1.1', hosts = ['Host: localhost'], headers = [], padding = {}, body = '' } = request;
  const lines = [...hosts, ...headers];
  if (padding.header) {
    lines.push(`X-Padding: ${'x'.repeat(padding.header)}`);
  }
  for (let n = 0; n < (padding.lines ?? 0); n++) {
    lines.push(`X-Header-${n}: x`);
  }
  const head = `${method} ${targetOf(request)} ${version}\r\n${lines.map((line) => `${line}\r\n`).join('')}`;
  return exchange(url, `${head}${extraHeaders}Connection: close\r\n\r\n${body}`).then(parseAnswer);
}

// The request target a case names, as TransportAnswersContractTests writes it.
function targetOf({ path, suffix = '', target, upperCase = false, encodeLast = false, padding = {} }) {
  let written = path === undefined ? '' : ROLES[path].path;
  if (upperCase) {
    written = written.toUpperCase();
  }
  if (encodeLast) {
    written = `${written.slice(0, -1)}%${written.charCodeAt(written.length - 1).toString(16).toUpperCase()}`;
  }
  written = target === undefined ? `${written}${suffix}` : target.replace('{path}', written);
  return padding.target ? `${written}?pad=${'x'.repeat(padding.target)}` : written;
}

for (const mode of ['dev', 'production']) {
  describe(`router in ${mode} mode: answers by method and path (contract)`, () => {
    let fakes;
    let gateway;

    before(async () => {
      const keyFile = join(mkdtempSync(join(tmpdir(), 'transport-answers-')), 'jwt.pem');
      createSigner(keyFile);
      fakes = await startFakeSubgraphs();
      gateway = await startGateway({ GATEWAY_MODE: mode, ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET, ...fakes.env, JWT_PUBLIC_KEY_FILE: keyFile });
    });

    after(async () => {
      await gateway?.stop();
      await fakes?.close();
    });

    for (const { name, request, answer } of contract.cases) {
      it(`answers ${name} with ${answer.status} ${answer.code}`, async () => {
        const { status, headers, body } = await send(gateway.url, request);
        const what = `${status} ${JSON.stringify(headers)} ${body}`;
        assert.equal(status, answer.status, what);
        assert.match(headers['content-type'] ?? '', /^application\/json/, what);
        assert.match(headers['x-request-id'] ?? '', /^[0-9a-f]{32}$/, what);
        assert.equal(headers.allow ?? null, answer.status === 405 ? ROLES[request.path].allow : null, what);
        if (request.method === 'HEAD') {
          assert.equal(body, '', what);
          return;
        }
        const [error] = JSON.parse(body).errors;
        assert.equal(error.extensions.code, answer.code, what);
        assert.equal(error.extensions.reason, answer.reason, what);
        assert.equal(error.extensions.requestId, headers['x-request-id'], what);
      });
    }

    for (const { name, request, answer } of contract.served) {
      it(`serves ${name} with a request id`, async () => {
        const { status, headers, body } = await send(gateway.url, request);
        const what = `${status} ${JSON.stringify(headers)} ${body}`;
        assert.equal(status, answer.status, what);
        assert.match(headers['x-request-id'] ?? '', /^[0-9a-f]{32}$/, what);
        assert.equal(request.method === 'HEAD' ? body : JSON.parse(body).status, request.method === 'HEAD' ? '' : answer.healthStatus, what);
      });
    }

    // Node's parser refuses these before the router runs; a subgraph's Tomcat answers them alike (the
    // contract's HEAD over the header limit), its TransportErrorValve writing no body to HEAD either.
    it('writes no body to a HEAD request it refuses while parsing', async () => {
      for (const [request, status] of [[{ method: 'HEAD', path: 'graphql' }, 431], [{ method: 'HEAD', path: 'nothing', version: 'HTTP/1.1 x' }, 400]]) {
        const header = status === 431 ? `tracestate: ${'x'.repeat(20_000)}\r\n` : '';
        const answer = await send(gateway.url, request, header);
        assert.equal(answer.status, status, JSON.stringify(answer));
        assert.match(answer.headers['content-length'], /^[1-9]\d*$/);
        assert.equal(answer.body, '');
      }
    });
  });
}
