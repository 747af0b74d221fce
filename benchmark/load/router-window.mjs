// Preloaded into a router by router-heap.mjs and router-gc.mjs (node --import): the first SIGUSR2 opens
// a measured window, the second closes it and writes what the router saw in it to ROUTER_WINDOW_OUT
// as JSON: its event loop's delay (how long a ready callback waited for the loop) and utilization,
// and with ROUTER_WINDOW_HEAP=allocated|promoted V8's sampling heap profile of the window: every
// allocation, or only the objects that outlived the young generation's collections. Benchmark-only.
import { Session } from 'node:inspector/promises';
import { renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const heap = process.env.ROUTER_WINDOW_HEAP;
let window = null;

process.on('SIGUSR2', async () => {
  if (!window) {
    window = { delay: monitorEventLoopDelay({ resolution: 1 }), utilization: performance.eventLoopUtilization() };
    window.delay.enable();
    if (heap) {
      window.session = new Session();
      window.session.connect();
      await window.session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMinorGC: heap === 'allocated',
        includeObjectsCollectedByMajorGC: true,
      });
    }
    return;
  }
  const { delay, utilization, session } = window;
  delay.disable();
  const ms = (ns) => ns / 1e6;
  const result = {
    eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
    eventLoopUtilization: performance.eventLoopUtilization(utilization).utilization,
  };
  if (session) {
    result.heapProfile = (await session.post('HeapProfiler.stopSampling')).profile;
    session.disconnect();
  }
  // Written whole, then renamed, so the script that waits for the file never reads half of it.
  writeFileSync(`${process.env.ROUTER_WINDOW_OUT}.part`, JSON.stringify(result));
  renameSync(`${process.env.ROUTER_WINDOW_OUT}.part`, process.env.ROUTER_WINDOW_OUT);
});
