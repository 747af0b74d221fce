// A GraphQL Code Generator plugin: a zod schema per input type of the API schema, built from the
// @constraint directives on its fields with the builders of src/validation.ts, which carry the
// semantics the subgraphs enforce. (The community plugin graphql-codegen-typescript-validation-schema
// maps directive arguments to zod methods one to one; it can express neither Java's trimming, nor
// REQUIRED for a blank required value alone, nor list sizes checked next to invalid items.)
const { GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, valueFromASTUntyped } = require('graphql');

module.exports = {
  plugin(schema) {
    const inputs = Object.values(schema.getTypeMap())
      .filter((type) => type instanceof GraphQLInputObjectType)
      .sort((a, b) => a.name.localeCompare(b.name));
    return [
      "import { z } from 'zod';",
      "import { list, number, text } from '../validation.js';",
      '',
      ...inputs.flatMap((input) => [
        `/** The rules of \`${input.name}\` (its fields' @constraint directives). */`,
        `export const ${input.name}Schema = z.object({`,
        ...Object.values(input.getFields()).map((field) => `  ${field.name}: ${fieldSchema(field.type, rule(field))},`),
        '});',
        '',
      ]),
      '/** The schema of each input type, by name. */',
      'export const inputSchemas = {',
      ...inputs.map((input) => `  ${input.name}: ${input.name}Schema,`),
      '} as const;',
      '',
    ].join('\n');
  },
};

function rule(field) {
  const directive = field.astNode?.directives?.find((node) => node.name.value === 'constraint');
  const entries = (directive?.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)]);
  return Object.fromEntries(entries);
}

function fieldSchema(type, rule) {
  const required = type instanceof GraphQLNonNull;
  const schema = valueSchema(required ? type.ofType : type, rule, required);
  return required ? schema : `${schema}.nullish()`;
}

function valueSchema(type, rule, required) {
  if (type instanceof GraphQLList) {
    return `list(${fieldSchema(type.ofType, rule)}, ${JSON.stringify(rule)})`;
  }
  if (type instanceof GraphQLInputObjectType) {
    return `z.lazy(() => ${type.name}Schema)`;
  }
  if (type instanceof GraphQLEnumType) {
    return `z.enum([${type.getValues().map((value) => JSON.stringify(value.name)).join(', ')}])`;
  }
  switch (type.name) {
    case 'String':
    case 'ID':
      return `text(${JSON.stringify(rule)}, ${required})`;
    case 'Int':
      return `number(${JSON.stringify(rule)}, true)`;
    case 'Float':
      return `number(${JSON.stringify(rule)}, false)`;
    case 'Boolean':
      return 'z.boolean()';
    default:
      return 'z.string()';
  }
}
