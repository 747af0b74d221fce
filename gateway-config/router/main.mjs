// The router's entry point: Hive Gateway's command line with its arguments (`node router/main.mjs
// supergraph supergraph.graphql --port 4000`), minus Hive's Laboratory page. The command line imports
// the Laboratory at start whether or not it serves it: a 21 MB module that V8 keeps as source and as
// the page's text, about 64 MB of an idle router's heap. This router serves no Laboratory in any
// mode (production serves no page, dev serves GraphiQL), so that import resolves to a stub
// (without-laboratory-hooks.mjs, laboratory-stub.mjs).
import cluster from 'node:cluster';
import { register } from 'node:module';
import { listenAddress, listenProblem } from './listen-address.mjs';
import { startProblem } from './start-checks.mjs';
import { takeSupergraphFileArgument } from './supergraph-file.mjs';

// A setting the router cannot start with, a supergraph file or trusted document it would not serve, or a port
// in use, ends the start here in a line each (workers of a forked router listen through the primary).
const problem = cluster.isPrimary
  ? startProblem(process.argv, process.env) ?? await listenProblem(listenAddress(process.argv.slice(2), process.env))
  : null;
if (problem) {
  console.error(problem);
  process.exit(1);
}
// The supergraph file is served by the configuration, which checks every text of it before Hive Gateway sees it
// (router/supergraph-file.mjs); named to Hive's command line, Hive would watch it and serve any edit unchecked.
takeSupergraphFileArgument(process.argv);
register('./without-laboratory-hooks.mjs', import.meta.url);
await import(new URL('../node_modules/@graphql-hive/gateway/dist/bin.js', import.meta.url).href);
