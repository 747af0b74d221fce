// The client's helper against a real HTTP server on loopback: what it sends in each mode, and how it
// turns what comes back into typed results. The generated client against the real supergraph is
// the end-to-end test (gateway-config's TypeScriptClientIT).
import { strict as assert } from 'node:assert';
import { getEventListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  ProductBySkuDocument,
  UserOrdersDocument,
  createClient,
  errorCodes,
  trustedDocumentIds,
  type ClientOptions,
  type UserOrdersQuery,
} from '../src/index.js';
import { loopbackRouter } from './loopback-router.js';

interface Seen {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

let answer: (response: ServerResponse) => void = (response) => response.end('{}');
let seen: Seen | undefined;
const router = loopbackRouter((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    seen = { headers: request.headers, body: JSON.parse(body) as Record<string, unknown> };
    answer(response);
  });
});

function json(status: number, payload: unknown) {
  return (response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  };
}

test('every id the client sends is the router manifest id of that operation', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../../../gateway-config/trusted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
  assert.equal(Object.keys(trustedDocumentIds).length, Object.keys(manifest).length);
  for (const [name, id] of Object.entries(trustedDocumentIds)) {
    assert.match(manifest[id] ?? '', new RegExp(`^(query|mutation) ${name}\\b`), `${name} → ${id}`);
  }
});

test('production mode sends the trusted document id, never the text', async () => {
  answer = json(200, { data: { productBySku: null } });
  const client = createClient({ url: router.url, mode: 'production', apiKey: 'key-1', clientName: 'shop-web', language: 'de' });
  const result = await client.execute(ProductBySkuDocument, { sku: 'SKU-00001' });
  assert.deepEqual(result, { ok: true, data: { productBySku: null }, errors: [], status: 200 });
  assert.deepEqual(seen?.body, { documentId: trustedDocumentIds.ProductBySku, operationName: 'ProductBySku', variables: { sku: 'SKU-00001' } });
  assert.equal(seen?.headers['x-api-key'], 'key-1');
  assert.equal(seen?.headers['graphql-client-name'], 'shop-web');
  assert.equal(seen?.headers['accept-language'], 'de');
  assert.equal(seen?.headers.authorization, undefined);
});

