// The composition behind `npm run compose` / `compose:check` and `supergraph:promote`: composes the
// golden subgraph SDLs named in supergraph.yaml with Apollo's composition (the supergraph we ship) and
// with The Guild's (a second opinion), and fails when either reports an error or their API schemas
// differ. Returns the files composition derives, so callers write them or check the committed ones.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { composeServices as composeApollo } from '@apollo/composition';
import { composeServices as composeGuild } from '@theguild/federation-composition';
import { GraphQLDirective, GraphQLSchema, buildSchema, isSpecifiedDirective, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { fail, gatewayDir, readSupergraphConfig } from './subgraphs.mjs';
import { APOLLO_GATEWAY_SUPERGRAPH, apolloGatewaySupergraph } from './apollo-gateway.mjs';
import { printApiSchema, withClientDirectives } from './api-schema.mjs';
import { assertOverrideLabelsAreFlags } from './override-labels.mjs';

export const supergraphFile = resolve(gatewayDir, 'supergraph.graphql');

/**
 * Composes with both composers; a failure ends the process with its message (`fail`).
 * @returns {{ subgraphCount: number, hints: string[], supergraphSdl: string, outputs: { file: string, sdl: string }[] }}
 */
export function compose() {
  const { federationVersion, subgraphs } = readSupergraphConfig();
  assertPinnedComposition(federationVersion);
  const services = subgraphs.map(({ name, url, sdl, file }) => ({ name, url, typeDefs: parseSdl(sdl, file) }));
  assertOverrideLabelsAreFlags(services);
  const apollo = composeApollo(services);
  const hints = (apollo.hints ?? []).map((hint) => hint.toString());
  const guild = composeGuild(services);
  const failures = [
    ...describeErrors('Apollo composition (@apollo/composition)', apollo.errors),
    ...describeErrors("The Guild's composition (@theguild/federation-composition)", guild.errors),
  ];
  if (failures.length) {
    fail(`composition failed:\n${failures.join('\n')}`);
  }
  const supergraphSdl = `${apollo.supergraphSdl.trimEnd()}\n`;
  const apiSchema = withClientDirectives(apollo.schema.toAPISchema().toGraphQLJSSchema(), parse(supergraphSdl));
  compareApiSchemas(normalise(apiSchema), normalise(buildSchema(guild.publicSdl)));
  // The same supergraph for Apollo Gateway, which refuses features linked for SECURITY (apollo-gateway.mjs).
  // And the API schema, what clients see (no federation internals): the generated clients are built from it.
  // It keeps the applications of @constraint, which the clients generate their validation from.
  const apiSchemaSdl = printApiSchema(apiSchema);
  const outputs = [
    { file: supergraphFile, sdl: supergraphSdl },
    { file: resolve(gatewayDir, APOLLO_GATEWAY_SUPERGRAPH), sdl: apolloGatewaySupergraph(supergraphSdl) },
    { file: resolve(gatewayDir, 'api-schema.graphql'), sdl: apiSchemaSdl },
    // Kustomize reads files only below its own directory, so the manifests get their copy from here.
    { file: resolve(gatewayDir, '..', 'deploy', 'base', 'supergraph.graphql'), sdl: supergraphSdl },
  ];
  return { subgraphCount: subgraphs.length, hints, supergraphSdl, outputs };
}

/** Whether `file` holds exactly `sdl` (a missing file is stale). */
export function isFresh(file, sdl) {
  return existsSync(file) && readFileSync(file, 'utf8') === sdl;
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

function normalise(schema) {
  return printSchema(lexicographicSortSchema(withoutDirectiveDescriptions(schema)));
}

/** The Guild's composition keeps a composed directive's definition without its descriptions. */
function withoutDirectiveDescriptions(schema) {
  const config = schema.toConfig();
  const directives = config.directives.map((directive) => {
    if (isSpecifiedDirective(directive)) return directive;
    const { args, ...rest } = directive.toConfig();
    const plainArgs = Object.fromEntries(Object.entries(args).map(([name, arg]) => [name, { ...arg, description: undefined }]));
    return new GraphQLDirective({ ...rest, args: plainArgs, description: undefined });
  });
  return new GraphQLSchema({ ...config, directives });
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
