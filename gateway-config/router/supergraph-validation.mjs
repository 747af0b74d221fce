// What a supergraph must pass before it is promoted, rolled back to or served, one check for the store's
// commands and every router alike: it parses, Apollo's federation library builds it and derives its API
// schema (what clients see), it builds into the stitched schema Hive Gateway executes
// (@graphql-tools/federation, the library the router loads supergraphs with), and every trusted operation
// (what the clients send) still validates against its API schema.
import { Supergraph } from '@apollo/federation-internals';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { Kind, parse, validate } from 'graphql';
import { SupergraphProblem } from './supergraph-store.mjs';

/**
 * Throws a SupergraphProblem `invalid` whose message says what is wrong, else returns the API schema.
 * @param {string} sdl the supergraph
 * @returns {import('graphql').GraphQLSchema}
 */
export function validateSupergraph(sdl) {
  try {
    const document = parse(sdl);
    // supportedFeatures null: the router, not this check, decides about @authenticated / @requiresScopes.
    const apiSchema = Supergraph.build(document, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
    const routerSchema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: document });
    if (!routerSchema.getQueryType()) {
      throw new Error('the router builds no Query type from it');
    }
    return apiSchema;
  } catch (error) {
    throw new SupergraphProblem('invalid', `does not validate: ${oneLine(error)}`);
  }
}

/**
 * The whole check: validateSupergraph, then every operation of the trusted documents (`documents`, a
 * map of text by hash, read from `file`) must validate against the API schema, or the version breaks the
 * clients that send it. Throws a SupergraphProblem, else returns the API schema.
 */
export function checkSupergraph(sdl, { file, documents }) {
  const apiSchema = validateSupergraph(sdl);
  const broken = [...documents].flatMap(([id, text]) => {
    let document;
    try {
      document = parse(text);
    } catch (error) {
      return [`${id}: ${error.message}`];
    }
    const [error] = validate(apiSchema, document);
    const name = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)?.name?.value;
    return error ? [`${name ?? id}: ${error.message}`] : [];
  });
  if (broken.length) {
    throw new SupergraphProblem('operations',
      `breaks ${broken.length} of the ${documents.size} trusted operations of ${file} (${broken.join(' ')})`);
  }
  return apiSchema;
}

/**
 * An error of the parser or of the federation libraries in one line: the first paragraph (the code
 * frame after it is for editors), its lines joined, and where a syntax error is.
 */
function oneLine(error) {
  const message = String(error?.message ?? error).split(/\n\s*\n/)[0]
    .replace(/\.*\s*Caused by:\s*/g, ': ').replace(/\s*\n\s*/g, ' ').trim();
  if (/must be a core schema/.test(message)) {
    return `${message} (this is not a supergraph: a subgraph's schema or a plain one?)`;
  }
  const [location] = error?.locations ?? [];
  return location && !/\bline\b/.test(message) ? `${message} (line ${location.line}, column ${location.column})` : message;
}
