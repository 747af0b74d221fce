// The router's own messages, from one bundle per language (router/messages/<language>.json), in the
// language the client asks for with Accept-Language (English when it asks for none we have).
// Messages of the libraries (graphql-js validation and syntax errors) are not ours and stay English.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLError } from 'graphql';

export const DEFAULT_LANGUAGE = 'en';
export const messagesDir = resolve(dirname(fileURLToPath(import.meta.url)), 'messages');

/** Every bundle by language: `{ en: { key: template }, de: { … } }`. */
export const bundles = Object.fromEntries(readdirSync(messagesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(resolve(messagesDir, file), 'utf8'))]));

// Where a router error keeps the key and parameters of its message until the response is written in
// the client's language. A symbol: it survives copies of `extensions` and is never serialized.
const MESSAGE = Symbol('router message');

// A hostile header must not cost much: only its first ranges are read.
const MAX_RANGES = 20;

/**
 * The supported language the client prefers, by the rule the subgraphs follow too
 * (contract/accept-language.json; RFC 9110 Accept-Language): ranges with q-values, the highest first
 * and ties in the header's order; `de-CH` matches `de`; `*`, q=0, a malformed range and anything
 * unsupported fall back to English.
 */
export function negotiateLanguage(acceptLanguage) {
  const ranges = String(acceptLanguage ?? '').split(',').slice(0, MAX_RANGES)
    .map(parseRange)
    .filter((range) => range && range.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranges) {
    const language = tag === '*' ? DEFAULT_LANGUAGE : tag.split('-')[0];
    if (bundles[language]) {
      return language;
    }
  }
  return DEFAULT_LANGUAGE;
}

/** The message of `key` in `language` with its `{placeholders}` filled in. */
export function message(language, key, params = {}) {
  const template = bundles[language]?.[key] ?? bundles[DEFAULT_LANGUAGE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (placeholder, name) => (name in params ? String(params[name]) : placeholder));
}

/**
 * A GraphQL error with the English message of `key`, translated when the response is written;
 * `options` as for GraphQLError (nodes, path).
 */
export function routerError(key, params, extensions, options = {}) {
  return new GraphQLError(message(DEFAULT_LANGUAGE, key, params), {
    ...options,
    extensions: withMessage(extensions, key, params),
  });
}

/** Tags `extensions` with the message key, for errors built elsewhere (e.g. with nodes and a path). */
export function withMessage(extensions, key, params) {
  return { ...extensions, [MESSAGE]: { key, params } };
}

/** The key and parameters of a router error's message, or null for any other error. */
export function messageOf(error) {
  return error?.extensions?.[MESSAGE] ?? null;
}

/** The language of a request, for responses written before GraphQL processing. */
export function requestLanguage(request) {
  return negotiateLanguage(request?.headers?.get('accept-language'));
}

/**
 * The Accept-Language a subgraph request carries: the language the router chose, not the client's header,
 * so a response never mixes two languages, and a header the subgraphs' servlet container would refuse
 * (over its header size limit) never reaches them. None when the client sent none.
 */
export function forwardedLanguage(request) {
  return request.headers.has('accept-language') ? { 'accept-language': requestLanguage(request) } : {};
}

function parseRange(part) {
  const [tag, ...params] = trimOws(part).toLowerCase().split(';');
  if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) {
    return null;
  }
  const qParam = params.map(trimOws).find((param) => param.startsWith('q='));
  if (qParam === undefined) {
    return { tag, q: 1 };
  }
  const q = qParam.slice(2);
  return QVALUE.test(q) ? { tag, q: Number(q) } : null;
}

// RFC 9110's qvalue: 0 to 1 with at most three decimals.
const QVALUE = /^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$/;

/** Spaces and tabs, HTTP's optional whitespace, and nothing else (String#trim takes any Unicode space). */
function trimOws(text) {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
