#!/usr/bin/env node
// Composes the golden subgraphs with every progressive @override label replaced, and writes the
// supergraph to a file of its own (the committed one stays as it is). For trying a move at a fixed
// share without a flag, e.g. percent(10), and for the end-to-end tests of the move (OverrideIT).
//   node scripts/compose-override-label.mjs <label> <output file>     e.g. 'percent(100)' /tmp/s.graphql
// Both composers must accept the result, as with npm run compose; the supergraph is Apollo's.
// Usage errors exit 2; a refusal (composition, an output that cannot be written) exits 1.
import { composeServices as composeApollo } from '@apollo/composition';
import { composeServices as composeGuild } from '@theguild/federation-composition';
import { Kind, parse, visit } from 'graphql';
import { commandLine, fail, usageError, writeFiles } from './lib/cli.mjs';
import { assertOverrideLabelsAreFlags } from './lib/override-labels.mjs';
import { readSupergraphConfig } from './lib/subgraphs.mjs';

const USAGE = 'usage: compose-override-label.mjs <label> <output file>';
const [label, output] = commandLine(USAGE, { maxPositionals: 2 }).positionals;
if (!label || !output) {
  usageError(USAGE, !label ? 'the label is missing' : 'the output file is missing');
}

let replaced = 0;
const services = readSupergraphConfig().subgraphs.map(({ name, url, sdl }) => ({
  name,
  url,
  typeDefs: visit(parse(sdl), {
    Directive(node) {
      if (node.name.value !== 'override') {
        return undefined;
      }
      const argumentsWithLabel = node.arguments.map((argument) => (argument.name.value === 'label'
        ? (replaced++, { ...argument, value: { kind: Kind.STRING, value: label } })
        : argument));
      return { ...node, arguments: argumentsWithLabel };
    },
  }),
}));
if (replaced === 0) {
  fail('no @override with a label in the golden subgraphs');
}
assertOverrideLabelsAreFlags(services);
const apollo = composeApollo(services);
const guild = composeGuild(services);
const errors = [...(apollo.errors ?? []), ...(guild.errors ?? [])];
if (errors.length) {
  fail(`composition failed:\n${errors.map((error) => `  - ${error.message}`).join('\n')}`);
}
writeFiles([{ file: output, text: `${apollo.supergraphSdl.trimEnd()}\n` }]);
console.log(`\u2714 wrote ${output} (${replaced} override label(s) set to ${label}, both composers agree)`);
