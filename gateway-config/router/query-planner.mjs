// Who plans and executes each operation across the subgraphs (ROUTER_QUERY_PLANNER, router/settings.mjs):
// Hive's Rust query planner by default, Hive Gateway's own JavaScript planner on request.
import { unifiedGraphHandler as rustQueryPlanner } from '@graphql-hive/router-runtime';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';
import { withFetchFailuresPositioned } from './fetch-failures.mjs';
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
    executor: (request) => handleMaybePromise(() => handler.executor(request),
      (result) => propagateNulls(result, request, handler.unifiedGraph)),
  };
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
