import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { Kind, parse } from 'graphql';
import { trustedDocumentIds, type OperationName } from './generated/trusted-documents.js';
import { errorCodes, type ErrorCode } from './generated/error-codes.js';
import { MAX_RETRY_AFTER_SECONDS, retryDelay } from './retry-after.js';

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
   * How long one call may take, from obtaining the token to the last byte of the answer, all of it together, in
   * milliseconds (default {@link DEFAULT_TIMEOUT_MS}, at most {@link MAX_TIMEOUT_MS}, as in Java); past it the result
   * is a `CLIENT_ERROR`.
   */
  timeoutMs?: number;
  /**
   * The largest answer the client reads, in bytes (default {@link DEFAULT_MAX_RESPONSE_BYTES}, as in Java);
   * a longer one is a `CLIENT_ERROR` (`NO_GRAPHQL_RESPONSE`) instead of filling the memory.
   */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
}

/** 10 s: a router that accepts the connection and never answers must not hang the caller (Node's own limit is minutes). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The longest timeout, 24.8 days: the longest a timer waits (2^31 - 1 ms), as in Java. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** 16 MiB: far above any answer of the trusted operations, far below what would exhaust a process. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** A GraphQL error with its documented code (`CLIENT_ERROR` when no GraphQL response came back). */
export interface ClientError {
  code: ErrorCode | 'CLIENT_ERROR';
  message: string;
  path?: ReadonlyArray<string | number>;
  /** Quote it to the platform team: it finds the request's logs and trace. */
  requestId?: string;
  /** From `RATE_LIMITED`: when to try again (the result's `retryAfterSeconds` takes the answer's headers into account too). */
  retryAfterSeconds?: number;
  /**
   * The refusal's finer reason where the router gives one (e.g. `PERSISTED_QUERY_NOT_FOUND`); for a
   * `CLIENT_ERROR` of the client's own, a {@link ClientErrorReason}.
   */
  reason?: string;
}

/**
 * A typed result: `ok` with the data, or the errors and whatever data came back with them (GraphQL
 * answers the fields it could). `userErrors` stay in the data: they are part of the payload.
 * `status` is the HTTP status of the router's answer, absent when no answer came back (`TIMEOUT`,
 * `UNREACHABLE`, `CREDENTIALS_UNAVAILABLE`, `ABORTED`). `retryAfterSeconds` is how long to wait before trying
 * again, when the answer asks for a delay: the longest of its errors' `retryAfterSeconds` and, on a
 * 4xx or 5xx status, its `Retry-After` header (seconds or an HTTP-date, a past date 0), so a proxy's
 * plain 429 or 503 is backed off from as told too.
 */
export type Result<TData> =
  | { ok: true; data: TData; errors: readonly []; status: number }
  | { ok: false; data: TData | null; errors: readonly ClientError[]; status?: number; retryAfterSeconds?: number };

/** What one call may add: `signal` lets the caller give up on it (the result is then a `CLIENT_ERROR`, reason `ABORTED`). */
export interface ExecuteOptions {
  signal?: AbortSignal;
}

type TypedDocument<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> & string | (DocumentTypeDecoration<TData, TVariables> & String);

