// Checks the shape of every GraphQL request right after its body or URL is parsed, before any
// GraphQL work: the body and the query string are UTF-8, no parameter is given twice, each request
// field has its type, there is exactly one document to run, no number in it or in the JSON of
// `variables` / `extensions` is written longer than a bound, and neither is nested deeper than a bound.
// graphql-js parses and coerces recursively, so a document a few thousand levels deep would overflow
// the stack; the bounds are checked with linear scans that do not recurse. Refusals carry a stable `reason`.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { routerError } from './messages.mjs';

const STRING_FIELDS = ['query', 'operationName', 'documentId'];
const OBJECT_FIELDS = ['variables', 'extensions'];
const KNOWN_FIELDS = new Set([...STRING_FIELDS, ...OBJECT_FIELDS]);

/** The plugin: `maxNesting` for documents, `maxJsonDepth` for `variables` and `extensions`. */
export function useRequestShape({ maxNesting, maxJsonDepth }) {
  return {
    onRequestParse({ request, url, requestParser, setRequestParser }) {
      if (requestParser) {
        setRequestParser(withCodedJsonErrors(withCheckedText(requestParser, url)));
      }
      return {
        onRequestParseDone({ requestParserResult }) {
          // Arrays are batches, refused as such by the batching limit.
          if (!Array.isArray(requestParserResult)) {
            // Hive Gateway reads a trusted document's id from the URL too (GraphQL Yoga's GET parser leaves it there).
            checkRequest(requestParserResult, { maxNesting, maxJsonDepth, urlDocumentId: url.searchParams.get('documentId'),
              longJsonNumber: longJsonNumbers.has(request) });
          }
        },
      };
    },
  };
}

/**
 * Throws the refusal for the first thing wrong with a parsed request, in the order a client fixes them.
 * `longJsonNumber`: whether the JSON the request was parsed from writes a number longer than MAX_NUMBER_LENGTH,
 * which the parsed values no longer tell (JSON.parse reads 1,500 digits as Infinity). Every other request field
 * is a string, so once their types are checked, such a number is in `variables` or `extensions`.
 */
export function checkRequest(params, { maxNesting, maxJsonDepth, urlDocumentId = null, longJsonNumber = false }) {
  if (!isObject(params)) {
    throw badInput('INVALID_REQUEST_BODY', 'request.bodyNotObject');
  }
  checkFieldTypes(params);
  // An empty string is no document either.
  if (!params.query && !params.documentId && params.extensions?.persistedQuery == null && !urlDocumentId) {
    throw badInput('DOCUMENT_REQUIRED', 'request.documentRequired');
  }
  if (namesTwoDocuments(params, urlDocumentId)) {
    throw badInput('CONFLICTING_DOCUMENTS', 'request.conflictingDocuments');
  }
  if (longJsonNumber || (typeof params.query === 'string' && documentNumberLongerThan(params.query, MAX_NUMBER_LENGTH))) {
    throw badInput('NUMBER_TOO_LONG', 'request.numberTooLong', { max: MAX_NUMBER_LENGTH });
  }
  for (const field of OBJECT_FIELDS) {
    if (params[field] != null && jsonDeeperThan(params[field], maxJsonDepth)) {
      throw badInput('JSON_TOO_DEEP', 'request.jsonTooDeep', { parameter: field, max: maxJsonDepth });
    }
  }
  if (typeof params.query === 'string' && documentDeeperThan(params.query, maxNesting)) {
    throw routerError('limits.nesting', { max: maxNesting },
      { code: 'QUERY_TOO_COMPLEX', reason: 'NESTING_TOO_DEEP', http: { status: 400 } });
  }
}

