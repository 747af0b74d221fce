// A GraphQL client for the router tests: JSON over POST, returns status and parsed body; and raw
// exchanges of bytes, for requests no HTTP client sends.
import { connect } from 'node:net';

export async function post(url, body, headers = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: parseOrNull(text), text };
}

export function codes(json) {
  return (json?.errors ?? []).map((error) => error.extensions?.code);
}

function parseOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Any HTTP request to the GraphQL endpoint: `search` is appended to the path, `body` sent as is. */
export async function send(url, { method = 'POST', search = '', contentType, body, headers = {} } = {}) {
  const response = await fetch(`${url}/graphql${search}`, {
    method,
    headers: { ...(contentType === undefined ? {} : { 'content-type': contentType }), ...headers },
    body,
    // A stream is sent chunked, without Content-Length.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: parseOrNull(text), text };
}

/** Sends raw bytes to a server and reads the answer until it closes the connection. */
export function exchange(url, bytes) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes, 'latin1'));
    let answer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer: ${answer}`)));
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** An answer read by exchange: its status, headers (by lower-case name) and body, unchunked if it came in chunks. */
export function parseAnswer(answer) {
  const end = answer.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = answer.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let body = answer.slice(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    let unchunked = '';
    for (let at = 0, size; (size = parseInt(body.slice(at, body.indexOf('\r\n', at)), 16)) > 0;) {
      const start = body.indexOf('\r\n', at) + 2;
      unchunked += body.slice(start, start + size);
      at = start + size + 2;
    }
    body = unchunked;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}
