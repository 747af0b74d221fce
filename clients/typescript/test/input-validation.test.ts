// The shared input validation cases (contract/input-validation-cases.json) with the generated zod
// schemas: the client refuses exactly what the subgraphs refuse, with the same codes and field paths.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CreateProductInputSchema, inputSchemas, validateInput } from '../src/index.js';

interface Case {
  name: string;
  input: keyof typeof inputSchemas;
  value: unknown;
  errors: { code: string; field: string[] }[];
}

const { cases } = JSON.parse(
  readFileSync(new URL('../../../../contract/input-validation-cases.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

for (const { name, input, value, errors } of cases) {
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
