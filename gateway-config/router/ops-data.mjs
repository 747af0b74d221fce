// The operator page's data (docs/observability.md): the router's and every subgraph's Prometheus
// metrics, scraped on request and folded into the few tables an operator reads first. Pure functions
// of the scraped text, so the node tests check them on fixed input.

/** Prometheus text exposition -> [{ name, labels, value }]. */
export function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) {
      continue;
    }
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)]
      .map((m) => [m[1], unescapeLabel(m[2])]));
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

// The exposition format escapes `\`, `"` and a line feed in label values: the page shows the value itself.
const unescapeLabel = (value) => value.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));

/** The q-quantile (0..1) of a cumulative histogram's buckets [{ le, count }], in the buckets' unit. */
export function quantile(q, buckets) {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (!total) {
    return null;
  }
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const { le, count } of sorted) {
    if (count >= rank) {
      if (le === Infinity) {
        return lower;
      }
      return lower + (le - lower) * ((rank - below) / Math.max(count - below, 1));
    }
    lower = le;
    below = count;
  }
  return lower;
}

// Label values come from requests (operation and client names), and `__proto__` or `constructor` is a
// valid GraphQL name: groups keyed by them are objects without a prototype.

/** Histogram samples grouped by a label: { [value]: { count, sum, buckets } }. */
function histograms(samples, family, label, filter = () => true) {
  const groups = Object.create(null);
  for (const sample of samples) {
    if (!sample.name.startsWith(family) || !filter(sample.labels)) {
      continue;
    }
    const key = sample.labels[label] ?? 'unknown';
    const group = (groups[key] ??= { count: 0, sum: 0, buckets: new Map() });
    if (sample.name === `${family}_count`) {
      group.count += sample.value;
    } else if (sample.name === `${family}_sum`) {
      group.sum += sample.value;
    } else if (sample.name === `${family}_bucket`) {
      const le = sample.labels.le === '+Inf' ? Infinity : Number(sample.labels.le);
      group.buckets.set(le, (group.buckets.get(le) ?? 0) + sample.value);
    }
  }
  return groups;
}

const bucketList = (group) => [...group.buckets].map(([le, count]) => ({ le, count }));
const sumBy = (samples, name, label) => {
  const totals = Object.create(null);
  for (const s of samples.filter((x) => x.name === name)) {
    totals[s.labels[label] ?? 'unknown'] = (totals[s.labels[label] ?? 'unknown'] ?? 0) + s.value;
  }
  return totals;
};

/**
 * The page's tables. `router`: the router's samples; `subgraphs`: { name: { samples, up, notReady } };
 * `recent`: { operation: { traceId, ms } } the slowest recent request of each operation. A row is
 * something that happened in the window: an operation, field, statement count or cache without a
 * request in it is no row (its series stay in the processes' text as long as they run).
 */
export function opsView({ router, subgraphs, recent = {} }) {
  const operations = Object.entries(histograms(router, 'router_operation_duration_seconds', 'operation'))
    .map(([operation, h]) => ({
      operation,
      requests: h.count,
      totalSeconds: h.sum,
      meanMs: meanMs(h),
      p95Ms: ms(quantile(0.95, bucketList(h))),
      p99Ms: ms(quantile(0.99, bucketList(h))),
      recentTraceId: Object.hasOwn(recent, operation) ? recent[operation].traceId : null,
      subgraphs: fetchedSubgraphs(router, operation),
    }))
    .filter((row) => row.requests > 0);
  const entries = Object.entries(subgraphs);
  const fetchTimes = histograms(router, 'router_subgraph_fetch_duration_seconds', 'subgraph');
  const failedFetches = histograms(router, 'router_subgraph_fetch_duration_seconds', 'subgraph', (labels) => labels.outcome === 'error');
  return {
    hotOperations: [...operations].sort((a, b) => b.totalSeconds - a.totalSeconds),
    slowOperations: [...operations].sort((a, b) => (b.p95Ms ?? 0) - (a.p95Ms ?? 0)),
    hotFields: entries.flatMap(([subgraph, { samples }]) =>
      Object.entries(histograms(samples, 'graphql_datafetcher_seconds', 'graphql_field_name'))
        .map(([field, h]) => ({ subgraph, field, calls: h.count, totalSeconds: h.sum, meanMs: meanMs(h) })))
      .filter((row) => row.calls > 0)
      .sort((a, b) => b.totalSeconds - a.totalSeconds).slice(0, 15),
    errors: [
      ...Object.entries(sumBy(router, 'router_operation_errors_total', 'code')).map(([code, count]) => ({ where: 'router', code, count })),
      ...entries.flatMap(([subgraph, { samples }]) => Object.entries(sumBy(samples, 'graphql_errors_total', 'code'))
        .map(([code, count]) => ({ where: subgraph, code, count }))),
    ].filter((row) => row.count > 0).sort((a, b) => b.count - a.count),
    sqlPerOperation: entries.flatMap(([subgraph, { samples }]) =>
      Object.entries(histograms(samples, 'graphql_operation_sql_statements', 'operation'))
        .map(([operation, h]) => ({ subgraph, operation, requests: h.count, statementsPerRequest: h.count ? h.sum / h.count : 0 })))
      .filter((row) => row.requests > 0)
      .sort((a, b) => b.statementsPerRequest - a.statementsPerRequest),
    caches: [
      ...cacheRates('router', router.filter((s) => s.name === 'router_document_cache_total')
        .map((s) => ({ ...s, labels: { ...s.labels, cache: 'documents' } }))),
      ...entries.flatMap(([subgraph, { samples }]) =>
        cacheRates(subgraph, samples.filter((s) => s.name === 'cache_gets_total'))),
    ].filter((row) => row.hits + row.misses > 0),
    pools: entries.map(([subgraph, { samples }]) => pool(subgraph, samples)).filter(Boolean),
    // Readiness as the subgraph reports it; fetches, failures and p95 as the router sees them.
    health: entries.map(([subgraph, { up, notReady = [] }]) => ({
      subgraph,
      up,
      notReady,
      fetches: fetchTimes[subgraph]?.count ?? 0,
      failedFetches: failedFetches[subgraph]?.count ?? 0,
      fetchP95Ms: fetchTimes[subgraph] ? ms(quantile(0.95, bucketList(fetchTimes[subgraph]))) : null,
    })),
  };
}