test('dev mode sends the operation text and a fresh token per request', async () => {
  answer = json(200, { data: { user: null } });
  let calls = 0;
  const client = createClient({ url: router.url, mode: 'dev', token: () => `token-${++calls}` });
  await client.execute(UserOrdersDocument, { userId: '5' });
  await client.execute(UserOrdersDocument, { userId: '5' });
  assert.match(String(seen?.body.query), /query UserOrders\(\$userId: ID!/);
  assert.equal(seen?.body.documentId, undefined);
  assert.equal(seen?.headers.authorization, 'Bearer token-2');
});

// what each status and body gives is the shared contract's (client-responses.test.ts)
test('no answer is a CLIENT_ERROR, not an exception', async () => {
  const unused = createServer();
  await new Promise<void>((resolve) => unused.listen(0, '127.0.0.1', resolve));
  const port = (unused.address() as AddressInfo).port;
  await new Promise((resolve) => unused.close(resolve));
  const closed = await createClient({ url: `http://127.0.0.1:${port}/graphql`, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(closed.errors.map((error) => [error.code, error.reason]), [['CLIENT_ERROR', 'UNREACHABLE']]);
  assert.match(closed.errors[0]?.message ?? '', /^the router did not answer: .*ECONNREFUSED/);
});

test('a token function that throws is a CLIENT_ERROR saying so, and nothing is sent', async () => {
  seen = undefined;
  const token = () => {
    throw new Error('session expired');
  };
  const result = await createClient({ url: router.url, mode: 'dev', token }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(result.errors, [{ code: 'CLIENT_ERROR', message: 'the token could not be obtained: Error: session expired', reason: 'CREDENTIALS_UNAVAILABLE' }]);
  assert.equal(seen, undefined);
});

// The timeout covers the whole call, as in Java: a token function that hung kept the caller for ever.
test('a token function that hangs past the timeout is a CLIENT_ERROR at the timeout, and nothing is sent', { timeout: 5_000 }, async () => {
  seen = undefined;
  const hanging = createClient({ url: router.url, mode: 'dev', timeoutMs: 200, token: () => new Promise<string>(() => {}) });
  const result = await hanging.execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(result, { ok: false, data: null,
    errors: [{ code: 'CLIENT_ERROR', message: 'the token was not obtained within 0.2 s: nothing was sent', reason: 'CREDENTIALS_UNAVAILABLE' }] });
  assert.equal(seen, undefined);
});

// One deadline for the whole call, as in Java: the token's time is taken from the exchange's, so a slow token function
// and a slow router together took twice the timeout.
test('a slow token function and a slow router together stay within one timeout', { timeout: 10_000 }, async () => {
  answer = (response) => void setTimeout(() => json(200, { data: { user: null } })(response), 1_400);
  const slowToken = () => new Promise<string>((resolve) => setTimeout(() => resolve('token-1'), 1_400));
  const started = Date.now();
  const result = await createClient({ url: router.url, mode: 'dev', timeoutMs: 2_000, token: slowToken }).execute(UserOrdersDocument, { userId: '5' });
  assert.ok(Date.now() - started < 2_600, `took ${Date.now() - started} ms`);
  assert.deepEqual(result, { ok: false, data: null, errors: [{ code: 'CLIENT_ERROR', message: 'the router did not answer within 2 s', reason: 'TIMEOUT' }] });
});

test('a token or API key that cannot be a header is a CLIENT_ERROR that does not repeat it, and nothing is sent', async () => {
  const cases: Array<[Pick<ClientOptions, 'token' | 'apiKey'>, string]> = [
    [{ token: 'secret-1\nsecret-2' }, 'the token is not one word of visible ASCII: character 9 is U+000A'],
    [{ token: 'secret…' }, 'the token is not one word of visible ASCII: character 7 is U+2026'],
    [{ token: 'secret secret' }, 'the token is not one word of visible ASCII: character 7 is U+0020'],
    [{ token: ' \n' }, 'the token is empty'],
    [{ token: () => undefined as unknown as string }, 'the token is undefined, not a string'],
    [{ apiKey: 'secret\r\nX-Injected: 1' }, 'the API key is not one word of visible ASCII: character 7 is U+000D'],
  ];
  for (const [credentials, message] of cases) {
    seen = undefined;
    const result = await createClient({ url: router.url, mode: 'dev', ...credentials }).execute(UserOrdersDocument, { userId: '5' });
    assert.deepEqual(result.errors, [{ code: 'CLIENT_ERROR', message, reason: 'CREDENTIALS_UNAVAILABLE' }]);
    assert.equal(seen, undefined);
  }
});

test('whitespace around a token or API key is not sent, as a token file\'s last newline', async () => {
  answer = json(200, { data: { user: null } });
  await createClient({ url: router.url, mode: 'dev', token: 'abc.def\n', apiKey: '\tkey-1 ' }).execute(UserOrdersDocument, { userId: '5' });
  assert.equal(seen?.headers.authorization, 'Bearer abc.def');
  assert.equal(seen?.headers['x-api-key'], 'key-1');
});

test('a client name or language that cannot be a header is refused at once', () => {
  assert.throws(() => createClient({ url: router.url, mode: 'dev', clientName: 'shop\nweb' }), /^TypeError: clientName is not a valid HTTP header value: character 5 is U\+000A$/);
  assert.throws(() => createClient({ url: router.url, mode: 'dev', language: 'dé' }), /^TypeError: language is not a valid HTTP header value: character 2 is U\+00E9$/);
});

test('an answer longer than maxResponseBytes is a CLIENT_ERROR, and the rest is not read', async () => {
  const megabyte = Buffer.alloc(1 << 20, 0x20);
  let written = 0;
  answer = (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"data":{"user":null}}');
    // at most 64 MiB, so a client that reads it all still ends
    const pump = () => {
      while (written < 64 && !response.destroyed) {
        written += 1;
        if (!response.write(megabyte)) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  };
  const result = await createClient({ url: router.url, mode: 'dev', maxResponseBytes: 2 << 20 }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(result.errors, [{ code: 'CLIENT_ERROR', message: `HTTP 200 with an answer over ${2 << 20} bytes`, reason: 'NO_GRAPHQL_RESPONSE' }]);
  assert.ok(written < 64, `the client read all ${written} MiB`);

  answer = (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(DEFAULT_MAX_RESPONSE_BYTES + 1) });
    response.write('{"data":{"user":null}}');
  };
  const declared = await createClient({ url: router.url, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(declared.errors, [{ code: 'CLIENT_ERROR', message: `HTTP 200 with an answer over ${DEFAULT_MAX_RESPONSE_BYTES} bytes`, reason: 'NO_GRAPHQL_RESPONSE' }]);
});

test('the default answer limit is 16 MiB, as in Java; a limit that is not a positive whole number is refused at once', () => {
  assert.equal(DEFAULT_MAX_RESPONSE_BYTES, 16 * 1024 * 1024);
  for (const maxResponseBytes of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => createClient({ url: router.url, mode: 'dev', maxResponseBytes }), /^RangeError: maxResponseBytes must be a positive whole number of bytes/);
  }
});

test('a router that never answers is a CLIENT_ERROR once the timeout passes', async () => {
  answer = () => {};
  const result = await createClient({ url: router.url, mode: 'dev', timeoutMs: 200 }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(result, { ok: false, data: null, errors: [{ code: 'CLIENT_ERROR', message: 'the router did not answer within 0.2 s', reason: 'TIMEOUT' }] });
});

test('a router that stalls in the middle of its answer is a CLIENT_ERROR once the timeout passes', async () => {
  answer = (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"data":');
  };
  const result = await createClient({ url: router.url, mode: 'dev', timeoutMs: 200 }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(result.errors, [{ code: 'CLIENT_ERROR', message: 'the router did not answer within 0.2 s', reason: 'TIMEOUT' }]);
});

test('the caller\'s signal ends a request that has no answer yet at once', async () => {
  answer = () => {};
  const result = await abortedAfter(200);
  assert.deepEqual(result, { ok: false, data: null, errors: [{ code: 'CLIENT_ERROR', message: "the caller's signal aborted the request", reason: 'ABORTED' }] });
});

test('the caller\'s signal ends a request whose answer is still coming at once', async () => {
  answer = (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"data":');
  };
  const result = await abortedAfter(200);
  assert.deepEqual(result, { ok: false, data: null, errors: [{ code: 'CLIENT_ERROR', message: "the caller's signal aborted the request", reason: 'ABORTED' }] });
});

test('a signal aborted before the call, or while the token is obtained, sends nothing and ends the call at once', { timeout: 5_000 }, async () => {
  answer = json(200, { data: { user: null } });
  const nothingSent = { ok: false, data: null, errors: [{ code: 'CLIENT_ERROR', message: "the caller's signal was aborted: nothing was sent", reason: 'ABORTED' }] };
  seen = undefined;
  const client = createClient({ url: router.url, mode: 'dev' });
  assert.deepEqual(await client.execute(UserOrdersDocument, { userId: '5' }, { signal: AbortSignal.abort() }), nothingSent);
  const controller = new AbortController();
  const slowToken = createClient({ url: router.url, mode: 'dev', token: async () => (controller.abort(), 'token-1') });
  assert.deepEqual(await slowToken.execute(UserOrdersDocument, { userId: '5' }, { signal: controller.signal }), nothingSent);
  const hangingToken = createClient({ url: router.url, mode: 'dev', token: () => new Promise<string>(() => {}) });
  assert.deepEqual(await hangingToken.execute(UserOrdersDocument, { userId: '5' }, { signal: AbortSignal.timeout(100) }), nothingSent);
  assert.equal(seen, undefined);
});

test('a signal that is not aborted changes nothing, however many calls share it', async () => {
  answer = json(200, { data: { user: null } });
  const { signal } = new AbortController();
  const client = createClient({ url: router.url, mode: 'dev' });
  for (let call = 0; call < 20; call++) {
    assert.deepEqual(await client.execute(UserOrdersDocument, { userId: '5' }, { signal }), { ok: true, data: { user: null }, errors: [], status: 200 });
  }
  // a call leaves nothing on the caller's signal, which may live as long as the process
  assert.equal(getEventListeners(signal, 'abort').length, 0);
});

/** UserOrders with a 10 s timeout, its signal aborted after `ms`: the result must come well before the timeout. */
async function abortedAfter(ms: number) {
  const started = Date.now();
  const result = await createClient({ url: router.url, mode: 'dev', timeoutMs: 10_000 }).execute(UserOrdersDocument, { userId: '5' }, { signal: AbortSignal.timeout(ms) });
  assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
  return result;
}

test('a redirect to another origin is not followed: the token and the operation stay here', async () => {
  let elsewhere = 0;
  const other = createServer((_, response) => (elsewhere++, response.end('{"data":{"user":null}}')));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const location = `http://localhost:${(other.address() as AddressInfo).port}/graphql`;
  try {
    for (const status of [301, 302, 303, 307, 308]) {
      answer = (response) => (response.writeHead(status, { location }), response.end());
      const result = await createClient({ url: router.url, mode: 'dev', token: 'secret-token' }).execute(UserOrdersDocument, { userId: '5' });
      assert.deepEqual(result.errors, [{ code: 'CLIENT_ERROR', message: `HTTP ${status} redirect to ${location}, not followed`, reason: 'NO_GRAPHQL_RESPONSE' }]);
    }
    assert.equal(elsewhere, 0);
  } finally {
    other.close();
  }
});

test('the default timeout is 10 s, as in Java; a timeout that is not a positive number a timer can wait is refused at once', () => {
  assert.equal(DEFAULT_TIMEOUT_MS, 10_000);
  assert.equal(MAX_TIMEOUT_MS, 2 ** 31 - 1);
  for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 30 * 24 * 3600 * 1000]) {
    assert.throws(() => createClient({ url: router.url, mode: 'dev', timeoutMs }), /^RangeError: timeoutMs must be a positive number of milliseconds up to 2147483647/, String(timeoutMs));
  }
  createClient({ url: router.url, mode: 'dev', timeoutMs: MAX_TIMEOUT_MS });
});

test('the longest timeout waits', async () => {
  answer = (response) => void setTimeout(() => json(200, { data: { user: null } })(response), 300);
  const result = await createClient({ url: router.url, mode: 'dev', timeoutMs: MAX_TIMEOUT_MS }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(result, { ok: true, data: { user: null }, errors: [], status: 200 });
});

test('a document that is not a trusted operation is a programmer error: it throws', async () => {
  const untrusted = 'query Foo { __typename }' as unknown as typeof UserOrdersDocument;
  await assert.rejects(createClient({ url: router.url, mode: 'dev' }).execute(untrusted, { userId: '5' }), {
    message: 'not a trusted operation of this client: Foo',
  });
});

// the contract's dates are fixed; this one is counted from the clock
test('a Retry-After date in the future is the seconds until then', async () => {
  const inNinetySeconds = new Date(Date.now() + 90_000).toUTCString();
  answer = (response) => {
    response.writeHead(503, { 'retry-after': inNinetySeconds });
    response.end();
  };
  const result = await createClient({ url: router.url, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' });
  assert.equal(result.status, 503);
  assert.ok(!result.ok && result.retryAfterSeconds !== undefined && result.retryAfterSeconds >= 85 && result.retryAfterSeconds <= 90, JSON.stringify(result));
});

test('the router\'s reason comes with the error', async () => {
  answer = json(400, { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLES' } }] });
  const result = await createClient({ url: router.url, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' });
  assert.deepEqual(result.errors, [{ code: 'BAD_USER_INPUT', message: 'bad', reason: 'INVALID_VARIABLES' }]);
  const typed: UserOrdersQuery | null = result.data;
  assert.equal(typed, null);
});

test('the error codes are the documented list', () => {
  assert.ok(errorCodes.includes('BAD_USER_INPUT'));
  assert.ok(errorCodes.includes('RATE_LIMITED'));
  assert.ok(!errorCodes.includes('CLIENT_ERROR' as never));
});
