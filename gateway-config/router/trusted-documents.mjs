// Loads the trusted documents manifest written by scripts/manifest.mjs: { "<sha256 hex>": "<text>" }.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './plugins.mjs';
import { MAX_TRUSTED_DOCUMENTS_BYTES, settingFile } from './setting-files.mjs';

export const defaultManifestFile = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'trusted-documents.json');

/**
 * The manifest as a map of document text by hash. An entry whose key is not the hash of its text
 * would answer a client's hash with another document, so one such entry stops the start, as a file
 * that is missing or not a manifest does; the message names TRUSTED_DOCUMENTS_FILE.
 * @returns {Map<string, string>}
 */
export function loadTrustedDocuments(file = defaultManifestFile) {
  const variable = 'TRUSTED_DOCUMENTS_FILE';
  let manifest;
  try {
    manifest = JSON.parse(settingFile(variable, file, MAX_TRUSTED_DOCUMENTS_BYTES));
  } catch (error) {
    throw error instanceof SyntaxError ? new Error(`${variable}: ${file} is not valid JSON`) : error;
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new Error(`${variable}: ${file} must be an object of "<sha256 hex of the text>": "<document text>"`);
  }
  const wrong = Object.entries(manifest).filter(([hash, text]) => typeof text !== 'string' || sha256(text) !== hash);
  if (wrong.length) {
    throw new Error(`${variable}: ${file} has ${wrong.length} ${wrong.length === 1 ? 'entry' : 'entries'} whose key `
      + `is not the SHA-256 of its text (the first: '${wrong[0][0].slice(0, 80)}'); scripts/manifest.mjs writes it`);
  }
  return new Map(Object.entries(manifest));
}
