// Error masking for the router: a subgraph that is down or slow becomes SERVICE_UNAVAILABLE (naming
// the subgraph, so clients see which part of the data is missing); any other unexpected error is
// masked as INTERNAL, and errors that were GraphQL errors from the start pass through unchanged.
import { GraphQLError } from 'graphql';
import { messageOf, negotiateLanguage, message as text, withMessage } from './messages.mjs';
import { refusalOf } from './refusals.mjs';
import { requestIdOf } from './request-ids.mjs';
import { shownText } from './shown-text.mjs';

/** The code of a subgraph request that did not answer in time (router/upstream-timeout.mjs, Hive Gateway's too). */
export const UPSTREAM_TIMEOUT = 'GATEWAY_TIMEOUT';
// Hive's HTTP executor's codes: no answer (refused, reset), and an answer that is no GraphQL response
// (a proxy's 502 page, a body that is not JSON, JSON without `data` or `errors`).
const UPSTREAM_FAILURES = new Set(['SUBREQUEST_HTTP_ERROR', 'RESPONSE_VALIDATION_FAILED', UPSTREAM_TIMEOUT]);

export function maskError(error) {
  const upstream = upstreamFailure(error);
  if (upstream) {
    const service = upstream.serviceName ?? 'upstream';
    return new GraphQLError(text('en', 'upstream.unavailable', { service }), {
      path: error.path,
      extensions: withMessage({ code: 'SERVICE_UNAVAILABLE', serviceName: upstream.serviceName },
        'upstream.unavailable', { service }),
    });
  }
  if (isOriginalGraphQLError(error)) {
    return error;
  }
  return new GraphQLError(text('en', 'internal.unexpected'), {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: withMessage({ code: 'INTERNAL' }, 'internal.unexpected'),
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

/**
 * The last word on every error a client sees, request-level refusals included (they skip execution,
 * and some skip masking): runs on the final result just before it is serialized.
 * - every refusal of the router and its libraries gets a code of the documented list, a stable
 *   `extensions.reason` and its HTTP status (`refusals.mjs` says which);
 * - the router's own messages are written in the language of the request's Accept-Language;
 * - `extensions.originalError` never leaves the router;
 * - every error carries the request id as `extensions.requestId`, as the subgraphs' errors do;
 * - production: "Did you mean …?" is cut from every message (`blockFieldSuggestions` covers only
 *   validation, not variable coercion);
 * - a message the router does not word itself is shown text (`shown-text.mjs`): graphql-js quotes the
 *   client's variables and literals in it.
 */
export function useErrorCodes({ production }) {
  return {
    onResultProcess({ request, result, setResult }) {
      // Most results carry no error: nothing is computed or copied for them.
      if (!Array.isArray(result) && !result?.errors?.length) {
        return;
      }
      const language = negotiateLanguage(request?.headers?.get('accept-language'));
      const requestId = request ? requestIdOf(request) : undefined;
      const normalizeResult = (single) => (single?.errors?.length
        ? { ...single, errors: single.errors.map((error) => normalizeError(error, { production, language, requestId })) }
        : single);
      if (Array.isArray(result)) {
        setResult(result.map(normalizeResult));
      } else if (result && !(Symbol.asyncIterator in result)) {
        setResult(normalizeResult(result));
      }
    },
  };
}

export function normalizeError(error, { production = false, language = 'en', requestId } = {}) {
  const { originalError, ...extensions } = error.extensions ?? {};
  const refusal = refusalOf(String(error.message), extensions);
  if (refusal) {
    Object.assign(extensions, refusal.extensions);
  }
  // A subgraph's error carries the subgraph's, which is the same id.
  const withId = requestId !== undefined && extensions.requestId === undefined;
  if (withId) {
    extensions.requestId = requestId;
  }
  const localized = refusal?.message ?? messageOf(error);
  let message = localized ? text(language, localized.key, localized.params) : String(error.message);
  if (production) {
    message = withoutSuggestions(message);
  }
  if (!localized) {
    message = shownText(message);
  }
  if (!refusal && !withId && message === error.message && originalError === undefined) {
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
