// The one count of supergraphs the router refused to serve, whatever their source: a store's versions
// (router/supergraph-source.mjs) and a plain file's edits (router/supergraph-file.mjs).
import { Counter } from 'prom-client';

/** router_supergraph_refused_total{reason} in `registry`, registered once. */
export function refusedSupergraphs(registry) {
  const name = 'router_supergraph_refused_total';
  return registry.getSingleMetric(name) ?? new Counter({
    name,
    help: 'Supergraph versions the router refused to serve (counted once per version and reason)',
    labelNames: ['reason'],
    registers: [registry],
  });
}
