// Which operation of a document a request runs, by GraphQL's GetOperation: the one `operationName` names, or
// the document's only operation when it names none; a refusal that says which of these failed otherwise. GraphQL
// Yoga answered every such request with the same words. The subgraphs judge by the same rule (OperationResolution),
// and contract/request-refusals.json holds the cases both sides answer alike.
import { Kind } from 'graphql';
import { routerError } from './messages.mjs';

/**
 * The message key of why `operationName` (a string, or null/undefined for none) picks no operation of the parsed
 * `document`, or null when it picks one. An empty name is a name, as GraphQL's GetOperation reads it: it names no
 * operation, an anonymous one neither.
 */
export function unresolvedOperation(document, operationName) {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const named = operationName != null;
  if (named ? operations.some((operation) => operation.name?.value === operationName) : operations.length === 1) {
    return null;
  }
  if (operations.length === 0) {
    return 'request.noOperation';
  }
  if (!named) {
    return 'request.operationNameRequired';
  }
  return operations.length === 1 ? 'request.operationNameMismatch' : 'request.operationNotFound';
}

/**
 * Refuses a request whose operation cannot be picked right after its document is parsed, before validation (as
 * GraphQL Yoga's own check did), with BAD_USER_INPUT, reason OPERATION_RESOLUTION_FAILURE and the message of the
 * case. Thrown, not set as the parse result: GraphQL Yoga's parser cache would keep it for the document's text,
 * which other requests send with another `operationName`.
 */
export function useOperationResolution() {
  return {
    onParse() {
      return ({ result, context: { request, params } = {} }) => {
        const key = request && !(result instanceof Error) ? unresolvedOperation(result, params?.operationName) : null;
        if (key) {
          throw routerError(key, {}, { code: 'BAD_USER_INPUT', reason: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } });
        }
      };
    },
  };
}
