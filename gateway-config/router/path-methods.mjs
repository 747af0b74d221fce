// The methods each path of the router takes: one table for every place that refuses a method (the
// plugins inside GraphQL Yoga, the health endpoints' guard before it, and a request that Node's parser
// refuses for its method alone, router/transport-errors.mjs), so a method is answered alike wherever
// it is judged: 405 with the path's Allow where something is served, 404 where nothing is.
import { GRAPHQL_PATH, HEALTH_ENDPOINTS, METRICS_PATH, OPS_PATH } from './settings.mjs';

/** GraphQL over HTTP: GraphQL Yoga's request parsers read no other methods. */
export const GRAPHQL_METHODS = 'GET, POST';
/** The health checks, the operator page and the Prometheus text are only read. */
export const READ_METHODS = 'GET, HEAD';

const HEALTH_PATHS = Object.values(HEALTH_ENDPOINTS);
// Only to read a request target's path, which may be absolute (`POST http://host/readiness`).
const BASE = 'http://router.invalid';

/** The path of a request target as it arrived (origin or absolute form), dot segments resolved. */
export function pathOf(target) {
  return new URL(target, BASE).pathname;
}

/** Whether `pathname` is the operator page or below it (its data and assets). */
export function isOpsPath(pathname) {
  return pathname === OPS_PATH || pathname.startsWith(`${OPS_PATH}/`);
}

/**
 * The methods `pathname` takes, as its Allow header, or null where the router serves nothing. A path
 * is served only as written: with a trailing slash it names nothing (`/graphql/`, `/ops/`, `/metrics/`),
 * as at a subgraph. `metricsPath`: null when the router serves no Prometheus text.
 */
export function pathMethods(pathname, { metricsPath = METRICS_PATH } = {}) {
  if (pathname.length > 1 && pathname.endsWith('/')) {
    return null;
  }
  if (pathname === GRAPHQL_PATH) {
    return GRAPHQL_METHODS;
  }
  return HEALTH_PATHS.includes(pathname) || pathname === metricsPath || isOpsPath(pathname) ? READ_METHODS : null;
}
