// Small router plugins for what Hive Gateway has no option for: a request body size limit, alias and
// directive limits, coded 405, 406 and 415 answers, and accepting the identical text of a trusted document as well as its hash.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ANSWERS, acceptedAnswers, isUtf8MediaType } from './media-types.mjs';
import { message, requestLanguage, routerError } from './messages.mjs';
import { GRAPHQL_METHODS } from './path-methods.mjs';
import { requestIdOf } from './request-ids.mjs';

/**
 * Refuses a POST body over `maxBytes` with 413 before it is parsed: a body of declared length by its
 * Content-Length, a body sent in chunks as it arrives. GraphQL over HTTP asks no length of a client, so
 * a chunked body is read up to the limit (it was refused with 411); GraphQL Yoga's own count stops at
 * 25 MB only.
 */
export function useBodySizeLimit(maxBytes) {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      const length = request.headers.get('content-length');
      if (request.method === 'POST' && length !== null && !(Number(length) <= maxBytes)) {
        endResponse(errorResponse(fetchAPI, request, 413, 'BODY_TOO_LARGE', 'request.bodyTooLarge', { max: maxBytes }));
      }
    },
    onRequestParse({ request, fetchAPI }) {
      if (request.method === 'POST' && request.headers.get('content-length') === null && request.body) {
        Object.defineProperty(request, 'body', { configurable: true, value: bounded(request.body, maxBytes, fetchAPI) });
      }
    },
  };
}

// The body as it streams in, failing with the 413 refusal at the first byte over `maxBytes`. GraphQL
// Yoga's workaround: Node's own streams take Node's own TransformStream, the adapter's its own.
function bounded(body, maxBytes, fetchAPI) {
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  return body.pipeThrough(new Transform({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        controller.error(routerError('request.bodyTooLarge', { max: maxBytes },
          { code: 'BAD_USER_INPUT', reason: 'BODY_TOO_LARGE', http: { status: 413 } }));
      } else {
        controller.enqueue(chunk);
      }
    },
  }));
}

/**
 * Lets GraphQL Yoga read a POST body of declared length as it is, without the byte-counting stream
 * it wraps around every body (its own size limit, which Hive Gateway gives no way to turn off). Yoga
 * checks the Content-Length header against that limit first, and Node's HTTP parser delivers no more
 * bytes than the header declares, so for such a body the counting proves nothing; it cost the router
 * a sixth of its CPU per `ProductPage` side by side (a web stream over Node's, a pipeline, and an
 * abort with a DOMException per request; docs/performance.md).
 * Yoga's limit skips a request whose `body` it reads as null. Registered last, so that read comes
 * right after this hook: it sees null once, and every later read the real body.
 * A body without a valid Content-Length is left to Yoga's counting (and useBodySizeLimit's).
 */
export function useDeclaredLengthBody() {
  return {
    onRequestParse({ request, requestParser }) {
      if (requestParser && request.method === 'POST' && DECLARED_LENGTH.test(request.headers.get('content-length') ?? '')) {
        Object.defineProperty(request, 'body', {
          configurable: true,
          get() {
            delete this.body;
            return null;
          },
        });
      }
    },
  };
}

const DECLARED_LENGTH = /^\d+$/;

/**
 * Answers a request that no request parser reads (GraphQL Yoga's bare 415 without a body) with
 * `BAD_USER_INPUT`: 405 with `Allow` for a method other than GET and POST (a PUT of JSON was told its
 * content type was wrong), 415 for a POST whose content type no parser reads, or that is no media type
 * or names a charset other than UTF-8 (router/media-types.mjs), as the request arrives. Registered after
 * the built-in parsers, so `requestParser` is set whenever one of them accepts the request.
 * The method is checked when the request arrives, before the CSRF check (which runs as the request
 * is parsed): a HEAD or DELETE without the CSRF header was told to add one, though no header would do.
 */
