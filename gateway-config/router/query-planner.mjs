// Who plans and executes each operation across the subgraphs (ROUTER_QUERY_PLANNER, router/settings.mjs):
// Hive's Rust query planner by default, Hive Gateway's own JavaScript planner on request.
import { documentStringMap } from '@envelop/core';
import { unifiedGraphHandler as rustQueryPlanner } from '@graphql-hive/router-runtime';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';
import { getNamedType, Kind, print, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { NOTHING } from './empty-selection.mjs';
import { withFetchFailuresPositioned } from './fetch-failures.mjs';
import { routerError } from './messages.mjs';
import { propagateNulls } from './null-propagation.mjs';

/** The Hive Gateway options that choose the planner: none for its own. */
export function queryPlannerOptions(planner) {
  return planner === 'rust' ? { unifiedGraphHandler: rustPlannerKeepingTheContract } : {};
}

/**
 * The Rust planner with the GraphQL specification's answer to a failed field, as graphql-js gives it for
 * the JavaScript planner: a failed fetch's errors at the fields it was to answer, list indices included
 * (router/fetch-failures.mjs), and nulls propagated to the nearest nullable parent (router/null-propagation.mjs).
 * An answer without errors costs one check more.
 */
export async function rustPlannerKeepingTheContract(options) {
  const handler = await rustQueryPlanner({ ...options, onSubgraphExecute: withFetchFailuresPositioned(options.onSubgraphExecute) });
  return {
    ...handler,
    executor: (request) => handleMaybePromise(() => {
      readableByThePlanner(request.document, handler.unifiedGraph);
      return handler.executor(request);
    }, (result) => propagateNulls(result, request, handler.unifiedGraph), plannerRefusal),
  };
}

// The Rust planner parses the client's document text again (Hive keeps it per parsed document), and its
// parser refuses three kinds of literal that GraphQL allows and graphql-js reads: a braced Unicode escape
// ("\u{1F600}"), an escaped surrogate pair ("\uD83D\uDE00") and an integer beyond 64 bits (valid for an
// ID). It failed the request as INTERNAL. Such a document (found by a first look at its text, once per
// parsed document) is handed to the planner printed by graphql-js, its strings with the characters
// themselves and each such integer at an ID written as the string it stands for, which is its value.
// A document without its text is one the router made (router/authorization.mjs's copy without the
// denied fields): the planner gets it printed, its integers as written, so it is looked at the same way.
//
// The planner also drops a field whose selection holds only fragments that select nothing, whatever
// the request's variables (`node { ... @include(if: true) { name @skip(if: true) } }`), and the runtime
// then answers its parent null without an error. Execution answers such a field `{}`. The planner's
// copy of such a document keeps the fields and leaves out what cannot change the answer: a condition
// that always holds (`@include(if: true)`, `@skip(if: false)`) and a fragment that selects nothing;
// a selection left empty is `__typename @skip(if: true)`, which the planner answers `{}` as it should.
// The answer is still read off the client's document.
const PLANNER_UNREADABLE = /\\u\{|\\u[dD][89abAB]|\d{19}/;
const LITERAL_CONDITION = /@\s*(?:skip|include)\s*\(\s*if\s*:\s*(?:true|false)/;
const I64_MAX = 2n ** 63n - 1n;
const looked = new WeakSet();

function readableByThePlanner(document, schema) {
  if (looked.has(document)) {
    return;
  }
  looked.add(document);
  const text = documentStringMap.get(document) ?? print(document);
  const unreadable = PLANNER_UNREADABLE.test(text);
  const conditions = LITERAL_CONDITION.test(text);
  if (!unreadable && !conditions) {
    return;
  }
  let readable = conditions ? withoutConstantConditions(document) : document;
  if (unreadable) {
    const types = new TypeInfo(schema);
    readable = visit(readable, visitWithTypeInfo(types, {
      IntValue(node) {
        const value = BigInt(node.value);
        return (value > I64_MAX || value < -I64_MAX - 1n) && getNamedType(types.getInputType())?.name === 'ID'
          ? { kind: Kind.STRING, value: node.value } : undefined;
      },
    }));
  }
  documentStringMap.set(document, print(readable));
}

function withoutConstantConditions(document) {
  const fragments = new Map(document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]));
  const emptyFragments = new Map();
  const selectsNothing = (selectionSet, seen = new Set()) => selectionSet.selections.every((selection) => {
    if (literalCondition(selection) === false) {
      return true;
    }
    if (selection.kind === Kind.FIELD) {
      return false;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return selectsNothing(selection.selectionSet, seen);
    }
    const name = selection.name.value;
    if (!emptyFragments.has(name)) {
      const fragment = fragments.get(name);
      emptyFragments.set(name, Boolean(fragment) && !seen.has(name) && selectsNothing(fragment.selectionSet, new Set([...seen, name])));
    }
    return emptyFragments.get(name);
  });
  const kept = (selection) => selection.kind === Kind.FIELD || literalCondition(selection) === false
    || !(selection.kind === Kind.INLINE_FRAGMENT ? selectsNothing(selection.selectionSet) : selectsNothing({ selections: [selection] }));
  const copy = visit(document, {
    Directive(node) {
      const condition = node.name.value === 'skip' || node.name.value === 'include';
      return condition && literalCondition({ directives: [node] }) === true ? null : undefined;
    },
    SelectionSet(node) {
      const selections = node.selections.filter(kept);
      if (selections.length === node.selections.length) {
        return undefined;
      }
      return { ...node, selections: selections.length ? selections : [NOTHING] };
    },
  });
  const spread = new Set();
  visit(copy, { FragmentSpread: (node) => { spread.add(node.name.value); } });
  return { ...copy, definitions: copy.definitions.filter((definition) => definition.kind !== Kind.FRAGMENT_DEFINITION
    || spread.has(definition.name.value)) };
}

// true: the selection's conditions always hold by their literals; false: one never holds; null: it depends.
function literalCondition(selection) {
  let always = true;
  for (const directive of selection.directives ?? []) {
    const name = directive.name.value;
    const value = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    if (name !== 'skip' && name !== 'include') {
      continue;
    }
    if (value?.kind !== Kind.BOOLEAN) {
      always = null;
    } else if (value.value === (name === 'skip')) {
      return false;
    }
  }
  return always;
}

/** Whatever else the Rust planner's parser cannot read is the client's document, not the router's failure: 400 BAD_USER_INPUT. */
export function plannerRefusal(error) {
  if (/^Failed to parse query/.test(error?.message ?? '')) {
    throw routerError('request.unplannable', {}, { code: 'BAD_USER_INPUT', reason: 'UNPLANNABLE_DOCUMENT', http: { status: 400 } });
  }
  throw error;
}

/**
 * An executed operation always answers `data`: the Rust planner's runtime leaves it out when no fetch
 * answered any, which by the GraphQL specification means the request was refused before execution.
 * (With an error, router/null-propagation.mjs has completed `data` already.)
 */
export function useExecutionData() {
  return {
    onExecutionResult({ result, setResult }) {
      if (result && !(Symbol.asyncIterator in result) && result.data === undefined) {
        setResult({ ...result, data: null });
      }
    },
  };
}
