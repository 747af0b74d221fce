// The metric-label contract (contract/metric-labels.json): the router labels operations and clients
// as the subgraphs do (MetricLabelsContractTests runs the same cases against OperationNames and
// ClientNames), so one client operation carries one name at every hop.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APOLLO_CLIENT_HEADER, CLIENT_HEADER, OPERATION_HEADER, clientLabel, clientLabeller, firstOperationName, operationLabeller,
} from '../router/operation-metrics.mjs';
import { readContract } from './support/contract.mjs';

const contract = readContract('metric-labels.json');

describe('metric-label contract at the router', () => {
  it('uses the contract headers', () => {
    assert.deepEqual({ operation: OPERATION_HEADER, client: CLIENT_HEADER, apolloClient: APOLLO_CLIENT_HEADER },
      contract.headers);
  });

  it('labels operations in order up to the bound', () => {
    const label = operationLabeller({ maxNames: contract.maxNames });
    for (const { operationName, document, label: expected } of contract.operations) {
      assert.equal(label(operationName || firstOperationName(document)), expected, JSON.stringify({ operationName, document }));
    }
  });

  it('labels clients by the API key, else a plain name from a header', () => {
    for (const { apiKeyClient, header, apolloHeader, label } of contract.clients) {
      assert.equal(clientLabel(apiKeyClient, header, apolloHeader), label, JSON.stringify({ apiKeyClient, header, apolloHeader }));
    }
  });

  it('labels clients in order up to the bound', () => {
    const label = clientLabeller({ maxClients: contract.maxClients });
    for (const { apiKeyClient, header, apolloHeader, label: expected } of contract.clientLabels) {
      assert.equal(label(apiKeyClient, header, apolloHeader), expected, JSON.stringify({ apiKeyClient, header, apolloHeader }));
    }
  });
});
