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
  fetch?: typeof fetch;
}

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
  return {
    async execute(document, ...rest) {
      const text = document.toString();
      const operationName = operationNameOf(text);
      const body =
        options.mode === 'production'
          ? { documentId: trustedDocumentIds[operationName], operationName, variables: rest[0] ?? {} }
          : { query: text, operationName, variables: rest[0] ?? {} };
      let response: Response;
      try {
        response = await send(options.url, { method: 'POST', headers: await headers(options), body: JSON.stringify(body) });
      } catch (error) {
        return failure<never>(null, [{ code: 'CLIENT_ERROR', message: `the router did not answer: ${String(error)}` }]);
      }
      return toResult(response);
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

async function toResult<TData>(response: Response): Promise<Result<TData>> {
  let payload: { data?: TData | null; errors?: RawError[] };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    return failure<never>(null, [{ code: 'CLIENT_ERROR', message: `HTTP ${response.status} without a GraphQL response` }]);
  }
  const errors = (payload.errors ?? []).map(toClientError);
  if (errors.length === 0 && payload.data != null) {
    return { ok: true, data: payload.data, errors: [] };
  }
  return failure(payload.data ?? null, errors.length ? errors : [{ code: 'CLIENT_ERROR', message: 'no data and no errors' }]);
}

interface RawError {
  message?: unknown;
  path?: Array<string | number>;
  extensions?: { code?: unknown; requestId?: unknown; retryAfterSeconds?: unknown; reason?: unknown };
}

function toClientError(error: RawError): ClientError {
  const code = String(error.extensions?.code ?? '');
  const result: ClientError = {
    code: knownCodes.has(code) ? (code as ErrorCode) : 'CLIENT_ERROR',
    message: String(error.message ?? ''),
  };
  if (error.path) result.path = error.path;
  if (typeof error.extensions?.requestId === 'string') result.requestId = error.extensions.requestId;
  if (typeof error.extensions?.retryAfterSeconds === 'number') result.retryAfterSeconds = error.extensions.retryAfterSeconds;
  if (typeof error.extensions?.reason === 'string') result.reason = error.extensions.reason;
  return result;
}

function failure<TData>(data: TData | null, errors: ClientError[]): { ok: false; data: TData | null; errors: ClientError[] } {
  return { ok: false, data, errors };
}

function operationNameOf(text: string): OperationName {
  const name = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1];
  if (name === undefined || !(name in trustedDocumentIds)) {
    throw new Error(`not a trusted operation of this client: ${name ?? text.slice(0, 40)}`);
  }
  return name as OperationName;
}
