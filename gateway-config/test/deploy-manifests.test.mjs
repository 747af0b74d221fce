// The Kubernetes manifests (deploy/): every overlay renders (kubectl kustomize), every object is valid
// against the Kubernetes API schemas (kubernetes-models, offline), and the manifests agree with what the
// applications read: ports, probe paths, environment variables, the supergraph, the feature flags, who may call whom, and
// the connection pools against PostgreSQL's budget.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { gatewayDir } from './support/gateway.mjs';
import { HEALTH_ENDPOINTS, routerSettings } from '../router/settings.mjs';
import { SUBGRAPHS as REGISTERED, environmentVariable } from '../router/subgraphs.mjs';
import { parseFlags } from '../router/feature-flags.mjs';

const root = resolve(gatewayDir, '..');
const overlays = readdirSync(resolve(root, 'deploy', 'overlays'));
// Every registered subgraph needs its manifests (deploy/base/<name>.yaml, written by hand).
const SUBGRAPHS = REGISTERED.map((subgraph) => subgraph.name);

describe('deployment manifests', () => {
  it('keeps each environment\'s keys in Redis apart from every other environment\'s, and the router\'s from the subgraphs\'', () => {
    const prefixes = overlays.flatMap((overlay) => {
      const objects = render(overlay);
      return ['router', ...SUBGRAPHS].flatMap((name) => {
        const container = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name).spec.template.spec.containers[0];
        const env = envOf(container, objects);
        const keys = name === 'router' ? [env.REDIS_KEY_PREFIX] : [env.SUBGRAPH_SHAREDSTATE_KEYPREFIX, env.CATALOG_CACHE_REDISKEY];
        return keys.filter((key) => key !== undefined).map((key) => ({ overlay, owner: name === 'router' ? 'router' : 'subgraphs', key }));
      });
    });
    assert.ok(prefixes.filter((p) => p.owner === 'router').length === overlays.length, 'every router sets REDIS_KEY_PREFIX');
    assert.ok(prefixes.filter((p) => p.owner === 'subgraphs').length >= overlays.length * SUBGRAPHS.length, 'every subgraph sets its key prefix');
    for (const a of prefixes) {
      for (const b of prefixes) {
        if (a.overlay !== b.overlay || a.owner !== b.owner) {
          assert.ok(!b.key.startsWith(a.key) && !a.key.startsWith(b.key),
            `${a.overlay} ${a.owner} '${a.key}' and ${b.overlay} ${b.owner} '${b.key}' could name the same key`);
        }
      }
    }
  });

  for (const overlay of overlays) {
    describe(`overlay ${overlay}`, () => {
      const objects = render(overlay);
      const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
      const container = (name) => find('Deployment', name).spec.template.spec.containers[0];

      it('validates every object against the Kubernetes API schemas', async () => {
        assert.ok(objects.length > 0);
        for (const object of objects) {
          const model = await modelOf(object);
          assert.doesNotThrow(() => model.validate(), `${object.kind}/${object.metadata.name}`);
        }
      });

      it('gives the router and each subgraph a Deployment, Service, HPA and PDB', () => {
        for (const name of ['router', ...SUBGRAPHS]) {
          for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
            assert.ok(find(kind, name), `${kind}/${name}`);
          }
          const { resources, readinessProbe, livenessProbe } = container(name);
          assert.ok(resources.requests.cpu && resources.requests.memory && resources.limits.memory, name);
          assert.ok(readinessProbe && livenessProbe, name);
        }
      });

      // kubelet refuses to start a runAsNonRoot container whose image names its user (`USER node`)
      // rather than a number: it cannot verify the user is not root (CreateContainerConfigError).
      it('runs every container as the numeric non-root user its image creates', () => {
        for (const name of ['router', ...SUBGRAPHS]) {
          const pod = find('Deployment', name).spec.template.spec;
          const { runAsNonRoot, runAsUser } = { ...pod.securityContext, ...pod.containers[0].securityContext };
          assert.equal(runAsNonRoot, true, name);
          assert.ok(Number.isInteger(runAsUser) && runAsUser > 0, `${name}: runAsNonRoot needs a numeric runAsUser, the image's USER is a name`);
          assert.equal(runAsUser, imageUser(name === 'router' ? 'router' : 'subgraph'), name);
        }
      });

      it('uses the ports and probe paths the applications serve', () => {
        for (const name of SUBGRAPHS) {
          const port = applicationYaml(name).server.port;
          const { ports, readinessProbe, livenessProbe } = container(name);
          assert.equal(ports[0].containerPort, port, name);
          assert.equal(find('Service', name).spec.ports[0].port, port, name);
          assert.equal(readinessProbe.httpGet.path, '/actuator/health/readiness');
          assert.equal(livenessProbe.httpGet.path, '/actuator/health/liveness');
        }
        const defaults = starterDefaults();
        assert.equal(defaults.get('management.endpoint.health.probes.enabled'), 'true');
        assert.ok(defaults.get('management.endpoint.health.group.readiness.include'));
        assert.ok(defaults.get('management.endpoint.health.group.liveness.include'));
        const router = container('router');
        assert.equal(router.ports[0].containerPort, 4000, 'the router image listens on 4000');
        assert.equal(router.readinessProbe.httpGet.path, HEALTH_ENDPOINTS.readiness);
        assert.equal(router.livenessProbe.httpGet.path, HEALTH_ENDPOINTS.liveness);
      });

      it('sets only environment variables the router reads, with values it accepts', () => {
        const env = envOf(container('router'), objects);
        const read = new Set();
        const recording = new Proxy(env, { get: (target, key) => (read.add(key), target[key]) });
        const settings = routerSettings(recording);
        assert.deepEqual(Object.keys(env).filter((name) => !read.has(name)), []);
        assert.equal(settings.mode, 'production');
        for (const [name, subgraph] of Object.entries(settings.subgraphs)) {
          const url = new URL(subgraph.url);
          assert.equal(Number(url.port), find('Service', url.hostname)?.spec.ports[0].port, name);
        }
      });

      it('sets only environment variables the subgraphs read', () => {
        for (const name of SUBGRAPHS) {
          const known = propertiesOf(name);
          const unknown = Object.keys(envOf(container(name), objects)).filter((variable) => !known.has(variable));
          assert.deepEqual(unknown, [], name);
        }
      });

      it('lets only the callers the configuration names reach each subgraph, and Prometheus its metrics', () => {
        const callers = Object.fromEntries(SUBGRAPHS.map((name) => [name, new Set()]));
        for (const caller of ['router', ...SUBGRAPHS]) {
          for (const value of Object.values(envOf(container(caller), objects))) {
            const host = /^http:\/\/([a-z]+):\d+\/graphql$/.exec(value)?.[1];
            if (host in callers) {
              callers[host].add(caller);
            }
          }
        }
        for (const name of SUBGRAPHS) {
          const policy = find('NetworkPolicy', `${name}-ingress`);
          assert.equal(policy.spec.podSelector.matchLabels['app.kubernetes.io/name'], name);
          const sources = policy.spec.ingress.flatMap((rule) => rule.from);
          const allowed = sources.filter((from) => from.podSelector).map((from) => from.podSelector.matchLabels['app.kubernetes.io/name']);
          assert.deepEqual(new Set(allowed), callers[name], name);
          // besides the callers, only Prometheus in the monitoring namespace, where the pod's annotations point it
          assert.deepEqual(sources.filter((from) => !from.podSelector),
            [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], name);
          const port = applicationYaml(name).server.port;
          assert.deepEqual([...new Set(policy.spec.ingress.flatMap((rule) => rule.ports.map((p) => p.port)))], [port]);
          const annotations = find('Deployment', name).spec.template.metadata.annotations;
          assert.deepEqual(annotations, { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port),
            'prometheus.io/path': '/actuator/prometheus' }, name);
        }
        // the callers are the router and the subgraphs whose registry `calls` name the subgraph
        assert.deepEqual(callers, Object.fromEntries(SUBGRAPHS.map((name) => [name, new Set(['router',
          ...REGISTERED.filter(({ calls }) => Object.values(calls).includes(name)).map((caller) => caller.name)])])));
        assert.deepEqual(callers.catalog, new Set(['router', 'orders', 'inventory']));
      });

      it('points every call of the registry at the called subgraph\'s Service', () => {
        for (const { name, calls } of REGISTERED) {
          const env = envOf(container(name), objects);
          for (const [property, target] of Object.entries(calls)) {
            const port = find('Service', target).spec.ports[0].port;
            assert.equal(env[environmentVariable(property)], `http://${target}:${port}/graphql`, `${name}: ${property}`);
          }
        }
      });

      it('shares rate limit budgets and used router stamps in Redis for every subgraph that runs more than one replica', () => {
        for (const name of SUBGRAPHS) {
          const { maxReplicas } = find('HorizontalPodAutoscaler', name).spec;
          const redis = container(name).env.find((variable) => variable.name === 'SPRING_DATA_REDIS_URL');
          if (maxReplicas > 1) {
            assert.deepEqual(redis?.valueFrom?.secretKeyRef, { name: 'redis', key: 'url' }, `${name} runs up to ${maxReplicas} replicas`);
          }
        }
      });

      it('keeps every subgraph within its PostgreSQL connection budget at its most replicas, during a rolling update too', () => {
        for (const name of SUBGRAPHS) {
          const deployment = find('Deployment', name);
          const { annotations } = deployment.metadata;
          const budget = Number(annotations['supergraph.dev/postgres-connection-budget']);
          const reserve = Number(annotations['supergraph.dev/postgres-connection-reserve']);
          const env = envOf(container(name), objects);
          const pool = Number(env.SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE);
          const { maxReplicas } = find('HorizontalPodAutoscaler', name).spec;
          const pods = podsHoldingAPool(name, deployment.spec, maxReplicas, env);
          assert.ok(pool > 0 && budget > 0, name);
          assert.ok(pods * pool + reserve <= budget, `${name}: ${pods} pods x ${pool} + ${reserve} > ${budget}`);
        }
      });

      it('carries the composed supergraph in a ConfigMap named by its content, mounted where the router reads it', () => {
        const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('supergraph-')
          && o.data['supergraph.graphql']);
        assert.equal(configMap.data['supergraph.graphql'], readFileSync(resolve(gatewayDir, 'supergraph.graphql'), 'utf8'),
          'deploy/base/supergraph.graphql is stale: run npm run compose in gateway-config');
        const router = find('Deployment', 'router').spec.template.spec;
        assert.equal(router.volumes.find((v) => v.name === 'supergraph').configMap.name, configMap.metadata.name);
        assert.equal(router.containers[0].volumeMounts.find((m) => m.name === 'supergraph').mountPath, '/app/supergraph.graphql');
      });

      it('mounts the feature flags ConfigMap as a directory where the router and every subgraph read it', () => {
        const configMap = find('ConfigMap', 'feature-flags');
        assert.equal(configMap.data['flags.json'], readFileSync(resolve(root, 'flags', 'flags.json'), 'utf8'),
          'deploy/base/flags.json differs from flags/flags.json: copy it');
        assert.ok(parseFlags(configMap.data['flags.json']).size > 0);
        for (const [name, variable] of [['router', 'FLAGS_FILE'], ...SUBGRAPHS.map((subgraph) => [subgraph, 'SUBGRAPH_FLAGS_FILE'])]) {
          const pod = find('Deployment', name).spec.template.spec;
          const volume = pod.volumes.find((v) => v.configMap?.name === 'feature-flags');
          const mount = pod.containers[0].volumeMounts.find((m) => m.name === volume?.name);
          // A subPath mount would never see an edit of the ConfigMap.
          assert.equal(mount?.subPath, undefined, name);
          assert.equal(envOf(pod.containers[0], objects)[variable], `${mount.mountPath}/flags.json`, name);
        }
      });
    });
  }
});

