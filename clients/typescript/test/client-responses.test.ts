// The shared response cases (contract/client-responses.json) against a real HTTP server on loopback:
// each status and body gives the result the Java client gives too.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { UserOrdersDocument, clientErrorReasons, createClient, type ClientErrorReason } from '../src/index.js';
import { loopbackRouter } from './loopback-router.js';

interface Case {
  name: string;
  status: number;
  body: string;
  result: unknown;
}

const { cases, clientReasons } = JSON.parse(
  readFileSync(new URL('../../../../contract/client-responses.json', import.meta.url), 'utf8'),
) as { cases: Case[]; clientReasons: Record<ClientErrorReason, string> };

let current: Case | undefined;
const router = loopbackRouter((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(current?.status ?? 500, { 'content-type': 'application/json' });
    response.end(current?.body ?? '');
  });
});

for (const responseCase of cases) {
  test(`HTTP ${responseCase.status} ${responseCase.name}`, async () => {
    current = responseCase;
    const result = await createClient({ url: router.url, mode: 'dev' }).execute(UserOrdersDocument, { userId: '5' });
    assert.deepEqual(result, responseCase.result);
  });
}

test('the client\'s own reasons are the contract\'s', () => {
  assert.deepEqual([...clientErrorReasons].sort(), Object.keys(clientReasons).sort());
});
