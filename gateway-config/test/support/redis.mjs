// Redis for the router tests: the shared one (SUBGRAPH_TEST_REDIS_URL, default redis://127.0.0.1:6379)
// under a key prefix of the test's own, or a redis-server of the test's own that it may stop and start.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect, createServer } from 'node:net';

export const sharedRedisUrl = process.env.SUBGRAPH_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export function ownPrefix() {
  return `test-${randomUUID()}:`;
}

/** The keys of a Redis that match a pattern (SCAN's, not KEYS'), read with ioredis as the router reads it. */
export async function redisKeys(url, pattern) {
  const { default: Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    const keys = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  } finally {
    client.disconnect();
  }
}

export async function startOwnRedis() {
  const port = await freePort();
  let child;
  const redis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' });
      for (let attempt = 0; attempt < 100 && !(await accepts(port)); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  await redis.start();
  return redis;
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
