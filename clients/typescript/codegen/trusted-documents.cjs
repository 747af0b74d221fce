// A GraphQL Code Generator plugin: the id of each operation in the router's trusted-documents
// manifest, the sha256 hex of the operation file's exact text (read again: the loader normalises
// what it hands to plugins) (as gateway-config/scripts/manifest.mjs
// computes it), so production requests send an id the router knows.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { Kind } = require('graphql');

module.exports = {
  plugin(_schema, documents) {
    const ids = documents
      .map((file) => {
        const operation = file.document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
        return [operation.name.value, createHash('sha256').update(readFileSync(file.location, 'utf8'), 'utf8').digest('hex')];
      })
      .sort(([a], [b]) => a.localeCompare(b));
    const lines = ids.map(([name, id]) => `  ${name}: '${id}',`);
    return [
      '/** The trusted-documents manifest id of each operation: sha256 of its file\'s exact text. */',
      'export const trustedDocumentIds = {',
      ...lines,
      '} as const;',
      '',
      'export type OperationName = keyof typeof trustedDocumentIds;',
      '',
    ].join('\n');
  },
};
