#!/usr/bin/env node
// Composes the subgraph SDLs named in supergraph.yaml (scripts/lib/compose.mjs: Apollo's composition,
// checked against The Guild's). Writes supergraph.graphql, its derivative for Apollo Gateway and the
// API schema the clients are generated from; with --check, only verifies the committed ones are fresh.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fail } from './lib/subgraphs.mjs';
import { compose, isFresh } from './lib/compose.mjs';

const check = process.argv.includes('--check');
const { subgraphCount, hints, outputs } = compose();
for (const hint of hints) {
  console.log(`hint: ${hint}`);
}
for (const { file, sdl } of outputs) {
  const name = basename(file);
  if (check) {
    if (!isFresh(file, sdl)) {
      fail(`${name} is stale or missing: run \`npm run compose\` in gateway-config and commit it`);
    }
    console.log(`\u2714 ${name} is up to date (${subgraphCount} subgraphs, both composers agree)`);
  } else {
    writeFileSync(file, sdl);
    console.log(`\u2714 wrote ${name} (${subgraphCount} subgraphs, both composers agree)`);
  }
}
