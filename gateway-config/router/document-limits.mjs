// The production limits a document breaks whatever its variables: tokens (MAX_TOKENS) and depth (MAX_DEPTH),
// counted by the same graphql-armor code Hive Gateway runs for the router; aliases, directives and root fields
// (router/plugins.mjs); `{`, `(` and `[` nesting (MAX_NESTING, router/request-shape.mjs). The production router
// refuses a document beyond one of them on every request, so a trusted document beyond one is a client that
// cannot work: the manifest script does not write it and a production router does not start with it. The
// estimated cost depends on the variables, and is checked per request.
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { Kind, buildSchema, parse, validate } from 'graphql';
import { messageOf } from './messages.mjs';
import { operationLimitsRule } from './plugins.mjs';
import { documentDeeperThan } from './request-shape.mjs';

// Root types and nothing else: root fields are counted where the operation selects them, whatever the schema
// (no field of the API schema returns a root type).
const BARE_ROOTS = buildSchema('type Query { _: Boolean } type Mutation { _: Boolean } type Subscription { _: Boolean }');
const COUNTED_BY_RULE = {
  TOO_MANY_ALIASES: { setting: 'MAX_ALIASES', what: 'aliases' },
  TOO_MANY_DIRECTIVES: { setting: 'MAX_DIRECTIVES', what: 'directives' },
  TOO_MANY_ROOT_FIELDS: { setting: 'MAX_ROOT_FIELDS', what: 'root fields' },
};

/**
 * Each limit of `limits` (router/settings.mjs) that the document `text` goes beyond, as
 * `{ setting, what, count, max }`; [] when it keeps them all or does not parse (that is validation's to say).
 */
export function documentLimitProblems(text, limits) {
  if (documentDeeperThan(text, limits.maxNesting)) {
    return [{ setting: 'MAX_NESTING', what: 'levels of nesting or more', count: limits.maxNesting + 1, max: limits.maxNesting }];
  }
  let parser;
  let document;
  try {
    parser = new MaxTokensParserWLexer(text, { n: Infinity });
    document = parser.parseDocument();
  } catch {
    return [];
  }
  let depth = 0;
  const errors = validate(BARE_ROOTS, document, [
    maxDepthRule({ n: Infinity, onAccept: [(context, { n }) => (depth = Math.max(depth, n))] }),
    operationLimitsRule(limits),
  ]);
  const counted = errors.filter((error) => COUNTED_BY_RULE[error.extensions?.reason]).map((error) => ({
    ...COUNTED_BY_RULE[error.extensions.reason], count: messageOf(error).params.count, max: messageOf(error).params.max }));
  return [
    ...(parser.tokenCount > limits.maxTokens
      ? [{ setting: 'MAX_TOKENS', what: 'tokens', count: parser.tokenCount, max: limits.maxTokens }] : []),
    ...(depth > limits.maxDepth ? [{ setting: 'MAX_DEPTH', what: 'levels of depth', count: depth, max: limits.maxDepth }] : []),
    ...counted,
  ];
}

/** A problem of documentLimitProblems in words: `has 1203 tokens, over MAX_TOKENS 1000`. */
export function limitProblemText({ setting, what, count, max }) {
  return `has ${count} ${what}, over ${setting} ${max}`;
}

/**
 * The trusted documents (a map of text by hash, read from `file`) that the production router would refuse on
 * every request, in one line naming the first one's hash, operation and limit; null when there is none.
 */
export function trustedDocumentsLimitProblem(documents, limits, file) {
  const beyond = [...documents].map(([hash, text]) => ({ hash, text, problems: documentLimitProblems(text, limits) }))
    .filter(({ problems }) => problems.length);
  if (!beyond.length) {
    return null;
  }
  const [{ hash, text, problems }] = beyond;
  const more = beyond.length > 1 ? ` (and ${beyond.length - 1} more)` : '';
  return `TRUSTED_DOCUMENTS_FILE: ${file}: the trusted document ${hash}${operationName(text)} `
    + `${problems.map(limitProblemText).join(', ')}; the production router would refuse it on every request${more}`;
}

function operationName(text) {
  try {
    const name = parse(text).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)?.name?.value;
    return name ? ` (${name})` : '';
  } catch {
    return '';
  }
}
