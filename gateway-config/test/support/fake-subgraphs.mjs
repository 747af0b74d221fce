// One loopback HTTP server standing in for the registered subgraphs (/users, /orders, …): it records
// every request the router sends and answers the few root fields the router tests ask for.
import { createServer } from 'node:http';
import { SUBGRAPHS, urlVariable } from '../../router/subgraphs.mjs';

const ANSWERS = [
  [/\bcategories\b/, { categories: [{ id: 'c1', name: 'Books' }] }],
  [/\bproducts\b/, { products: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }],
  [/\bme\b/, { me: { id: 'u1', name: 'Ada' } }],
];

const REFUSED = { errors: [{ message: 'The operation is too complex.', extensions: { code: 'QUERY_TOO_COMPLEX' } }] };

export async function startFakeSubgraphs({ slowMs = 3000 } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const json = JSON.parse(body || '{}');
      requests.push({ path: req.url, headers: req.headers, body: json, raw: body });
      // A request mentioning "refused" is refused before execution, as a subgraph's limits do:
      // errors and no data at all.
      const reply = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body.includes('refused') ? REFUSED : answer(json.query ?? '')));
      };
      // A query mentioning "slow" answers late, to exercise the router's per-subgraph timeout.
      return body.includes('slow') ? setTimeout(reply, slowMs) : reply();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    requests,
    urls: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, `${base}/${name}`])),
    /** The router's environment that sends every subgraph's requests here (USERS_URL, …). */
    env: Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), `${base}/${name}`])),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function answer(query) {
  const found = ANSWERS.find(([pattern]) => pattern.test(query));
  return found ? { data: found[1] } : { data: null, errors: [{ message: 'not faked' }] };
}
