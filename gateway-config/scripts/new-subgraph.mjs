// The generator behind scripts/new-subgraph: writes the module skeleton from the templates below,
// adds the registry entry and regenerates the files generated from the registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTRY_FILE, SUBGRAPHS } from '../router/subgraphs.mjs';
import { moduleFiles } from './subgraph-template.mjs';
import { commandLine, usageError } from './lib/cli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE = 'usage: scripts/new-subgraph <name> <port>';
const [name, portText] = commandLine(USAGE, { maxPositionals: 2 }).positionals;
const port = Number(portText);

const problem = !/^[a-z][a-z0-9]{1,30}$/.test(name ?? '') ? 'the name must be lower-case letters and digits, e.g. inventory'
  : !(Number.isInteger(port) && port > 1024 && port < 65536) ? 'the port must be a number between 1025 and 65535'
    : SUBGRAPHS.some((s) => s.name === name) ? `a subgraph named ${name} is already registered`
      : SUBGRAPHS.some((s) => s.port === port) || port === 4000 ? `port ${port} is taken (router 4000, ${SUBGRAPHS.map((s) => `${s.name} ${s.port}`).join(', ')})`
        : existsSync(resolve(root, `${name}-subgraph`)) ? `${name}-subgraph/ exists already` : null;
if (problem) {
  usageError(USAGE, problem);
}

const module = `${name}-subgraph`;
for (const [file, text] of Object.entries(moduleFiles(name, port))) {
  const path = resolve(root, module, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
const registry = JSON.parse(readFileSync(REGISTRY_FILE, 'utf8'));
registry.subgraphs.push({ name, module, port, database: name, routerTimeoutMs: 5000 });
writeFileSync(REGISTRY_FILE, `${JSON.stringify(registry, null, 2)}\n`);
execFileSync('node', [resolve(root, 'gateway-config', 'scripts', 'registry.mjs')], { stdio: 'inherit' });
// The build enforces spring-javaformat, whose line breaks depend on the names just filled in.
execFileSync(resolve(root, 'mvnw'), ['-B', '-q', 'spring-javaformat:apply', '-pl', module], { cwd: root, stdio: 'inherit' });
console.log(`✔ ${module}/ created and registered (gateway-config/subgraphs.json, port ${port}).
  Next: docs/adding-a-subgraph.md, from step 2.`);
