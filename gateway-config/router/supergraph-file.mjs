// The router's supergraph from a plain file, without SUPERGRAPH_STORE: `supergraph.graphql`, or the file the command
// line names (`node router/main.mjs supergraph FILE`). Hive Gateway would watch a file it is given and swap in
// whatever an edit leaves there (a ConfigMap updated in place) unchecked, so router/main.mjs takes the file off
// Hive's command line and the configuration serves it through `load`: every text is checked as a store's versions
// are (router/supergraph-validation.mjs, with the trusted documents this router loaded) before Hive sees it. A
// start on a file that fails is refused (router/start-checks.mjs); an edit that fails keeps the text served,
// logged once, counted in router_supergraph_refused_total and flagged by router_supergraph_file_refused until the file
// passes again. Hive calls `load` every SUPERGRAPH_POLL_MS.
import { stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'prom-client';
import { MAX_VERSION_BYTES, SupergraphProblem, requireVersionSize, versionText } from './supergraph-store.mjs';
import { checkSupergraph } from './supergraph-validation.mjs';
import { refusedSupergraphFile, refusedSupergraphs } from './supergraph-metrics.mjs';
import { readBoundedFile, readBoundedFileAsync, readProblem } from './setting-files.mjs';
import { routerLog } from './log.mjs';

export const DEFAULT_SUPERGRAPH_FILE = 'supergraph.graphql';

// The file router/main.mjs took off the command line; main.mjs and gateway.config.ts share this module.
let taken = null;

/** The supergraph file the command line names (`supergraph FILE`), or null. */
export function supergraphFileArgument(argv) {
  const command = argv.indexOf('supergraph');
  const next = command < 0 ? undefined : argv[command + 1];
  return next && !next.startsWith('-') ? next : null;
}

/** Takes the file the command line names off `argv`, so that Hive Gateway does not serve it unchecked. */
export function takeSupergraphFileArgument(argv) {
  const file = supergraphFileArgument(argv);
  if (file) {
    argv.splice(argv.indexOf('supergraph') + 1, 1);
    taken = file;
  }
}

/** The absolute path of the file this router serves: the one its command line named, else supergraph.graphql. */
export function supergraphFile(argv = process.argv) {
  return resolve(taken ?? supergraphFileArgument(argv) ?? DEFAULT_SUPERGRAPH_FILE);
}

const checkedAtStart = new Map();

/**
 * The text of `file` and its signature, checked with the trusted documents (`{ file, documents }`); read and
 * checked once per process (the start check and the first load). Throws a SupergraphProblem or an UnusableFile.
 */
export function startSupergraph(file, trustedDocuments) {
  if (!checkedAtStart.has(file)) {
    const info = statSync(file);
    requireVersionSize(info.size);
    const text = versionText(readBoundedFile(file, MAX_VERSION_BYTES));
    checkSupergraph(text, trustedDocuments);
    checkedAtStart.set(file, { text, signature: signatureOf(info) });
  }
  return checkedAtStart.get(file);
}

/** Why the router cannot start on `file`, in one line, or null. */
export function supergraphFileProblem(file, trustedDocuments) {
  try {
    startSupergraph(file, trustedDocuments);
    return null;
  } catch (error) {
    return `supergraph file ${file} ${error instanceof SupergraphProblem ? error.message : readProblem(error)}`;
  }
}

/**
 * @param {string} file the supergraph file (absolute)
 * @param {{ trustedDocuments: { file: string, documents: Map<string, string> } }} options the trusted documents
 *   every text must keep valid, as the router loaded them
 * @returns {{ load: () => Promise<string> }}
 */
export function fileSupergraph(file, { trustedDocuments, registry = register, log = routerLog }) {
  const refusals = refusedSupergraphs(registry);
  const fileRefused = refusedSupergraphFile(registry);
  fileRefused.set(0);
  let served = null;
  // The refusal reported last: an unchanged file is not read, checked, logged or counted again.
  let refused = null;

  async function load() {
    if (!served) {
      served = startSupergraph(file, trustedDocuments);
      return served.text;
    }
    let signature = null;
    try {
      const info = await stat(file);
      signature = signatureOf(info);
      if (signature === refused?.signature) {
        return served.text;
      }
      // The served file itself may come back (moved back into place, a symlink swapped back): it ends a refusal too.
      if (signature !== served.signature) {
        requireVersionSize(info.size);
        const text = versionText(await readBoundedFileAsync(file, MAX_VERSION_BYTES));
        if (text !== served.text) {
          checkSupergraph(text, trustedDocuments);
          log.info(`supergraph file ${file}: serving its edited text`);
        }
        served = { text, signature };
      }
      refused = null;
      fileRefused.set(0);
    } catch (error) {
      report(signature, error);
    }
    return served.text;
  }

  function report(signature, error) {
    const reason = error instanceof SupergraphProblem ? error.reason : 'missing';
    const message = error instanceof SupergraphProblem ? error.message : readProblem(error);
    if (refused?.signature === signature && refused.message === message) {
      return;
    }
    refused = { signature, message };
    refusals.inc({ reason });
    fileRefused.set(1);
    log.error(`supergraph file ${file}: refused: it ${message}; still serving the text that passed before`);
  }

  return { load };
}

// By identity, size and time: a file replaced (a ConfigMap's new symlink target) or written again is read again.
function signatureOf(info) {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
}
