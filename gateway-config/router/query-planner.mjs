// Who plans and executes each operation across the subgraphs (ROUTER_QUERY_PLANNER, router/settings.mjs):
// Hive's Rust query planner by default, Hive Gateway's own JavaScript planner on request.
import { documentStringMap } from '@envelop/core';
import { unifiedGraphHandler as rustQueryPlanner } from '@graphql-hive/router-runtime';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';
import { getNamedType, Kind, print, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
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
const PLANNER_UNREADABLE = /\\u\{|\\u[dD][89abAB]|\d{19}/;
const I64_MAX = 2n ** 63n - 1n;
const looked = new WeakSet();

function readableByThePlanner(document, schema) {
  if (looked.has(document)) {
    return;
  }
  looked.add(document);
  if (!PLANNER_UNREADABLE.test(documentStringMap.get(document) ?? '')) {
    return;
  }
  const types = new TypeInfo(schema);
  const readable = visit(document, visitWithTypeInfo(types, {
    IntValue(node) {
      const value = BigInt(node.value);
      return (value > I64_MAX || value < -I64_MAX - 1n) && getNamedType(types.getInputType())?.name === 'ID'
        ? { kind: Kind.STRING, value: node.value } : undefined;
    },
  }));
  documentStringMap.set(document, print(readable));
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
