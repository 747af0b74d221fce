// A GraphQL client for the router tests: JSON over POST, returns status and parsed body.
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
