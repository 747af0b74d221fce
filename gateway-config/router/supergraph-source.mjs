// The router's supergraph from a store (router/supergraph-store.mjs, SUPERGRAPH_STORE): Hive Gateway
// calls `load` at start and then every SUPERGRAPH_POLL_MS. Whatever the store holds, however it got
// there, is checked as the store's commands check it (router/supergraph-validation.mjs, with the trusted
// documents this router loaded) before Hive sees it; a version that fails never reaches Hive: `load`
// answers the version served before, logs the refusal once and counts it. Each response names the version
// its operation ran on (x-supergraph-version).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Gauge, register } from 'prom-client';
import { MAX_POINTER_BYTES, MAX_VERSION_BYTES, POINTER_FILE, STORE_READ_DEADLINE_MS, StoreRefusal, SupergraphProblem,
  parsePointer, requireVersionSize, versionFile, versionText } from './supergraph-store.mjs';
import { checkSupergraph } from './supergraph-validation.mjs';
import { refusedSupergraphs } from './supergraph-metrics.mjs';
import { UnusableFile, readBoundedFileAsync, readProblem } from './setting-files.mjs';
import { routerLog } from './log.mjs';

export const VERSION_HEADER = 'x-supergraph-version';
/** How often a starting router that has nothing to serve yet tries the store again. */
const START_RETRY_MS = 1000;
const TERMINATING = ['SIGINT', 'SIGTERM'];
/** Refused version files remembered, so an unchanged one is not read and checked again on every poll. */
const REMEMBERED_REFUSALS = 100;

/** Why the router does not serve the store's current version: `reason` as the metric counts it. */
class Refusal extends Error {
  constructor(reason, message, version = null) {
    super(message);
    this.reason = reason;
    this.version = version;
  }
}

/**
 * @param {string} dir the store
 * @param {{ trustedDocuments: { file: string, documents: Map<string, string> } }} options the trusted
 *   documents every version must keep valid, as the router loaded them
 * @returns {{ load: () => Promise<string>, plugin: object }}
 */
