// The shared response cases (contract/client-responses.json) against a real HTTP server on loopback:
// each status, headers and body give the result the Java client gives too.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
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

/** Bytes written on the connection as they are, the head first; `reset`: then reset, not closed; `dripMs`: the body one byte at a time. */
interface RawAnswer {
  name: string;
  raw: string;
  reset?: boolean;
  dripMs?: number;
}

const { cases, clientReasons, retryAfter, brokenAnswers, rawAnswers } = JSON.parse(
  readFileSync(new URL('../../../../contract/client-responses.json', import.meta.url), 'utf8'),
) as {
  cases: Case[];
  clientReasons: Record<ClientErrorReason, string>;
  retryAfter: { now: string; maxSeconds: number; headers: Array<{ value: string; seconds: number | null }> };
  brokenAnswers: { reason: ClientErrorReason; answers: RawAnswer[] };
  rawAnswers: { answers: Array<RawAnswer & { status?: number; timeoutMs?: number; result: Record<string, unknown> & { errors: Array<Record<string, unknown>> } }> };
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
for (const answer of brokenAnswers.answers) {
  test(`an answer that is not HTTP: ${answer.name}`, async () => {
    const result = await withRawServer(answer, (url) => createClient({ url, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' }));
    assert.equal(result.ok, false);
    assert.equal(result.status, undefined);
    assert.deepEqual(result.errors.map(({ code, reason }) => ({ code, reason })), [{ code: 'CLIENT_ERROR', reason: brokenAnswers.reason }]);
  });
}

for (const { status, timeoutMs, result: expected, ...answer } of rawAnswers.answers) {
  test(`a body framed oddly: ${answer.name}`, async () => {
    const result = await withRawServer(answer, (url) => createClient({ url, mode: 'dev', ...(timeoutMs === undefined ? {} : { timeoutMs }) }).execute(UserOrdersDocument, { userId: '5' }));
    if (status !== undefined) return void assert.deepEqual(result, { ...expected, status });
    // no answer: the message is the client's own
    assert.deepEqual({ ...result, errors: result.errors.map(({ code, reason }) => ({ code, reason })) }, expected);
  });
}

/** `call` against a bare TCP server on loopback that answers every connection with `answer`'s bytes. */
async function withRawServer<T>({ raw, reset = false, dripMs }: RawAnswer, call: (url: string) => Promise<T>): Promise<T> {
  const server = createTcpServer((socket) =>
    socket.once('data', async () => {
      socket.on('error', () => {});
      // the head, then 100 ms later the body, as a router writes them (Java's as well)
      const bytes = Buffer.from(raw, 'latin1');
      const head = bytes.indexOf('\r\n\r\n') + 4;
      socket.write(bytes.subarray(0, head < 4 ? bytes.length : head));
      if (head >= 4) await delay(100);
      for (let at = head; head >= 4 && at < bytes.length && !socket.destroyed; at += dripMs === undefined ? bytes.length : 1) {
        socket.write(bytes.subarray(at, dripMs === undefined ? bytes.length : at + 1));
        await delay(dripMs ?? 0);
      }
      if (!reset) return void socket.end();
      await delay(200);
      socket.resetAndDestroy();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await call(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  } finally {
    server.close();
  }
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
