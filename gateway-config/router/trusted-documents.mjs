// Loads the trusted documents manifest written by scripts/manifest.mjs: { "<sha256 hex>": "<text>" }.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultManifestFile = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'trusted-documents.json');

/** @returns {Map<string, string>} document text by hash */
export function loadTrustedDocuments(file = defaultManifestFile) {
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8'))));
}
