// The directive placement contract (contract/directive-placements.json) through the router's
// authorization plugins (router/authorization.mjs) in Envelop, on the contract's schema. SchemaAuthorizationContractTests runs the same cases in the subgraphs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema, getNamedType, isAbstractType, isLeafType, parse } from 'graphql';
import { envelop, useEngine, useSchema } from '@envelop/core';
import * as graphql from 'graphql';
import { authorizationPlugins } from '../router/authorization.mjs';
import { useEmptySelections } from '../router/empty-selection.mjs';
import { readContract } from './support/contract.mjs';

const { schema: sdl, cases } = readContract('directive-placements.json');
const codes = readContract('error-codes.json').codes.map((entry) => entry.code);
const schema = buildSchema(sdl);
// Every field answers something, so a field that is not refused shows up in the data.
const fieldResolver = (source, args, context, info) => {
  const type = getNamedType(info.returnType);
  if (isLeafType(type)) {
    return type.name === 'Level' ? 'LOW' : `${info.parentType.name}.${info.fieldName}`;
  }
  return isAbstractType(type) ? { __typename: schema.getPossibleTypes(type)[0].name } : {};
};
const { decide } = authorizationPlugins(null);
const getEnveloped = envelop({
  plugins: [useEngine(graphql), useSchema(schema), decide, useEmptySelections()],
});

async function run(query, scopes) {
  const jwt = scopes === null ? undefined : { payload: { sub: 'u1', scope: scopes.join(' ') } };
  const { execute, validate, contextFactory, schema: enveloped } = getEnveloped({ request: { headers: new Headers() }, jwt });
  const document = parse(query);
  const contextValue = await contextFactory();
  const errors = validate(enveloped, document);
  const result = await execute({ schema: enveloped, document, contextValue, fieldResolver });
  return { errors: [...errors, ...(result.errors ?? [])], data: result.data };
}

describe('directive placement contract at the router', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.denied.map((d) => `${d.path} ${d.code}`).join(', ') || 'allowed'}`, async () => {
      const { errors, data } = await run(testCase.query, testCase.scopes);
      const denied = errors.map((error) => ({ path: error.path.filter((key) => key !== '@').join('.'), code: error.extensions.code }));
      assert.deepEqual(denied, testCase.denied);
      assert.ok(denied.every((denial) => codes.includes(denial.code)));
      assert.ok(data, 'the rest of the response survives');
    });
  }
});