// A field left out or null is absent (as in GraphQL over HTTP); any other value must have its type.
function checkFieldTypes(params) {
  for (const [field, value] of Object.entries(params)) {
    if (value == null) {
      continue;
    }
    if (!KNOWN_FIELDS.has(field)) {
      throw invalidParameter('request.parameterUnknown', field);
    }
    if (STRING_FIELDS.includes(field) && typeof value !== 'string') {
      throw invalidParameter('request.parameterNotString', field);
    }
    if (OBJECT_FIELDS.includes(field) && !isObject(value)) {
      throw invalidParameter('request.parameterNotObject', field);
    }
  }
  // Apollo's persisted query extension: `{ "version": 1, "sha256Hash": "<hash>" }`.
  const persistedQuery = params.extensions?.persistedQuery;
  if (persistedQuery != null
    && !(isObject(persistedQuery) && persistedQuery.version === 1 && typeof persistedQuery.sha256Hash === 'string')) {
    throw invalidParameter('request.parameterNotObject', 'extensions.persistedQuery');
  }
}

/**
 * Whether a request names more than one document: a `query` with a `documentId` (in the body or the
 * URL), or ids that differ. Each library reads another of them first (Hive Gateway's persisted
 * documents Apollo's hash, then `documentId`; dev runs `query` and ignores both; the trusted text
 * replaces `documentId`), so which document ran, and under which name it was counted, depended on
 * the mode. Apollo's hash with the document's own text (how APQ registers a document) is one document.
 */
export function namesTwoDocuments(params, urlDocumentId = null) {
  const documentId = params.documentId || urlDocumentId;
  const hash = params.extensions?.persistedQuery?.sha256Hash;
  if (params.query && documentId) {
    return true;
  }
  if (documentId && hash) {
    return documentId !== hash;
  }
  return Boolean(params.query && hash) && hash !== createHash('sha256').update(params.query, 'utf8').digest('hex');
}

/**
 * Whether `{`, `(` or `[` nest deeper than `max` in a GraphQL document, outside strings, block
 * strings and comments. One pass over the text, no recursion, stops at the first level over `max`.
 */
export function documentDeeperThan(text, max) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      i = lineEnd(text, i);
    } else if (c === '"') {
      i = text.startsWith('"""', i) ? blockStringEnd(text, i) : stringEnd(text, i);
    } else if (c === '{' || c === '(' || c === '[') {
      depth += 1;
      if (depth > max) {
        return true;
      }
    } else if (c === '}' || c === ')' || c === ']') {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

/** Whether a parsed JSON value nests objects and arrays deeper than `max`, with an explicit stack. */
export function jsonDeeperThan(value, max) {
  const stack = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop();
    if (depth > max) {
      return true;
    }
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') {
        stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}

/**
 * The longest number a request may write in `variables`, `extensions` or its document, in characters:
 * graphql-java's own bound on a literal (ParserOptions), the same in JSON, and far beyond any Int (11) or Float
 * (24). A subgraph spent tens to hundreds of milliseconds on a number of 60,000 digits within its 64 KB body limit
 * (a BigInteger to bind, again to coerce, and the lexer's pass over a literal), the router a few; both refuse it
 * by its writing first, NUMBER_TOO_LONG, before any of it is converted.
 */
export const MAX_NUMBER_LENGTH = 100;

// A number longer than `max` starts with a sign or a digit and runs on for `max` more characters that numbers are
// written with: a document without such a run (nearly every one) is let go by one regular expression, 0.7 µs for
// UserOrders, instead of a scan of its tokens, 7 µs.
const numberRuns = new Map();

function mayHoldNumberLongerThan(text, max) {
  let run = numberRuns.get(max);
  if (!run) {
    run = new RegExp(`[-0-9][-+.0-9eE]{${max}}`);
    numberRuns.set(max, run);
  }
  return run.test(text);
}

/** Whether JSON text writes a number longer than `max` characters (outside strings): one pass, none for shorter text. */
export function jsonNumberLongerThan(text, max) {
  if (text.length <= max) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = jsonStringEnd(text, i);
    } else if (c === '-' || isDigit(c)) {
      const end = numberEnd(text, i, max);
      if (end < 0) {
        return true;
      }
      i = end - 1;
    }
  }
  return false;
}

