#!/usr/bin/env node
// Turns the operations of the client packages (clients/clients.json: each package's operations
// glob) into trusted-documents.json, the persisted documents manifest the router reads:
// { "<sha256 hex of the file's exact text>": "<the file's text>" }. The manifest is the union of
// the packages' operations; two different operations with one name are refused. Every operation is
// validated against the API schema of the committed supergraph and the router's production limits.
// With --check, nothing is written and a stale manifest fails. --clients and --output name other
// files than the repository's (the tests use them).
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { Kind, buildASTSchema, parse, specifiedRules, validate } from 'graphql';
import { commandLine, fail, readText, writeFiles } from './lib/cli.mjs';
import { gatewayDir } from './lib/subgraphs.mjs';
import { clientOperations, clientsFile, shown } from './lib/client-operations.mjs';
import { knownOperationTypesRule, sha256 } from '../router/plugins.mjs';
import { productionLimits } from '../router/settings.mjs';
import { documentLimitProblems, limitProblemText } from '../router/document-limits.mjs';

const { values: options } = commandLine('usage: manifest.mjs [--check] [--clients FILE] [--output FILE]', {
  options: {
    check: { type: 'boolean', default: false },
    clients: { type: 'string', default: clientsFile },
    output: { type: 'string', default: resolve(gatewayDir, 'trusted-documents.json') },
  },
});
const manifestFile = resolve(options.output);

const apiSchema = buildASTSchema(
  transformSupergraphToPublicSchema(parse(readText(resolve(gatewayDir, 'supergraph.graphql')))),
);
const rules = [...specifiedRules, knownOperationTypesRule];
const limits = productionLimits({});
const { operations, problems } = clientOperations(resolve(options.clients));
if (operations.length === 0 && problems.length === 0) {
  fail(`no operations in the client packages of ${options.clients}`);
}

const manifest = {};
for (const { file, text } of operations) {
  problems.push(...checkOperation(file, text).map((message) => `${shown(file)}: ${message}`));
  manifest[sha256(text)] = text;
}
if (problems.length) {
  fail(`invalid operations:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

const json = `${JSON.stringify(manifest, null, 2)}\n`;
const name = basename(manifestFile);
if (options.check) {
  const committed = existsSync(manifestFile) ? readText(manifestFile) : '';
  if (committed !== json) {
    fail(`${name} is stale or missing: run \`npm run manifest\` in gateway-config and commit it`);
  }
  console.log(`\u2714 ${name} is up to date (${operations.length} operations, all valid)`);
} else {
  writeFiles([{ file: manifestFile, text: json }]);
  console.log(`\u2714 wrote ${name} (${operations.length} operations, all valid)`);
}

/** One named operation per file, named like the file, valid against the API schema and the limits. */
function checkOperation(file, text) {
  let document;
  try {
    document = parse(text);
  } catch (error) {
    return [error.message];
  }
  const definitions = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const expectedName = basename(file, '.graphql');
  if (definitions.length !== 1 || definitions[0].name?.value !== expectedName) {
    return [`must hold exactly one operation, named ${expectedName}`];
  }
  const errors = validate(apiSchema, document, rules).map((error) => error.message);
  // Beyond a production limit, the router would refuse it on every request (router/document-limits.mjs).
  return errors.length ? errors : documentLimitProblems(text, limits).map(limitProblemText);
}
