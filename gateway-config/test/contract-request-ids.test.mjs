// The request-id contract (contract/request-ids.json): the router keeps a client's X-Request-Id by the
// rule the subgraphs follow (RequestIdsTests runs the same cases against RequestIds): a safe one, and
// only outside a trace. A header on several lines is one value, its lines joined, at the real router as
// at a subgraph (RepeatedHeadersContractTests).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { startGateway } from './support/gateway.mjs';
import { REQUEST_ID_HEADER, dropUnusedRequestId, isSafeRequestId } from '../router/request-ids.mjs';
import { readContract } from './support/contract.mjs';

const contract = readContract('request-ids.json');

describe('request-id contract at the router', () => {
  it('uses the contract header', () => {
    assert.equal(REQUEST_ID_HEADER, contract.header);
  });

  it('keeps only safe ids', () => {
    for (const { id, safe } of contract.ids) {
      assert.equal(isSafeRequestId(id), safe, JSON.stringify(id));
      const request = { headers: { [REQUEST_ID_HEADER]: id } };
      dropUnusedRequestId(request);
      assert.equal(request.headers[REQUEST_ID_HEADER], safe ? id : undefined, JSON.stringify(id));
    }
  });

  it('keeps none in a trace: a valid traceparent\'s, or any request\'s when the router traces', () => {
    const id = contract.ids.find(({ safe }) => safe).id;
    const headers = (traceparent) => ({ [REQUEST_ID_HEADER]: id, ...(traceparent ? { traceparent } : {}) });
    for (const { header, valid = true } of readContract('traceparents.json').headers) {
      const request = { headers: headers(header) };
      dropUnusedRequestId(request);
      assert.equal(request.headers[REQUEST_ID_HEADER], valid ? undefined : id, header);
    }
    const traced = { headers: headers() };
    dropUnusedRequestId(traced, true);
    assert.equal(traced.headers[REQUEST_ID_HEADER], undefined);
  });
});

describe('request-id contract at the running router: headers on several lines', () => {
  const callerId = 'caller-id-1234';
  let fakes;
  let gateway;
  before(async () => {
    fakes = await startFakeSubgraphs();
    gateway = await startGateway({ GATEWAY_MODE: 'dev', ...fakes.env });
  });
  after(async () => {
    await gateway?.stop();
    await fakes?.close();
  });

  it('takes repeated ids for no safe id, and passes none of them on', async () => {
    for (const { lines, safe } of contract.repeated) {
      assert.equal(safe, false);
      const id = await requestIdOf(gateway.url, { [REQUEST_ID_HEADER]: lines });
      assert.ok(!lines.includes(id) && !id.includes(','), `${JSON.stringify(lines)} -> ${id}`);
      const passedOn = fakes.requests.at(-1).headers[REQUEST_ID_HEADER];
      assert.ok(passedOn === undefined || passedOn === id, `${JSON.stringify(lines)} passed on as ${passedOn}`);
    }
  });

  it('takes repeated traceparents for no trace, so a safe id stays the request\'s', async () => {
    for (const { lines, valid } of readContract('traceparents.json').repeated) {
      assert.equal(valid, false);
      const id = await requestIdOf(gateway.url, { traceparent: lines, [REQUEST_ID_HEADER]: callerId });
      assert.equal(id, callerId, JSON.stringify(lines));
    }
  });
});

// node:http sends an array as one header line per value, as fetch cannot.
function requestIdOf(url, headers) {
  const body = JSON.stringify({ query: '{ categories { id } }' });
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve(response.headers[REQUEST_ID_HEADER])
          : reject(new Error(`status ${response.statusCode}`))));
      });
    request.on('error', reject);
    request.end(body);
  });
}
