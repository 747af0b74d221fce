// The operations of the client packages declared in clients/clients.json: the one source of the
// trusted documents. Each package names a glob of its operation files, relative to clients.json;
// the router's manifest is their union, so an operation that two packages share is one document.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { fail, parseText, readText } from './cli.mjs';
import { gatewayDir } from './subgraphs.mjs';

export const repositoryDir = resolve(gatewayDir, '..');
export const clientsFile = resolve(repositoryDir, 'clients', 'clients.json');

/**
 * The files of a glob such as `../gateway-config/operations/*.graphql`: a directory, then a file
 * name pattern with `*` and `?` (what the Java generator and the schema tools accept too).
 */
export function globFiles(baseDir, glob) {
  const pattern = resolve(baseDir, glob);
  const dir = dirname(pattern);
  if (/[*?[\]{}]/.test(dir)) {
    throw new Error(`${glob}: only the file name may hold a pattern`);
  }
  const escaped = basename(pattern).replace(/[.+^$()|\\{}[\]]/g, '\\$&');
  const matcher = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).filter((name) => matcher.test(name)).sort().map((name) => resolve(dir, name));
}

/**
 * Every operation of every client package, by name (a file holds one operation named like it).
 * @returns {{ operations: { name: string, file: string, text: string, clients: string[] }[], problems: string[] }}
 */
export function clientOperations(file = clientsFile) {
  const clients = parseText(file, 'JSON', JSON.parse)?.clients;
  const isPackage = (client) => typeof client?.name === 'string' && typeof client.operations === 'string';
  if (!Array.isArray(clients) || !clients.every(isPackage)) {
    fail(`${file} must be an object with a "clients" array of { "name", "operations" } entries`);
  }
  const byName = new Map();
  const problems = [];
  for (const client of clients) {
    const files = client.operations ? globFiles(dirname(file), client.operations) : [];
    if (files.length === 0) {
      problems.push(`${client.name}: no operation files match ${client.operations}`);
    }
    for (const path of files) {
      const name = basename(path, '.graphql');
      const text = readText(path);
      const known = byName.get(name);
      if (!known) {
        byName.set(name, { name, file: path, text, clients: [client.name] });
      } else if (known.text === text) {
        known.clients.push(client.name);
      } else {
        problems.push(`two different operations named ${name}: ${shown(known.file)} (${known.clients.join(', ')})`
          + ` and ${shown(path)} (${client.name})`);
      }
    }
  }
  const operations = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { operations, problems };
}

/** A path as messages show it: from the repository root when inside it. */
export function shown(path) {
  const fromRoot = relative(repositoryDir, path);
  return fromRoot.startsWith('..') ? path : fromRoot;
}
