// Reads rover's supergraph.yaml and the subgraph SDL files it names.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const gatewayDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fail(message) {
  console.error(`\u2716 ${message}`);
  process.exit(1);
}

/** @returns {{ federationVersion: string, subgraphs: { name: string, url: string, file: string, sdl: string }[] }} */
export function readSupergraphConfig(configFile = resolve(gatewayDir, 'supergraph.yaml')) {
  const config = parseYaml(readFileSync(configFile, 'utf8'));
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
    return { name, url: subgraph.routing_url, file: path, sdl: readFileSync(path, 'utf8') };
  });
  return { federationVersion: String(config.federation_version ?? ''), subgraphs };
}
