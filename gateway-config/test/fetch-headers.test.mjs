// Headers the router adds to subgraph fetches (router/fetch-headers.mjs): the plain object Hive
// Gateway passes is copied with the header set, any other form is parsed, and the original is untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withHeader } from '../router/fetch-headers.mjs';

describe('withHeader', () => {
  it('copies a plain headers object with the header set, leaving the original as it was', () => {
    const options = { method: 'POST', body: '{}', headers: { accept: 'application/json', 'content-type': 'application/json' } };
    const result = withHeader(options, 'traceparent', '00-abc-def-00');
    assert.deepEqual(result, { method: 'POST', body: '{}',
      headers: { accept: 'application/json', 'content-type': 'application/json', traceparent: '00-abc-def-00' } });
    assert.equal(options.headers.traceparent, undefined);
  });

  it('replaces the header whatever its spelling', () => {
    const result = withHeader({ headers: { 'X-Router-Freshness': 'old', Accept: 'a' } }, 'x-router-freshness', 'new');
    assert.deepEqual(result.headers, { Accept: 'a', 'x-router-freshness': 'new' });
  });

  it('takes Headers, entry lists and no headers at all', () => {
    assert.deepEqual(withHeader({ headers: new Headers({ Accept: 'a' }) }, 'traceparent', 't').headers, { accept: 'a', traceparent: 't' });
    assert.deepEqual(withHeader({ headers: [['Accept', 'a']] }, 'traceparent', 't').headers, { accept: 'a', traceparent: 't' });
    assert.deepEqual(withHeader({}, 'traceparent', 't').headers, { traceparent: 't' });
  });
});
