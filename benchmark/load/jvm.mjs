// How the benchmarks start a subgraph JVM: like the production image (subgraph.Dockerfile) when they
// can. The JVM options come from subgraph-jvm/options, the file the image uses; the JDK is 25 when
// installed (JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64), and the AOT cache is the one
// benchmark/startup trains (.run/startup/<subgraph>/app.aot on the extracted jar) while it is newer
// than the subgraph's jar.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export function java25() {
  const java = process.env.JAVA25_HOME ? resolve(process.env.JAVA25_HOME, 'bin', 'java') : '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';
  return existsSync(java) ? java : null;
}

export function execJar(root, module) {
  const target = resolve(root, module, 'target');
  const file = existsSync(target) ? readdirSync(target).find((name) => name.endsWith('-exec.jar')) : null;
  if (!file) {
    throw new Error(`no runnable jar in ${target}: build with ./mvnw -DskipTests package`);
  }
  return resolve(target, file);
}

/** SHA-256 of a subgraph's runnable jar: what its extraction and AOT cache were made from. */
export function jarFingerprint(root, subgraph) {
  return createHash('sha256').update(readFileSync(execJar(root, `${subgraph}-subgraph`))).digest('hex');
}

/** The extracted jar and AOT cache benchmark/startup made for a subgraph ('catalog'), if still current. */
export function aotCache(root, subgraph) {
  const dir = resolve(root, '.run', 'startup', subgraph);
  const cache = resolve(dir, 'app.aot');
  const jar = resolve(dir, 'app.jar');
  const source = resolve(dir, 'source.sha256');
  if (!existsSync(cache) || !existsSync(jar) || !existsSync(source) || statSync(cache).mtimeMs < statSync(jar).mtimeMs
    || readFileSync(source, 'utf8').trim() !== jarFingerprint(root, subgraph)) {
    return null;
  }
  return { jar, cache };
}

/** java and its arguments (before the application's) for a subgraph as production starts it. */
export function productionJvm(root, subgraph) {
  const java = java25();
  const options = `@${resolve(root, 'subgraph-jvm', 'options')}`;
  const aot = java ? aotCache(root, subgraph) : null;
  if (aot) {
    return { command: java, args: [options, `-XX:AOTCache=${aot.cache}`, '-jar', aot.jar], describe: 'JDK 25, subgraph-jvm/options, AOT cache' };
  }
  return { command: java ?? 'java', args: [options, '-jar', execJar(root, `${subgraph}-subgraph`)],
    describe: `${java ? 'JDK 25' : 'default JDK'}, subgraph-jvm/options, no AOT cache (run benchmark/startup to train one)` };
}

/** The fixed `ENV` lines of subgraph.Dockerfile (e.g. MALLOC_ARENA_MAX), for a subgraph started here. */
export function imageEnvironment(root) {
  return Object.fromEntries([...readFileSync(resolve(root, 'subgraph.Dockerfile'), 'utf8').matchAll(/^ENV (\w+)=(.*)$/gm)]
    .filter(([, , value]) => !value.includes('${'))
    .map(([, name, value]) => [name, value.replace(/^"(.*)"$/, '$1')]));
}
