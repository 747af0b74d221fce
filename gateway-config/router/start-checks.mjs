// What stops a router's start because of how the operator set it up: invalid settings, production without
// a JWT key, a supergraph file named beside a store, one of Hive Gateway's own settings that would replace the
// supergraph, the trusted documents or the configuration with one the router never checks, a JWT key, API key
// or trusted documents file it cannot use, a supergraph file that fails the check every supergraph passes before
// it is served, and in production a trusted document the router would refuse on every request.
// Checked by router/main.mjs before Hive Gateway loads the configuration, so the operator reads the problems and
// nothing else: Hive logs a configuration's error with its stack, twice. gateway.config.ts refuses the same,
// should it be loaded another way.
import { readKeyFileVersion } from './api-keys.mjs';
import { routerSettings } from './settings.mjs';
import { jwtPublicKeyFile } from './setting-files.mjs';
import { defaultManifestFile, loadTrustedDocuments } from './trusted-documents.mjs';
import { supergraphFile, supergraphFileArgument, supergraphFileProblem } from './supergraph-file.mjs';
import { trustedDocumentsLimitProblem } from './document-limits.mjs';

/**
 * Hive Gateway's own settings (its command line, @graphql-hive/gateway 2.15) that choose where the supergraph,
 * the persisted documents or the whole configuration come from: each silently replaces what the router checks
 * (the supergraph file or store, TRUSTED_DOCUMENTS_FILE, gateway.config.ts) with something it never checks.
 */
const HIVE_SOURCE_SETTINGS = [
  { flag: '--hive-cdn-endpoint', variable: 'HIVE_CDN_ENDPOINT', replaces: 'the supergraph' },
  { flag: '--hive-cdn-key', variable: 'HIVE_CDN_KEY', replaces: 'the supergraph' },
  { flag: '--apollo-graph-ref', variable: 'APOLLO_GRAPH_REF', replaces: 'the supergraph' },
  { flag: '--apollo-key', variable: 'APOLLO_KEY', replaces: 'the supergraph' },
  { flag: '--apollo-uplink', variable: 'APOLLO_SCHEMA_CONFIG_DELIVERY_ENDPOINT', replaces: 'the supergraph' },
  { flag: '--dev-service', replaces: 'the supergraph' },
  { flag: '--dev-service-source', replaces: 'the supergraph' },
  { flag: '--dev-service-schema', replaces: 'the supergraph' },
  { flag: '--dev-remote', variable: 'DEV_REMOTE', replaces: 'the supergraph' },
  { flag: '--dev-registry', variable: 'DEV_REGISTRY', replaces: 'the supergraph' },
  { flag: '--hive-persisted-documents-endpoint', replaces: 'the trusted documents' },
  { flag: '--hive-persisted-documents-token', replaces: 'the trusted documents' },
  { flag: '--config-path', short: '-c', variable: 'CONFIG_PATH', replaces: 'the configuration (gateway.config.ts)' },
];

/** The problem that stops this start, or null. */
export function startProblem(argv = process.argv, env = process.env) {
  let settings;
  try {
    settings = routerSettings(env);
  } catch (error) {
    return error.message;
  }
  return startSetupProblem(settings, argv, env) ?? fileProblem(settings) ?? servedFileProblem(settings, argv)
    ?? trustedDocumentsProblem(settings);
}

function fileProblem(settings) {
  try {
    startFiles(settings);
    return null;
  } catch (error) {
    return error.message;
  }
}

/** Without a store: the supergraph file must pass the check each of its edits will pass before it is served. */
function servedFileProblem(settings, argv) {
  if (settings.supergraphStore) {
    return null;
  }
  return supergraphFileProblem(supergraphFile(argv), fileCheckedDocuments(settings));
}

/**
 * What a plain supergraph file must keep valid: in production the trusted documents, the only operations
 * clients may send; in dev mode, where any operation is served and a developer may compose a few subgraphs
 * alone, none (the file must still validate).
 */
export function fileCheckedDocuments(settings) {
  const loaded = trustedDocumentsOf(settings);
  return settings.mode === 'production' ? loaded : { file: loaded.file, documents: new Map() };
}

/** In production: no trusted document beyond a limit that refuses it whatever its variables (router/document-limits.mjs). */
function trustedDocumentsProblem(settings) {
  if (settings.mode !== 'production') {
    return null;
  }
  const { file, documents } = trustedDocumentsOf(settings);
  return trustedDocumentsLimitProblem(documents, settings.limits, file);
}

/** The trusted documents as the router loaded them: `{ file, documents }`. */
export function trustedDocumentsOf(settings) {
  return { file: settings.trustedDocumentsFile ?? defaultManifestFile, documents: startFiles(settings).trustedDocuments };
}

// The files as read for the settings that named them: main.mjs and gateway.config.ts run in one process and
// share this module, so the check's reading is the configuration's.
let read = null;

/**
 * The files the router reads at start, each read once per process: `trustedDocuments` (a map of text by
 * hash), `apiKeys` (the key file's keys and version, router/api-keys.mjs; null without API_KEYS_FILE) and
 * `jwtPublicKey` (the PEM; null without JWT_PUBLIC_KEY_FILE or with JWT_JWKS_URL). Throws the first problem.
 */
export function startFiles(settings) {
  const files = {
    trustedDocuments: settings.trustedDocumentsFile ?? defaultManifestFile,
    apiKeys: settings.apiKeysFile,
    jwtPublicKey: settings.jwt.jwksUrl ? null : settings.jwt.publicKeyFile,
  };
  const key = JSON.stringify(files);
  if (read?.key !== key) {
    read = {
      key,
      files: {
        trustedDocuments: loadTrustedDocuments(files.trustedDocuments),
        apiKeys: files.apiKeys ? readKeyFileVersion(files.apiKeys) : null,
        jwtPublicKey: files.jwtPublicKey ? jwtPublicKeyFile(files.jwtPublicKey) : null,
      },
    };
  }
  return read.files;
}

/** The problems of settings that are each valid: a combination the router cannot start with, or null. */
export function startSetupProblem(settings, argv, env = process.env) {
  if (settings.mode === 'production' && !settings.jwt.jwksUrl && !settings.jwt.publicKeyFile) {
    return 'GATEWAY_MODE=production needs JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE';
  }
  const file = supergraphFileArgument(argv);
  if (settings.supergraphStore && file) {
    return `SUPERGRAPH_STORE is set but the command names the supergraph file '${file}', which would win over the `
      + 'store: start the router with `node router/main.mjs supergraph` and no file';
  }
  if (file && /^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
    return `the command names the supergraph URL '${file}', which Hive Gateway would load and serve unchecked: `
      + 'the router serves a supergraph file or a store (SUPERGRAPH_STORE), checked before it is served';
  }
  return hiveSourceProblem(argv, env);
}

/** One of HIVE_SOURCE_SETTINGS on the command line or in the environment, in a line naming it; or null. */
function hiveSourceProblem(argv, env) {
  const named = (arg, { flag, short }) => arg === flag || arg.startsWith(`${flag}=`)
    || (short !== undefined && arg.startsWith(short) && !arg.startsWith('--'));
  for (const setting of HIVE_SOURCE_SETTINGS) {
    const name = argv.some((arg) => named(arg, setting)) ? setting.flag
      : setting.variable && env[setting.variable] ? setting.variable : null;
    if (name) {
      return `${name} is set: a setting of Hive Gateway's own that would replace ${setting.replaces} with one the `
        + 'router never checks; the router takes none of them (docs/router.md): unset it';
    }
  }
  return null;
}
