// A progressive @override label other than `percent(N)` is the key of a boolean flag of the platform's
// flags file (docs/feature-flags.md). A label that names no flag composes as well as any other, and the
// router then answers it with the coded default: the field stays with its `from` subgraph for everyone,
// whatever the flags file says, and no edit of the file moves it. A typo in the label, or a flag removed
// while a supergraph still carries its label, would go unnoticed; composition refuses both instead.
import { relative, resolve } from 'node:path';
import { visit } from 'graphql';
import { fail, parseText } from './cli.mjs';
import { gatewayDir } from './subgraphs.mjs';

export const flagsFile = resolve(gatewayDir, '..', 'flags', 'flags.json');

/** Ends the process (`fail`) when a flag label of the subgraphs' `@override`s names no flag of `file`. */
export function assertOverrideLabelsAreFlags(services, file = flagsFile) {
  const labels = new Set();
  for (const { typeDefs } of services) {
    visit(typeDefs, {
      Directive(node) {
        const label = node.name.value === 'override' && node.arguments?.find((argument) => argument.name.value === 'label');
        if (label && label.value.kind === 'StringValue' && !label.value.value.startsWith('percent(')) {
          labels.add(label.value.value);
        }
      },
    });
  }
  if (labels.size === 0) {
    return;
  }
  const flags = parseText(file, 'JSON', JSON.parse)?.flags;
  const unknown = [...labels].filter((label) => !Object.hasOwn(flags ?? {}, label));
  if (unknown.length) {
    fail(`@override label ${unknown.map((label) => `'${label}'`).join(', ')} names no flag of `
      + `${relative(process.cwd(), file)}: add the flag (off) first, or use percent(N)`);
  }
}
