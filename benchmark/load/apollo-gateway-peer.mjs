// The peer router of `benchmark/run --compare apollo-gateway`: Apollo Gateway on Apollo Server, as a
// team would run it without plugins, in front of the same subgraphs (node benchmark/load/apollo-gateway-peer.mjs <port>).
// It loads supergraph.apollo-gateway.graphql (docs/router.md: the gateway refuses the SECURITY links
// of the composed one), forwards the client's Authorization header so the subgraphs authorize as
// behind the router, and has nothing else: no authorization of its own, no limits, signing, trusted
// documents, error mapping, metrics or traces. The subgraph URLs come from the router's variables
// (USERS_URL, …). Benchmark-only: not a supported way to run the supergraph.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const gatewayConfig = resolve(import.meta.dirname, '..', '..', 'gateway-config');
// The packages are the router's (gateway-config/node_modules), not this directory's.
const requireFromGateway = createRequire(resolve(gatewayConfig, 'package.json'));
const load = (name) => import(requireFromGateway.resolve(name));
const { ApolloGateway, RemoteGraphQLDataSource } = await load('@apollo/gateway');
const { ApolloServer } = await load('@apollo/server');
const { startStandaloneServer } = await load('@apollo/server/standalone');
const { SUBGRAPHS, urlVariable } = await import(resolve(gatewayConfig, 'router', 'subgraphs.mjs'));

const port = Number(process.argv[2]);
const urls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, process.env[urlVariable(name)]]));

/** A subgraph fetch that carries the client's Authorization header, as the router's header propagation does. */
class ForwardingDataSource extends RemoteGraphQLDataSource {
  willSendRequest({ request, context }) {
    if (context.authorization) {
      request.http.headers.set('authorization', context.authorization);
    }
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(resolve(gatewayConfig, 'supergraph.apollo-gateway.graphql'), 'utf8'),
  buildService: ({ name, url }) => new ForwardingDataSource({ url: urls[name] ?? url }),
});
// No CSRF prevention: the benchmark's readiness probe is a plain GET of `{ __typename }`.
const server = new ApolloServer({ gateway, csrfPrevention: false, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
console.log(`Apollo Gateway peer at ${url}`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => server.stop().then(() => process.exit(0)));
}
