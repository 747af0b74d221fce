// Malformed requests as a careless or hostile client sends them, against the real router in dev and
// production mode: every shape of every request field, bodies that are no JSON object, GET
// parameters, content types, sizes and nesting. Each answers 4xx with a documented code and a
// stable reason, never 200 without a code, never INTERNAL, never 5xx, and never leaks. The refusals
// the subgraphs share are contract/request-refusals.json.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { createSigner } from './support/tokens.mjs';
import { readContract } from './support/contract.mjs';
import { codes, exchange, post, send } from './support/http.mjs';
import { sha256 } from '../router/plugins.mjs';
import { message } from '../router/messages.mjs';
import { DEV_LIMIT_DEFAULTS, PRODUCTION_LIMIT_DEFAULTS, nestingFor } from '../router/settings.mjs';

const operation = (name) => readFileSync(resolve(gatewayDir, 'operations', `${name}.graphql`), 'utf8');
const productPage = sha256(operation('ProductPage'));
const cancelOrder = sha256(operation('CancelOrder'));
const LEAKS = /\bat .*\.m?[jt]s|stack|originalError|SyntaxError|RangeError|Unexpected error/i;
const LIMITS = {
  dev: { ...DEV_LIMIT_DEFAULTS },
  production: { ...PRODUCTION_LIMIT_DEFAULTS, maxNesting: nestingFor(PRODUCTION_LIMIT_DEFAULTS.maxDepth) },
};

const json = (body) => ({ contentType: 'application/json', body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });
const get = (search) => ({ method: 'GET', search, headers: { accept: 'application/json' } });
const nested = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepSelection = (depth) => `{ categories ${'{ id '.repeat(depth)}${'}'.repeat(depth)} }`;
const paddedBody = (bytes) => {
  const start = '{"query":"{ categories { id } }';
  return `${start}${' '.repeat(bytes - start.length - 2)}"}`;
};
// What a client that writes Latin-1 sends: é as the single byte 0xE9, which is no UTF-8.
const latin1Body = (text) => Buffer.from(text, 'latin1');

const badInput = (reason, status = 400) => ({ status, code: 'BAD_USER_INPUT', reason });
const untrustedInProduction = (devReason) => ({ dev: badInput(devReason), production: badInput('PERSISTED_QUERY_ONLY') });
const invalidParameter = (parameter) => ({ ...badInput('INVALID_PARAMETER'), parameter });
// Which operation to run, for a trusted document too: the message says which mistake (router/operation-resolution.mjs).
const unresolved = (key) => ({ ...badInput('OPERATION_RESOLUTION_FAILURE'), message: message('en', key) });

// What every subgraph answers the same way (RequestRefusalsContractTests): the request as the contract
// writes it, sent as bytes, so that fetch adds no content type of its own; a function of the mode's
// limits, for a body over the size limit.
const contractRequest = (request) => (limits) => {
  const text = request.bodyBytes ?? request.body;
  const bytes = text === undefined ? undefined : Buffer.from(text, request.bodyBytes === undefined ? 'utf8' : 'latin1');
  const body = request.overLimit ? Buffer.concat([bytes, Buffer.alloc(limits.maxBodyBytes + 1 - bytes.length, ' ')]) : bytes;
  return {
    method: request.method ?? 'POST',
    contentType: request.contentType === undefined ? 'application/json' : request.contentType ?? undefined,
    body: request.chunked ? inChunks(body) : body,
    // A header given as a list is that many lines, which Node joins with commas: fetch sends them so joined (a test
    // below sends two lines over a raw socket).
    headers: Object.fromEntries(Object.entries({ accept: 'application/json', ...request.headers })
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value])),
  };
};
const contract = readContract('request-refusals.json');
const CONTRACT_REFUSALS = contract.cases.map(({ name, request, refusal, untrustedInProduction: untrusted }) => [`${name} (contract)`,
  contractRequest(request), untrusted ? { dev: refusal, production: badInput('PERSISTED_QUERY_ONLY') } : refusal]);

// A body sent as a stream in two chunks, without Content-Length.
function inChunks(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, bytes.length >> 1));
      controller.enqueue(bytes.subarray(bytes.length >> 1));
      controller.close();
    },
  });
}

