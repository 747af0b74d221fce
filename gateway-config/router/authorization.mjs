// Enforces @authenticated / @requiresScopes of the supergraph at the router, with the error codes of
// the platform's documented list: no token -> UNAUTHENTICATED, missing scope -> FORBIDDEN. A denied
// field is removed from the operation and answered with null plus that error; the rest is served as far
// as GraphQL's null propagation lets it: a denied non-null field nulls its nearest nullable parent.
// Where a directive counts is contract/directive-placements.json, which the subgraphs'
// SchemaAuthorization runs too: the field, its parent type, its return type and their interfaces.
//
// What an operation's guarded fields are is worked out once per parsed document; a request only
// compares its caller's scopes with them. A request with nothing denied runs the document as parsed,
// so the query planner's plan for it is reused; a request with denials runs a copy without them,
// made once per set of denials.
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { getDirectiveExtensions } from '@graphql-tools/utils';
import { API_KEY_HEADER } from './api-keys.mjs';
import { included, NOTHING } from './empty-selection.mjs';
import { propagateNulls } from './null-propagation.mjs';
import { perOperation } from './per-operation.mjs';
import { routerError } from './messages.mjs';

/**
 * The router's authorization, an Envelop plugin for queries and mutations (the supergraph has no
 * subscriptions): `decide`, early in the plugin list, before the error codes and metrics see the
 * result. An operation whose every field it denies selects nothing, which router/empty-selection.mjs
 * answers without planning it.
 */
export function authorizationPlugins(apiKeys) {
  const denials = new WeakMap();
  const decide = {
    onContextBuilding({ context, extendContext }) {
      const user = resolveUser(context, apiKeys);
      if (context.currentUser !== user) {
        extendContext({ currentUser: user });
      }
    },
    onExecute({ args }) {
      const guards = guardsOf(args.document, args.operationName, args.schema);
      if (!guards.length) {
        return undefined;
      }
      const denied = deniedGuards(guards, args);
      if (!denied.length) {
        return undefined;
      }
      // A denied non-null field's null propagates: the answer is completed over the client's document.
      const client = { document: args.document, operationName: args.operationName, variables: args.variableValues };
      const propagation = denied.some(({ nonNull }) => nonNull) ? { request: client, schema: args.schema } : null;
      const document = withoutDenied(args.document, args.operationName, denied, propagation?.schema);
      denials.set(args.contextValue, { document });
      args.document = document;
      const errors = denied.map(({ error }) => error);
      return {
        onExecuteDone({ result, setResult }) {
          setResult(withDenials(result, errors, propagation));
        },
      };
    },
  };
  return { decide };
}

/**
 * The operation's guarded field selections, in document order, each `{ node, path, requirements,
 * conditions, enclosing, nonNull }`: a field inside a fragment once per place the fragment is spread, its
 * path with `@` after each list (as Apollo Router reports denied fields), its requirements those of
 * every type it may be selected on (an empty list for a bare @authenticated).
 */
export const guardsOf = perOperation(collectGuards);

