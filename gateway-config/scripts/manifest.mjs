#!/usr/bin/env node
// Turns operations/*.graphql into trusted-documents.json, the persisted documents manifest the
// router reads: { "<sha256 hex of the file's exact text>": "<the file's text>" }. Every operation is
// validated against the API schema of the committed supergraph and the router's production limits.
// With --check, nothing is written and a stale manifest fails.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { Kind, buildASTSchema, parse, specifiedRules, validate } from 'graphql';
import { fail, gatewayDir } from './lib/subgraphs.mjs';
import { operationLimitsRule, sha256 } from '../router/plugins.mjs';
import { productionLimits } from '../router/settings.mjs';

const check = process.argv.includes('--check');
const operationsDir = resolve(gatewayDir, 'operations');
const manifestFile = resolve(gatewayDir, 'trusted-documents.json');

const apiSchema = buildASTSchema(
  transformSupergraphToPublicSchema(parse(readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8'))),
);
const rules = [...specifiedRules, operationLimitsRule(productionLimits({}))];
const files = readdirSync(operationsDir).filter((name) => name.endsWith('.graphql')).sort();
if (files.length === 0) {
  fail(`no operations in ${operationsDir}`);
}

const problems = [];
const manifest = {};
for (const file of files) {
  const text = readFileSync(resolve(operationsDir, file), 'utf8');
  const errors = checkOperation(file, text);
  problems.push(...errors.map((message) => `${file}: ${message}`));
  manifest[sha256(text)] = text;
}
if (problems.length) {
  fail(`invalid operations:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

const json = `${JSON.stringify(manifest, null, 2)}\n`;
if (check) {
  const committed = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : '';
  if (committed !== json) {
    fail('trusted-documents.json is stale or missing: run `npm run manifest` in gateway-config and commit it');
  }
  console.log(`\u2714 trusted-documents.json is up to date (${files.length} operations, all valid)`);
} else {
  writeFileSync(manifestFile, json);
  console.log(`\u2714 wrote trusted-documents.json (${files.length} operations, all valid)`);
}

/** One named operation per file, named like the file, valid against the API schema and the limits. */
function checkOperation(file, text) {
  let document;
  try {
    document = parse(text);
  } catch (error) {
    return [error.message];
  }
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const expectedName = basename(file, '.graphql');
  if (operations.length !== 1 || operations[0].name?.value !== expectedName) {
    return [`must hold exactly one operation, named ${expectedName}`];
  }
  return validate(apiSchema, document, rules).map((error) => error.message);
}
