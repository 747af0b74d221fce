// A subgraph that fails on demand, in front of a working one (support/schema-subgraphs.mjs): it passes
// every request through until told to fail in one of the ways a subgraph fails in production.
import { createServer } from 'node:http';

/** The ways a subgraph fails, as the router sees them. */
export const FAILURES = {
  // nothing listens on the port: the connection is refused
  refused: null,
  // the request is taken and never answered: the router's upstream timeout ends it
  timeout: () => {},
  // a proxy's error page
  '5xx page': (response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'),
  // JSON that is no GraphQL response
  '5xx JSON': (response) => json(response, 503, { status: 503, error: 'Service Unavailable' }),
  // a body that is not JSON at all
  'not JSON': (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('<<not json>>'),
  // the subgraph's own error for the whole request, before or instead of executing it
  'GraphQL error': (response) => json(response, 200,
    { data: null, errors: [{ message: 'The database is unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }),
};

/** The subgraph behind `url` through a server of its own; `fail(kind)` makes it fail so, `fail(null)` heals it. */
export async function startFailingSubgraph(url) {
  let failure = null;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => (failure ? failure(response) : passThrough(url, request, Buffer.concat(chunks), response)));
  });
  await listen(server, 0);
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async fail(kind) {
      failure = kind ? FAILURES[kind] : null;
      const refusing = kind === 'refused';
      if (refusing === server.listening) {
        await (refusing ? close(server) : listen(server, port));
      }
    },
    close: () => (server.listening ? close(server) : undefined),
  };
}

async function passThrough(url, request, body, response) {
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
}

function json(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function listen(server, port) {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

function close(server) {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  return closed;
}
