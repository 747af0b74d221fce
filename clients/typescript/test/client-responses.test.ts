// The shared response cases (contract/client-responses.json) against a real HTTP server on loopback:
// each status, headers and body give the result the Java client gives too.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { UserOrdersDocument, clientErrorReasons, createClient, type ClientErrorReason } from '../src/index.js';
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../src/retry-after.js';
import { loopbackRouter } from './loopback-router.js';

interface Case {
  name: string;
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** bytes that are no text (a compressed body), instead of `body` */
  bodyBase64?: string;
  incomplete?: boolean;
  result: Record<string, unknown>;
}

const { cases, clientReasons, retryAfter, brokenAnswers } = JSON.parse(
  readFileSync(new URL('../../../../contract/client-responses.json', import.meta.url), 'utf8'),
) as {
  cases: Case[];
  clientReasons: Record<ClientErrorReason, string>;
  retryAfter: { now: string; maxSeconds: number; headers: Array<{ value: string; seconds: number | null }> };
  brokenAnswers: { reason: ClientErrorReason; answers: Array<{ name: string; raw: string }> };
};

let current: Case | undefined;
const router = loopbackRouter((request, response) => {
  request.resume();
  request.on('end', () => {
    const { status = 500, headers = { 'Content-Type': 'application/json' }, body: text = '', bodyBase64, incomplete = false } = current ?? {};
    const body = bodyBase64 === undefined ? Buffer.from(text) : Buffer.from(bodyBase64, 'base64');
    if (!incomplete) {
      response.writeHead(status, headers);
      return void response.end(body);
    }
    // one byte more declared than sent, then the connection closes: cut off
    response.writeHead(status, { ...headers, 'Content-Length': String(body.length + 1) });
    response.write(body, () => response.destroy());
  });
});

for (const responseCase of cases) {
  test(`HTTP ${responseCase.status} ${responseCase.name}`, async () => {
    current = responseCase;
    const result = await createClient({ url: router.url, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' });
    assert.deepEqual(result, { ...responseCase.result, status: responseCase.status });
  });
}

// below HTTP: written byte for byte on the connection, which no HTTP server would do
for (const { name, raw } of brokenAnswers.answers) {
  test(`an answer that is not HTTP: ${name}`, async () => {
    const server = createTcpServer((socket) => socket.once('data', () => socket.end(raw)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const result = await createClient({ url, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' });
      assert.equal(result.ok, false);
      assert.equal(result.status, undefined);
      assert.deepEqual(result.errors.map(({ code, reason }) => ({ code, reason })), [{ code: 'CLIENT_ERROR', reason: brokenAnswers.reason }]);
    } finally {
      server.close();
    }
  });
}

test('the Retry-After header is read by the contract\'s rules', () => {
  assert.equal(MAX_RETRY_AFTER_SECONDS, retryAfter.maxSeconds);
  const now = Date.parse(retryAfter.now);
  for (const { value, seconds } of retryAfter.headers) {
    assert.equal(retryAfterSeconds(value, now), seconds ?? undefined, JSON.stringify(value));
  }
});

test('the client\'s own reasons are the contract\'s', () => {
  assert.deepEqual([...clientErrorReasons].sort(), Object.keys(clientReasons).sort());
});
