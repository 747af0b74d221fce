// Writes (npm run registry) or checks (npm run registry:check, run by the build) every file generated
// from the subgraph registry, subgraphs.json: whole files (supergraph.yaml, the compose database init
// script, the Prometheus targets) and marked regions of hand-written ones (compose.yaml, the poms).
// It also checks what each module states itself: its server.port.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS, environmentVariable, urlVariable } from '../router/subgraphs.mjs';
import { commandLine, writeFiles } from './lib/cli.mjs';

const gateway = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(gateway, '..');
const NOTICE = 'generated from gateway-config/subgraphs.json by `npm run registry` in gateway-config; do not edit';

const wholeFiles = {
  'gateway-config/supergraph.yaml': () => [
    "# Rover's supergraph config format: `rover supergraph compose --config supergraph.yaml` works as is.",
    '# `npm run compose` reads the same file; federation_version must match the pinned @apollo/composition.',
    `# The routing URLs are local defaults; the router overrides them from ${SUBGRAPHS.map((s) => urlVariable(s.name)).join(' / ')}.`,
    `# The subgraphs are ${NOTICE}.`,
    'federation_version: =2.14.4',
    'subgraphs:',
    ...SUBGRAPHS.flatMap((s) => [`  ${s.name}:`, `    routing_url: http://localhost:${s.port}/graphql`, '    schema:',
      `      file: ./subgraphs/${s.name}.graphql`]),
  ],
  'gateway-config/docker/postgres-init/01-databases.sql': () => [
    '-- One database per subgraph: each subgraph owns its data and its own Flyway history.',
    `-- ${NOTICE}.`,
    ...SUBGRAPHS.map((s) => `CREATE DATABASE ${s.database};`),
  ],
  'gateway-config/docker/prometheus/prometheus.yml': () => [
    '# Scrapes the router and the subgraphs inside the compose network (profile "observability").',
    `# ${NOTICE}.`,
    'global:', '  scrape_interval: 15s', 'scrape_configs:', '  - job_name: router', '    metrics_path: /metrics',
    '    static_configs:', '      - targets: ["router:4000"]', '  - job_name: subgraphs', '    metrics_path: /actuator/prometheus',
    '    static_configs:', `      - targets: [${SUBGRAPHS.map((s) => `"${s.name}:${s.port}"`).join(', ')}]`,
    'rule_files:', '  - /etc/prometheus/alerts.yml',
  ],
};

const url = (name, host) => `http://${host ?? name}:${SUBGRAPHS.find((s) => s.name === name).port}/graphql`;

const regions = {
  'compose.yaml': {
    services: () => SUBGRAPHS.flatMap((s) => [
      `  ${s.name}:`, '    <<: *subgraph', '    build:', '      context: .', '      dockerfile: subgraph.Dockerfile', '      args:',
      `        MODULE: ${s.module}`, `        PORT: "${s.port}"`, '    environment:', '      <<: *subgraph-env',
      `      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/${s.database}`,
      ...Object.entries(s.calls).map(([property, target]) => `      ${environmentVariable(property)}: ${url(target)}`),
      '    healthcheck:', `      test: ["CMD", "curl", "-fsS", "http://localhost:${s.port}/actuator/health/readiness"]`,
      '      interval: 10s', '      timeout: 3s', '      retries: 5', '      start_period: 90s', '']),
    'router depends_on': () => SUBGRAPHS.flatMap((s) => [`      ${s.name}:`, '        condition: service_healthy']),
    'router subgraph URLs': () => SUBGRAPHS.map((s) => `      ${urlVariable(s.name)}: ${url(s.name)}`),
  },
  'pom.xml': {
    modules: () => SUBGRAPHS.map((s) => `\t\t<module>${s.module}</module>`),
    'managed versions': () => SUBGRAPHS.flatMap((s) => ['\t\t\t<dependency>', '\t\t\t\t<groupId>dev.supergraph</groupId>',
      `\t\t\t\t<artifactId>${s.module}</artifactId>`, '\t\t\t\t<version>${project.version}</version>', '\t\t\t</dependency>']),
  },
  'gateway-config/pom.xml': {
    'subgraph jars': () => SUBGRAPHS.flatMap((s) => ['\t\t<dependency>', '\t\t\t<groupId>dev.supergraph</groupId>',
      `\t\t\t<artifactId>${s.module}</artifactId>`, '\t\t\t<scope>test</scope>', '\t\t</dependency>']),
  },
};

/** The markers of a region: a comment in the file's own syntax. */
function markers(file, name) {
  const [open, close] = file.endsWith('.xml') ? ['<!-- ', ' -->'] : ['# ', ''];
  return [`${open}>>> ${name}: ${NOTICE}${close}`, `${open}<<< ${name}${close}`];
}

function withRegion(file, text, name, lines) {
  const [begin, end] = markers(file, name);
  const from = text.indexOf(begin);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) {
    throw new Error(`${file}: the markers of the region "${name}" are missing:\n  ${begin}\n  ${end}`);
  }
  const start = text.indexOf('\n', from) + 1;
  const finish = text.lastIndexOf('\n', to) + 1;
  return text.slice(0, start) + lines.map((line) => `${line}\n`).join('') + text.slice(finish);
}

/** Every generated file with the text it must have. */
export function expectedFiles() {
  const files = Object.entries(wholeFiles).map(([file, lines]) => [file, `${lines().join('\n')}\n`]);
  for (const [file, named] of Object.entries(regions)) {
    let text = readFileSync(resolve(root, file), 'utf8');
    for (const [name, lines] of Object.entries(named)) {
      text = withRegion(file, text, name, lines());
    }
    files.push([file, text]);
  }
  return files;
}

/** What a module states itself and must agree with the registry. */
export function disagreements() {
  return SUBGRAPHS.flatMap((s) => {
    const config = resolve(root, s.module, 'src', 'main', 'resources', 'application.yaml');
    if (!existsSync(config)) {
      return [`${s.module}: no module (src/main/resources/application.yaml) for the registry entry "${s.name}"`];
    }
    const port = /^server:\s*\n\s+port:\s*(\d+)/m.exec(readFileSync(config, 'utf8'))?.[1];
    return Number(port) === s.port ? [] : [`${s.module}/src/main/resources/application.yaml: server.port ${port}, the registry says ${s.port}`];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: { check } } = commandLine('usage: registry.mjs [--check]', { options: { check: { type: 'boolean' } } });
  const stale = expectedFiles().filter(([file, text]) => !existsSync(resolve(root, file)) || readFileSync(resolve(root, file), 'utf8') !== text);
  const problems = disagreements();
  if (check) {
    stale.forEach(([file]) => console.error(`✖ ${file} is stale: run npm run registry in gateway-config`));
  } else {
    writeFiles(stale.map(([file, text]) => ({ file: resolve(root, file), text })));
    stale.forEach(([file]) => console.log(`wrote ${file}`));
  }
  problems.forEach((problem) => console.error(`✖ ${problem}`));
  process.exit((check && stale.length > 0) || problems.length > 0 ? 1 : 0);
}
