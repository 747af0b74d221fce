// The subgraphs' timeouts (<NAME>_TIMEOUT_MS, router/settings.mjs) as Hive Gateway's `upstreamTimeout`,
// applied once per subgraph request instead of twice.
//
// Hive's timeout plugin asks for the timeout twice per subgraph request: when the subgraph execution
// starts (it wraps the executor in a timeout) and again when that execution's HTTP fetch starts. It
// means to skip the second when the first was set, but files the first under a copy of the request
// and looks it up by the original, so every fetch got a second timeout. Each is an
// `AbortSignal.timeout` joined to the request's signal by listeners that keep both alive until the
// timeout fires, seconds after the fetch: objects every request promotes to the old generation and
// work on every fetch, for a bound the first timeout already sets (docs/performance.md).

/**
 * Hive Gateway's `upstreamTimeout` option: `timeoutOf(subgraphName)` for a subgraph request seen for
 * the first time, none when the same request is asked about again (its fetch, bounded by the
 * execution's timeout, which aborts the fetch through its signal).
 */
export function upstreamTimeoutOncePerRequest(timeoutOf) {
  const timed = new WeakSet();
  return ({ subgraphName, executionRequest }) => {
    if (executionRequest) {
      if (timed.has(executionRequest)) {
        return undefined;
      }
      timed.add(executionRequest);
    }
    return subgraphName ? timeoutOf(subgraphName) : undefined;
  };
}
