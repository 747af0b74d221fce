// Feature flags at the router (docs/feature-flags.md): the platform's flags file (FLAGS_FILE, format
// contract/feature-flags.schema.json) behind an OpenFeature provider of our own, re-read within a
// second of a change. An invalid version keeps the last good flags, is logged once and counted
// (router_flags_reload_failures_total), and flagged by router_flags_file_refused until a good version is
// in force again (logged too, so an alert on the gauge closes with a line saying why); every changed
// flag is logged for audit. The rules are those
// of router/flag-rules.mjs (with parseFlags below refusing what JSON.parse passes over: a byte order
// mark, a property written twice), the subgraphs' too: contract/feature-flag-cases.json holds both to them.
import { statSync } from 'node:fs';
import { Counter, Gauge, register } from 'prom-client';
import {
  ErrorCode,
  OpenFeature,
  OpenFeatureEventEmitter,
  ProviderEvents,
  StandardResolutionReasons,
} from '@openfeature/server-sdk';
import { extractScopes } from './authorization.mjs';
import { API_KEY_HEADER } from './api-keys.mjs';
import { APOLLO_CLIENT_HEADER, CLIENT_HEADER, clientLabel } from './operation-metrics.mjs';
import { MAX_FLAGS_FILE_BYTES, evaluateFlag, parseFlags as parseFlagRules } from './flag-rules.mjs';
import { routerLog } from './log.mjs';
import { readBoundedFile, readProblem, utf8Text } from './setting-files.mjs';

export { MAX_FLAGS_FILE_BYTES, bucketOf, evaluateFlag } from './flag-rules.mjs';

/** The refusal of a file saved with a byte order mark, as the subgraphs' (FlagsDocument). */
export const BYTE_ORDER_MARK = 'the file starts with a byte order mark (U+FEFF): save it as UTF-8 without one';

/**
 * Parses and validates a flags file (router/flag-rules.mjs), its bytes as on disk or its text, and
 * refuses two things JSON.parse passes over without a word, as the subgraphs refuse them: a byte
 * order mark, and a property written twice in one object (JSON.parse keeps the last, so a flag
 * pasted twice would lose its first definition silently).
 */
export function parseFlags(content) {
  if (typeof content !== 'string' && content.length > MAX_FLAGS_FILE_BYTES) {
    return parseFlagRules(content);
  }
  const text = typeof content === 'string' ? content : utf8Text(content);
  if (text.startsWith('\uFEFF')) {
    throw new Error(BYTE_ORDER_MARK);
  }
  try {
    JSON.parse(text);
  } catch {
    return parseFlagRules(text);
  }
  const duplicates = duplicateProperties(text);
  if (duplicates.length) {
    throw new Error(duplicates.map((name) => `duplicate property "${name}"`).join('; '));
  }
  return parseFlagRules(text);
}

const JSON_STRING = /"(?:[^"\\]+|\\.)*"/y;

/** Every property name written twice in one object of a valid JSON text, in the order of the text. */
function duplicateProperties(text) {
  const duplicates = [];
  // One entry per open object (its names so far, and whether a name comes next) or list (null).
  const open = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    const top = open.at(-1);
    if (character === '{') {
      open.push({ names: new Set(), nameNext: true });
    } else if (character === '[') {
      open.push(null);
    } else if (character === '}' || character === ']') {
      open.pop();
    } else if (character === ':') {
      top.nameNext = false;
    } else if (character === ',' && top) {
      top.nameNext = true;
    } else if (character === '"') {
      JSON_STRING.lastIndex = index;
      const literal = JSON_STRING.exec(text)[0];
      index += literal.length - 1;
      if (top?.nameNext) {
        const name = JSON.parse(literal);
        if (top.names.has(name)) {
          duplicates.push(name);
        }
        top.names.add(name);
      }
    }
  }
  return duplicates;
}

/** How often the file's status is polled: a change is seen well within a second. */
export const POLL_INTERVAL_MS = 250;

/**
 * The OpenFeature provider reading the flags file. `file` null: no flags, every flag is its coded
 * default. A file invalid at startup counts like a bad reload: the router starts with no flags.
 */
export class FileFlagProvider {
  metadata = { name: 'supergraph-flags-file' };
  runsOn = 'server';
  events = new OpenFeatureEventEmitter();
  #flags = new Map();
  #file;
  #log;
  #failures;
  #refused;
  #lastBad = null;
  #version = null;
  #timer = null;

