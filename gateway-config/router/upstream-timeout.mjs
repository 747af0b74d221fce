// The subgraphs' timeouts (<NAME>_TIMEOUT_MS, router/settings.mjs): a subgraph request that has not
// answered in time is aborted and fails with GATEWAY_TIMEOUT, which router/errors.mjs answers as
// SERVICE_UNAVAILABLE naming the subgraph, beside the data of the rest of the plan.
//
// Why not Hive Gateway's `upstreamTimeout`: it times each subgraph request with `AbortSignal.timeout`,
// whose timer cannot be cleared, joined to the request's signal by listeners that keep the signal
// and what it reaches alive until the timeout fires, 5-10 s after the answer. That put every
// subgraph request's objects in the old generation, and the old generation's collections are the
// router's latency tail. Hive's plugin also timed every fetch a second time: it files the first
// timeout under a copy of the request and looks it up under the original (docs/performance.md).
// Here one timer per subgraph request is cleared when the request settles.
//
// A settled request's signal is then aborted, with SETTLED as its reason. Hive's HTTP executor joins
// each request's signal to a signal of its own that lives as long as the gateway, by a listener on
// that long-lived signal that goes only when the joined signal aborts or is collected. Thousands
// piled up between collections, and adding a listener walks all of them: 20 µs a subgraph request
// (docs/performance.md). Aborting the finished request's signal takes its listener off at once.
import { createGraphQLError } from '@graphql-tools/utils';
import { UPSTREAM_TIMEOUT } from './errors.mjs';

/** The reason a subgraph request's signal is aborted with once its answer is in: nothing failed. */
export const SETTLED = Object.freeze(new Error('The subgraph request has settled'));

/** The plugin: `timeoutOf(subgraphName)` milliseconds for each request to that subgraph, none if unset. */
export function useUpstreamTimeouts(timeoutOf) {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const timeoutMs = subgraphName ? timeoutOf(subgraphName) : undefined;
      if (timeoutMs) {
        setExecutor((request) => withTimeout(executor, request, subgraphName, timeoutMs));
      }
    },
  };
}

function withTimeout(execute, request, subgraphName, timeoutMs) {
  // Aborted by the timeout, or with the client request's own signal (a client gone, the request deadline).
  const controller = new AbortController();
  const outer = request.signal;
  const abortWithOuter = () => controller.abort(outer.reason);
  if (outer?.aborted) {
    controller.abort(outer.reason);
  } else {
    outer?.addEventListener('abort', abortWithOuter, { once: true });
  }
  let timer;
  const timedOut = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      const error = createGraphQLError(`The ${subgraphName} subgraph did not answer within ${timeoutMs} ms`, {
        extensions: { code: UPSTREAM_TIMEOUT, serviceName: subgraphName, http: { status: 504 } },
      });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const over = (answer) => {
    clearTimeout(timer);
    outer?.removeEventListener('abort', abortWithOuter);
    // A streamed answer (@defer, a subscription) still reads through the signal.
    if (!isAsyncIterable(answer)) {
      controller.abort(SETTLED);
    }
  };
  let result;
  try {
    result = execute({ ...request, signal: controller.signal });
  } catch (error) {
    over(undefined);
    throw error;
  }
  if (typeof result?.then !== 'function') {
    over(result);
    return result;
  }
  return Promise.race([timedOut, result]).then(
    (answer) => {
      over(answer);
      return answer;
    },
    (error) => {
      over(undefined);
      throw error;
    },
  );
}

function isAsyncIterable(value) {
  return typeof value?.[Symbol.asyncIterator] === 'function';
}