// [what is sent, the request (a function of the mode's limits where it depends on them), what it answers]
const MALFORMED = [
  ...CONTRACT_REFUSALS,
  ['a batch of two operations', json([{ query: '{ categories { id } }' }, { documentId: productPage }]), badInput('BATCHING_NOT_SUPPORTED')],
  ['documentId as a number', json({ documentId: 1 }), invalidParameter('documentId')],
  ['documentId as an object', json({ documentId: { id: productPage } }), invalidParameter('documentId')],
  ['persistedQuery as a string', json({ extensions: { persistedQuery: productPage } }), invalidParameter('extensions.persistedQuery')],
  ['persistedQuery without version', json({ extensions: { persistedQuery: { sha256Hash: productPage } } }), invalidParameter('extensions.persistedQuery')],
  ['persistedQuery with a numeric hash', json({ extensions: { persistedQuery: { version: 1, sha256Hash: 1 } } }), invalidParameter('extensions.persistedQuery')],
  ['an unknown request field', json({ documentId: productPage, document: '{ categories { id } }' }), invalidParameter('document')],
  ['an unknown documentId', json({ documentId: sha256('nope') }), badInput('PERSISTED_QUERY_NOT_IN_LIST')],
  ['an unknown operationName', json({ documentId: productPage, operationName: 'Nope' }), unresolved('request.operationNameMismatch')],
  ['an empty operationName', json({ documentId: productPage, operationName: '' }), unresolved('request.operationNameMismatch')],
  ['variables of the wrong type', json({ documentId: productPage, variables: { first: 'many' } }), badInput('INVALID_VARIABLES')],
  ['a syntax error', json({ query: '{ categories { id ' }), untrustedInProduction('GRAPHQL_PARSE_FAILED')],
  ['an unknown field', json({ query: '{ nope }' }), untrustedInProduction('GRAPHQL_VALIDATION_FAILED')],
  ['a subscription (the schema has none)', json({ query: 'subscription { categories { id } }' }), untrustedInProduction('GRAPHQL_VALIDATION_FAILED')],
  ['a subscription beside a query, named', json({ query: 'query A { categories { id } } subscription B { categories { id } }', operationName: 'A' }),
    untrustedInProduction('GRAPHQL_VALIDATION_FAILED')],
  ['a subscription over GET', get(`?query=${encodeURIComponent('subscription { categories { id } }')}`), untrustedInProduction('GRAPHQL_VALIDATION_FAILED')],
  ['a selection nested 5000 deep', json({ query: deepSelection(5000) }), { status: 400, code: 'QUERY_TOO_COMPLEX', reason: 'NESTING_TOO_DEEP' }],
  ['argument lists nested 5000 deep', json({ query: `{ categories(x: ${nested(5000)}) { id } }` }),
    { status: 400, code: 'QUERY_TOO_COMPLEX', reason: 'NESTING_TOO_DEEP' }],
  ['variables nested 5000 deep', json(`{"documentId":"${productPage}","variables":{"filter":${nested(5000)}}}`), badInput('JSON_TOO_DEEP')],
  ['input objects nested 5000 deep in variables', json(`{"documentId":"${productPage}","variables":{"filter":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`),
    badInput('JSON_TOO_DEEP')],
  ['extensions nested 5000 deep', json(`{"documentId":"${productPage}","extensions":{"x":${nested(5000)}}}`), badInput('JSON_TOO_DEEP')],
  ['GET without parameters', get(''), badInput('DOCUMENT_REQUIRED')],
  ['GET with an empty query', get('?query='), badInput('DOCUMENT_REQUIRED')],
  ['GET with variables that are not JSON', get(`?documentId=${productPage}&variables=first`), badInput('MALFORMED_JSON')],
  ['GET with extensions that are not JSON', get(`?documentId=${productPage}&extensions={x`), badInput('MALFORMED_JSON')],
  ['GET with variables as an array', get(`?documentId=${productPage}&variables=[1]`), invalidParameter('variables')],
  ['GET with variables as a number', get(`?documentId=${productPage}&variables=5`), invalidParameter('variables')],
  ['GET with an unknown operationName', get(`?documentId=${productPage}&operationName=Nope`), unresolved('request.operationNameMismatch')],
  // Numbers as the JSON body's: by their writing, which JSON.parse loses (101 digits read as 1e100).
  ['GET with a number of 101 digits in the variables', get(`?documentId=${productPage}&variables=${encodeURIComponent(`{"first":1${'0'.repeat(100)}}`)}`),
    badInput('NUMBER_TOO_LONG')],
  ['GET with a number of 101 digits in the extensions', get(`?documentId=${productPage}&extensions=${encodeURIComponent(`{"n":[-1${'0'.repeat(99)}]}`)}`),
    badInput('NUMBER_TOO_LONG')],
  ['a form with a number of 101 digits in the variables', { contentType: 'application/x-www-form-urlencoded',
    body: `documentId=${productPage}&variables=${encodeURIComponent(`{"first":1${'0'.repeat(100)}}`)}` }, badInput('NUMBER_TOO_LONG')],
  ['application/graphql with a literal of 101 digits', { contentType: 'application/graphql', body: `{ products(first: 1${'0'.repeat(100)}) { edges { cursor } } }` },
    badInput('NUMBER_TOO_LONG')],
  ['GET with a syntax error', get(`?query=${encodeURIComponent('{ categories {')}`), untrustedInProduction('GRAPHQL_PARSE_FAILED')],
  ['a mutation over GET', get(`?documentId=${cancelOrder}`), badInput('MUTATION_OVER_GET', 405)],
  ['a form without a document', { contentType: 'application/x-www-form-urlencoded', body: 'garbage' }, badInput('DOCUMENT_REQUIRED')],
  ['a form with variables that are not JSON', { contentType: 'application/x-www-form-urlencoded', body: `documentId=${productPage}&variables={` },
    badInput('MALFORMED_JSON')],
  ['application/graphql with a syntax error', { contentType: 'application/graphql', body: 'garbage' }, untrustedInProduction('GRAPHQL_PARSE_FAILED')],
  ['Accept naming only XML, over GET', { ...get(`?documentId=${productPage}`), headers: { accept: 'application/xml' } }, badInput('NOT_ACCEPTABLE', 406)],
  ['a gzip-compressed body', { ...json(gzipSync('{"query":"{ categories { id } }"}')), headers: { 'content-encoding': 'gzip' } },
    badInput('UNSUPPORTED_CONTENT_ENCODING', 415)],
  // One document per request: each library read another of them first, so what ran depended on the mode.
  ['documentId with another query', json({ documentId: productPage, query: '{ categories { id } }' }), badInput('CONFLICTING_DOCUMENTS')],
  ['documentId with the text of another trusted document', json({ documentId: productPage, query: operation('CancelOrder') }),
    badInput('CONFLICTING_DOCUMENTS')],
  ['documentId with its own text', json({ documentId: productPage, query: operation('ProductPage') }), badInput('CONFLICTING_DOCUMENTS')],
  ['a persisted query hash with another query', json({ query: '{ categories { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: productPage } } }),
    badInput('CONFLICTING_DOCUMENTS')],
  ['a persisted query hash and another documentId', json({ documentId: cancelOrder, extensions: { persistedQuery: { version: 1, sha256Hash: productPage } } }),
    badInput('CONFLICTING_DOCUMENTS')],
  ['GET with documentId and query', get(`?documentId=${productPage}&query=${encodeURIComponent('{ categories { id } }')}`), badInput('CONFLICTING_DOCUMENTS')],
  ['a query string documentId with a body query', { ...json({ query: '{ categories { id } }' }), search: `?documentId=${productPage}` },
    badInput('CONFLICTING_DOCUMENTS')],
  // Repeated parameters: the parsers took the first.
  ['GET with query twice', get(`?query=${encodeURIComponent('{ categories { id } }')}&query=${encodeURIComponent('{ nope }')}`),
    invalidParameter('query')],
  ['GET with documentId twice', get(`?documentId=${productPage}&documentId=${cancelOrder}`), invalidParameter('documentId')],
  ['GET with operationName twice', get(`?documentId=${productPage}&operationName=ProductPage&operationName=Other`), invalidParameter('operationName')],
  ['a form with variables twice', { contentType: 'application/x-www-form-urlencoded', body: 'query=%7B__typename%7D&variables=%7B%7D&variables=%7B%7D' },
    invalidParameter('variables')],
  // Text that is no UTF-8 was decoded with U+FFFD in place of its bytes and served, changed.
  ['a JSON body in Latin-1', json(latin1Body(`{"documentId":"${productPage}","variables":{"after":"caf\u00e9"}}`)), badInput('INVALID_UTF8')],
  ['a JSON body with a truncated UTF-8 sequence', json(Buffer.concat([Buffer.from(`{"documentId":"${productPage}","variables":{"after":"`),
    Buffer.from([0xe2, 0x82]), Buffer.from('"}}')])), badInput('INVALID_UTF8')],
  ['a form body in Latin-1', { contentType: 'application/x-www-form-urlencoded', body: latin1Body(`documentId=${productPage}&variables={"after":"caf\u00e9"}`) },
    badInput('INVALID_UTF8')],
  ['an application/graphql body in Latin-1', { contentType: 'application/graphql', body: latin1Body('{ productBySku(sku: "caf\u00e9") { id } }') },
    badInput('INVALID_UTF8')],
  // Read as UTF-8 whatever they declared, bodies in another charset were served or refused by their letters.
  ['a form declared Latin-1', { contentType: 'application/x-www-form-urlencoded; charset=iso-8859-1', body: `documentId=${productPage}` },
    badInput('UNSUPPORTED_MEDIA_TYPE', 415)],
  ['an application/graphql body declared Latin-1', { contentType: 'application/graphql; charset=iso-8859-1', body: '{ categories { id } }' },
    badInput('UNSUPPORTED_MEDIA_TYPE', 415)],
  ['GET with percent-encoded Latin-1', get(`?documentId=${productPage}&variables=%7B%22after%22%3A%22caf%E9%22%7D`), badInput('INVALID_UTF8')],
  ['GET with a percent-encoded surrogate', get(`?documentId=${productPage}&variables=%7B%22after%22%3A%22%ED%A0%80%22%7D`), badInput('INVALID_UTF8')],
];

// Requests Node's HTTP parser refuses before the router sees them, sent over a raw socket as a broken or
// hostile client sends them: [what, the bytes, status, reason].
const UNPARSABLE = [
  ['a request line over the header limit', `GET /graphql?query=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`, 414, 'URI_TOO_LONG'],
  ['a header over the limit', `GET /graphql HTTP/1.1\r\nHost: localhost\r\ntracestate: ${'x'.repeat(20_000)}\r\n\r\n`, 431, 'HEADERS_TOO_LARGE'],
  ['a malformed request line', 'GET /graphql HTTP/1.1 trailing\r\nHost: localhost\r\n\r\n', 400, 'MALFORMED_HTTP'],
  ['an unsupported HTTP version', 'GET /graphql HTTP/7.1\r\nHost: localhost\r\n\r\n', 400, 'MALFORMED_HTTP'],
  ['a header name with a space', 'GET /graphql HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n', 400, 'MALFORMED_HTTP'],
  ['a control character in the URL', 'GET /graph\u0001ql HTTP/1.1\r\nHost: localhost\r\n\r\n', 400, 'MALFORMED_HTTP'],
  ['both Content-Length and chunked', 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    400, 'MALFORMED_HTTP'],
  // Through the parser, but no URL the router can read (router/transport-errors.mjs): these were 500 with a stack trace.
  ['the asterisk form', 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n', 400, 'MALFORMED_HTTP'],
  ['an authority-form target', 'GET localhost:4000 HTTP/1.1\r\nHost: localhost\r\n\r\n', 400, 'MALFORMED_HTTP'],
  ['a Host that is no host', 'GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: a b\r\n\r\n', 400, 'MALFORMED_HTTP'],
];

// The CSRF header, so that production judges the request's shape, not the missing header.
const withCsrfHeader = (request) => ({ ...request, headers: { ...request.headers, 'x-graphql-csrf': '1' } });


for (const mode of ['dev', 'production']) {
  describe(`router in ${mode} mode: malformed requests`, () => {
    const limits = LIMITS[mode];
    let fakes;
    let gateway;
    let signToken;

    before(async () => {
      const keyFile = join(mkdtempSync(join(tmpdir(), 'router-requests-')), 'jwt.pem');
      signToken = createSigner(keyFile);
      fakes = await startFakeSubgraphs();
      gateway = await startGateway({
        GATEWAY_MODE: mode,
        ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET,
        ...fakes.env,
        JWT_PUBLIC_KEY_FILE: keyFile,
      });
    });

    after(async () => {
      await gateway?.stop();
      await fakes?.close();
    });

    for (const [what, request, answer] of MALFORMED) {
      const expected = answer[mode] ?? answer;
      it(`answers ${what} with ${expected.status} ${expected.code} (${expected.reason})`, async () => {
        const sent = typeof request === 'function' ? request(limits) : request;
        const { status, headers, json: body, text } = await send(gateway.url, withCsrfHeader(sent));
        assert.equal(status, expected.status, text);
        assert.deepEqual(codes(body), [expected.code], text);
        assert.equal(body.errors[0].extensions.reason, expected.reason, text);
        assert.equal(body.errors[0].extensions.parameter, expected.parameter, text);
        if (expected.message) {
          assert.equal(body.errors[0].message, expected.message, text);
        }
        assert.equal(body.data ?? null, null);
        assert.doesNotMatch(text, LEAKS);
        if (expected.reason === 'METHOD_NOT_ALLOWED') {
          assert.equal(headers.get('allow'), 'GET, POST');
        }
      });
    }

    for (const { name, request, answeredIn = 'application/json' } of contract.served) {
      it(`serves ${name} (contract)${mode === 'production' ? ', refusing only the untrusted document' : ''}`, async () => {
        const { status, headers, json: body, text } = await send(gateway.url, withCsrfHeader(contractRequest(request)(limits)));
        assert.equal(headers.get('content-type')?.split(';')[0], answeredIn, text);
        if (mode === 'dev') {
          assert.equal(status, 200, text);
          assert.deepEqual(body, { data: { __typename: 'Query' } });
        } else {
          assert.equal(status, 400, text);
          assert.equal(body.errors[0].extensions.reason, 'PERSISTED_QUERY_ONLY', text);
        }
      });
    }

    it('streams an operation to an Accept naming only an event stream or multipart, which a subgraph refuses', async () => {
      for (const [accept, type, part] of [['text/event-stream', 'text/event-stream', 'event: next'], ['text/*', 'text/event-stream', 'event: next'],
        ['multipart/mixed', 'multipart/mixed', 'Content-Type: application/json']]) {
        const answer = await send(gateway.url, { ...json({ documentId: productPage, variables: { first: 1 } }), headers: { accept, 'x-graphql-csrf': '1' } });
        assert.equal(answer.status, 200, `${accept}: ${answer.text}`);
        assert.ok(answer.headers.get('content-type').startsWith(type), answer.headers.get('content-type'));
        assert.ok(answer.text.includes(part) && answer.text.includes('"products"'), answer.text);
      }
    });

    it('refuses an Accept it cannot answer before the operation runs, a mutation too', async () => {
      const token = signToken({ sub: '7', scope: '' });
      for (const accept of ['text/html', 'application/json;q=0', '*/*;q=0, text/html']) {
        for (const query of ['{ categories { id } }', `mutation { cancelOrder(input: {orderId: "1"}) { userErrors { code } } }`]) {
          const before = fakes.requests.length;
          const answer = await send(gateway.url, { ...json({ query }), headers: { accept, authorization: `Bearer ${token}`, 'x-graphql-csrf': '1' } });
          assert.equal(answer.status, 406, `${accept}: ${answer.text}`);
          assert.equal(answer.json.errors[0].extensions.reason, 'NOT_ACCEPTABLE', answer.text);
          // GraphQL Yoga chose the answer's format after running the operation: the subgraph was called, and the
          // client told its mutation was not acceptable.
          assert.equal(fakes.requests.length, before, `${accept} ${query}: a subgraph was called`);
        }
      }
    });

    it('reads two Accept lines as one list, as RFC 9110 joins them', async () => {
      // Answered without a subgraph: the socket is closed for writing once the request is sent.
      const body = JSON.stringify({ query: '{ __typename }' });
      const request = (lines) => `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-graphql-csrf: 1\r\n`
        + `${lines.map((line) => `Accept: ${line}\r\n`).join('')}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
      const served = await exchange(gateway.url, request(['text/html', 'application/json;q=0.5, application/graphql-response+json;q=0']));
      assert.match(served, mode === 'dev' ? /^HTTP\/1.1 200 / : /^HTTP\/1.1 400 .*PERSISTED_QUERY_ONLY/s, served);
      assert.match(served, /\r\ncontent-type: application\/json/i, served);
      const refused = await exchange(gateway.url, request(['application/json;q=0', 'text/html']));
      assert.match(refused, /^HTTP\/1.1 406 /, refused);
      assert.match(refused, /"NOT_ACCEPTABLE"/, refused);
    });

    it('streams an operation to a client refusing JSON with q=0, and answers a client refusing the stream in JSON', async () => {
      for (const [accept, type] of [['application/json;q=0, text/event-stream', 'text/event-stream'],
        ['text/event-stream;q=0, */*', 'application/json'], ['multipart/mixed;q=0, text/*', 'text/event-stream']]) {
        const answer = await send(gateway.url, { ...json({ documentId: productPage, variables: { first: 1 } }), headers: { accept, 'x-graphql-csrf': '1' } });
        assert.equal(answer.status, 200, `${accept}: ${answer.text}`);
        assert.equal(answer.headers.get('content-type').split(';')[0], type, accept);
      }
    });

    it('answers the health checks to GET and HEAD at their own paths only', async () => {
      for (const path of ['/healthcheck', '/readiness']) {
        for (const method of ['GET', 'HEAD']) {
          // with a probe's query string too
          for (const target of [path, `${path}?x=1`, `${path}?`]) {
            assert.equal((await fetch(`${gateway.url}${target}`, { method })).status, 200, `${method} ${target}`);
          }
        }
        for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
          const response = await fetch(`${gateway.url}${path}`, { method, headers: { 'content-type': 'application/json', 'accept-language': 'de' },
            body: '{}' });
          const text = await response.text();
          assert.equal(response.status, 405, `${method} ${path}`);
          assert.equal(response.headers.get('allow'), 'GET, HEAD');
          const body = JSON.parse(text);
          assert.deepEqual(codes(body), ['BAD_USER_INPUT'], text);
          assert.equal(body.errors[0].extensions.reason, 'METHOD_NOT_ALLOWED', text);
          assert.match(body.errors[0].message, /Methoden/, text);
          assert.match(body.errors[0].extensions.requestId, /^[0-9a-f]{32}$/, text);
          assert.equal(response.headers.get('x-request-id'), body.errors[0].extensions.requestId);
        }
        // A URL that only ends with a health path is no health check: another path is not found,
        // and an operation whose query string ends with it is run.
        // The same in a request target in absolute form, as a proxy sends it.
        const absolute = await exchange(gateway.url, `POST ${gateway.url}${path}?x=1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n`
          + 'Connection: close\r\n\r\n');
        assert.match(absolute, /^HTTP\/1.1 405 /, absolute);
        const elsewhere = await fetch(`${gateway.url}/status${path}`);
        assert.equal(elsewhere.status, 404, `/status${path}`);
        assert.deepEqual(codes(await elsewhere.json()), ['NOT_FOUND']);
        const operation = await send(gateway.url, { ...get(`?documentId=${productPage}&first=1&x=${path}`), headers: { 'x-graphql-csrf': '1' } });
        assert.ok(operation.json?.data || operation.json?.errors, `${operation.status} ${operation.text}`);
      }
    });

    for (const [what, bytes, expectedStatus, reason] of UNPARSABLE) {
      it(`answers ${what} with ${expectedStatus} BAD_USER_INPUT (${reason})`, async () => {
        const answer = await exchange(gateway.url, bytes);
        const [head, body] = answer.split('\r\n\r\n');
        assert.match(head, new RegExp(`^HTTP/1.1 ${expectedStatus} `), answer);
        assert.match(head, /content-type: application\/json/i, answer);
        const json = JSON.parse(body);
        assert.deepEqual(codes(json), ['BAD_USER_INPUT'], answer);
        assert.equal(json.errors[0].extensions.reason, reason, answer);
        const { requestId } = json.errors[0].extensions;
        assert.match(requestId, /^[0-9a-f]{32}$/, answer);
        assert.match(head, new RegExp(`\\r\\nx-request-id: ${requestId}\\r\\n`, 'i'), answer);
        assert.doesNotMatch(answer, LEAKS);
      });
    }

    it('refuses two Authorization headers as one malformed credential, whichever comes first', async () => {
      const token = signToken({ sub: '7', scope: 'orders:read' });
      for (const pair of [[`Bearer ${token}`, 'Bearer other'], ['Bearer other', `Bearer ${token}`], [`Bearer ${token}`, `Bearer ${token}`]]) {
        const body = JSON.stringify({ documentId: productPage, variables: { first: 1 } });
        const answer = await exchange(gateway.url, `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n`
          + `x-graphql-csrf: 1\r\n${pair.map((value) => `Authorization: ${value}\r\n`).join('')}Content-Length: ${body.length}\r\n`
          + `Connection: close\r\n\r\n${body}`);
        const [head, text] = answer.split('\r\n\r\n');
        assert.match(head, /^HTTP\/1.1 401 /, answer);
        assert.deepEqual(codes(JSON.parse(text)), ['UNAUTHENTICATED'], answer);
      }
      const one = await post(gateway.url, { documentId: productPage, variables: { first: 1 } }, { authorization: `Bearer ${token}`, 'x-graphql-csrf': '1' });
      assert.equal(one.status, 200, one.text);
    });

    it('reads a target in the absolute form, as HTTP/1.1 servers must, as its path', async () => {
      const { host } = new URL(gateway.url);
      for (const target of [`${gateway.url}/healthcheck`, 'HTTP://Example.COM:8080/readiness?probe=1']) {
        const answer = await exchange(gateway.url, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        assert.match(answer, /^HTTP\/1.1 200 /, answer);
      }
    });

    it('reads a media type written in any case, as RFC 9110 allows', async () => {
      for (const contentType of ['Application/JSON', 'APPLICATION/JSON; charset=UTF-8', 'application/Json;Charset=utf-8']) {
        const answer = await send(gateway.url, { contentType, body: JSON.stringify({ documentId: productPage, variables: { first: 1 } }),
          headers: { 'x-graphql-csrf': '1' } });
        assert.equal(answer.status, 200, `${contentType}: ${answer.text}`);
        assert.ok(answer.json.data, answer.text);
      }
    });

    it('names the methods it takes and the content coding it reads in the refusals', async () => {
      // with or without the CSRF header: no header makes another method acceptable
      for (const method of ['PUT', 'DELETE', 'HEAD', 'PATCH']) {
        for (const headers of [{ 'x-graphql-csrf': '1' }, {}]) {
          const answer = await send(gateway.url, { method, headers });
          assert.equal(answer.status, 405, `${method} ${JSON.stringify(headers)}`);
          assert.equal(answer.headers.get('allow'), 'GET, POST', method);
          if (method !== 'HEAD') {
            assert.equal(answer.json.errors[0].extensions.reason, 'METHOD_NOT_ALLOWED', answer.text);
          }
        }
      }
      const encoded = await send(gateway.url, { ...json({ documentId: productPage }), headers: { 'content-encoding': 'deflate', 'x-graphql-csrf': '1' } });
      assert.equal(encoded.status, 415, encoded.text);
      assert.equal(encoded.headers.get('accept-encoding'), 'identity');
    });

    it('serves a body declared as identity', async () => {
      for (const coding of ['identity', 'Identity', '', ' identity , ']) {
        const { status, json: body } = await send(gateway.url, {
          ...json({ documentId: productPage, variables: { first: 1 } }), headers: { 'content-encoding': coding, 'x-graphql-csrf': '1' },
        });
        assert.equal(status, 200, `${coding}: ${JSON.stringify(body)}`);
        assert.deepEqual(body.data.products.edges, []);
      }
      const twice = await send(gateway.url, { ...json({ documentId: productPage }), headers: { 'content-encoding': 'identity, gzip', 'x-graphql-csrf': '1' } });
      assert.equal(twice.status, 415, twice.text);
    });

    // A browser asking for HTML gets Hive Gateway's landing page there in dev.
    it('answers a path it serves nothing at with 404 NOT_FOUND', async () => {
      // GraphQL Yoga took any URL ending with /graphql for its endpoint, its query string included.
      const endingLikeTheEndpoint = ['/any/graphql', '/graphql/graphql', '/metrics/graphql', '/nope?x=/graphql',
        `/nope?query=${encodeURIComponent('{ __typename }')}&x=/graphql/`];
      // A path is served only as written: with a trailing slash it names nothing (router/path-methods.mjs).
      const trailingSlashes = ['/graphql/', '/ops/', '/metrics/', '/healthcheck/', '/readiness/'];
      for (const path of ['/', '/graphiql', '/nope', '/GRAPHQL', ...trailingSlashes, ...endingLikeTheEndpoint]) {
        const response = await fetch(`${gateway.url}${path}`, { headers: { accept: 'application/json' } });
        const text = await response.text();
        assert.equal(response.status, 404, `${path}: ${text}`);
        assert.deepEqual(codes(JSON.parse(text)), ['NOT_FOUND'], `${path}: ${text}`);
      }
      for (const path of endingLikeTheEndpoint) {
        const response = await fetch(`${gateway.url}${path}`, { method: 'POST', body: JSON.stringify({ documentId: productPage }),
          headers: { 'content-type': 'application/json' } });
        assert.equal(response.status, 404, path);
      }
    });

    it('still serves a valid request after all of them', async () => {
      const { status, json: body } = await post(gateway.url, { documentId: productPage, variables: { first: 1 } });
      assert.equal(status, 200);
      assert.deepEqual(body, { data: { products: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
    });

    it('runs the trusted document a form body names by its documentId, as a JSON body\'s', async () => {
      const body = new URLSearchParams({ documentId: productPage, variables: JSON.stringify({ first: 1 }) }).toString();
      const { status, json: answer } = await send(gateway.url,
        { contentType: 'application/x-www-form-urlencoded', body, headers: { 'x-graphql-csrf': '1' } });
      assert.equal(status, 200, JSON.stringify(answer));
      assert.deepEqual(answer, { data: { products: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
    });

    it('lets a body at the size limit through to GraphQL', async () => {
      const { status, json: body } = await send(gateway.url, json(paddedBody(limits.maxBodyBytes)));
      assert.equal(status, mode === 'dev' ? 200 : 400, JSON.stringify(body));
      assert.notEqual(body.errors?.[0]?.extensions?.reason, 'BODY_TOO_LARGE');
    });

    it('scans nesting up to the bound, and not inside strings, block strings and comments', async () => {
      const braces = (depth) => `{ categories(x: ${nested(depth - 2)}) { id } }`;
      const atBound = await send(gateway.url, json({ query: braces(limits.maxNesting) }));
      assert.notEqual(atBound.json.errors[0].extensions.reason, 'NESTING_TOO_DEEP', atBound.text);
      const overBound = await send(gateway.url, json({ query: braces(limits.maxNesting + 1) }));
      assert.equal(overBound.json.errors[0].extensions.reason, 'NESTING_TOO_DEEP', overBound.text);
      const opened = '{'.repeat(5000);
      const quoted = `# ${opened}\n{ productBySku(sku: "${opened}") { id } } # """ ${opened}`;
      const block = `{ productBySku(sku: """ \\""" ${opened} """) { id } }`;
      for (const query of [quoted, block]) {
        const { json: body, text } = await send(gateway.url, json({ query }));
        assert.ok(!text.includes('NESTING_TOO_DEEP'), text);
        assert.doesNotMatch(text, LEAKS);
        assert.ok(body.errors?.length || body.data, text);
      }
    });

    it('lets variables nested up to the bound through to GraphQL', async () => {
      const variables = `{"first":1,"filter":{"x":${nested(limits.maxJsonDepth - 2)}}}`;
      const { json: body, text } = await send(gateway.url, json(`{"documentId":"${productPage}","variables":${variables}}`));
      assert.deepEqual(codes(body), ['BAD_USER_INPUT'], text);
      assert.equal(body.errors[0].extensions.reason, 'INVALID_VARIABLES', text);
    });
  });
}
