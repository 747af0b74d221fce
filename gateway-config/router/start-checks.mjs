// What stops a router's start because of how the operator set it up: invalid settings, production without
// a JWT key, a supergraph file named beside a store, a JWT key, API key or trusted documents file it cannot use.
// Checked by router/main.mjs before Hive Gateway loads the configuration, so the operator reads the problems and
// nothing else: Hive logs a configuration's error with its stack, twice. gateway.config.ts refuses the same,
// should it be loaded another way.
import { readKeyFileVersion } from './api-keys.mjs';
import { routerSettings } from './settings.mjs';
import { jwtPublicKeyFile } from './setting-files.mjs';
import { defaultManifestFile, loadTrustedDocuments } from './trusted-documents.mjs';

/** The problem that stops this start, or null. */
export function startProblem(argv = process.argv, env = process.env) {
  let settings;
  try {
    settings = routerSettings(env);
  } catch (error) {
    return error.message;
  }
  return startSetupProblem(settings, argv) ?? fileProblem(settings);
}

function fileProblem(settings) {
  try {
    startFiles(settings);
    return null;
  } catch (error) {
    return error.message;
  }
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
export function startSetupProblem(settings, argv) {
  if (settings.mode === 'production' && !settings.jwt.jwksUrl && !settings.jwt.publicKeyFile) {
    return 'GATEWAY_MODE=production needs JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE';
  }
  const file = supergraphFileArgument(argv);
  if (settings.supergraphStore && file) {
    return `SUPERGRAPH_STORE is set but the command names the supergraph file '${file}', which would win over the `
      + 'store: start the router with `node router/main.mjs supergraph` and no file';
  }
  return null;
}

/** The supergraph file the command line names (`supergraph FILE`), or null. */
export function supergraphFileArgument(argv) {
  const command = argv.indexOf('supergraph');
  const next = command < 0 ? undefined : argv[command + 1];
  return next && !next.startsWith('-') ? next : null;
}
