#!/usr/bin/env node
// Composes the subgraph SDLs named in supergraph.yaml (scripts/lib/compose.mjs: Apollo's composition,
// checked against The Guild's). Writes supergraph.graphql, its derivative for Apollo Gateway and the
// API schema the clients are generated from, and the copy in ../deploy/base; with --check, only verifies
// the committed ones are fresh. Nothing is written unless composition succeeded and every output can be.
import { relative } from 'node:path';
import { commandLine, fail, writeFiles } from './lib/cli.mjs';
import { gatewayDir } from './lib/subgraphs.mjs';
import { compose, isFresh } from './lib/compose.mjs';

const { values: { check } } = commandLine('usage: compose.mjs [--check]', { options: { check: { type: 'boolean' } } });
const { subgraphCount, hints, outputs } = compose();
for (const hint of hints) {
  console.log(`hint: ${hint}`);
}
// Named from gateway-config: two of the outputs are called supergraph.graphql.
const named = outputs.map(({ file, sdl }) => ({ file, text: sdl, name: relative(gatewayDir, file) }));
const agreement = `${subgraphCount} subgraphs, both composers agree`;
if (check) {
  for (const { file, text, name } of named) {
    if (!isFresh(file, text)) {
      fail(`${name} is stale or missing: run \`npm run compose\` in gateway-config and commit it`);
    }
    console.log(`\u2714 ${name} is up to date (${agreement})`);
  }
} else {
  writeFiles(named);
  named.forEach(({ name }) => console.log(`\u2714 wrote ${name} (${agreement})`));
}