function collectGuards(document, operationName, schema) {
  // When the name picks no single operation, execution refuses it; should an executor pick one
  // anyway, every operation of the document is checked.
  const selected = getOperationAST(document, operationName);
  const operations = selected ? [selected] : document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(document.definitions
    .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]));
  const guards = [];
  // `expanded`: the fragments already spread into this field's selection, each taken once as
  // execution does (which also keeps a fragment spread within itself finite). `enclosing`: the guards
  // of the fields around it; a field under a denied one is not reported, as it is removed with it.
  // `conditions`: the nodes on the way (fields, fragments, spreads) with @skip or @include; a field
  // that one of them leaves out is not executed, so not denied either.
  const walk = (selectionSet, parentType, path, expanded, enclosing, conditions) => {
    for (const selection of selectionSet.selections) {
      const under = isConditional(selection) ? [...conditions, selection] : conditions;
      if (selection.kind === Kind.FIELD) {
        walkField(selection, parentType, path, enclosing, under);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        walk(selection.selectionSet, type ?? parentType, path, expanded, enclosing, under);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD && !expanded.has(selection.name.value)) {
        // A spread that may be skipped does not take the fragment: a later spread of it may be executed.
        if (under === conditions) {
          expanded.add(selection.name.value);
        }
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (type) {
          walk(fragment.selectionSet, type, path, expanded, enclosing, under);
        }
      }
    }
  };
  const walkField = (node, parentType, path, enclosing, conditions) => {
    if (isIntrospectionType(parentType)) {
      return;
    }
    // On a union only __typename can be selected; its members' fields otherwise come through fragments.
    const owners = isUnionType(parentType) ? parentType.getTypes() : [parentType];
    let definition = null;
    const requirements = [];
    for (const owner of owners) {
      const field = owner.getFields()[node.name.value];
      if (field) {
        definition ??= field;
        requirements.push(...(requirementsOf(owner, field, schema) ?? []));
      }
    }
    if (!definition) {
      return;
    }
    const fieldPath = [...path, node.alias?.value ?? node.name.value];
    let inside = enclosing;
    if (requirements.length) {
      const guard = { node, path: fieldPath, requirements, conditions, enclosing, nonNull: isNonNullType(definition.type) };
      guards.push(guard);
      inside = [...enclosing, guard];
    }
    if (node.selectionSet) {
      const list = isListType(getNullableType(definition.type));
      walk(node.selectionSet, getNamedType(definition.type), list ? [...fieldPath, '@'] : fieldPath, new Set(), inside, conditions);
    }
  };
  for (const operation of operations) {
    const root = schema.getRootType(operation.operation);
    if (root) {
      walk(operation.selectionSet, root, [], new Set(), [], []);
    }
  }
  return guards;
}

/**
 * The caller: the verified JWT payload, or a machine client presenting an API key
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

/** The guards this request is denied, each with its error; empty when everything is allowed. */
function deniedGuards(guards, args) {
  const user = args.contextValue.currentUser;
  const userScopes = user == null ? null : extractScopes(user);
  let variables;
  const denied = [];
  const refused = new Set();
  const deniedPlaces = new Set();
  for (const guard of guards) {
    if (guard.enclosing.some((outer) => refused.has(outer))) {
      continue;
    }
    if (guard.conditions.length) {
      variables ??= coercedVariables(args);
      if (!guard.conditions.every((node) => included(node, variables))) {
        continue;
      }
    }
    const code = user == null ? 'UNAUTHENTICATED' : refusalCode(guard.requirements, userScopes);
    // A field reached through two spreads of one fragment is denied once.
    const place = `${nodeId(guard.node)}:${guard.path.join('.')}`;
    if (code) {
      refused.add(guard);
      if (!deniedPlaces.has(place)) {
        deniedPlaces.add(place);
        const key = code === 'UNAUTHENTICATED' ? 'auth.required' : 'auth.forbidden';
        denied.push({ node: guard.node, nonNull: guard.nonNull, error: denial(code, key, guard.node, guard.path) });
      }
    }
  }
  return denied;
}

function refusalCode(requirements, userScopes) {
  const granted = requirements.every((required) => !required.length || hasScopes(required, userScopes));
  return granted ? null : 'FORBIDDEN';
}

function isConditional(node) {
  return node.directives?.some((directive) => directive.name.value === 'skip' || directive.name.value === 'include');
}

// Variables as execution will see them (defaults applied); unusable ones are refused by execution
// itself, and until then every conditional field counts as selected.
function coercedVariables(args) {
  const operation = getOperationAST(args.document, args.operationName);
  const { coerced } = getVariableValues(args.schema, operation?.variableDefinitions ?? [], args.variableValues ?? {});
  return coerced ?? null;
}

// Parsed document -> operation and denied nodes -> the copy without them. Weak: a document that
// leaves the parse cache takes its copies along. A few sets of denials per document are kept (one per
// kind of caller, in practice); beyond them a request makes its own copy.
const copies = new WeakMap();
const MAX_COPIES_PER_DOCUMENT = 16;
const nodeIds = new WeakMap();
let nextNodeId = 0;