function render(overlay) {
  let output;
  try {
    output = execFileSync('kubectl', ['kustomize', resolve(root, 'deploy', 'overlays', overlay)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    throw new Error(`kubectl kustomize failed (${error.message}); install kubectl (Debian: apt-get install kubernetes-client)`);
  }
  return parseAllDocuments(output).map((document) => document.toJS()).filter(Boolean);
}

async function modelOf(object) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [null, object.apiVersion];
  const module = await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${object.kind}`);
  return new module[object.kind](object);
}

// A Secret's value is not in the render: the settings read an example of the shape docs/deployment.md
// asks of it, any other Secret a placeholder naming it.
const SECRET_EXAMPLES = { 'router-hmac/secret': 'f'.repeat(64), 'redis/url': 'rediss://redis.internal:6380' };

/** The container's environment, references resolved: ConfigMap keys from the render, Secrets as examples. */
function envOf(container, objects) {
  const env = {};
  for (const { name, value, valueFrom } of container.env ?? []) {
    if (valueFrom?.configMapKeyRef) {
      const { name: configMap, key } = valueFrom.configMapKeyRef;
      const data = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === configMap)?.data ?? {};
      assert.ok(key in data, `ConfigMap ${configMap} has no key ${key}`);
      env[name] = data[key];
      continue;
    }
    const secret = valueFrom && `${valueFrom.secretKeyRef.name}/${valueFrom.secretKeyRef.key}`;
    // As Kubernetes does: $(NAME) in a value is the variable NAME defined above it.
    env[name] = value?.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (reference, variable) => env[variable] ?? reference)
      ?? SECRET_EXAMPLES[secret] ?? `secret:${secret}`;
  }
  return env;
}

/**
 * The most pods of a subgraph that hold a connection pool at once: its most replicas, the new pods a
 * rolling update adds (`maxSurge`), and the old pods still draining after SIGTERM, which keep their pool
 * until they exit and which Kubernetes does not count against `maxSurge` (it starts the next new pod at
 * once). With `maxUnavailable: 0` an old pod is stopped only when a new one is available, and with
 * `minReadySeconds` at least an old pod's drain the ones stopped a step before have exited by then: at
 * most `maxSurge` drain at a time. A percentage would grow the surge with the autoscaler.
 */
function podsHoldingAPool(name, { strategy, minReadySeconds = 0 }, maxReplicas, env) {
  const { maxSurge, maxUnavailable } = strategy?.rollingUpdate ?? {};
  assert.equal(strategy?.type, 'RollingUpdate', `${name}: strategy`);
  assert.ok(Number.isInteger(maxSurge) && maxSurge >= 1, `${name}: maxSurge must be a number of pods, not ${maxSurge}`);
  assert.equal(maxUnavailable, 0, `${name}: maxUnavailable`);
  const drain = seconds(env.SUBGRAPH_SHUTDOWN_DRAINDELAY ?? '0s')
    + seconds(starterDefaults().get('spring.lifecycle.timeout-per-shutdown-phase'));
  assert.ok(minReadySeconds >= drain, `${name}: minReadySeconds ${minReadySeconds} < the ${drain} s an old pod may drain`);
  return maxReplicas + 2 * maxSurge;
}

/** A Spring Boot duration such as `5s`, `20s` or `500ms`, in seconds. */
function seconds(duration) {
  const [, amount, unit = 'ms'] = /^(\d+)(ms|s|m)?$/.exec(duration.trim()) ?? assert.fail(`not a duration: ${duration}`);
  return Number(amount) * { ms: 0.001, s: 1, m: 60 }[unit];
}

/**
 * The uid of the user an image runs as (its Dockerfile's last `USER`): a number there, else the uid of
 * the user the Dockerfile creates (`useradd --uid`), or, for the router, the official Node image's
 * `node` user (uid 1000 in every node image).
 */
function imageUser(image) {
  const dockerfile = readFileSync(resolve(root, image === 'router' ? 'gateway-config/Dockerfile' : 'subgraph.Dockerfile'), 'utf8');
  const user = [...dockerfile.matchAll(/^USER\s+([^\s:]+)/gm)].at(-1)?.[1] ?? assert.fail(`${image}: no USER`);
  if (/^\d+$/.test(user)) {
    return Number(user);
  }
  const created = new RegExp(`useradd\\b[^\\n]*--uid (\\d+)[^\\n]* ${user}\\b`).exec(dockerfile);
  if (created) {
    return Number(created[1]);
  }
  assert.equal(user, 'node', `${image}: USER ${user} has no known uid`);
  return 1000;
}

function applicationYaml(name) {
  return parse(readFileSync(resolve(root, `${name}-subgraph`, 'src', 'main', 'resources', 'application.yaml'), 'utf8'));
}

function starterDefaults() {
  const text = readFileSync(resolve(root, 'subgraph-starter', 'src', 'main', 'resources', 'subgraph-defaults.properties'), 'utf8');
  return new Map(text.split('\n').filter((line) => /^[a-z]/.test(line)).map((line) => line.split(/=(.*)/s).slice(0, 2)));
}

/**
 * The environment variable names (Spring Boot's relaxed binding) of every property a subgraph reads:
 * the starter's defaults, the subgraph's application.yaml, the `@ConfigurationProperties` records and
 * `@Value` keys of the starter's and the subgraph's sources, and the Spring Boot properties the
 * manifests set (profile, data source, Redis).
 */
function propertiesOf(name) {
  const keys = [...starterDefaults().keys(), ...flatten(applicationYaml(name)),
    'spring.profiles.active', 'spring.datasource.url', 'spring.datasource.username', 'spring.datasource.password',
    'spring.datasource.hikari.maximum-pool-size', 'spring.data.redis.url'];
  for (const dir of [resolve(root, 'subgraph-starter', 'src', 'main', 'java'), resolve(root, `${name}-subgraph`, 'src', 'main', 'java')]) {
    for (const source of javaSources(dir)) {
      keys.push(...configurationKeys(readFileSync(source, 'utf8')));
    }
  }
  // Spring Boot binds `a.b-c` from A_BC, and (its legacy form, which compose.yaml uses too) from A_B_C.
  const variable = (key, dash) => key.replace(/-/g, dash).replace(/\./g, '_').toUpperCase();
  return new Set(keys.flatMap((key) => [variable(key, ''), variable(key, '_')]));
}

function configurationKeys(source) {
  const keys = [...source.matchAll(/@Value\("\$\{([a-z0-9.-]+)/g)].map((match) => match[1]);
  // @ConfigurationProperties("a.b") or (prefix = "a.b", ignoreUnknownFields = false)
  const record = /@ConfigurationProperties\((?:prefix = )?"([a-z0-9.-]+)"[^)]*\)\s*public record \w+\(([^{]*)\)\s*\{/s.exec(source);
  if (record) {
    const components = [...record[2].matchAll(/(\w+)\s*(?:,|$)/g)].map((match) => match[1]);
    keys.push(...components.map((component) => `${record[1]}.${component.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
  }
  return keys;
}

function* javaSources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) {
      yield* javaSources(path);
    } else if (entry.name.endsWith('.java')) {
      yield path;
    }
  }
}

function flatten(value, prefix = '') {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}
