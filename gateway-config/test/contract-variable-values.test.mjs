// How a variable's JSON value is read as an ID or an Int (contract/variable-values.json; VariableValuesContractTests
// sends the same values to the subgraphs): the router parses the body with JSON.parse and coerces variables with
// graphql-js's getVariableValues against the API schema, so this is what the router makes of each value. A
// number whose value is an integer is one however it is written (JSON.parse keeps no fraction part of 2.0).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getVariableValues, parse } from 'graphql';
import { gatewayDir } from './support/gateway.mjs';
import { readContract } from './support/contract.mjs';

const contract = readContract('variable-values.json');
const schema = buildSchema(readFileSync(join(gatewayDir, 'api-schema.graphql'), 'utf8'));
// An argument of the API schema of each type the contract reads.
const DOCUMENTS = {
  'ID!': 'query($v: ID!) { product(id: $v) { id } }',
  Int: 'query($v: Int) { products(first: $v) { edges { cursor } } }',
};

describe('variable values contract at the router (graphql-js)', () => {
  for (const { type, value, read, refused } of contract.cases) {
    it(`${value} as ${type}`, () => {
      const [operation] = parse(DOCUMENTS[type]).definitions;
      const result = getVariableValues(schema, operation.variableDefinitions, JSON.parse(`{"v": ${value}}`));
      if (refused) {
        assert.ok(result.errors?.length, `${value} is refused`);
        assert.match(result.errors[0].message, /^Variable "\$v"/, 'refused as INVALID_VARIABLES (router/refusals.mjs)');
      } else {
        assert.equal(result.errors, undefined);
        assert.equal(String(result.coerced.v), read);
      }
    });
  }
});
