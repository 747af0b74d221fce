// A stand-in router on loopback for the client's tests: `handler` answers every request; the server
// listens before the file's tests and closes after them. `url` is its GraphQL endpoint once listening.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';

export function loopbackRouter(handler: RequestListener): { readonly url: string } {
  const server = createServer(handler);
  const router = { url: '' };
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    router.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  return router;
}