export function useUnparsedRequests() {
  let endpoint = '/graphql';
  const refuseMethod = (fetchAPI, request) => errorResponse(fetchAPI, request, 405, 'METHOD_NOT_ALLOWED', 'request.methodNotAllowed',
    { methods: GRAPHQL_METHODS }, { allow: GRAPHQL_METHODS });
  return {
    onYogaInit({ yoga }) {
      endpoint = yoga.graphqlEndpoint;
    },
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint) {
        // GraphQL Yoga takes any URL that ends with the endpoint for it: `/any/graphql`, and a query
        // string ending in `/graphql`. GraphQL is served at its own path only.
        if (request.url.endsWith(endpoint) || request.url.endsWith(`${endpoint}/`)) {
          endResponse(notFoundResponse(fetchAPI, request));
        }
        return;
      }
      if (request.method !== 'GET' && request.method !== 'POST') {
        endResponse(refuseMethod(fetchAPI, request));
        return;
      }
      const type = request.headers.get('content-type');
      if (request.method === 'POST' && type !== null && !isUtf8MediaType(type)) {
        endResponse(errorResponse(fetchAPI, request, 415, 'UNSUPPORTED_MEDIA_TYPE', 'request.unsupportedMediaType'));
      }
    },
    onRequestParse({ request, requestParser, fetchAPI, endResponse }) {
      if (requestParser) {
        return;
      }
      if (request.method !== 'GET' && request.method !== 'POST') {
        endResponse(refuseMethod(fetchAPI, request));
      } else {
        endResponse(errorResponse(fetchAPI, request, 415, 'UNSUPPORTED_MEDIA_TYPE', 'request.unsupportedMediaType'));
      }
    },
  };
}

/**
 * Refuses a body sent with a content coding (gzip, br, …) with 415 and `Accept-Encoding: identity`
 * (RFC 9110, 15.5.16): the router does not decode request bodies, and read as it came, a compressed
 * body was answered as malformed JSON, and any other body as if the header were not there.
 */
export function useIdentityBodies() {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      const coding = request.headers.get('content-encoding');
      if (coding !== null && request.method === 'POST' && !onlyIdentity(coding)) {
        endResponse(errorResponse(fetchAPI, request, 415, 'UNSUPPORTED_CONTENT_ENCODING', 'request.unsupportedContentEncoding',
          undefined, { 'accept-encoding': 'identity' }));
      }
    },
  };
}

// A list of codings (RFC 9110, 8.4) with none but identity, or empty.
function onlyIdentity(codings) {
  return codings.split(',').every((coding) => ['', 'identity'].includes(coding.trim().toLowerCase()));
}

/**
 * A path is served only as written (router/path-methods.mjs): with a trailing slash it is 404 NOT_FOUND
 * whatever the method, as at a subgraph. GraphQL Yoga served `/graphql/` as its endpoint and the operator
 * page `/ops/` as `/ops`, while `/metrics/` and `/healthcheck/` were 404. Registered before every plugin
 * that serves a path.
 */
export function useExactPaths() {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
        endResponse(notFoundResponse(fetchAPI, request));
      }
    },
  };
}

/**
 * A path the router serves nothing at: NOT_FOUND in the GraphQL error shape, where the server answered
 * a bare 404 (an unknown path, GraphiQL's path in production). Answers that already carry a body stay.
 */
export function useNotFound() {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status === 404 && !response.headers.get('content-type')) {
        setResponse(notFoundResponse(fetchAPI, request, withJsonContent(response.headers)));
      }
    },
  };
}

/**
 * Negotiates the answer's media type by the client's `Accept` weights (router/media-types.mjs) when the request
 * arrives: an `Accept` that takes no format the router writes is refused with 406, BAD_USER_INPUT with reason
 * NOT_ACCEPTABLE, in JSON all the same, so that the client learns why; otherwise GraphQL Yoga is handed the
 * formats it takes, its favourite first. Yoga read no weights (`application/json;q=0` was answered in JSON), and
 * decided only when the result was written: an operation, a mutation too, ran in full and was then answered 406.
 * Yoga's own bare 406 (a streamed result to a client that takes JSON only) gets the same body.
 */
export function useNotAcceptable() {
  let endpoint = '/graphql';
  return {
    onYogaInit({ yoga }) {
      endpoint = yoga.graphqlEndpoint;
    },
    onRequest({ request, url, fetchAPI, endResponse }) {
      const header = request.headers.get('accept');
      if (header === null || header === ANSWERS[0] || url.pathname !== endpoint) {
        return;
      }
      const accepted = acceptedAnswers(header, ANSWERS);
      if (accepted.length === 0) {
        endResponse(errorResponse(fetchAPI, request, 406, 'NOT_ACCEPTABLE', 'request.notAcceptable'));
      } else {
        request.headers.set('accept', accepted.join(', '));
      }
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status === 406 && !response.headers.get('content-type')) {
        setResponse(errorResponse(fetchAPI, request, 406, 'NOT_ACCEPTABLE', 'request.notAcceptable', undefined,
          Object.fromEntries(withJsonContent(response.headers))));
      }
    },
  };
}

