import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { trustedDocumentIds, type OperationName } from './generated/trusted-documents.js';
import { errorCodes, type ErrorCode } from './generated/error-codes.js';

/** `production` sends only the trusted document id; `dev` sends the operation's text (a dev router takes any). */
export type Mode = 'production' | 'dev';

export interface ClientOptions {
  /** The router's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  mode: Mode;
  /** A user's bearer token, or a function giving a fresh one per request. */
  token?: string | (() => string | Promise<string>);
  /** A machine client's API key (`X-Api-Key`). */
  apiKey?: string;
  /** Sent as `graphql-client-name`, so operators see which client sends what. */
  clientName?: string;
  /** `Accept-Language` for error and user error messages (`en`, `de`). */
  language?: string;
  /**
   * How long one request may take, from connecting to the last byte of the answer, in milliseconds
   * (default {@link DEFAULT_TIMEOUT_MS}, as in Java); past it the result is a `CLIENT_ERROR`.
   */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** 10 s: a router that accepts the connection and never answers must not hang the caller (Node's own limit is minutes). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** A GraphQL error with its documented code (`CLIENT_ERROR` when no GraphQL response came back). */
export interface ClientError {
  code: ErrorCode | 'CLIENT_ERROR';
  message: string;
  path?: ReadonlyArray<string | number>;
  /** Quote it to the platform team: it finds the request's logs and trace. */
  requestId?: string;
  /** From `RATE_LIMITED`: when to try again. */
  retryAfterSeconds?: number;
  /** The refusal's finer reason where the router gives one (e.g. `PERSISTED_QUERY_NOT_FOUND`). */
  reason?: string;
}

/**
 * A typed result: `ok` with the data, or the errors and whatever data came back with them (GraphQL
 * answers the fields it could). `userErrors` stay in the data: they are part of the payload.
 */
export type Result<TData> =
  | { ok: true; data: TData; errors: readonly [] }
  | { ok: false; data: TData | null; errors: readonly ClientError[] };

type TypedDocument<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> & string | (DocumentTypeDecoration<TData, TVariables> & String);

export interface SupergraphClient {
  execute<TData, TVariables>(
    document: TypedDocument<TData, TVariables>,
    ...variables: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
  ): Promise<Result<TData>>;
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

export function createClient(options: ClientOptions): SupergraphClient {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    // a programmer error, refused where it is made, as Java's ClientOptions refuses it
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, not ${timeoutMs}`);
  }
  return {
    async execute(document, ...rest) {
      const text = document.toString();
      const operationName = operationNameOf(text);
      const body =
        options.mode === 'production'
          ? { documentId: trustedDocumentIds[operationName], operationName, variables: rest[0] ?? {} }
          : { query: text, operationName, variables: rest[0] ?? {} };
      let requestHeaders: Record<string, string>;
      try {
        requestHeaders = await headers(options);
      } catch (error) {
        return clientError(`the token could not be obtained: ${describe(error)}`);
      }
      // one deadline for the whole exchange: connecting, the headers and the body
      const signal = AbortSignal.timeout(timeoutMs);
      let response: Response;
      let answer: string;
      try {
        response = await send(options.url, { method: 'POST', headers: requestHeaders, body: JSON.stringify(body), signal });
        answer = await response.text();
      } catch (error) {
        return clientError(
          signal.aborted ? `the router did not answer within ${timeoutMs / 1000} s` : `the router did not answer: ${describe(error)}`,
        );
      }
      return toResult(response, answer);
    },
  };
}

async function headers(options: ClientOptions): Promise<Record<string, string>> {
  const result: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (options.token !== undefined) {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    result.authorization = `Bearer ${token}`;
  }
  if (options.apiKey !== undefined) result['x-api-key'] = options.apiKey;
  if (options.clientName !== undefined) result['graphql-client-name'] = options.clientName;
  if (options.language !== undefined) result['accept-language'] = options.language;
  return result;
}

interface Payload<TData> {
  data?: TData | null;
  errors?: RawError[];
}

function toResult<TData>(response: Response, answer: string): Result<TData> {
  const payload = graphQlResponse<TData>(answer);
  const errors = (payload?.errors ?? []).map(toClientError);
  if (payload === undefined || (errors.length === 0 && !response.ok)) {
    // not a GraphQL response (HTML from a proxy, JSON null, a number), or a failure status without errors, as in Java
    return clientError(`HTTP ${response.status} without a GraphQL response`);
  }
  if (errors.length === 0 && payload.data != null) {
    return { ok: true, data: payload.data, errors: [] };
  }
  return failure(payload.data ?? null, errors.length ? errors : [{ code: 'CLIENT_ERROR', message: 'no data and no errors' }]);
}

/** The body as a GraphQL response: a JSON object with `data` or an `errors` list; anything else is undefined. */
function graphQlResponse<TData>(answer: string): Payload<TData> | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(answer);
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { data, errors } = payload as Payload<TData>;
  if (errors !== undefined && !Array.isArray(errors)) return undefined;
  return data !== undefined || errors !== undefined ? (payload as Payload<TData>) : undefined;
}

interface RawError {
  message?: unknown;
  path?: Array<string | number>;
  extensions?: { code?: unknown; requestId?: unknown; retryAfterSeconds?: unknown; reason?: unknown };
}

function toClientError(error: RawError | null): ClientError {
  const code = String(error?.extensions?.code ?? '');
  const result: ClientError = {
    code: knownCodes.has(code) ? (code as ErrorCode) : 'CLIENT_ERROR',
    message: String(error?.message ?? ''),
  };
  if (error === null || typeof error !== 'object') return result;
  if (Array.isArray(error.path)) result.path = error.path;
  if (typeof error.extensions?.requestId === 'string') result.requestId = error.extensions.requestId;
  if (typeof error.extensions?.retryAfterSeconds === 'number') result.retryAfterSeconds = error.extensions.retryAfterSeconds;
  if (typeof error.extensions?.reason === 'string') result.reason = error.extensions.reason;
  return result;
}

function clientError(message: string): { ok: false; data: null; errors: ClientError[] } {
  return { ok: false, data: null, errors: [{ code: 'CLIENT_ERROR', message }] };
}

/** An error with its causes: fetch's own message ("fetch failed") hides what happened (ECONNREFUSED, ENOTFOUND). */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let cause = error; cause !== undefined && cause !== null && messages.length < 5; cause = (cause as { cause?: unknown }).cause) {
    messages.push(String(cause));
  }
  return messages.join(': ');
}

function failure<TData>(data: TData | null, errors: ClientError[]): { ok: false; data: TData | null; errors: ClientError[] } {
  return { ok: false, data, errors };
}

/**
 * A programmer error, so it throws rather than returning a result: the typed documents of this package are the only
 * ones a caller can pass without a cast, and each is a trusted operation.
 */
function operationNameOf(text: string): OperationName {
  const name = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1];
  if (name === undefined || !(name in trustedDocumentIds)) {
    throw new Error(`not a trusted operation of this client: ${name ?? text.slice(0, 40)}`);
  }
  return name as OperationName;
}