/**
 * Whether a GraphQL document writes an Int or Float literal longer than `max` characters, outside names,
 * strings, block strings and comments: one pass, none for a shorter document. execution.DocumentLiterals scans alike.
 */
export function documentNumberLongerThan(text, max) {
  if (text.length <= max || !mayHoldNumberLongerThan(text, max)) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      i = lineEnd(text, i);
    } else if (c === '"') {
      i = text.startsWith('"""', i) ? blockStringEnd(text, i) : stringEnd(text, i);
    } else if (c === '_' || isLetter(c)) {
      i = runEnd(text, i, isNamePart) - 1;
    } else if (c === '-' || isDigit(c)) {
      const end = numberEnd(text, i, max);
      if (end < 0) {
        return true;
      }
      i = end - 1;
    }
  }
  return false;
}

// Index after the number written from `start`, or -1 when it is longer than `max` characters.
function numberEnd(text, start, max) {
  const end = runEnd(text, start, isNumberPart);
  return end - start > max ? -1 : end;
}

// Index after the run of characters from `start` that `part` takes.
function runEnd(text, start, part) {
  let end = start + 1;
  while (end < text.length && part(text[end])) {
    end += 1;
  }
  return end;
}

function isDigit(c) {
  return c >= '0' && c <= '9';
}

function isLetter(c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isNamePart(c) {
  return c === '_' || isLetter(c) || isDigit(c);
}

// A number's sign, digits, point and exponent.
function isNumberPart(c) {
  return isDigit(c) || c === '.' || c === 'e' || c === 'E' || c === '+' || c === '-';
}

// Index of the last character of a comment: the one before the line break, or the text's end.
function lineEnd(text, start) {
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\n' || text[i] === '\r') {
      return i - 1;
    }
  }
  return text.length;
}

// Index of a string's closing quote; an unterminated string ends at the line break (a syntax error
// for the parser, which then reports it).
function stringEnd(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i += 1;
    } else if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') {
      return i;
    }
  }
  return text.length;
}

// Index of the last quote of a block string's closing `"""`; `\"""` inside does not close it.
function blockStringEnd(text, start) {
  for (let i = start + 3; i < text.length; i++) {
    if (text.startsWith('\\"""', i)) {
      i += 3;
    } else if (text.startsWith('"""', i)) {
      return i + 2;
    }
  }
  return text.length;
}

/**
 * The request parser, run on a body or query string that is UTF-8 and gives no parameter twice.
 * The parsers decode invalid UTF-8 as U+FFFD and take the first of repeated parameters (JSON.parse the
 * last): a Latin-1 name reached the subgraphs, and was stored, with its letters replaced, and
 * `?query=A&query=B` ran A. A POST body is read here once and handed to the parser as that text.
 */
function withCheckedText(parser, url) {
  return async (request) => {
    if (request.method === 'GET') {
      checkUtf8Query(url.search);
      checkOnceEach(url.searchParams);
      noteLongNumbers(request, url.searchParams.get('variables'), url.searchParams.get('extensions'));
      return parser(request);
    }
    // The Node adapter's body is a Buffer already; a copy of it is not needed.
    const body = await request.arrayBuffer();
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (!isUtf8(bytes)) {
      throw badInput('INVALID_UTF8', 'request.invalidEncoding');
    }
    const text = bytes.toString('utf8');
    const type = request.headers.get('content-type') ?? '';
    if (JSON_TYPE.test(type)) {
      const params = await parser(withText(request, text));
      const repeated = isObject(params) ? repeatedParameter(text) : null;
      if (repeated) {
        throw invalidParameter('request.parameterRepeated', repeated);
      }
      noteLongNumbers(request, text);
      return params;
    }
    if (!FORM.test(type)) {
      return parser(withText(request, text));
    }
    const form = new URLSearchParams(text);
    checkOnceEach(form);
    noteLongNumbers(request, form.get('variables'), form.get('extensions'));
    // GraphQL Yoga's form parser reads the parameters its GET parser reads, and `documentId` is not
    // among them: the trusted document a form names was dropped and the request told it named none.
    const params = await parser(withText(request, text));
    const documentId = form.get('documentId');
    return documentId === null || !isObject(params) ? params : { ...params, documentId };
  };
}

