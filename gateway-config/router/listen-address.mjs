// Where Hive Gateway's command line will listen (its `--host`/`-h` and `--port`/`-p` options, else `PORT`,
// else its defaults), and a check before it starts that the router can listen there. Without it a port in
// use stops the router with Node's `EADDRINUSE` stack, printed twice, once as a WebSocket server error.
import { createServer } from 'node:net';

const DEFAULT_HOST = '0.0.0.0';
const DEFAULT_PORT = 4000;

const LISTEN_ERRORS = {
  EADDRINUSE: 'another process listens on that port; stop it or choose another port with --port',
  EACCES: 'the process may not listen on that port (ports below 1024 need privileges); choose another with --port',
  EADDRNOTAVAIL: 'no network interface of this machine has that address; choose another with --host',
  ENOTFOUND: 'the host name does not resolve; choose another with --host',
};

/** The `{ host, port }` the command line's arguments and environment ask for; a port Hive would refuse is `null`. */
export function listenAddress(args, env) {
  const port = option(args, '--port', '-p') ?? env.PORT;
  const number = port === undefined || port === '' ? DEFAULT_PORT : Number(port);
  return {
    host: option(args, '--host', '-h') ?? DEFAULT_HOST,
    port: Number.isInteger(number) && number >= 0 && number <= 65535 ? number : null,
  };
}

function option(args, long, short) {
  let value;
  args.forEach((arg, index) => {
    if (arg === long || arg === short) {
      value = args[index + 1];
    } else if (arg.startsWith(`${long}=`)) {
      value = arg.slice(long.length + 1);
    } else if (arg.startsWith(short) && !arg.startsWith('--') && arg.length > short.length) {
      value = arg.slice(short.length);
    }
  });
  return value;
}

/**
 * Why the router cannot listen at `address`, or `null` when it can (or when the port is one the command line
 * refuses itself). Listens for a moment and lets go, so the command line finds the port as it was.
 */
export function listenProblem({ host, port }) {
  if (port === null) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error) => resolve(`The router cannot listen on ${host}:${port}: `
      + `${LISTEN_ERRORS[error.code] ?? `${error.code ?? error.message}`}`));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(null)));
  });
}
