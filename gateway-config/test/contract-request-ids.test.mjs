// The request-id contract (contract/request-ids.json): the router keeps a client's X-Request-Id by the
// rule the subgraphs follow (RequestIdsTests runs the same cases against RequestIds): a safe one, and
// only outside a trace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
