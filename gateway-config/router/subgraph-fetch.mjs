// The router's HTTP client for subgraph fetches: undici's `request` on keep-alive connections, in
// place of the fetch Hive Gateway ships (@whatwg-node/node-fetch on node:http). That fetch builds a
// WHATWG Request, parses the URL and pipes every response body through a PassThrough stream with an
// AbortController of its own (aborted, with a DOMException, when the pipe ends) before the executor
// reads the body as text. For a JSON answer of a few kB, read at once, that was a tenth of the
// router's CPU per `UserOrders` (docs/performance.md). undici reads the body straight into a string;
// the executor still gets a standard `Response`, as Hive Gateway's fetch API builds them.
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { fetch as gatewayFetch, Response } from '@whatwg-node/fetch';
import { Agent, request } from 'undici';

const DECODERS = { gzip: promisify(gunzip), 'x-gzip': promisify(gunzip), deflate: promisify(inflate), br: promisify(brotliDecompress) };
// Statuses whose response has no body: a Response refuses one, even empty.
const NO_BODY = new Set([101, 103, 204, 205, 304]);
// The connection's own headers, not the answer's: the body is handed on whole.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/**
 * Hive Gateway plugin, first in the list: the subgraph fetches of query plans (a fetch with an
 * execution request and a text or byte body, which is every one of them here) go through
 * `subgraphFetch`. It takes the place of the gateway's fetch only, never of a fetch another plugin
 * has wrapped it in; plugins after it wrap it as they wrapped the gateway's (the OpenTelemetry
 * plugin adds `traceparent` so). Anything else, a streamed body or a fetch of the gateway's own,
 * keeps the gateway's fetch.
 */
export function useSubgraphFetch(options) {
  const fetch = subgraphFetch(options);
  return {
    onFetch({ executionRequest, options: init, fetchFn, setFetchFn }) {
      if (fetchFn === gatewayFetch && executionRequest && executionRequest.operationType !== 'subscription'
        && plainBody(init?.body)) {
        setFetchFn(fetch);
      }
    },
    onDispose: () => fetch.close(),
  };
}

/**
 * `fetch(url, init)` answering a `Response` whose body has been read in full. Connections are kept
 * alive per origin (undici's defaults: idle ones closed after 4 s, sooner when the server says so).
 */
export function subgraphFetch({ keepAliveTimeout = 4_000 } = {}) {
  const dispatcher = new Agent({ keepAliveTimeout });
  const fetch = async (url, init = {}) => {
    const answer = await request(String(url), {
      method: init.method ?? 'GET',
      headers: init.headers ?? undefined,
      body: init.body ?? undefined,
      signal: init.signal ?? undefined,
      dispatcher,
    });
    const headers = flatHeaders(answer.headers);
    if (NO_BODY.has(answer.statusCode)) {
      await answer.body.dump();
      return new Response(null, { status: answer.statusCode, headers });
    }
    const encoding = answer.headers['content-encoding'];
    if (encoding === undefined || encoding === 'identity') {
      return new Response(await answer.body.text(), { status: answer.statusCode, headers });
    }
    const decode = DECODERS[String(encoding).toLowerCase()];
    if (!decode) {
      await answer.body.dump();
      throw new Error(`The subgraph answered with content encoding ${encoding}, which the router does not decode`);
    }
    const decoded = await decode(Buffer.from(await answer.body.arrayBuffer()));
    return new Response(decoded.toString('utf8'), {
      status: answer.statusCode,
      headers: headers.filter(([name]) => name !== 'content-encoding' && name !== 'content-length'),
    });
  };
  fetch.close = () => dispatcher.close();
  return fetch;
}

function plainBody(body) {
  return body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
}

/** undici's headers (a repeated one as an array) as name and value pairs, without the hop-by-hop ones. */
function flatHeaders(headers) {
  const flat = [];
  for (const [name, value] of Object.entries(headers)) {
    if (HOP_BY_HOP.has(name)) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const one of value) {
        flat.push([name, one]);
      }
    } else if (value !== undefined) {
      flat.push([name, value]);
    }
  }
  return flat;
}
