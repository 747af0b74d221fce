// GraphQL Yoga's own body size limit against the router's useDeclaredLengthBody, with the real Yoga
// behind a real HTTP server: a body of declared length reaches the request parser as the request
// Node's server delivered, not re-streamed through a byte counter, and the limits still hold.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { useDeclaredLengthBody } from '../router/plugins.mjs';
import { send } from './support/http.mjs';

const schema = createSchema({ typeDefs: 'type Query { echo(text: String!): String! }', resolvers: { Query: { echo: (_, { text }) => text } } });

// Records, for each parsed request, whether the parser got the request Yoga started with.
function parserWitness(seen) {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (requestParser) {
        setRequestParser((parsed) => {
          seen.push(parsed === request);
          return requestParser(parsed);
        });
      }
    },
  };
}

async function serve(plugins, maxRequestBodySize) {
  const yoga = createYoga({ schema, plugins, maxRequestBodySize, logging: false });
  const server = createServer(yoga);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

// POSTs `body` with its Content-Length, or chunked without one (a stream).
function post(url, body, { chunked = false } = {}) {
  const streamed = () => new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body.slice(0, 10)));
      controller.enqueue(new TextEncoder().encode(body.slice(10)));
      controller.close();
    },
  });
  return send(url, { contentType: 'application/json', body: chunked ? streamed() : body });
}

const echo = (text) => JSON.stringify({ query: 'query ($text: String!) { echo(text: $text) }', variables: { text } });

describe('a POST body of declared length', () => {
  const seen = { with: [], without: [] };
  let withPlugin;
  let without;
  before(async () => {
    withPlugin = await serve([parserWitness(seen.with), useDeclaredLengthBody()], 1000);
    without = await serve([parserWitness(seen.without)], 1000);
  });
  after(() => {
    withPlugin.server.close();
    without.server.close();
  });

  it('reaches the parser as the request the server delivered, and is read whole', async () => {
    const text = 'é'.repeat(300);
    for (const [server, witnessed, same] of [[withPlugin, seen.with, true], [without, seen.without, false]]) {
      witnessed.length = 0;
      const answer = await post(server.url, echo(text));
      assert.equal(answer.status, 200, JSON.stringify(answer.json));
      assert.equal(answer.json.data.echo, text);
      assert.deepEqual(witnessed, [same]);
    }
  });

  it('over Yoga\'s limit is still refused by its length', async () => {
    const answer = await post(withPlugin.url, echo('x'.repeat(2000)));
    assert.equal(answer.status, 413);
    assert.equal(answer.json.errors[0].extensions.code, 'REQUEST_ENTITY_TOO_LARGE');
  });

  it('without a length is still counted as it streams in, and refused over the limit', async () => {
    seen.with.length = 0;
    const small = await post(withPlugin.url, echo('small'), { chunked: true });
    assert.equal(small.json.data.echo, 'small');
    assert.deepEqual(seen.with, [false]);
    const large = await post(withPlugin.url, echo('x'.repeat(2000)), { chunked: true });
    assert.equal(large.status, 413, JSON.stringify(large.json));
  });

  it('is the real body for every read after Yoga\'s', async () => {
    const reads = [];
    const reader = {
      onRequestParse({ request, requestParser, setRequestParser }) {
        setRequestParser((parsed) => {
          reads.push(parsed.body === null);
          return requestParser(parsed);
        });
      },
    };
    const { server, url } = await serve([reader, useDeclaredLengthBody()], 1000);
    try {
      const answer = await post(url, echo('read'));
      assert.equal(answer.json.data.echo, 'read');
      assert.deepEqual(reads, [false]);
    } finally {
      server.close();
    }
  });
});