  constructor(file, { registry = register, log = routerLog } = {}) {
    this.#file = file;
    this.#log = log;
    this.#failures = registry.getSingleMetric('router_flags_reload_failures_total') ?? new Counter({
      name: 'router_flags_reload_failures_total',
      help: 'Versions of the feature flags file refused as invalid (the last good flags stay in force)',
      registers: [registry],
    });
    // A counter only grows: an alert on its increase closes while the file is still refused.
    this.#refused = registry.getSingleMetric('router_flags_file_refused') ?? new Gauge({
      name: 'router_flags_file_refused',
      help: '1 while the feature flags file\'s current version is refused and the last good flags stay in force',
      registers: [registry],
    });
    this.#refused.set(0);
    if (file) {
      this.#poll();
      this.#timer = setInterval(() => this.#poll(), POLL_INTERVAL_MS).unref();
    }
  }

  async resolveBooleanEvaluation(flagKey, defaultValue, context) {
    const result = evaluateFlag(this.#flags, flagKey, callerOf(context));
    if (!result) {
      return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.FLAG_NOT_FOUND };
    }
    return result;
  }

  async resolveStringEvaluation(flagKey, defaultValue) {
    return this.#notBoolean(defaultValue);
  }

  async resolveNumberEvaluation(flagKey, defaultValue) {
    return this.#notBoolean(defaultValue);
  }

  async resolveObjectEvaluation(flagKey, defaultValue) {
    return this.#notBoolean(defaultValue);
  }

  async onClose() {
    clearInterval(this.#timer);
  }

  #notBoolean(defaultValue) {
    return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TYPE_MISMATCH };
  }

  // Modification time, inode and size, as router/api-keys.mjs: a rename changes the inode even
  // within one clock tick. Compared with the version last read, so no change between a read and
  // the next poll is missed.
  #poll() {
    let version;
    try {
      const stat = statSync(this.#file);
      version = `${stat.mtimeMs}:${stat.ino}:${stat.size}`;
    } catch (error) {
      version = `unreadable: ${error.code}`;
    }
    if (version !== this.#version) {
      this.#version = version;
      this.#load();
    }
  }

  #load() {
    let text = null;
    try {
      const bytes = readFlagsFile(this.#file);
      // The bytes as they are, one character each: an invalid version is the same whatever its encoding.
      text = bytes.toString('latin1');
      const flags = parseFlags(bytes);
      if (this.#lastBad !== null) {
        this.#log.info(`Feature flags: ${this.#file} passes again, its flags are in force`);
      }
      this.#audit(this.#flags, flags);
      this.#flags = flags;
      this.#lastBad = null;
      this.#refused.set(0);
    } catch (error) {
      this.#refused.set(1);
      // Once per bad version: the poll sees the same broken file again and again.
      const version = text ?? `unreadable: ${error.code ?? error.message}`;
      if (version !== this.#lastBad) {
        this.#lastBad = version;
        this.#failures.inc();
        this.#log.error(`Feature flags: ${this.#file} refused, the last good flags stay in force: ${error.message}`);
      }
    }
  }

  #audit(before, after) {
    const changed = [...new Set([...before.keys(), ...after.keys()])]
      .filter((key) => JSON.stringify(before.get(key)) !== JSON.stringify(after.get(key)));
    for (const key of changed) {
      this.#log.info(`feature flag audit: ${key}: ${describe(before.get(key))} -> ${describe(after.get(key))}`);
    }
    if (changed.length) {
      this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: changed });
    }
  }
}

/**
 * The bytes of the flags file: a regular file of at most MAX_FLAGS_FILE_BYTES (router/setting-files.mjs), or an
 * Error that says why not in the subgraphs' words (`the file is a named pipe (FIFO), not a regular file`).
 */
function readFlagsFile(file) {
  try {
    return readBoundedFile(file, MAX_FLAGS_FILE_BYTES);
  } catch (error) {
    throw Object.assign(new Error(`the file ${readProblem(error)}`), { code: error.code });
  }
}

function describe(flag) {
  return flag ? JSON.stringify(flag) : '(none)';
}

function callerOf(context) {
  return {
    userId: typeof context?.targetingKey === 'string' && context.targetingKey ? context.targetingKey : null,
    scopes: Array.isArray(context?.scopes) ? context.scopes : [],
    client: typeof context?.client === 'string' ? context.client : 'unknown',
  };
}

/**
 * The OpenFeature evaluation context of a router request: targeting key = the JWT's `sub`; `scopes`
 * of the token or the API key; `client` the API key's client, else the `graphql-client-name` header
 * (or Apollo's) unless it names a client of the key file, else `unknown` (as
 * router/operation-metrics.mjs labels clients). A machine client has no user id.
 */
export function evaluationContext(context, apiKeys) {
  const headers = context?.request?.headers;
  const key = headers?.get(API_KEY_HEADER);
  if (key) {
    const machine = apiKeys?.verify(key) ?? null;
    return { scopes: machine?.scopes ?? [], client: requestClient(machine?.client, headers, apiKeys) };
  }
  const payload = context?.jwt?.payload;
  const subject = typeof payload?.sub === 'string' && payload.sub ? payload.sub : undefined;
  return { targetingKey: subject, scopes: extractScopes(payload), client: requestClient(null, headers, apiKeys) };
}

function requestClient(apiKeyClient, headers, apiKeys) {
  return clientLabel(apiKeyClient, headers?.get(CLIENT_HEADER), headers?.get(APOLLO_CLIENT_HEADER), apiKeys?.clients());
}

/**
 * Hive Gateway's `progressiveOverride(label, context)`: a flag label is evaluated for the request's
 * caller through OpenFeature (the provider registered for `domain`); an unknown flag, or any
 * failure, is false: the field stays with the subgraph it is overridden from. Called once per label
 * and request; the evaluation context is built once per request.
 */
export function flagOverride({ domain = 'router', apiKeys = null } = {}) {
  const client = OpenFeature.getClient(domain);
  const contexts = new WeakMap();
  return async (label, context) => {
    try {
      if (label.startsWith('percent(')) {
        return false;
      }
      let evaluation = contexts.get(context);
      if (!evaluation) {
        evaluation = evaluationContext(context, apiKeys);
        contexts.set(context, evaluation);
      }
      return await client.getBooleanValue(label, false, evaluation);
    } catch {
      return false;
    }
  };
}

/** Registers the flags file's provider for `domain` and answers the override hook. */
export function useFeatureFlags({ file, apiKeys = null, domain = 'router', registry = register, log = routerLog }) {
  const provider = new FileFlagProvider(file, { registry, log });
  OpenFeature.setProvider(domain, provider);
  return { provider, progressiveOverride: flagOverride({ domain, apiKeys }) };
}