export function storeSupergraph(dir, { trustedDocuments, shutdownTimeoutMs = 0, registry = register, log = routerLog,
  readDeadlineMs = STORE_READ_DEADLINE_MS, startRetryMs = START_RETRY_MS, exit = (code) => process.exit(code) } = {}) {
  const metrics = storeMetrics(registry);
  // The refusals logged and counted since the router last served the store's current version.
  const reported = new Set();
  // By the version file's identity, size and time: a file that changes is read and checked again.
  const refusedFiles = new Map();
  let served = null;
  // Hive loads one supergraph at a time, so the schema it builds next is from the text `load` returned last.
  let returned = null;
  let pendingRead = false;
  const versionBySchema = new WeakMap();
  const versionByRequest = new WeakMap();
  const stopped = new Promise((resolve) => TERMINATING.forEach((signal) => process.once(signal, () => resolve(signal))));
  // A read of a hung store never ends, and keeps Node running after Hive's shutdown: once that has had its
  // time, the router ends without the read.
  stopped.then((signal) => setTimeout(() => pendingRead && end(signal), shutdownTimeoutMs + 1000).unref());

  /**
   * Ends the process on `signal`; with a read of the store hanging, as a process without a handler for the
   * signal ends, since process.exit would wait for the thread that reads.
   */
  function end(signal) {
    if (!pendingRead) {
      exit(0);
      return;
    }
    log.warn(`supergraph store ${dir}: a read of the store has not answered; ending on ${signal} without it`);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }

  /** At start: waits until the store has a version this router can serve. Then: the one to serve now. */
  async function load() {
    if (served) {
      return (await attempt()) ?? served.text;
    }
    // Not listening yet, nothing to drain: a stop while waiting ends the process at once (Hive's own handlers
    // only dispose, and this loop would keep the process alive until the kubelet's SIGKILL).
    for (;;) {
      const text = await attempt();
      if (text) {
        return text;
      }
      let timer;
      const signal = await Promise.race([stopped, new Promise((resolve) => (timer = setTimeout(resolve, startRetryMs)))]);
      clearTimeout(timer);
      if (signal) {
        log.info(`supergraph store ${dir}: stopped on ${signal} before a version could be served`);
        end(signal);
        return new Promise(() => {});
      }
    }
  }

  /** The text to hand to Hive, or null when the router keeps what it serves (nothing, at start). */
  async function attempt() {
    let pointer = null;
    try {
      pointer = await readPointer();
      return serve(await candidate(pointer.version), null);
    } catch (error) {
      const refusal = asRefusal(error);
      // A starting router falls back on the newest version the pointer remembers that it can serve: what a
      // rollback would serve, and what the running routers most likely still serve.
      const fallback = !served && pointer && refusal.version !== null ? await firstServable(pointer.previous) : null;
      report(refusal, fallback);
      return fallback ? serve(fallback, refusal) : null;
    }
  }

  async function firstServable(versions) {
    for (const version of versions) {
      try {
        return await candidate(version);
      } catch {
        // Refused as well: the next one back.
      }
    }
    return null;
  }

  function serve(version, refusal) {
    metrics.pointerRefused.set(refusal ? 1 : 0);
    if (!refusal) {
      // Serving the store's current version ends every refusal: one that comes back is logged and counted again.
      reported.clear();
    }
    if (served?.version !== version.version || served.source !== version.source) {
      log.info(`supergraph store ${dir}: serving version ${version.version}${served ? ` (was ${served.version})` : ''}`);
      // The version in a comment: Hive rebuilds only when the text changes, and every version is one swap.
      served = { ...version, text: `# supergraph version ${version.version} from ${dir}\n${version.source}` };
    }
    served.signature = version.signature;
    returned = served.version;
    return served.text;
  }

  function report(refusal, fallback) {
    metrics.pointerRefused.set(1);
    const key = `${refusal.version}:${refusal.reason}:${refusal.message}`;
    if (reported.has(key)) {
      return;
    }
    reported.add(key);
    metrics.refusals.inc({ reason: refusal.reason });
    const serving = served ? `still serving version ${served.version}`
      : fallback ? `serving version ${fallback.version}, the newest version before it that it can serve`
        : `nothing to serve yet: trying again every ${startRetryMs / 1000} s until the store has a version it can serve`;
    log.error(`supergraph store ${dir}: ${refusal.version === null ? '' : 'refused '}${refusal.message}; ${serving}`);
  }

  async function readPointer() {
    const file = join(dir, POINTER_FILE);
    let bytes;
    try {
      bytes = await storeRead(() => readBoundedFileAsync(file, MAX_POINTER_BYTES));
    } catch (error) {
      if (error instanceof UnusableFile) {
        throw new Refusal('pointer', `unreadable pointer: ${file} ${error.message}`);
      }
      if (error.code === 'ENOTDIR') {
        throw new Refusal('unreachable', `the store ${dir} is not a directory`);
      }
      if (error.code !== 'ENOENT') {
        throw error;
      }
      // No pointer: nothing promoted yet, unless the store itself is not there (a volume not mounted).
      const there = await storeRead(() => stat(dir)).then(() => true, (missing) => {
        if (missing.code === 'ENOENT') {
          return false;
        }
        throw missing;
      });
      throw there ? new Refusal('pointer', `nothing was promoted to ${dir} yet`)
        : new Refusal('unreachable', `the store ${dir} does not exist`);
    }
    try {
      return parsePointer(bytes, dir);
    } catch (error) {
      throw error instanceof StoreRefusal ? new Refusal('pointer', `unreadable pointer: ${error.message}`) : error;
    }
  }

  /** `{ version, source, signature }` of a version this router can serve, else a Refusal naming the version. */
  async function candidate(version) {
    const file = versionFile(dir, version);
    try {
      const info = await storeRead(() => stat(file));
      const signature = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
      if (served?.version === version && served.signature === signature) {
        return served;
      }
      if (refusedFiles.has(signature)) {
        throw refusedFiles.get(signature);
      }
      try {
        return { version, signature, source: await checkedText(version, file, info) };
      } catch (error) {
        if (error instanceof SupergraphProblem) {
          if (refusedFiles.size >= REMEMBERED_REFUSALS) {
            refusedFiles.delete(refusedFiles.keys().next().value);
          }
          refusedFiles.set(signature, error);
        }
        throw error;
      }
    } catch (error) {
      const refusal = asRefusal(error, file);
      refusal.version = version;
      refusal.message = `version ${version}${refusal.reason === 'missing' || refusal.reason === 'unreachable' ? ':' : ''} ${refusal.message}`;
      throw refusal;
    }
  }

  async function checkedText(version, file, info) {
    // A regular file only (router/setting-files.mjs): a named pipe or a device is refused before it is read.
    requireVersionSize(info.size);
    const source = versionText(await storeRead(() => readBoundedFileAsync(file, MAX_VERSION_BYTES)));
    if (served?.version === version) {
      if (source === served.source) {
        // Copied again by a sync, or touched: the text this router checked and serves.
        return source;
      }
      // Versions are never rewritten: what clients get under a number must not change behind it.
      throw new SupergraphProblem('changed', 'was changed in the store after this router loaded it; versions are '
        + 'never rewritten: promote the change as a new version');
    }
    checkSupergraph(source, trustedDocuments);
    return source;
  }

  /**
   * A read of the store, bounded: one that has not answered within the deadline (a hung network mount) is
   * refused, and no other read starts until it answers, so a hung store holds one thread of Node's pool,
   * not all of them (they also resolve the subgraphs' host names).
   */
  async function storeRead(read) {
    if (pendingRead) {
      throw new Refusal('unreachable', `a read of ${dir} has not answered for ${readDeadlineMs / 1000} s or more (a hung mount?)`);
    }
    pendingRead = true;
    const reading = read().finally(() => (pendingRead = false));
    let timer;
    const deadline = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Refusal('unreachable',
        `a read of ${dir} has not answered for ${readDeadlineMs / 1000} s or more (a hung mount?)`)), readDeadlineMs);
    });
    try {
      return await Promise.race([reading, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Any failure as a Refusal: the file system's errors say which file and why, in words. */
  function asRefusal(error, file = null) {
    if (error instanceof Refusal) {
      return error;
    }
    if (error instanceof SupergraphProblem) {
      return new Refusal(error.reason, error.message);
    }
    if (error instanceof UnusableFile) {
      // Replaced by no regular file, or grown past the limit, between its look and its read.
      return new Refusal('missing', `${file ?? dir} ${error.message}`);
    }
    if (error.syscall) {
      const missing = file && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
      return new Refusal(missing ? 'missing' : 'unreachable', `${error.path ?? file ?? dir} ${readProblem(error)}`);
    }
    return new Refusal('invalid', String(error?.message ?? error).split('\n')[0]);
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
    refusals: refusedSupergraphs(registry),
    pointerRefused: metric(Gauge, {
      name: 'router_supergraph_pointer_refused',
      help: '1 while the router does not serve the store\'s current version (refused, or the store out of reach)',
    }),
    served: metric(Gauge, {
      name: 'router_supergraph_version',
      help: 'The supergraph version the router serves (value 1, the version as label)',
      labelNames: ['version'],
    }),
  };
}
