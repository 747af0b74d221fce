#!/usr/bin/env node
// Composes the subgraph SDLs named in supergraph.yaml with Apollo's composition (the supergraph we
// ship) and with The Guild's (a second opinion), and fails when either reports an error or their API
// schemas differ. Writes supergraph.graphql, its derivative for Apollo Gateway and the API schema the
// clients are generated from; with --check, only verifies the committed ones are fresh.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { composeServices as composeApollo } from '@apollo/composition';
import { composeServices as composeGuild } from '@theguild/federation-composition';
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { fail, gatewayDir, readSupergraphConfig } from './lib/subgraphs.mjs';
import { APOLLO_GATEWAY_SUPERGRAPH, apolloGatewaySupergraph } from './lib/apollo-gateway.mjs';

const check = process.argv.includes('--check');
const supergraphFile = resolve(gatewayDir, 'supergraph.graphql');
const apolloGatewayFile = resolve(gatewayDir, APOLLO_GATEWAY_SUPERGRAPH);
const apiSchemaFile = resolve(gatewayDir, 'api-schema.graphql');
const deploySupergraphFile = resolve(gatewayDir, '..', 'deploy', 'base', 'supergraph.graphql');
const { federationVersion, subgraphs } = readSupergraphConfig();

assertPinnedComposition(federationVersion);
const services = subgraphs.map(({ name, url, sdl, file }) => ({ name, url, typeDefs: parseSdl(sdl, file) }));

const apollo = composeApollo(services);
printHints(apollo.hints ?? []);
const guild = composeGuild(services);
const failures = [
  ...describeErrors('Apollo composition (@apollo/composition)', apollo.errors),
  ...describeErrors("The Guild's composition (@theguild/federation-composition)", guild.errors),
];
if (failures.length) {
  fail(`composition failed:\n${failures.join('\n')}`);
}
compareApiSchemas(
  normalise(apollo.schema.toAPISchema().toGraphQLJSSchema()),
  normalise(buildSchema(guild.publicSdl)),
);

const supergraphSdl = `${apollo.supergraphSdl.trimEnd()}\n`;
// The same supergraph for Apollo Gateway, which refuses features linked for SECURITY (scripts/lib/apollo-gateway.mjs).
// And the API schema, what clients see (no federation internals): the generated clients are built from it.
const apiSchemaSdl = `${printSchema(apollo.schema.toAPISchema().toGraphQLJSSchema()).trimEnd()}\n`;
const outputs = [
  [supergraphFile, supergraphSdl],
  [apolloGatewayFile, apolloGatewaySupergraph(supergraphSdl)],
  [apiSchemaFile, apiSchemaSdl],
  // Kustomize reads files only below its own directory, so the manifests get their copy from here.
  [deploySupergraphFile, supergraphSdl],
];
for (const [file, sdl] of outputs) {
  const name = basename(file);
  if (check) {
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed !== sdl) {
      fail(`${name} is stale or missing: run \`npm run compose\` in gateway-config and commit it`);
    }
    console.log(`\u2714 ${name} is up to date (${subgraphs.length} subgraphs, both composers agree)`);
  } else {
    writeFileSync(file, sdl);
    console.log(`\u2714 wrote ${name} (${subgraphs.length} subgraphs, both composers agree)`);
  }
}

function assertPinnedComposition(configured) {
  const require = createRequire(import.meta.url);
  const installed = require('@apollo/composition/package.json').version;
  if (configured.replace(/^=/, '') !== installed) {
    fail(`supergraph.yaml federation_version is '${configured}' but @apollo/composition ${installed} is pinned; set it to '=${installed}'`);
  }
}

function parseSdl(sdl, file) {
  try {
    return parse(sdl);
  } catch (error) {
    return fail(`${file}: ${error.message}`);
  }
}

function describeErrors(composer, errors) {
  return errors?.length ? [`${composer}:`, ...errors.map((error) => `  - ${error.message}`)] : [];
}

function printHints(hints) {
  for (const hint of hints) {
    console.log(`hint: ${hint.toString()}`);
  }
}

function normalise(schema) {
  return printSchema(lexicographicSortSchema(schema));
}

function compareApiSchemas(apolloSdl, guildSdl) {
  if (apolloSdl === guildSdl) {
    return;
  }
  const apolloLines = new Set(apolloSdl.split('\n'));
  const guildLines = new Set(guildSdl.split('\n'));
  const onlyApollo = [...apolloLines].filter((line) => !guildLines.has(line)).slice(0, 20);
  const onlyGuild = [...guildLines].filter((line) => !apolloLines.has(line)).slice(0, 20);
  if (onlyApollo.length === 0 && onlyGuild.length === 0) {
    fail("Apollo's and The Guild's API schemas have the same lines in a different order");
  }
  fail(
    "Apollo's and The Guild's API schemas disagree (first differing lines):\n" +
      onlyApollo.map((line) => `  - apollo: ${line}`).join('\n') +
      '\n' +
      onlyGuild.map((line) => `  + guild:  ${line}`).join('\n'),
  );
}
