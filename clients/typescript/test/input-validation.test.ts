// The shared input validation cases (contract/input-validation-cases.json) with the generated zod
// schemas: the client refuses exactly what the subgraphs refuse, with the same codes and field paths.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  buildSchema,
  type GraphQLInputType,
} from 'graphql';
import {
  CreateProductInputSchema,
  EMAIL_PATTERN,
  INVISIBLE,
  PlaceOrderInputSchema,
  inputSchemas,
  validateInput,
  type PlaceOrderInput,
} from '../src/index.js';

interface Case {
  name: string;
  input: keyof typeof inputSchemas;
  value: unknown;
  errors: { code: string; field: string[] }[];
}

const { cases, missing, formats } = JSON.parse(
  readFileSync(new URL('../../../../contract/input-validation-cases.json', import.meta.url), 'utf8'),
) as { cases: Case[]; missing: { cases: Case[] }; formats: { email: string; invisible: string } };

test('the email format is the contract\'s', () => {
  assert.equal(EMAIL_PATTERN, formats.email);
});

test('the characters that make a value blank are the contract\'s', () => {
  assert.equal(INVISIBLE, formats.invisible);
});

// `missing`: absent and null values, which GraphQL refuses before a subgraph could
assert.ok(missing.cases.length > 0);
for (const { name, input, value, errors } of [...cases, ...missing.cases]) {
  test(`${input}: ${name}`, () => {
    const result = validateInput(inputSchemas[input], value);
    const actual = result.ok ? [] : result.errors.map(({ code, field }) => ({ code, field }));
    assert.deepEqual(actual, errors);
  });
}

test('a valid input comes back trimmed, ready to send', () => {
  const result = validateInput(CreateProductInputSchema, {
    sku: ' LAMP-1 ', name: '\tLamp\n', price: { amount: ' 12.50', currency: 'EUR ' }, categoryId: ' 3 ', weightGrams: 500,
  });
  assert.deepEqual(result, {
    ok: true,
    value: { sku: 'LAMP-1', name: 'Lamp', price: { amount: '12.50', currency: 'EUR' }, categoryId: '3', weightGrams: 500 },
  });
});

test('a missing required field is REQUIRED', () => {
  const result = validateInput(inputSchemas.CancelOrderInput, {});
  assert.deepEqual(result.ok ? [] : result.errors.map(({ code, field }) => ({ code, field })), [
    { code: 'REQUIRED', field: ['input', 'orderId'] },
  ]);
});

test('a checked input is what the operation takes', () => {
  const checked = validateInput(PlaceOrderInputSchema, {
    idempotencyKey: ' key-00001 ',
    items: [{ productId: '4', quantity: 2 }],
  });
  if (!checked.ok) throw new Error('refused');
  const input: PlaceOrderInput = checked.value;
  assert.equal(input.idempotencyKey, 'key-00001');
});

test('every field with a @constraint in the API schema has cases with errors', () => {
  const schema = buildSchema(readFileSync(new URL('../../../../gateway-config/api-schema.graphql', import.meta.url), 'utf8'));
  const constrained = Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLInputObjectType => type instanceof GraphQLInputObjectType)
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => field.astNode?.directives?.some((directive) => directive.name.value === 'constraint'))
        .map((field) => `${type.name}.${field.name}`),
    );
  const covered = new Set(
    cases.flatMap(({ input, errors }) => errors.map(({ field }) => coordinate(schema.getType(input) as GraphQLInputType, field.slice(1)))),
  );
  assert.ok(constrained.length > 0);
  assert.deepEqual(constrained.filter((name) => !covered.has(name)), []);
});

/** The input field (`Type.field`) a user error's path ends at. */
function coordinate(root: GraphQLInputType, path: string[]): string {
  let type = root;
  let owner = '';
  for (const segment of path) {
    while (type instanceof GraphQLNonNull || type instanceof GraphQLList) type = type.ofType;
    if (/^[0-9]+$/.test(segment)) continue;
    const object = type as GraphQLInputObjectType;
    owner = `${object.name}.${segment}`;
    type = object.getFields()[segment]!.type;
  }
  return owner;
}
