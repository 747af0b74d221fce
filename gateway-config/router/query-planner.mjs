// Who plans and executes each operation across the subgraphs (ROUTER_QUERY_PLANNER, router/settings.mjs):
// Hive's Rust query planner by default, Hive Gateway's own JavaScript planner on request.
import { unifiedGraphHandler as rustQueryPlanner } from '@graphql-hive/router-runtime';

/** The Hive Gateway options that choose the planner: none for its own. */
export function queryPlannerOptions(planner) {
  return planner === 'rust' ? { unifiedGraphHandler: rustQueryPlanner } : {};
}

/**
 * An executed operation always answers `data`, null when nothing could be answered: the Rust
 * planner leaves it out when a subgraph answered none (a subgraph's limit refused its fetch), which
 * by the GraphQL specification means the request was refused before execution.
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
