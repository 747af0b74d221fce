// The metric-label contract (contract/metric-labels.json): the router labels operations and clients
// as the subgraphs do (MetricLabelsContractTests runs the same cases against OperationNames and
// ClientNames, KeyClientsContractTests the key files against ApiKeyStore), so one client operation
// carries one name at every hop, and a header never names a client of the key file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyStore, writeKeyFile } from '../router/api-keys.mjs';
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

  it('labels clients by the API key, else a plain name from a header that names no client of the key file', () => {
    for (const { apiKeyClient, header, apolloHeader, keyClients, label } of contract.clients) {
      assert.equal(clientLabel(apiKeyClient, header, apolloHeader, new Set(keyClients)), label,
        JSON.stringify({ apiKeyClient, header, apolloHeader, keyClients }));
    }
  });

  it('labels clients in order up to the bound', () => {
    const label = clientLabeller({ maxClients: contract.maxClients });
    for (const { apiKeyClient, header, apolloHeader, keyClients, label: expected } of contract.clientLabels) {
      assert.equal(label(apiKeyClient, header, apolloHeader, new Set(keyClients)), expected,
        JSON.stringify({ apiKeyClient, header, apolloHeader, keyClients }));
    }
  });

  it('reads the key clients from every record of the key file, revoked or not', () => {
    const directory = mkdtempSync(join(tmpdir(), 'contract-key-clients-'));
    contract.keyFiles.forEach(({ keys, keyClients }, index) => {
      const file = join(directory, `api-keys-${index}.json`);
      writeKeyFile(file, keys);
      assert.deepEqual([...apiKeyStore(file).clients()].sort(), keyClients, JSON.stringify(keys));
    });
  });
});
