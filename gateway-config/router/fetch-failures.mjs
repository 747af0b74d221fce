// A subgraph fetch of the Rust planner's plan that failed as a whole (refused, timed out, a 5xx, a body
// that is no GraphQL response, a subgraph's refusal before execution) becomes field errors at the
// fields the fetch was to answer. Hive's runtime (@graphql-hive/router-runtime) files such an error
// under the fetch's path without list indices (`user.orders.edges.node.items.product`), or under no
// path at all when the fetch rejected (the router's upstream timeout); with a path per entity
// (`_entities.3.sku`) it relocates each to where that entity sits in the answer, list indices included.
import { Kind, valueFromASTUntyped } from 'graphql';
import { createGraphQLError, relocatedError } from '@graphql-tools/utils';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';
import { included } from './empty-selection.mjs';

/** `onSubgraphExecute` of the Rust planner's options, answering every failed fetch with positioned errors. */
export function withFetchFailuresPositioned(onSubgraphExecute) {
  return (subgraphName, request) => handleMaybePromise(
    () => onSubgraphExecute(subgraphName, request),
    (result) => (failedWhole(result) ? positioned(result, request) : result),
    (error) => positioned({ errors: [asGraphQLError(error, subgraphName)] }, request),
  );
}

// No data and an error that names no field: nothing of the fetch was answered.
function failedWhole(result) {
  return result?.data == null && result?.errors?.some((error) => !error.path) === true;
}

function asGraphQLError(error, serviceName) {
  return error?.extensions ? error : createGraphQLError(String(error?.message ?? error), {
    originalError: error instanceof Error ? error : undefined,
    extensions: { serviceName },
  });
}

// Each error without a path once per field of the fetch: a root field by its response key, an entity by
// the first field the fetch was to answer for it (where graphql-js, so the JavaScript planner, reports it).
// A fetch none of whose fields is in the answer (only the root's `__typename`, or every field skipped by
// the request's variables) failed nothing the client sees: no error has a place there.
function positioned(result, request) {
  const fields = fetchedFields(request);
  if (!fields) {
    return result;
  }
  if (fields.length === 0) {
    return { data: rootTypenames(request.document) };
  }
  const errors = result.errors.flatMap((error) => (error.path ? [error] : fields.map((path) => relocatedError(error, path))));
  return { ...result, data: null, errors };
}

function fetchedFields({ document, variables: sent }) {
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) {
    return null;
  }
  const variables = withDefaults(operation, sent);
  const fragments = fragmentsOf(document);
  // `__typename` of the root is the router's own answer, and a field left out by @skip/@include none.
  const answered = (selection) => selection.kind === Kind.FIELD && selection.name.value !== '__typename'
    && included(selection, variables);
  return operation.selectionSet.selections.filter(answered).flatMap((field) => {
    const key = field.alias?.value ?? field.name.value;
    const representations = representationsOf(field, variables);
    if (!representations) {
      return [[key]];
    }
    return representations.map((representation, index) => {
      const first = firstField(field.selectionSet, representation?.__typename, fragments, variables);
      return first ? [key, index, first] : [key, index];
    });
  });
}

function representationsOf(field, variables) {
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'representations');
  const value = argument?.value.kind === Kind.VARIABLE ? variables?.[argument.value.name.value] : undefined;
  return Array.isArray(value) ? value : null;
}

/** The response key of the first field other than `__typename` selected for an entity of `typename`. */
function firstField(selectionSet, typename, fragments, variables) {
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(selection, variables)) {
      continue;
    }
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') {
        return selection.alias?.value ?? selection.name.value;
      }
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    const condition = fragment?.typeCondition?.name.value;
    const found = fragment && (!condition || condition === typename) ? firstField(fragment.selectionSet, typename, fragments, variables) : null;
    if (found) {
      return found;
    }
  }
  return null;
}

// The root's `__typename` answered as its subgraph would have (a supergraph's roots are named so).
const ROOT_TYPES = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

function rootTypenames(document) {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return Object.fromEntries(operation.selectionSet.selections
    .filter((selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename')
    .map((field) => [field.alias?.value ?? '__typename', ROOT_TYPES[operation.operation]]));
}

// The fetch's variables as its subgraph reads them: a variable not sent takes its declared default.
function withDefaults(operation, variables) {
  const values = { ...variables };
  for (const { variable, defaultValue } of operation.variableDefinitions ?? []) {
    if (defaultValue && !(variable.name.value in values)) {
      values[variable.name.value] = valueFromASTUntyped(defaultValue, variables);
    }
  }
  return values;
}

function fragmentsOf(document) {
  const fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}
