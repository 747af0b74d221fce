// Load generation. A closed loop finds the saturating rate; the measurement itself is an open model
// (requests arrive on a fixed schedule whatever the answers do), with latency taken from each
// request's scheduled start, so queueing shows up in the percentiles instead of hiding in a slower loop.
import http from 'node:http';

// A kept-alive socket idle for 4 s is closed by this side first: the servers close idle ones after
// 5 s (the router) or more (the JVMs), and a request sent on a socket the server is closing that
// instant fails with ECONNRESET, a failure of the load generator, not of the server measured.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });

/** Sends one request; resolves with { status, ok } (ok: a 2xx response whose GraphQL result has no errors). */
export function send({ url, headers, body }) {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode, ok: response.statusCode < 300 && !text.includes('"errors"'), text });
        });
      });
    // No HTTP answer at all (refused, reset): status 0, with the socket error's code as the 'code'.
    request.on('error', (error) => resolve({ status: 0, ok: false, text: `"code":"${error.code ?? 'NETWORK_ERROR'}"` }));
    request.end(body);
  });
}

/** `concurrency` clients each sending the next request as soon as the last one answered. */
export async function closedLoop(nextRequest, { concurrency, durationMs }) {
  const end = Date.now() + durationMs;
  let completed = 0;
  let failed = 0;
  const started = Date.now();
  const client = async () => {
    while (Date.now() < end) {
      const result = await send(nextRequest());
      completed += 1;
      failed += result.ok ? 0 : 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { rps: completed / ((Date.now() - started) / 1000), completed, failed };
}

/**
 * Warms every request source of `loads` for `durationMs` each (4 clients), in three slices taken in
 * turn, so that side by side JVMs reach the same point of compilation.
 */
export async function warmInTurn(loads, durationMs) {
  for (let slice = 0; slice < 3; slice += 1) {
    for (const next of loads) {
      await closedLoop(next, { concurrency: 4, durationMs: durationMs / 3 });
    }
  }
}

/**
 * Requests at a constant arrival rate for `durationMs`. Latency is measured from the scheduled
 * start; at most `maxInFlight` requests wait at once, further arrivals are counted as dropped.
 */
export async function openModel(nextRequest, { rate, durationMs, maxInFlight = 512, onTick }) {
  const latencies = [];
  const failures = {};
  let inFlight = 0;
  let dropped = 0;
  let scheduled = 0;
  const start = performance.now();
  const total = Math.round((rate * durationMs) / 1000);
  const pending = [];
  while (scheduled < total) {
    const due = start + (scheduled * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 50)));
      onTick?.();
      continue;
    }
    scheduled += 1;
    if (inFlight >= maxInFlight) {
      dropped += 1;
      continue;
    }
    inFlight += 1;
    pending.push(send(nextRequest()).then((result) => {
      inFlight -= 1;
      latencies.push(performance.now() - due);
      if (!result.ok) {
        const key = `${result.status}${codeOf(result.text)}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  return { requests: latencies.length, dropped, failures, seconds, rps: latencies.length / seconds, ...percentiles(latencies) };
}

function codeOf(text) {
  const match = /"code":"([A-Z_]+)"/.exec(text);
  return match ? ` ${match[1]}` : '';
}

export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}
