// The one count of supergraphs the router refused to serve, whatever their source: a store's versions
// (router/supergraph-source.mjs) and a plain file's edits (router/supergraph-file.mjs).
import { Counter, Gauge } from 'prom-client';

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

/**
 * router_supergraph_file_refused in `registry`, registered once: 1 while the supergraph file's text is refused and
 * the router serves the one that passed before it, else 0 (router/supergraph-file.mjs).
 */
export function refusedSupergraphFile(registry) {
  const name = 'router_supergraph_file_refused';
  return registry.getSingleMetric(name) ?? new Gauge({
    name,
    help: '1 while the supergraph file\'s current text is refused and the router serves an earlier one',
    registers: [registry],
  });
}
