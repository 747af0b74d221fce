// What a supergraph must pass before it is promoted or served: it parses, Apollo's federation library
// builds it and derives its API schema (what clients see), and it builds into the stitched schema
// Hive Gateway executes (@graphql-tools/federation, the library the router loads supergraphs with).
import { Supergraph } from '@apollo/federation-internals';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { parse } from 'graphql';

/**
 * Throws an Error whose message says what is wrong, else returns the API schema.
 * @param {string} sdl the supergraph
 * @returns {import('graphql').GraphQLSchema}
 */
export function validateSupergraph(sdl) {
  const document = parse(sdl);
  // supportedFeatures null: the router, not this check, decides about @authenticated / @requiresScopes.
  const apiSchema = Supergraph.build(document, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
  const routerSchema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: document });
  if (!routerSchema.getQueryType()) {
    throw new Error('the router builds no Query type from it');
  }
  return apiSchema;
}
