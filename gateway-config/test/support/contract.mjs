// The shared contract files (contract/ at the repository root): the same data the subgraphs' JUnit
// tests run against, so router and subgraphs cannot drift apart unnoticed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gatewayDir } from './gateway.mjs';

export const contractDir = resolve(gatewayDir, '..', 'contract');

export function readContract(name) {
  return JSON.parse(readFileSync(resolve(contractDir, name), 'utf8'));
}
