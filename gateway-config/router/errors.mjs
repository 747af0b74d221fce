// Error masking for the router: a subgraph that is down or slow becomes SERVICE_UNAVAILABLE (naming
// the subgraph, so clients see which part of the data is missing); any other unexpected error is
// masked as INTERNAL, and errors that were GraphQL errors from the start pass through unchanged.
import { GraphQLError } from 'graphql';

const UPSTREAM_FAILURES = new Set(['SUBREQUEST_HTTP_ERROR', 'GATEWAY_TIMEOUT']);

export function maskError(error, message) {
  const upstream = upstreamFailure(error);
  if (upstream) {
    return new GraphQLError(`The ${upstream.serviceName ?? 'upstream'} service is unavailable`, {
      path: error.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: upstream.serviceName },
    });
  }
  if (isOriginalGraphQLError(error)) {
    return error;
  }
  return new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL' },
  });
}

function upstreamFailure(error) {
  for (let current = error; current; current = current.originalError) {
    if (UPSTREAM_FAILURES.has(current.extensions?.code)) {
      return current.extensions;
    }
  }
  return null;
}

function isOriginalGraphQLError(error) {
  if (!(error instanceof GraphQLError)) {
    return false;
  }
  return error.originalError == null || isOriginalGraphQLError(error.originalError);
}

// Messages of the JWT plugin's refusals (@graphql-yoga/plugin-jwt), which carry no code.
const TOKEN_REFUSALS = new Set([
  'Unauthenticated',
  'Invalid authentication token provided',
  'Invalid JWT authentication token prefix.',
  'Authentication header was set, but token is missing.',
]);

// The router's own request-level codes, outside the documented list: answered as BAD_USER_INPUT,
// with the specific code kept in `extensions.reason`.
const REQUEST_REFUSALS = new Set([
  'BAD_REQUEST',
  'PERSISTED_QUERY_ONLY',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'GRAPHQL_VALIDATION_FAILED',
]);

// GraphQL Yoga's CSRF refusal (HTTP 403), which carries no code.
const CSRF_REFUSAL = 'Required CSRF header(s) not present';

// The demand control plugin's refusal of an operation whose estimated cost is over MAX_COST.
const COST_REFUSAL = 'COST_ESTIMATED_TOO_EXPENSIVE';

const MISSING_ARGUMENT = /^Argument "[^"]+" of (required|non-null) type "[^"]+" (was provided the variable "\$[^"]+" which was not provided a runtime value|must not be null)\.$/;

// A more precise reason for GraphQL Yoga's BAD_REQUEST refusals.
const BAD_REQUEST_REASONS = new Map([
  ['Batching is not supported.', 'BATCHING_NOT_SUPPORTED'],
  ['Can only perform a mutation operation from a POST request.', 'MUTATION_OVER_GET'],
]);

/**
 * The last word on every error a client sees, request-level refusals included (they skip execution,
 * and some skip masking): runs on the final result just before it is serialized.
 * - token refusals: HTTP 401, `UNAUTHENTICATED`, `WWW-Authenticate: Bearer`;
 * - malformed JSON: HTTP 400, `BAD_USER_INPUT`, without the parser's error;
 * - variable values that do not fit their type, and required variables left out or null: HTTP 400
 *   `BAD_USER_INPUT`;
 * - the router's `BAD_REQUEST` (batching, mutation over GET), `PERSISTED_QUERY_ONLY`,
 *   `PERSISTED_QUERY_NOT_IN_LIST` and `GRAPHQL_VALIDATION_FAILED`: `BAD_USER_INPUT` with the original
 *   code as `extensions.reason` (the HTTP status is kept);
 * - the CSRF refusal: `BAD_USER_INPUT` with `reason` `CSRF_HEADER_REQUIRED`, HTTP 403 kept;
 * - an operation over the cost limit (`demandControl`): HTTP 400, `QUERY_TOO_COMPLEX` with the
 *   estimate and the maximum in `extensions.cost`; over the alias, directive or root field limit
 *   (`useOperationLimits`): HTTP 400 `QUERY_TOO_COMPLEX`;
 * - `extensions.originalError` never leaves the router;
 * - production: "Did you mean …?" is cut from every message (`blockFieldSuggestions` covers only
 *   validation, not variable coercion).
 */
export function useErrorCodes({ production }) {
  const normalizeResult = (result) => (result?.errors?.length
    ? { ...result, errors: result.errors.map((error) => normalizeError(error, production)) }
    : result);
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) {
        setResult(result.map(normalizeResult));
      } else if (result && !(Symbol.asyncIterator in result)) {
        setResult(normalizeResult(result));
      }
    },
  };
}

export function normalizeError(error, production) {
  const { originalError, ...extensions } = error.extensions ?? {};
  let message = String(error.message);
  if (extensions.code == null && TOKEN_REFUSALS.has(message)) {
    extensions.code = 'UNAUTHENTICATED';
    extensions.http = { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
  } else if (message === 'POST body sent invalid JSON.') {
    message = 'The request body is not valid JSON';
    extensions.code = 'BAD_USER_INPUT';
    extensions.reason = 'MALFORMED_JSON';
    extensions.http = { status: 400 };
  } else if (extensions.code == null && (message.startsWith('Variable "$') || MISSING_ARGUMENT.test(message))) {
    // Variables that do not fit their type, or a required one left out (the planner reports that
    // as an argument error): the request is wrong, nothing ran.
    extensions.code = 'BAD_USER_INPUT';
    extensions.http = { status: 400 };
  } else if (extensions.code == null && message === CSRF_REFUSAL) {
    message = 'A request with this content type needs an x-graphql-csrf header';
    extensions.code = 'BAD_USER_INPUT';
    extensions.reason = 'CSRF_HEADER_REQUIRED';
  } else if (extensions.code === COST_REFUSAL
    || (extensions.code === 'QUERY_TOO_COMPLEX' && extensions.serviceName === undefined)) {
    // The router's own operation limits are validation errors, which Yoga answers with 200 to plain
    // JSON clients; a subgraph's refusal (with serviceName) stays part of a 200 response.
    extensions.code = 'QUERY_TOO_COMPLEX';
    extensions.http = { status: 400 };
  } else if (REQUEST_REFUSALS.has(extensions.code)) {
    extensions.reason = BAD_REQUEST_REASONS.get(message) ?? extensions.code;
    extensions.code = 'BAD_USER_INPUT';
  }
  if (production) {
    message = withoutSuggestions(message);
  }
  if (message === error.message && originalError === undefined && extensions.code === error.extensions?.code
    && extensions.http === error.extensions?.http) {
    return error;
  }
  if (!(error instanceof Error)) {
    const { http, ...visible } = extensions;
    return { ...error, message, extensions: visible };
  }
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

/** Cuts "Did you mean …?" (graphql-js and graphql-tools phrase suggestions only this way). */
export function withoutSuggestions(message) {
  return message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
}
