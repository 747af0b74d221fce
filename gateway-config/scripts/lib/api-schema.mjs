// The API schema the clients are generated from (api-schema.graphql): Apollo's, plus the directives
// that mean something to clients. Apollo's API schema leaves out every directive of a linked spec,
// @composeDirective ones too, so @constraint (input rules: docs/clients.md, "Validation rules") is put
// back from the supergraph, where composition keeps its definition and applications.
import { GraphQLSchema, Kind, buildASTSchema } from 'graphql';
import { MapperKind, mapSchema, printSchemaWithDirectives } from '@graphql-tools/utils';

const CLIENT_DIRECTIVES = new Set(['constraint']);

/**
 * @param {import('graphql').GraphQLSchema} apiSchema Apollo's API schema
 * @param {import('graphql').DocumentNode} supergraph the composed supergraph
 * @returns {import('graphql').GraphQLSchema} the API schema with the client directives
 */
export function withClientDirectives(apiSchema, supergraph) {
  const definitions = supergraph.definitions.filter(
    (node) => node.kind === Kind.DIRECTIVE_DEFINITION && CLIENT_DIRECTIVES.has(node.name.value),
  );
  const applied = appliedDirectives(supergraph);
  const directives = definitions.length
    ? buildASTSchema({ kind: Kind.DOCUMENT, definitions }, { assumeValidSDL: true }).getDirectives()
    : [];
  const config = apiSchema.toConfig();
  const schema = new GraphQLSchema({
    ...config,
    directives: [...config.directives, ...directives.filter((directive) => CLIENT_DIRECTIVES.has(directive.name))],
  });
  return mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_FIELD]: (field, fieldName, typeName) =>
      withApplied(field, applied.get(`${typeName}.${fieldName}`)),
    // mapSchema does not pass an argument's name: the AST node that Apollo's schema is built from has it
    [MapperKind.ARGUMENT]: (argument, fieldName, typeName) =>
      withApplied(argument, applied.get(`${typeName}.${fieldName}(${argument.astNode?.name.value}:)`)),
  });
}

/**
 * Prints the API schema with its applied directives: Apollo's API schema carries no directive
 * applications but @deprecated, so these are @deprecated and the client directives.
 */
export function printApiSchema(schema) {
  return `${printSchemaWithDirectives(schema).trimEnd()}\n`;
}

function appliedDirectives(supergraph) {
  const applied = new Map();
  const keep = (coordinate, node) => {
    const directives = (node.directives ?? []).filter((directive) => CLIENT_DIRECTIVES.has(directive.name.value));
    if (directives.length) applied.set(coordinate, directives);
  };
  for (const type of supergraph.definitions) {
    if (type.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      type.fields?.forEach((field) => keep(`${type.name.value}.${field.name.value}`, field));
    } else if (type.kind === Kind.OBJECT_TYPE_DEFINITION || type.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const field of type.fields ?? []) {
        field.arguments?.forEach((argument) =>
          keep(`${type.name.value}.${field.name.value}(${argument.name.value}:)`, argument),
        );
      }
    }
  }
  return applied;
}

function withApplied(config, directives) {
  if (!directives) return config;
  const astNode = config.astNode ?? { kind: Kind.INPUT_VALUE_DEFINITION, name: { kind: Kind.NAME, value: '' } };
  return { ...config, astNode: { ...astNode, directives: [...(astNode.directives ?? []), ...directives] } };
}