export interface SupergraphClient {
  execute<TData, TVariables>(
    document: TypedDocument<TData, TVariables>,
    ...variables: TVariables extends Record<string, never>
      ? [] | [TVariables] | [TVariables, ExecuteOptions]
      : [TVariables] | [TVariables, ExecuteOptions]
  ): Promise<Result<TData>>;
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

export function createClient(options: ClientOptions): SupergraphClient {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    // a programmer error, refused where it is made, as Java's ClientOptions refuses it; a longer one would
    // end every request after 1 ms, as the timer behind AbortSignal.timeout does
    throw new RangeError(`timeoutMs must be a positive number of milliseconds up to ${MAX_TIMEOUT_MS} (24.8 days), not ${timeoutMs}`);
  }
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes > 0)) {
    throw new RangeError(`maxResponseBytes must be a positive whole number of bytes, not ${maxResponseBytes}`);
  }
  for (const [name, value] of [['clientName', options.clientName], ['language', options.language]] as const) {
    // fetch would refuse it on every request, as an unreachable router
    if (value !== undefined && headerProblem(value) !== undefined) throw new TypeError(`${name} is not a valid HTTP header value: ${headerProblem(value)}`);
  }
  return {
    async execute(document, ...rest) {
      const [variables = {}, { signal: caller } = {}] = rest;
      const text = document.toString();
      const operationName = operationNameOf(text);
      const body =
        options.mode === 'production'
          ? { documentId: trustedDocumentIds[operationName], operationName, variables }
          : { query: text, operationName, variables };
      const nothingSent = () => clientError("the caller's signal was aborted: nothing was sent", 'ABORTED');
      if (caller?.aborted) return nothingSent();
      // one deadline for the whole call, the token and the exchange together, as in Java: a token function that hung
      // kept the caller for ever, and a slow one and a slow router took twice the timeout
      const deadline = AbortSignal.timeout(timeoutMs);
      const obtaining = abortedByEither(caller, deadline);
      let requestHeaders: Record<string, string> | undefined;
      try {
        requestHeaders = await untilAborted(headers(options), obtaining.signal);
      } catch (error) {
        const message = error instanceof CredentialProblem ? error.message : `the token could not be obtained: ${describe(error)}`;
        return clientError(message, 'CREDENTIALS_UNAVAILABLE');
      } finally {
        obtaining.done();
      }
      if (caller?.aborted) return nothingSent();
      if (requestHeaders === undefined) {
        return clientError(`the token was not obtained within ${timeoutMs / 1000} s: nothing was sent`, 'CREDENTIALS_UNAVAILABLE');
      }
      const request = { method: 'POST', headers: requestHeaders, body: JSON.stringify(body) };
      const { signal, done } = abortedByEither(caller, deadline);
      try {
        return await exchange(send, options.url, request, { timeoutMs, maxResponseBytes, deadline, caller, signal }, rootFieldsOf(text));
      } finally {
        done();
      }
    },
  };
}

interface Deadlines {
  timeoutMs: number;
  maxResponseBytes: number;
  deadline: AbortSignal;
  caller: AbortSignal | undefined;
  /** Aborted by the deadline or the caller. */
  signal: AbortSignal;
}

/**
 * A signal aborted by the caller's or the deadline, and `done`, which takes its listeners off both: a caller's signal
 * may serve every call of a long life (Node 20's AbortSignal.any keeps something of each call on it).
 */
function abortedByEither(caller: AbortSignal | undefined, deadline: AbortSignal): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const sources = caller === undefined ? [deadline] : [caller, deadline];
  for (const source of sources) source.addEventListener('abort', abort, { once: true });
  if (sources.some((source) => source.aborted)) abort();
  return { signal: controller.signal, done: () => sources.forEach((source) => source.removeEventListener('abort', abort)) };
}

/** What `work` gives, or undefined as soon as `signal` aborts. */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (signal === undefined) return work;
  let stop = () => {};
  const aborted = new Promise<undefined>((resolve) => {
    stop = () => signal.removeEventListener('abort', onAbort);
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    stop();
  }
}

/** Sends the request and reads the answer, under one deadline for connecting, the headers and the body. */
async function exchange<TData>(
  send: typeof fetch,
  url: string,
  request: RequestInit,
  { timeoutMs, maxResponseBytes, deadline, caller, signal }: Deadlines,
  rootFields: readonly string[],
): Promise<Result<TData>> {
  const noAnswer = (error: unknown) => {
    if (caller?.aborted) return clientError("the caller's signal aborted the request", 'ABORTED');
    return deadline.aborted
      ? clientError(`the router did not answer within ${timeoutMs / 1000} s`, 'TIMEOUT')
      : clientError(`the router did not answer: ${describe(error)}`, 'UNREACHABLE');
  };
  let response: Response;
  try {
    // a redirect is not followed, as in Java: fetch would resend a POST as a GET (302), or the
    // operation and its variables to wherever the Location points (307)
    response = await send(url, { ...request, signal, redirect: 'manual' });
  } catch (error) {
    return noAnswer(error);
  }
  const framing = framingProblem(response);
  if (framing !== undefined) {
    await response.body?.cancel();
    return clientError(`the router did not answer: an answer that is not HTTP: ${framing}`, 'UNREACHABLE');
  }
  let answer: string | undefined;
  try {
    answer = await bodyOf(response, maxResponseBytes);
  } catch (error) {
    // the deadline breaks off a body too; fetch decodes gzip and deflate, and fails the body where that fails
    if (signal.aborted) return noAnswer(error);
    const coding = isDecodingFailure(error) ? contentCoding(response) : undefined;
    return unusable(response, `HTTP ${response.status} with ${coding === undefined ? 'an incomplete answer' : `an answer that is not valid ${coding}`}`);
  }
  if (answer === undefined) {
    return unusable(response, `HTTP ${response.status} with an answer over ${maxResponseBytes} bytes`);
  }
  return answered(response, toResult<TData>(response, answer, rootFields));
}

