// The registry of subgraphs (subgraphs.json beside this folder): name, module, port, database, the
// router's upstream timeout and which configuration properties take another subgraph's URL.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REGISTRY_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'subgraphs.json');

/** The subgraphs in registry order. */
export const SUBGRAPHS = Object.freeze(JSON.parse(readFileSync(REGISTRY_FILE, 'utf8')).subgraphs
  .map((subgraph) => Object.freeze({ calls: {}, ...subgraph })));

/** The router's variable for a subgraph's URL, e.g. USERS_URL. */
export const urlVariable = (name) => `${name.toUpperCase().replaceAll('-', '_')}_URL`;

/** The environment variable of a Spring property, e.g. orders.catalog.url -> ORDERS_CATALOG_URL. */
export const environmentVariable = (property) => property.toUpperCase().replaceAll(/[.-]/g, '_');

// For shell scripts: `node gateway-config/router/subgraphs.mjs` prints one line per subgraph,
// `name module port URL_VARIABLE [property=subgraph …]`; `--modules` prints the modules comma-separated.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--modules')) {
    console.log(SUBGRAPHS.map((subgraph) => subgraph.module).join(','));
  } else {
    SUBGRAPHS.forEach(({ name, module, port, calls }) => console.log([name, module, port, urlVariable(name),
      ...Object.entries(calls).map(([property, target]) => `${property}=${target}`)].join(' ')));
  }
}
