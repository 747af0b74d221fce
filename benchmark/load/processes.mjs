// The processes under test: started, awaited, measured from /proc (CPU time and RSS), stopped.
import { spawn } from 'node:child_process';
import { openSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

const CLOCK_TICKS = 100; // USER_HZ on Linux

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Every process started and not yet exited, so an interrupted benchmark (even while starting) stops them all.
const running = new Set();

/** Starts a command with its output in `logFile`; `ready` is the URL that answers 200 once it serves. */
export function startProcess({ name, command, args, env = {}, cwd, logFile, ready }) {
  const log = openSync(logFile, 'w');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  const proc = { name, child, pid: child.pid, ready, logFile };
  running.add(proc);
  child.once('exit', () => running.delete(proc));
  return proc;
}

/** On SIGINT or SIGTERM: stops every process this benchmark started, then exits with 1. */
export function stopAllOnSignal() {
  const stop = () => stopAll([...running]).then(() => process.exit(1));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Generous: four JVMs starting on a busy two-core machine have taken over four minutes.
export async function awaitReady(proc, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with ${proc.child.exitCode}; see ${proc.logFile}`);
    }
    try {
      const response = await fetch(proc.ready);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${proc.name} was not ready in ${timeoutMs / 1000} s; see ${proc.logFile}`);
}

export async function stopAll(procs) {
  // A process's own children (a forking router's workers), found before it exits and orphans them.
  const children = procs.map((proc) => (proc.child.exitCode === null ? descendants(proc.pid) : []));
  for (const proc of procs) {
    if (proc.child.exitCode === null) {
      proc.child.kill('SIGTERM');
    }
  }
  await Promise.all(procs.map((proc) => (proc.child.exitCode !== null ? null
    : new Promise((resolve) => { proc.child.once('exit', resolve); setTimeout(resolve, 15_000); }))));
  // Whatever did not stop within 15 s, and every child left behind, is killed.
  procs.forEach((proc, i) => {
    const running = proc.child.exitCode === null && proc.child.signalCode === null;
    for (const pid of [...(running ? [proc.pid] : []), ...children[i]]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** CPU seconds (user + system) a process has used so far, its finished children included. */
export function cpuSeconds(pid) {
  try {
    // fields[11..14] = utime, stime, cutime, cstime (stat fields 14-17)
    return statFields(`/proc/${pid}/stat`).slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds that a JVM's JIT compiler threads have used so far (0 when it is gone). HotSpot names
 * them "C1 CompilerThread0", "C2 CompilerThread1", …, of which the kernel keeps 15 characters.
 */
export function compilerCpuSeconds(pid) {
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let ticks = 0;
  for (const task of tasks) {
    try {
      if (/^C[12] CompilerThre/.test(readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8'))) {
        const fields = statFields(`/proc/${pid}/task/${task}/stat`);
        ticks += Number(fields[11]) + Number(fields[12]);
      }
    } catch {
      // a compiler thread that ended (HotSpot adds and removes them with the queue's length)
    }
  }
  return ticks / CLOCK_TICKS;
}

/** The fields of a /proc stat file after the command name (which may hold spaces). */
function statFields(path) {
  const stat = readFileSync(path, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function rssMiB(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process on the machine (the benchmark's own embedded servers and any other). */
export function postgresPids() {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
    } catch {
      return false;
    }
  }).map(Number);
}

function descendants(pid) {
  const children = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((child) => {
    try {
      const stat = readFileSync(`/proc/${child}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
        && !readFileSync(`/proc/${child}/comm`, 'utf8').startsWith('postgres');
    } catch {
      return false;
    }
  }).map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** CPU seconds of a process and its live descendants (a forking router's workers), PostgreSQL left out. */
export function treeCpuSeconds(pid) {
  return [pid, ...descendants(pid)].reduce((sum, each) => sum + cpuSeconds(each), 0);
}

/** CPU used by named processes (and all PostgreSQL processes) between two calls of the returned function. */
export function cpuMeter(procs) {
  const read = () => {
    const now = Object.fromEntries(procs.filter((proc) => !proc.unmetered).map((proc) => [proc.name, treeCpuSeconds(proc.pid)]));
    now.postgres = postgresPids().reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    return now;
  };
  const start = read();
  return () => {
    const end = read();
    return Object.fromEntries(Object.keys(end).map((name) => [name, Math.max(0, end[name] - (start[name] ?? 0))]));
  };
}
