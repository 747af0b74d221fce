// The traceparent contract (contract/traceparents.json): the router continues a caller's trace, and
// takes its trace id as the request id, by the rule the subgraphs follow (TraceparentsTests runs the
// same cases against Traceparents).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TRACEPARENT_HEADER, parseTraceparent } from '../router/traceparent.mjs';
import { traceSampling, untracedRequestId } from '../router/tracing.mjs';
import { readContract } from './support/contract.mjs';

const contract = readContract('traceparents.json');
const requestWith = (header) => new Request('http://router/graphql', { headers: { [TRACEPARENT_HEADER]: header } });

describe('traceparent contract at the router', () => {
  it('uses the contract header', () => {
    assert.equal(TRACEPARENT_HEADER, contract.header);
  });

  it('continues valid traces only', () => {
    for (const { header, valid = true, traceId, sampled } of contract.headers) {
      assert.deepEqual(parseTraceparent(header), valid ? { traceId, sampled } : null, JSON.stringify(header));
    }
  });

  it('makes a valid header\'s trace id the request id, with tracing on or off, and a new id otherwise', () => {
    for (const { header, valid = true, traceId, sampled } of contract.headers) {
      // Ratio 0: a request is sampled only because its caller's header says so.
      const { requestId, pluginOptions } = traceSampling(0);
      const request = requestWith(header);
      const untraced = untracedRequestId({ request });
      if (valid) {
        assert.equal(untraced, traceId, header);
        assert.equal(pluginOptions.traces.spans.http({ request, ignoredRequests: new WeakSet() }), sampled, header);
        if (!sampled) {
          assert.equal(requestId({ request }), traceId, header);
        }
      } else {
        assert.match(untraced, /^[0-9a-f]{32}$/, header);
        assert.notEqual(untraced, header.slice(3, 35), header);
        assert.equal(pluginOptions.traces.spans.http({ request, ignoredRequests: new WeakSet() }), false, header);
        assert.notEqual(requestId({ request }), header.slice(3, 35), header);
      }
    }
  });
});
