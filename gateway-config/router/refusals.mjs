// What the client gets for each refusal of the router's libraries (GraphQL Yoga, Hive Gateway's
// plugins, graphql-armor, graphql-js) that arrives without a code of the documented list, or
// without the right HTTP status. Each rule recognises one refusal by its code or its message and
// answers a documented code, a stable `reason`, the HTTP status and, where the message is the
// router's to word, the key of its message in router/messages. A rule without a message key keeps
// the library's message (graphql-js syntax and validation errors, in English).

const MISSING_ARGUMENT = /^Argument "[^"]+" of (required|non-null) type "[^"]+" (was provided the variable "\$[^"]+" which was not provided a runtime value|must not be null)\.$/;
const DEPTH_LIMIT = /^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)\.$/;
const TOKEN_LIMIT = /^Syntax Error: Token limit of (\d+) exceeded\.$/;

const CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'RATE_LIMITED', 'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE', 'INTERNAL'];
/** The documented list of `extensions.code` values (docs/security.md). */
export const DOCUMENTED_CODES = new Set(CODES);

const rules = [
  [(m) => m === 'POST body sent invalid JSON.', () => badInput('MALFORMED_JSON', 'request.malformedJson', 400)],
  [(m) => m.startsWith('POST body is expected to be object'),
    () => badInput('INVALID_REQUEST_BODY', 'request.bodyNotObject', 400)],
  [(m) => m === 'Batching is not supported.', () => badInput('BATCHING_NOT_SUPPORTED', 'request.batching', 400)],
  // HTTP 405 with an Allow header, as GraphQL Yoga sends it.
  [(m) => m === 'Can only perform a mutation operation from a POST request.',
    () => badInput('MUTATION_OVER_GET', 'request.mutationOverGet')],
  // GraphQL Yoga's CSRF refusal, HTTP 403 kept.
  [(m, x) => x.code == null && m === 'Required CSRF header(s) not present',
    () => badInput('CSRF_HEADER_REQUIRED', 'request.csrfHeaderRequired')],
  [(m) => DEPTH_LIMIT.test(m), (m) => {
    const [, max, found] = DEPTH_LIMIT.exec(m);
    return tooComplex('DEPTH_LIMIT', 'limits.depth', { max, found });
  }],
  [(m) => TOKEN_LIMIT.test(m), (m) => tooComplex('TOKEN_LIMIT', 'limits.tokens', { max: TOKEN_LIMIT.exec(m)[1] })],
  // The router's own operation limits are validation errors, which Yoga answers with 200 to plain
  // JSON clients; a subgraph's refusal (with serviceName) stays part of a 200 response.
  [(m, x) => x.code === 'QUERY_TOO_COMPLEX' && x.serviceName === undefined, () => ({ extensions: { http: { status: 400 } } })],
  // Variables that do not fit their type, or a required one left out (the planner reports that as
  // an argument error): the request is wrong, nothing ran.
  [(m, x) => x.code == null && (m.startsWith('Variable "$') || MISSING_ARGUMENT.test(m)),
    () => badInput('INVALID_VARIABLES', undefined, 400)],
  [(m, x) => x.code === 'GRAPHQL_PARSE_FAILED', () => badInput('GRAPHQL_PARSE_FAILED', undefined, 400)],
  [(m, x) => x.code === 'GRAPHQL_VALIDATION_FAILED', () => badInput('GRAPHQL_VALIDATION_FAILED', undefined, 400)],
  // useOperationResolution (router/operation-resolution.mjs) refuses first, saying which case it is; GraphQL Yoga's
  // and the executor's refusals of the same kind keep the general words.
  [(m, x) => x.code === 'OPERATION_RESOLUTION_FAILURE',
    () => badInput('OPERATION_RESOLUTION_FAILURE', 'request.operationUnresolved', 400)],
  [(m, x) => x.code === 'PERSISTED_QUERY_ONLY', () => badInput('PERSISTED_QUERY_ONLY', 'trusted.only', 400)],
  [(m, x) => x.code === 'PERSISTED_QUERY_NOT_IN_LIST',
    () => badInput('PERSISTED_QUERY_NOT_IN_LIST', 'trusted.notInList', 400)],
  [(m, x) => x.code === 'PERSISTED_QUERY_ID_REQUIRED',
    () => badInput('DOCUMENT_REQUIRED', 'request.documentRequired', 400)],
  // Any other refusal of a library with a client error status (e.g. Yoga's BAD_REQUEST): the
  // documented code, the library's code as the reason, the status kept.
  [(m, x) => x.code != null && !DOCUMENTED_CODES.has(x.code) && x.http?.status >= 400 && x.http?.status < 500,
    (m, x) => badInput(x.code, undefined)],
];

/**
 * The refusal an error stands for: `{ extensions, message }` to merge into its extensions and the
 * key and parameters of its message (undefined: keep the message), or null when no rule applies.
 */
export function refusalOf(message, extensions) {
  const rule = rules.find(([applies]) => applies(message, extensions));
  return rule ? rule[1](message, extensions) : null;
}

// Without `status` the library's HTTP status (and headers) are kept.
function badInput(reason, key, status) {
  return {
    extensions: { code: 'BAD_USER_INPUT', reason, ...(status ? { http: { status } } : {}) },
    message: key ? { key, params: {} } : undefined,
  };
}

function tooComplex(reason, key, params) {
  return { extensions: { code: 'QUERY_TOO_COMPLEX', reason, http: { status: 400 } }, message: { key, params } };
}