/**
 * Refuses an operation of a type the schema has no root for (a subscription: the supergraph has no
 * Subscription type) as a validation error. graphql-js 16 validates such an operation, and the query
 * planner then failed on it, which the client received as INTERNAL.
 */
export function useKnownOperationTypes() {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(knownOperationTypesRule);
    },
  };
}

/** The validation rule behind useKnownOperationTypes (graphql-js 17 has it as KnownOperationTypesRule). */
export function knownOperationTypesRule(context) {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`The ${node.operation} operation is not supported by the schema.`, { nodes: node }));
      }
    },
  };
}

/** Counts aliases, directives and root fields in the whole document (graphql-armor's max-depth/tokens cover the rest). */
export function useOperationLimits(limits) {
  const rule = operationLimitsRule(limits);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

/** The validation rule behind useOperationLimits, also run by the manifest script. */
export function operationLimitsRule({ maxAliases, maxDirectives, maxRootFields }) {
  return (context) => {
    const schema = context.getSchema();
    const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
    let aliases = 0;
    let directives = 0;
    let rootFields = 0;
    return {
      Field(node) {
        aliases += node.alias ? 1 : 0;
        // Fields selected on a root type, also through fragments: each is a separate resolver fan-out.
        rootFields += rootTypes.has(context.getParentType()) ? 1 : 0;
      },
      Directive() {
        directives += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(limitError('TOO_MANY_ALIASES', 'limits.aliases', aliases, maxAliases));
          }
          if (directives > maxDirectives) {
            context.reportError(limitError('TOO_MANY_DIRECTIVES', 'limits.directives', directives, maxDirectives));
          }
          if (rootFields > maxRootFields) {
            context.reportError(limitError('TOO_MANY_ROOT_FIELDS', 'limits.rootFields', rootFields, maxRootFields));
          }
        },
      },
    };
  };
}

/**
 * A request carrying the exact text of a trusted document is turned into a request by its hash, so
 * the persisted documents check (which runs later) accepts it; any other text is still rejected.
 */
export function useTrustedDocumentText(documents) {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult, setRequestParserResult }) {
          if (Array.isArray(requestParserResult) || typeof requestParserResult.query !== 'string') {
            return;
          }
          const documentId = sha256(requestParserResult.query);
          if (documents.has(documentId)) {
            const { query, ...params } = requestParserResult;
            setRequestParserResult({ ...params, documentId });
          }
        },
      };
    },
  };
}

export function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// useErrorCodes gives it HTTP 400, like the cost limit and the subgraphs' QUERY_TOO_COMPLEX.
function limitError(reason, key, count, max) {
  return routerError(key, { count, max }, { code: 'QUERY_TOO_COMPLEX', reason });
}

/** A refusal before GraphQL processing starts, so written here in the request's language: BAD_USER_INPUT with `reason`. */
export function errorResponse(fetchAPI, request, status, reason, key, params, headers = {}) {
  const body = refusalBody(requestLanguage(request), reason, key, params, requestIdOf(request));
  return new fetchAPI.Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

function refusalBody(language, reason, key, params, requestId) {
  const extensions = { code: 'BAD_USER_INPUT', reason, ...(requestId ? { requestId } : {}) };
  return JSON.stringify({ errors: [{ message: message(language, key, params), extensions }] });
}

/** 404 NOT_FOUND in the GraphQL error shape, in the request's language. */
export function notFoundResponse(fetchAPI, request, headers = { 'content-type': 'application/json' }) {
  return new fetchAPI.Response(notFoundBody(requestLanguage(request), requestIdOf(request)), { status: 404, headers });
}

/** The body of a 404 (also written outside Yoga: router/transport-errors.mjs). */
export function notFoundBody(language, requestId) {
  return JSON.stringify({ errors: [{ message: message(language, 'request.notFound'), extensions: { code: 'NOT_FOUND', requestId } }] });
}

/** The headers of a bare answer that is replaced by a JSON one (the request id among them). */
function withJsonContent(headers) {
  const copy = new Headers(headers);
  copy.delete('content-length');
  copy.set('content-type', 'application/json');
  return copy;
}

/** The body of a 405 for a path that takes only `methods` (also written outside Yoga: router/health-endpoints.mjs). */
export function methodRefusalBody(language, methods, requestId) {
  return refusalBody(language, 'METHOD_NOT_ALLOWED', 'request.methodNotAllowed', { methods }, requestId);
}
