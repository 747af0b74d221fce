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
