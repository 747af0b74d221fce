// Reads rover's supergraph.yaml and the subgraph SDL files it names; a file that is missing, a
// directory, not UTF-8 or not YAML is refused in one line (lib/cli.mjs).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { fail, parseText, readText } from './cli.mjs';

export { fail };
export const gatewayDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @returns {{ federationVersion: string, subgraphs: { name: string, url: string, file: string, sdl: string }[] }} */
export function readSupergraphConfig(configFile = resolve(gatewayDir, 'supergraph.yaml')) {
  const config = parseText(configFile, 'YAML', parseYaml);
  const entries = Object.entries(config?.subgraphs ?? {});
  if (entries.length === 0) {
    fail(`${configFile} lists no subgraphs`);
  }
  const subgraphs = entries.map(([name, subgraph]) => {
    const file = subgraph?.schema?.file;
    if (!file || !subgraph.routing_url) {
      fail(`subgraph '${name}' in ${configFile} needs routing_url and schema.file`);
    }
    const path = resolve(dirname(configFile), file);
    return { name, url: subgraph.routing_url, file: path, sdl: readText(path) };
  });
  return { federationVersion: String(config.federation_version ?? ''), subgraphs };
}
