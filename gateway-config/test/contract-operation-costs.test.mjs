// The operation cost contract (contract/operation-costs.json) through the router's estimate
// (router/cost-estimate.mjs); OperationCostContractTests runs the same cases in the subgraphs, so
// what the router lets through and what a subgraph refuses are counted alike.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { estimatedCost } from '../router/cost-estimate.mjs';
import { readContract } from './support/contract.mjs';
import { gatewayDir } from './support/gateway.mjs';

const { schemas, cases } = readContract('operation-costs.json');
const built = new Map();

function schemaNamed(name) {
  if (!built.has(name)) {
    const sdl = schemas[name] ?? readFileSync(resolve(gatewayDir, 'subgraphs', `${name}.graphql`), 'utf8');
    built.set(name, buildSchema(sdl, { assumeValidSDL: true }));
  }
  return built.get(name);
}

describe('operation cost contract at the router', () => {
  for (const testCase of cases) {
    const estimate = () => estimatedCost(schemaNamed(testCase.schema), parse(testCase.query), testCase.variables ?? {});
    if (testCase.refused) {
      it(`${testCase.name}: ${testCase.refused.code} ${testCase.refused.reason}`, () => {
        assert.throws(estimate, (error) => {
          assert.deepEqual({ code: error.extensions?.code, reason: error.extensions?.reason }, testCase.refused);
          return true;
        });
      });
    } else {
      it(`${testCase.name}: ${testCase.cost}`, () => {
        assert.equal(estimate(), testCase.cost);
      });
    }
  }

  it('the composed supergraph carries each subgraph\'s list sizes', () => {
    const supergraph = buildSchema(readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
    const rootCases = cases.filter((each) => !schemas[each.schema] && !each.query.includes('_entities') && !each.refused);
    assert.ok(rootCases.length > 10);
    for (const testCase of rootCases) {
      assert.equal(estimatedCost(supergraph, parse(testCase.query), testCase.variables ?? {}), testCase.cost, testCase.name);
    }
  });
});
