// The generator behind scripts/new-subgraph: writes the module skeleton from the templates below,
// adds the registry entry and regenerates the files generated from the registry. Everything that
// would make the result unusable is refused before anything is written (a usage error, exit 2); a step
// that fails afterwards (the registry's regeneration, the formatter, also when interrupted by Ctrl-C)
// undoes what was written (exit 1).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { REGISTRY_FILE, SUBGRAPHS, urlVariable } from '../router/subgraphs.mjs';
import { moduleFiles } from './subgraph-template.mjs';
import { commandLine, fail, usageError } from './lib/cli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE = 'usage: scripts/new-subgraph <name> <port>';
// The name becomes a Java package (dev.supergraph.<name>): no keyword or literal of the language.
const JAVA_WORDS = new Set(('abstract assert boolean break byte case catch char class const continue default do double '
  + 'else enum extends false final finally float for goto if implements import instanceof int interface long native new '
  + 'null package private protected public return short static strictfp super switch synchronized this throw throws '
  + 'transient true try void volatile while').split(' '));
// The name becomes a PostgreSQL database of its own.
const POSTGRES_DATABASES = new Set(['postgres', 'template0', 'template1']);
// Replicas of a process listen 10 ports apart, up to 9 of them (run-supergraph --replicas NAME=N).
const MAX_REPLICAS = 9;

const [name, portText] = commandLine(USAGE, { maxPositionals: 2 }).positionals;
const port = /^[1-9][0-9]{3,4}$/.test(portText ?? '') ? Number(portText) : NaN;
const problem = nameProblem(name) ?? portProblem(port);
if (problem) {
  usageError(USAGE, problem);
}

const module = `${name}-subgraph`;
const registryText = readFileSync(REGISTRY_FILE, 'utf8');
// Ctrl-C reaches the formatter and this process alike. Without a handler this process ended at once,
// leaving the module and the registry entry half added; with one, the interrupted step fails and is undone.
['SIGINT', 'SIGTERM'].forEach((signal) => process.on(signal, () => {}));
try {
  for (const [file, text] of Object.entries(moduleFiles(name, port))) {
    const path = resolve(root, module, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const registry = JSON.parse(registryText);
  registry.subgraphs.push({ name, module, port, database: name, routerTimeoutMs: 5000 });
  writeFileSync(REGISTRY_FILE, `${JSON.stringify(registry, null, 2)}\n`);
  regenerate();
  // The build enforces spring-javaformat, whose line breaks depend on the names just filled in.
  execFileSync(resolve(root, 'mvnw'), ['-B', '-q', 'spring-javaformat:apply', '-pl', module], { cwd: root, stdio: 'inherit' });
} catch (error) {
  const reason = error.message.split('\n')[0];
  fail(undo() ? `${module} was not added (${reason}); nothing of it is left`
    : `${module} was not added (${reason}), and the registry could not be restored: restore gateway-config/subgraphs.json and run \`npm run registry\``);
}
console.log(`✔ ${module}/ created and registered (gateway-config/subgraphs.json, port ${port}).
  Next: docs/adding-a-subgraph.md, from step 2.`);

function nameProblem(value) {
  if (!/^[a-z][a-z0-9]{1,30}$/.test(value ?? '')) {
    return 'the name must be lower-case letters and digits, 2 to 31 of them, starting with a letter, e.g. reviews';
  }
  if (SUBGRAPHS.some((s) => s.name === value)) {
    return `a subgraph named ${value} is already registered`;
  }
  const taken = reservedBy(value);
  if (taken) {
    return `the name ${value} is reserved: ${taken}`;
  }
  return existsSync(resolve(root, `${value}-subgraph`)) ? `${value}-subgraph/ exists already` : null;
}

/** What else the name would collide with, in words, or null. */
function reservedBy(value) {
  const Name = value[0].toUpperCase() + value.slice(1);
  const subgraphNames = new Set(SUBGRAPHS.map((s) => s.name));
  const services = Object.keys(parseYaml(readFileSync(resolve(root, 'compose.yaml'), 'utf8')).services ?? {});
  const manifests = readdirSync(resolve(root, 'deploy', 'base')).filter((file) => file.endsWith('.yaml')).map((file) => basename(file, '.yaml'));
  const variables = routerVariables();
  const { types, queryFields } = supergraphNames();
  const clash = [
    [JAVA_WORDS.has(value), 'a Java keyword, and the name is its package dev.supergraph.<name>'],
    [POSTGRES_DATABASES.has(value), 'a database every PostgreSQL has, and the name is its database'],
    [value === 'router' || (services.includes(value) && !subgraphNames.has(value)), `a service of compose.yaml (${services.join(', ')})`],
    [manifests.includes(value) && !subgraphNames.has(value), `deploy/base/${value}.yaml is another manifest`],
    [[urlVariable(value), `${value.toUpperCase()}_TIMEOUT_MS`].some((variable) => variables.has(variable)),
      `the router's variables for it (${urlVariable(value)}, ${value.toUpperCase()}_TIMEOUT_MS) include one of its own settings`],
    [types.has(`${Name}Item`) || queryFields.has(`${value}Item`), `the supergraph has ${Name}Item or Query.${value}Item already`],
  ].find(([collides]) => collides);
  return clash?.[1] ?? null;
}

/** The environment variables the router reads for itself (router/settings.mjs). */
function routerVariables() {
  const source = readFileSync(resolve(root, 'gateway-config', 'router', 'settings.mjs'), 'utf8');
  return new Set([...source.matchAll(/\benv(?:\.|, ')([A-Z][A-Z0-9_]*)/g)].map(([, variable]) => variable));
}

/** The type names and Query fields of the committed supergraph: the skeleton's type and query must be new. */
function supergraphNames() {
  const document = parse(readFileSync(resolve(root, 'gateway-config', 'supergraph.graphql'), 'utf8'));
  const types = new Set(document.definitions.map((definition) => definition.name?.value).filter(Boolean));
  const queryFields = new Set(document.definitions
    .filter((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query')
    .flatMap((definition) => definition.fields.map((field) => field.name.value)));
  return { types, queryFields };
}

function portProblem(value) {
  if (!(value > 1024 && value < 65536)) {
    return 'the port must be a number between 1025 and 65535';
  }
  const used = [['router', 4000], ...SUBGRAPHS.map((s) => [s.name, s.port])];
  const exact = used.find(([, taken]) => taken === value);
  if (exact) {
    return `port ${value} is taken by ${exact[0]} (${used.map(([owner, taken]) => `${owner} ${taken}`).join(', ')})`;
  }
  // This subgraph's replicas or another process's would listen on the same port.
  const replica = used.find(([, taken]) => Math.abs(taken - value) % 10 === 0 && Math.abs(taken - value) < 10 * MAX_REPLICAS);
  return replica ? `port ${value} is taken by the replicas of ${replica[0]} (${replica[1]}, ${replica[1] + 10}, … 10 apart with `
    + `./run-supergraph --replicas); choose a port whose last digit no other process uses` : null;
}

/** Regenerates the files generated from the registry (written all or none by registry.mjs). */
function regenerate() {
  execFileSync(process.execPath, [resolve(root, 'gateway-config', 'scripts', 'registry.mjs')], { stdio: 'inherit' });
}

/** Puts the registry and its generated files back as they were and removes the module; false if it cannot. */
function undo() {
  rmSync(resolve(root, module), { recursive: true, force: true });
  try {
    writeFileSync(REGISTRY_FILE, registryText);
    regenerate();
    return true;
  } catch {
    return false;
  }
}