/**
 * A subgraph's readiness answer (Spring Boot's health JSON with its checks, `components`), or null when
 * it did not answer: `up` only for the status UP, and `notReady`, the checks that are not UP (`db`,
 * `readinessState`), which say why.
 */
export function readiness(body) {
  let health = null;
  try {
    health = JSON.parse(body);
  } catch {
    // no answer, or not health JSON: not ready, for no reason the page can name
  }
  const components = health?.components !== null && typeof health?.components === 'object' ? health.components : {};
  return {
    up: health?.status === 'UP',
    notReady: Object.entries(components).filter(([, check]) => check?.status !== 'UP').map(([name]) => name),
  };
}

/**
 * The slowest recent requests `{ operation: { traceId, ms, at } }` taken within `windowMs` before `now`:
 * the request of an operation not asked for since is no longer recent.
 */
export function withinWindow(recent, now, windowMs) {
  return Object.fromEntries(Object.entries(recent).filter(([, { at }]) => !(now - at > windowMs)));
}

function fetchedSubgraphs(router, operation) {
  return [...new Set(router.filter((s) => s.name === 'router_operation_subgraph_fetches_total'
    && s.labels.operation === operation && s.value > 0).map((s) => s.labels.subgraph))];
}

/** `gets`: one process's cache lookups, labelled `cache` and `result` (hit, miss). */
function cacheRates(subgraph, gets) {
  return [...new Set(gets.map((s) => s.labels.cache))].map((cache) => {
    const of = (result) => gets.filter((s) => s.labels.cache === cache && s.labels.result === result)
      .reduce((total, s) => total + s.value, 0);
    const hits = of('hit');
    const misses = of('miss');
    return { subgraph, cache, hits, misses, hitRate: hits + misses ? hits / (hits + misses) : null };
  });
}

function pool(subgraph, samples) {
  const value = (name) => samples.filter((s) => s.name === name).reduce((total, s) => total + s.value, 0);
  const max = value('hikaricp_connections_max');
  if (!max) {
    return null;
  }
  return { subgraph, active: value('hikaricp_connections_active'), max, pending: value('hikaricp_connections_pending'),
    saturation: value('hikaricp_connections_active') / max };
}

// Divided first: a sum near the largest double would overflow to Infinity (JSON null) times 1000.
const meanMs = (h) => (h.count ? 1000 * (h.sum / h.count) : 0);
const ms = (seconds) => (seconds == null ? null : Math.round(seconds * 100000) / 100);

const COUNTER = /_(total|count|sum|bucket)$/;
const key = (sample) => `${sample.name}${JSON.stringify(sample.labels)}`;

/**
 * Counters as increases since `previous` (both lists of samples); gauges as they are now. A counter
 * below its earlier value was reset (its process restarted): it counted from zero since, as
 * Prometheus's `increase` reads it.
 */
export function increase(current, previous) {
  if (!previous) {
    return current;
  }
  const before = new Map(previous.map((sample) => [key(sample), sample.value]));
  return current.map((sample) => {
    if (!COUNTER.test(sample.name)) {
      return sample;
    }
    const earlier = before.get(key(sample)) ?? 0;
    return { ...sample, value: sample.value < earlier ? sample.value : sample.value - earlier };
  });
}

/** `compute` (async) shared by every call made while one is under way; the next call after it settles computes anew. */
export function coalesced(compute) {
  let pending = null;
  return () => {
    pending ??= Promise.resolve().then(compute).finally(() => {
      pending = null;
    });
    return pending;
  };
}

/**
 * The last `windowMs` of scrapes: `add(snapshot)` keeps it and answers the oldest snapshot still in
 * the window, so the page shows what happened recently rather than since the processes started;
 * `baselineAt` is that snapshot's time (null: there was none, the counters count since the start). It
 * keeps at most one snapshot per `spacingMs`, however many pages ask, so its memory stays bounded.
 */
export class ScrapeWindow {
  #snapshots = [];

  baselineAt = null;

  constructor(windowMs, spacingMs = 1000) {
    this.windowMs = windowMs;
    this.spacingMs = spacingMs;
  }

  add(snapshot, now = Date.now()) {
    this.#snapshots = this.#snapshots.filter((kept) => now - kept.at <= this.windowMs);
    const oldest = this.#snapshots[0];
    const newest = this.#snapshots.at(-1);
    if (!newest || now - newest.at >= this.spacingMs) {
      this.#snapshots.push({ at: now, snapshot });
    }
    this.baselineAt = oldest?.at ?? null;
    return oldest?.snapshot ?? null;
  }
}