/**
 * What makes an answer's framing untrustworthy, as in Java: a Transfer-Encoding other than `chunked` alone. fetch
 * refuses one with a Content-Length itself (RFC 9112 has such an answer handled as an error), but hands over a body
 * in a transfer coding nobody asked for (`gzip, chunked`) as if it were the content.
 */
function framingProblem(response: Response): string | undefined {
  const coding = response.headers.get('transfer-encoding');
  if (coding === null || coding.trim().toLowerCase() === 'chunked') return undefined;
  return `Transfer-Encoding ${coding}`;
}

async function headers(options: ClientOptions): Promise<Record<string, string>> {
  const result: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    // what Node's fetch asks for anyway, written out: the codings Java reads too (a browser asks for its own)
    'accept-encoding': 'gzip, deflate',
  };
  if (options.token !== undefined) {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    result.authorization = `Bearer ${credential('token', token)}`;
  }
  if (options.apiKey !== undefined) result['x-api-key'] = credential('API key', options.apiKey);
  if (options.clientName !== undefined) result['graphql-client-name'] = options.clientName;
  if (options.language !== undefined) result['accept-language'] = options.language;
  return result;
}

/**
 * A token or API key as sent: without the whitespace around it (as fetch would drop it), and only if it is one
 * word of visible ASCII. The message never repeats the value: fetch's own error would, in a message callers log.
 */
function credential(what: string, value: unknown): string {
  if (typeof value !== 'string') throw new CredentialProblem(`the ${what} is ${value === null ? 'null' : typeof value}, not a string`);
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (trimmed === '') throw new CredentialProblem(`the ${what} is empty`);
  const problem = headerProblem(trimmed, /[^\x21-\x7e]/);
  if (problem !== undefined) throw new CredentialProblem(`the ${what} is not one word of visible ASCII: ${problem}`);
  return trimmed;
}

class CredentialProblem extends Error {}

/** What makes a header value unusable, by position and code point only. */
function headerProblem(value: string, refused = /[^\t\x20-\x7e]/): string | undefined {
  const index = value.search(refused);
  if (index < 0) return undefined;
  return `character ${index + 1} is U+${value.codePointAt(index)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The body as text, or undefined when it is longer than `max` bytes: nothing beyond that is read. */
async function bodyOf(response: Response, max: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // leaving the loop cancels the stream
    if (size > max) return undefined;
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * The codings the client reads (`contract/client-responses.json`): fetch decodes them, and br too (which Java does
 * not read, and neither client asks for). Another coding, or several, is read as it came: if that is no GraphQL
 * response, the message names the coding.
 */
const READ_CODINGS: ReadonlySet<string> = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate', 'br']);

/** The answer's Content-Encoding in lower case, `gzip` for `x-gzip`. */
function contentCoding(response: Response): string {
  const coding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase();
  return coding === 'x-gzip' ? 'gzip' : coding;
}

/** A failure of fetch's decoder (zlib's codes, `Z_DATA_ERROR`), somewhere among the error's causes. */
function isDecodingFailure(error: unknown): boolean {
  for (let cause = error; cause !== undefined && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const { code } = cause as { code?: unknown };
    if (typeof code === 'string' && code.startsWith('Z_')) return true;
  }
  return false;
}

/** Why a `CLIENT_ERROR` of the client's own came about, in its `reason`: the same in Java (`contract/client-responses.json`). */
export const clientErrorReasons = ['NO_GRAPHQL_RESPONSE', 'TIMEOUT', 'UNREACHABLE', 'CREDENTIALS_UNAVAILABLE', 'ABORTED'] as const;
export type ClientErrorReason = (typeof clientErrorReasons)[number];

interface Payload {
  data: Record<string, unknown> | null;
  errors: readonly unknown[];
}

/** What the body says, before the status and headers are added. */
type Reading<TData> = { ok: true; data: TData; errors: readonly [] } | { ok: false; data: TData | null; errors: readonly ClientError[] };

/** A result made from an answer, with what its status and headers say. */
function answered<TData>(response: Response, result: Reading<TData>): Result<TData> {
  const { status } = response;
  if (result.ok) return { ...result, status };
  const retryAfterSeconds = retryDelay(status, response.headers.get('retry-after'), result.errors);
  return retryAfterSeconds === undefined ? { ...result, status } : { ...result, status, retryAfterSeconds };
}

/** An answer that cannot be read, with its status and what its headers say. */
function unusable(response: Response, message: string): Result<never> {
  return answered<never>(response, clientError(message, 'NO_GRAPHQL_RESPONSE'));
}

function toResult<TData>(response: Response, answer: string, rootFields: readonly string[]): Reading<TData> {
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location !== null) {
    return clientError(`HTTP ${response.status} redirect to ${location}, not followed`, 'NO_GRAPHQL_RESPONSE');
  }
  const payload = graphQlResponse(answer);
  const errors = (payload?.errors ?? []).map(toClientError);
  if (payload === undefined || (errors.length === 0 && (!response.ok || payload.data === null))) {
    // HTML from a proxy, JSON that is not a response, a failure status without errors: as in Java
    const coding = contentCoding(response);
    return clientError(READ_CODINGS.has(coding) ? `HTTP ${response.status} without a GraphQL response`
      : `HTTP ${response.status} in content encoding ${coding}, which the client does not read`, 'NO_GRAPHQL_RESPONSE');
  }
  if (errors.length > 0) return failure((payload.data as TData | null) ?? null, errors);
  const missing = rootFields.find((field) => !Object.hasOwn(payload.data as object, field));
  if (missing !== undefined) {
    // typed as the operation's result, so a field that is not there must not pass for one that is null
    return clientError(`HTTP ${response.status} without the operation's field ${missing}`, 'NO_GRAPHQL_RESPONSE');
  }
  return { ok: true, data: payload.data as TData, errors: [] };
}