function withoutDenied(document, operationName, denied, typedFor) {
  const nodes = new Set(denied.map(({ node }) => node));
  const key = `${operationName ?? ''}:${[...nodes].map(nodeId).sort((a, b) => a - b).join(',')}`;
  let byDenials = copies.get(document);
  if (!byDenials) {
    byDenials = new Map();
    copies.set(document, byDenials);
  }
  let copy = byDenials.get(key);
  if (!copy) {
    copy = pruned(document, nodes);
    if (typedFor) {
      copy = withTypenames(copy, typedFor);
    }
    if (byDenials.size < MAX_COPIES_PER_DOCUMENT) {
      byDenials.set(key, copy);
    }
  }
  return copy;
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
 * The document without the denied field nodes, and without what that leaves empty: an inline
 * fragment, a fragment and its spreads, then fragments no longer spread. A field whose selection set
 * is now empty stays, selecting `__typename @skip(if: true)`: it is answered as execution answers it,
 * an object (each element of its lists one), null where there is none, so that each denied field
 * under it has its null in place. An operation may be left with an empty selection set (everything
 * denied).
 */
function pruned(document, deniedNodes) {
  const leaveEmpty = (node) => (node.selectionSet?.selections.length === 0 ? null : undefined);
  const selectNothing = (node) => (node.selectionSet?.selections.length === 0
    ? { ...node, selectionSet: { ...node.selectionSet, selections: [NOTHING] } } : undefined);
  let copy = visit(document, {
    Field: { enter: (node) => (deniedNodes.has(node) ? null : undefined), leave: selectNothing },
    InlineFragment: { leave: leaveEmpty },
  });
  for (;;) {
    const gone = new Set(copy.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.selectionSet.selections.length === 0)
      .map((fragment) => fragment.name.value));
    if (!gone.size) {
      return withoutUnusedFragments(copy);
    }
    const kept = copy.definitions.filter((definition) => definition.kind !== Kind.FRAGMENT_DEFINITION
      || !gone.has(definition.name.value));
    copy = visit({ ...copy, definitions: kept }, {
      FragmentSpread: (node) => (gone.has(node.name.value) ? null : undefined),
      Field: { leave: selectNothing },
      InlineFragment: { leave: leaveEmpty },
    });
  }
}

function withoutUnusedFragments(document) {
  const fragments = new Map(document.definitions
    .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]));
  const used = new Set();
  const spreadsIn = (node) => visit(node, {
    FragmentSpread: (spread) => {
      if (!used.has(spread.name.value)) {
        used.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) {
          spreadsIn(fragment);
        }
      }
    },
  });
  document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).forEach(spreadsIn);
  return used.size === fragments.size
    ? document
    : { ...document, definitions: document.definitions.filter((definition) => definition.kind !== Kind.FRAGMENT_DEFINITION
      || used.has(definition.name.value)) };
}

/**
 * A copy for an answer that will be completed over the client's document: every selection on a union or
 * an interface also selects `__typename`, by which the completion tells the object's type. The client's
 * document decides what is answered, so it is not answered where the client did not select it.
 */
function withTypenames(document, schema) {
  const types = new TypeInfo(schema);
  return visit(document, visitWithTypeInfo(types, {
    SelectionSet(node) {
      const type = types.getParentType();
      // one that @skip or @include may leave out (the `NOTHING` of an emptied selection) does not count
      const named = node.selections.some((selection) => selection.kind === Kind.FIELD && !selection.directives?.length
        && (selection.alias?.value ?? selection.name.value) === '__typename');
      return type && !isObjectType(type) && !named
        ? { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] }
        : undefined;
    },
  }));
}

/**
 * The result with each denied field set to null where its parent was answered, and the denials' errors;
 * with a denied non-null field, completed over the client's document, so that its null propagates to the
 * nearest nullable parent (`data` itself at the root) as execution propagates it (router/null-propagation.mjs).
 */
function withDenials(result, errors, propagation) {
  if (!result || Symbol.asyncIterator in result) {
    return result;
  }
  for (const error of errors) {
    nullAt(result.data, error.path, 0);
  }
  if (propagation && result.data) {
    return propagateNulls(result, propagation.request, propagation.schema, errors);
  }
  return { ...result, errors: [...(result.errors ?? []), ...errors] };
}

// A field left out because everything under it was denied is answered as an object of nulls.
function nullAt(value, path, index) {
  if (value === null || typeof value !== 'object') {
    return;
  }
  const key = path[index];
  if (key === '@') {
    if (Array.isArray(value)) {
      value.forEach((item) => nullAt(item, path, index + 1));
    }
    return;
  }
  if (index === path.length - 1) {
    value[key] = null;
    return;
  }
  if (value[key] === undefined && path[index + 1] !== '@') {
    value[key] = {};
  }
  nullAt(value[key], path, index + 1);
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