// The requests whose JSON (the body, or a GET or form `variables` or `extensions` parameter) writes a number
// longer than MAX_NUMBER_LENGTH, judged in checkRequest.
const longJsonNumbers = new WeakSet();

function noteLongNumbers(request, ...texts) {
  if (texts.some((text) => text !== null && jsonNumberLongerThan(text, MAX_NUMBER_LENGTH))) {
    longJsonNumbers.add(request);
  }
}

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const PARAMETERS = ['query', 'operationName', 'variables', 'extensions', 'documentId'];

/**
 * The first request parameter a JSON object's text gives twice, or null. JSON.parse keeps the last, a
 * proxy or a log may read the first; as a parameter repeated in a query string or form, it is refused.
 * One pass over text that parsed, deciding which strings are the object's own keys.
 */
export function repeatedParameter(text) {
  const seen = new Set();
  let depth = 0;
  let atKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = jsonStringEnd(text, i);
      if (depth === 1 && atKey) {
        const raw = text.slice(i + 1, end);
        const name = raw.includes('\\') ? JSON.parse(text.slice(i, end + 1)) : raw;
        if (seen.has(name) && PARAMETERS.includes(name)) {
          return name;
        }
        seen.add(name);
        atKey = false;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      depth += 1;
      atKey = depth === 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
    } else if (c === ',') {
      atKey = depth === 1;
    }
  }
  return null;
}

// Index of the quote that closes the JSON string opening at `start`: the next one not escaped.
function jsonStringEnd(text, start) {
  let end = text.indexOf('"', start + 1);
  while (end > 0 && escaped(text, end)) {
    end = text.indexOf('"', end + 1);
  }
  return end < 0 ? text.length : end;
}

// Whether an odd number of backslashes comes right before `index`.
function escaped(text, index) {
  let backslashes = 0;
  while (text[index - 1 - backslashes] === '\\') {
    backslashes += 1;
  }
  return backslashes % 2 === 1;
}

function withText(request, text) {
  return Object.defineProperties(request, {
    text: { configurable: true, value: async () => text },
    json: { configurable: true, value: async () => JSON.parse(text) },
  });
}

// Percent-encoded bytes that are no UTF-8; a `%` without two hex digits is a `%` to URLSearchParams.
function checkUtf8Query(search) {
  try {
    decodeURIComponent(search.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    throw badInput('INVALID_UTF8', 'request.invalidEncoding');
  }
}

function checkOnceEach(searchParams) {
  const repeated = PARAMETERS.find((name) => searchParams.getAll(name).length > 1);
  if (repeated) {
    throw invalidParameter('request.parameterRepeated', repeated);
  }
}

// The GET and form parsers JSON.parse the variables and extensions parameters without a code.
function withCodedJsonErrors(parser) {
  return async (request) => {
    try {
      return await parser(request);
    } catch (error) {
      if (error instanceof SyntaxError && !(error instanceof GraphQLError)) {
        throw badInput('MALFORMED_JSON', 'request.malformedJsonParameter');
      }
      throw error;
    }
  };
}

function invalidParameter(key, parameter) {
  return badInput('INVALID_PARAMETER', key, { parameter }, { parameter });
}

function badInput(reason, key, params = {}, extra = {}) {
  return routerError(key, params, { code: 'BAD_USER_INPUT', reason, ...extra, http: { status: 400 } });
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
