// Decides @authenticated / @requiresScopes for Hive Gateway's generic auth plugin, with the error
// codes of the platform's documented list: no token -> UNAUTHENTICATED, missing scope -> FORBIDDEN.
// The denied field is removed from the operation and answered with null plus that error.
// Where a directive counts is contract/directive-placements.json, which the subgraphs'
// SchemaAuthorization runs too: the field, its parent type, its return type and their interfaces.
import { getNamedType, getOperationAST, isInterfaceType, isObjectType } from 'graphql';
import { getDirectiveExtensions } from '@graphql-tools/utils';
import { API_KEY_HEADER } from './api-keys.mjs';
import { routerError } from './messages.mjs';

/** The generic auth options of the router (gateway.config.ts), also run by the contract tests. */
export function genericAuthOptions(apiKeys) {
  return {
    mode: 'protect-granular',
    resolveUserFn: (context) => resolveUser(context, apiKeys),
    rejectUnauthenticated: false,
    validateUser: (input) => remembered(input, validateUser(input)),
    extractScopes,
  };
}

// Per request (its context): the document generic auth was handed, as parsed, and the field nodes it
// denied. Generic auth hands on a rebuilt copy of the document even when it removed nothing.
const authorizations = new WeakMap();

function remembered({ executionArgs, fieldNode }, denied) {
  let authorization = authorizations.get(executionArgs.contextValue);
  if (!authorization) {
    authorization = { document: executionArgs.document, denied: null };
    authorizations.set(executionArgs.contextValue, authorization);
  }
  if (denied !== undefined) {
    // Without its node a denial cannot be told from another: the request keeps its own copy.
    (authorization.denied ??= new Set()).add(fieldNode ?? authorization);
  }
  return denied;
}

/**
 * Hands the query planner a document it can plan, after generic auth (registered after it). The Rust
 * planner keeps its plans per document object, and generic auth rebuilds the document per request:
 * - nothing denied: the document as parsed, so a cached document is planned once, not per request;
 * - some fields denied: the first rebuilt copy for the same parsed document, operation and denied
 *   fields (a denial depends on the field and the caller's scopes only, so the copies are alike), so
 *   a partly denied operation is planned once per set of denials, not per request;
 * - every field denied: answered with empty data, not planned (the Rust planner cannot parse an
 *   empty selection set); generic auth's own result hook then sets each denied field to null with
 *   its error, as it does when part of an operation is left.
 */
export function usePlannableDocument() {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const authorization = authorizations.get(args.contextValue);
      if (authorization && !authorization.denied) {
        args.document = authorization.document;
        return;
      }
      const operation = getOperationAST(args.document, args.operationName);
      if (operation && operation.selectionSet.selections.length === 0) {
        setResultAndStopExecution({ data: {} });
        return;
      }
      if (authorization && !authorization.denied.has(authorization)) {
        args.document = sameCopy(authorization, args);
      }
    },
  };
}

// Parsed document -> (operation and denied nodes -> the first rebuilt copy). Weak: a document that
// leaves the parse cache takes its copies along. A few sets of denials per document are kept (one per
// kind of caller, in practice); beyond them a request keeps its own copy.
const copies = new WeakMap();
const MAX_COPIES_PER_DOCUMENT = 16;
const nodeIds = new WeakMap();
let nextNodeId = 0;

function sameCopy({ document, denied }, args) {
  const key = `${args.operationName ?? ''}:${[...denied].map(nodeId).sort((a, b) => a - b).join(',')}`;
  let byDenials = copies.get(document);
  if (!byDenials) {
    byDenials = new Map();
    copies.set(document, byDenials);
  }
  const known = byDenials.get(key);
  if (known) {
    return known;
  }
  if (byDenials.size < MAX_COPIES_PER_DOCUMENT) {
    byDenials.set(key, args.document);
  }
  return args.document;
}

function nodeId(node) {
  let id = nodeIds.get(node);
  if (id === undefined) {
    id = nextNodeId;
    nextNodeId += 1;
    nodeIds.set(node, id);
  }
  return id;
}

/**
 * The caller for generic auth: the verified JWT payload, or a machine client presenting an API key
 * (`{ sub: 'apikey:<id>', client, scope }`). A bad key, or a key together with a bearer token, is
 * refused with 401 before any GraphQL work; neither is ever echoed.
 */
export function resolveUser(context, apiKeys) {
  const key = context.request?.headers.get(API_KEY_HEADER);
  if (key === null || key === undefined) {
    return context.jwt?.payload ?? null;
  }
  if (context.request.headers.get('authorization')) {
    throw unauthenticated('auth.credentialsAmbiguous');
  }
  const client = apiKeys?.verify(key);
  if (!client) {
    throw unauthenticated('auth.apiKeyInvalid');
  }
  return { sub: `apikey:${client.id}`, client: client.client, scope: client.scopes };
}

export function validateUser({ user, parentType, field, userScopes, fieldNode, path, executionArgs }) {
  const requirements = requirementsOf(parentType, field, executionArgs.schema);
  if (!requirements) {
    return undefined;
  }
  if (user == null) {
    return denial('UNAUTHENTICATED', 'auth.required', fieldNode, path);
  }
  const granted = requirements.every((required) => !required.length || hasScopes(required, userScopes));
  return granted ? undefined : denial('FORBIDDEN', 'auth.forbidden', fieldNode, path);
}

// Per schema field, computed once: the scope alternatives of every placement that guards it
// (an empty list for a bare @authenticated), or null when the field is open.
const requirementsByField = new WeakMap();

function requirementsOf(parentType, field, schema) {
  let byParent = requirementsByField.get(field);
  if (!byParent) {
    byParent = new WeakMap();
    requirementsByField.set(field, byParent);
  }
  if (!byParent.has(parentType)) {
    const requirements = placements(parentType, field, schema)
      .map((element) => requirementOf(element, schema))
      .filter((requirement) => requirement !== null);
    byParent.set(parentType, requirements.length ? requirements : null);
  }
  return byParent.get(parentType);
}

// Selected on an interface, a field is guarded as on every implementation.
function placements(parentType, field, schema) {
  const owners = isInterfaceType(parentType)
    ? [parentType, ...schema.getPossibleTypes(parentType)]
    : [parentType];
  const elements = [getNamedType(field.type)];
  for (const owner of owners) {
    const ownField = owner.getFields()[field.name];
    elements.push(owner, ownField);
    if (isObjectType(owner) || isInterfaceType(owner)) {
      for (const contract of owner.getInterfaces()) {
        elements.push(contract, contract.getFields()[field.name]);
      }
    }
  }
  return elements.filter(Boolean);
}

function requirementOf(element, schema) {
  const directives = getDirectiveExtensions(element, schema);
  const scopes = directives.requiresScopes?.[0]?.scopes;
  if (scopes?.length) {
    return scopes;
  }
  return directives.authenticated ? [] : null;
}

/** `user` is the verified JWT payload; `scope` is space-separated (OAuth2) or a list. */
export function extractScopes(user) {
  const scope = user?.scope ?? user?.scp;
  if (Array.isArray(scope)) {
    return scope.map(String);
  }
  return typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
}

// @requiresScopes(scopes: [["a", "b"], ["c"]]) means (a AND b) OR c.
function hasScopes(required, userScopes) {
  return required.some((all) => all.every((scope) => userScopes.includes(scope)));
}

function unauthenticated(key) {
  return routerError(key, {}, { code: 'UNAUTHENTICATED', http: { status: 401 } });
}

function denial(code, key, fieldNode, path) {
  return routerError(key, {}, { code }, { nodes: fieldNode ? [fieldNode] : undefined, path });
}
