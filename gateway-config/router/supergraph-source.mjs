// The router's supergraph from a store (router/supergraph-store.mjs, SUPERGRAPH_STORE): Hive Gateway
// calls `load` at start and then every SUPERGRAPH_POLL_MS. A version that is missing or does not
// validate never reaches Hive: `load` answers the version it served before, logs the refusal once
// and counts it. Each response names the version its operation ran on (x-supergraph-version).
import { Counter, Gauge, register } from 'prom-client';
import { readPointer, readVersion } from './supergraph-store.mjs';
import { validateSupergraph } from './supergraph-validation.mjs';
import { routerLog } from './log.mjs';

export const VERSION_HEADER = 'x-supergraph-version';

/**
 * @param {string} dir the store
 * @returns {{ load: () => string, plugin: object }}
 */
export function storeSupergraph(dir, { registry = register, log = routerLog, exit = (code) => process.exit(code) } = {}) {
  const metrics = storeMetrics(registry);
  const refused = new Set();
  // Version files are immutable: one that failed validation is not validated again.
  const invalid = new Map();
  let served = null;
  // Hive loads one supergraph at a time, so the schema it builds next is from the text `load` returned last.
  let returned = null;
  const versionBySchema = new WeakMap();
  const versionByRequest = new WeakMap();

  function load() {
    const { version, text, problem } = candidate();
    if (problem) {
      return refuse(version, problem);
    }
    metrics.pointerRefused.set(0);
    if (served?.version !== version) {
      // The version in a comment: Hive rebuilds only when the text changes, and every version is one swap.
      served = { version, text: `# supergraph version ${version} from ${dir}\n${text}` };
    }
    returned = version;
    return served.text;
  }

  function candidate() {
    let pointer;
    try {
      pointer = readPointer(dir);
    } catch (error) {
      return { problem: { reason: 'pointer', message: `unreadable pointer: ${error.message}` } };
    }
    if (!pointer) {
      return { problem: { reason: 'pointer', message: 'no version promoted yet' } };
    }
    const { version } = pointer;
    if (served?.version === version) {
      return { version, text: null };
    }
    if (invalid.has(version)) {
      return { version, problem: invalid.get(version) };
    }
    let text;
    try {
      text = readVersion(dir, version);
    } catch (error) {
      return { version, problem: { reason: 'missing', message: `version ${version}: ${error.message}` } };
    }
    try {
      validateSupergraph(text);
    } catch (error) {
      invalid.set(version, { reason: 'invalid', message: `version ${version} does not validate: ${error.message}` });
      return { version, problem: invalid.get(version) };
    }
    return { version, text };
  }

  function refuse(version, { reason, message }) {
    const key = `${version}:${reason}:${message}`;
    if (!refused.has(key)) {
      refused.add(key);
      metrics.refusals.inc({ reason });
      log.error(`supergraph store ${dir}: refused ${message}; ${served ? `still serving version ${served.version}` : 'nothing to serve yet'}`);
    }
    metrics.pointerRefused.set(1);
    if (!served) {
      // Nothing to serve at start: the router stops with the line above, not with Hive's logs of the error
      // and its stack (a router that cannot serve must not join a load balancer).
      exit(1);
      throw new Error(`supergraph store ${dir}: ${message}`);
    }
    returned = served.version;
    return served.text;
  }

  const plugin = {
    onSchemaChange({ schema }) {
      if (returned === null) {
        return;
      }
      versionBySchema.set(schema, returned);
      metrics.served.reset();
      metrics.served.set({ version: String(returned) }, 1);
    },
    onExecute({ args }) {
      const version = versionBySchema.get(args.schema);
      if (version !== undefined && args.contextValue?.request) {
        versionByRequest.set(args.contextValue.request, version);
      }
    },
    // Without an execution (a refused request) the header names the version served at that moment.
    onResponse({ request, response }) {
      const version = versionByRequest.get(request) ?? served?.version;
      if (version !== undefined) {
        response.headers.set(VERSION_HEADER, String(version));
      }
    },
  };
  return { load, plugin };
}

function storeMetrics(registry) {
  const metric = (Type, options) => registry.getSingleMetric(options.name) ?? new Type({ ...options, registers: [registry] });
  return {
    refusals: metric(Counter, {
      name: 'router_supergraph_refused_total',
      help: 'Supergraph versions the router refused to serve (counted once per version and reason)',
      labelNames: ['reason'],
    }),
    pointerRefused: metric(Gauge, {
      name: 'router_supergraph_pointer_refused',
      help: '1 while the store\'s current version is refused and the router serves an older one',
    }),
    served: metric(Gauge, {
      name: 'router_supergraph_version',
      help: 'The supergraph version the router serves (value 1, the version as label)',
      labelNames: ['version'],
    }),
  };
}