/** The body as a GraphQL response: a JSON object, its `data` absent, null or an object, its `errors` absent, null or a list. */
function graphQlResponse(answer: string): Payload | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(answer);
  } catch {
    return undefined;
  }
  if (!isObject(payload)) return undefined;
  const { data = null, errors = null } = payload;
  if (data !== null && !isObject(data)) return undefined;
  if (errors !== null && !Array.isArray(errors)) return undefined;
  return { data, errors: errors ?? [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One error of the body; a field of the wrong type is left out rather than trusted. */
function toClientError(raw: unknown): ClientError {
  const error = isObject(raw) ? raw : {};
  const extensions = isObject(error.extensions) ? error.extensions : {};
  const { code, requestId, retryAfterSeconds, reason } = extensions;
  const result: ClientError = {
    code: typeof code === 'string' && knownCodes.has(code) ? (code as ErrorCode) : 'CLIENT_ERROR',
    message: typeof error.message === 'string' ? error.message : '',
  };
  if (isPath(error.path)) result.path = error.path;
  if (typeof requestId === 'string') result.requestId = requestId;
  if (isDelay(retryAfterSeconds)) result.retryAfterSeconds = Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS);
  if (typeof reason === 'string') result.reason = reason;
  return result;
}

function isDelay(seconds: unknown): seconds is number {
  return isInt(seconds) && seconds >= 0;
}

function isPath(path: unknown): path is Array<string | number> {
  return Array.isArray(path) && path.every((segment) => typeof segment === 'string' || isInt(segment));
}

/** A whole number that Java's int holds, as Java's client requires. */
function isInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31;
}

function clientError(message: string, reason: ClientErrorReason): { ok: false; data: null; errors: ClientError[] } {
  return { ok: false, data: null, errors: [{ code: 'CLIENT_ERROR', message, reason }] };
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

const rootFieldCache = new Map<string, readonly string[]>();

/** The response keys the operation's data must have: its root fields, except those a directive may skip. */
function rootFieldsOf(text: string): readonly string[] {
  let fields = rootFieldCache.get(text);
  if (fields === undefined) {
    const operation = parse(text).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    fields = (operation?.selectionSet.selections ?? []).flatMap((selection) =>
      selection.kind === Kind.FIELD && !selection.directives?.length ? [(selection.alias ?? selection.name).value] : [],
    );
    rootFieldCache.set(text, fields);
  }
  return fields;
}
