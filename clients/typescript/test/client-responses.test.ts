// The shared response cases (contract/client-responses.json) against a real HTTP server on loopback:
// each status, headers and body give the result the Java client gives too.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { UserOrdersDocument, clientErrorReasons, createClient, type ClientErrorReason } from '../src/index.js';
import { retryAfterSeconds } from '../src/retry-after.js';
import { loopbackRouter } from './loopback-router.js';

interface Case {
  name: string;
  status: number;
  headers?: Record<string, string | string[]>;
  body: string;
  incomplete?: boolean;
  result: Record<string, unknown>;
}

const { cases, clientReasons, retryAfter } = JSON.parse(
  readFileSync(new URL('../../../../contract/client-responses.json', import.meta.url), 'utf8'),
) as {
  cases: Case[];
  clientReasons: Record<ClientErrorReason, string>;
  retryAfter: { now: string; headers: Array<{ value: string; seconds: number | null }> };
};

let current: Case | undefined;
const router = loopbackRouter((request, response) => {
  request.resume();
  request.on('end', () => {
    const { status = 500, headers = { 'Content-Type': 'application/json' }, body = '', incomplete = false } = current ?? {};
    if (!incomplete) {
      response.writeHead(status, headers);
      return void response.end(body);
    }
    // one byte more declared than sent, then the connection closes: cut off
    response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body) + 1) });
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

test('the Retry-After header is read by the contract\'s rules', () => {
  const now = Date.parse(retryAfter.now);
  for (const { value, seconds } of retryAfter.headers) {
    assert.equal(retryAfterSeconds(value, now), seconds ?? undefined, JSON.stringify(value));
  }
});

test('the client\'s own reasons are the contract\'s', () => {
  assert.deepEqual([...clientErrorReasons].sort(), Object.keys(clientReasons).sort());
});
