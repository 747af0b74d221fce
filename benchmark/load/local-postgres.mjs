// The subgraphs' databases: the production jars carry no database, so the benchmark starts an
// embedded PostgreSQL per subgraph beside them with subgraph-starter-dev's LocalPostgres (the same
// real PostgreSQL binaries the local run uses).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startProcess } from './processes.mjs';

/** Starts one fresh server per name; resolves to the process and each name's port once all accept connections. */
export async function startLocalPostgres(root, logDir, names, timeoutMs = 120_000) {
  const portsFile = resolve(logDir, 'postgres-ports');
  rmSync(portsFile, { force: true });
  const dev = resolve(root, 'subgraph-starter-dev', 'target');
  const classpath = [resolve(dev, 'classes'), readFileSync(resolve(dev, 'classpath.txt'), 'utf8').trim()].join(':');
  const proc = startProcess({ name: 'databases', command: 'java',
    args: ['-cp', classpath, 'dev.supergraph.starter.dev.LocalPostgres', portsFile, ...names],
    cwd: root, logFile: resolve(logDir, 'postgres.log') });
  // Only launches the servers: PostgreSQL's own CPU is measured apart (cpuMeter's `postgres`).
  proc.unmetered = true;
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(portsFile)) {
    if (proc.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the embedded PostgreSQL did not start; see ${proc.logFile}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  const ports = Object.fromEntries(readFileSync(portsFile, 'utf8').trim().split('\n')
    .map((line) => line.split(' ')).map(([name, port]) => [name, Number(port)]));
  return { proc, ports };
}

/** The JDBC URL of a LocalPostgres server. */
export const localPostgresUrl = (port) => `jdbc:postgresql://127.0.0.1:${port}/postgres?user=postgres`;
