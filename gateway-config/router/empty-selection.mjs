// An operation that selects no root field once @skip and @include are applied (`{ a @skip(if: true) }`,
// `query ($s: Boolean!) { a @skip(if: $s) }` with s true, or every field denied by the authorization)
// is answered `{ data: {} }`, as GraphQL execution answers it. The query planner cannot plan an empty
// selection: the Rust planner failed, which reached the client as INTERNAL, and with a variable it
// answered `data: null`. Nested selections that end up empty are the planner's to answer, and it does.
import { GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getDirectiveValues, getOperationAST, getVariableValues, isAbstractType } from 'graphql';

/**
 * A selection that selects nothing (`__typename @skip(if: true)`), valid where a selection set must not be empty: a
 * field whose selection the authorization emptied, or the planner's copy of one whose fragments select nothing.
 */
export const NOTHING = Object.freeze({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: '__typename' },
  directives: [{
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'skip' },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'if' }, value: { kind: Kind.BOOLEAN, value: true } }],
  }],
});

/** Last in the plugin list, so that it sees the document every other plugin left (the authorization's). */
export function useEmptySelections() {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      // Nearly every operation has a root field without directives: nothing to work out.
      if (!operation || operation.selectionSet.selections.some(plainField)) {
        return;
      }
      const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
      if (variables.errors) {
        return; // execution reports them
      }
      const rootType = args.schema.getRootType(operation.operation);
      if (rootType && !selectsAField(operation.selectionSet, rootType, args, variables.coerced, new Set())) {
        setResultAndStopExecution({ data: {} });
      }
    },
  };
}

function plainField(selection) {
  return selection.kind === Kind.FIELD && !selection.directives?.length;
}

/** Whether a selection set keeps a field of `type`, as graphql-js collects the fields of an operation. */
function selectsAField(selectionSet, type, args, variables, spread) {
  for (const selection of selectionSet.selections) {
    if (!included(selection, variables)) {
      continue;
    }
    if (selection.kind === Kind.FIELD) {
      return true;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection, type, args.schema) && selectsAField(selection.selectionSet, type, args, variables, spread)) {
        return true;
      }
    } else if (selection.kind === Kind.FRAGMENT_SPREAD && !spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = args.document.definitions.find((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
      if (fragment && applies(fragment, type, args.schema) && selectsAField(fragment.selectionSet, type, args, variables, spread)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether execution takes a selection by its @skip and @include under the request's variables; without
 * variables to judge by, or with ones its directives cannot be read with, it is taken.
 */
export function included(selection, variables) {
  if (!variables) {
    return true;
  }
  try {
    return getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if !== true
      && getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
  } catch {
    return true;
  }
}

function applies(fragment, type, schema) {
  if (!fragment.typeCondition) {
    return true;
  }
  const condition = schema.getType(fragment.typeCondition.name.value);
  return condition === type || (isAbstractType(condition) && schema.isSubType(condition, type));
}
