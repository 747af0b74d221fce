// One loopback HTTP server standing in for the registered subgraphs (/users, /orders, …) that
// executes every request against the golden SDL (subgraphs/*.graphql) with made-up values: two
// elements per list, every entity representation resolved. So the router runs whole query plans,
// entity fetches included, as it does in front of the real subgraphs.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildASTSchema, execute, getNullableType, GraphQLError, isEnumType, isListType, isScalarType, parse } from 'graphql';
import { gatewayDir } from './gateway.mjs';
import { SUBGRAPHS } from '../../router/subgraphs.mjs';

const SCALARS = { ID: '1', Int: 1, Boolean: true, DateTime: '2026-01-01T00:00:00Z' };

/**
 * `delayMs`: each answer waits this long, so requests are in flight through the router for a while.
 * `record`: `received` lists every request as { subgraph, headers, query, variables } in arrival order.
 * `fail({ subgraph, field, whole })` makes one subgraph fail until `fail(null)`: each resolution of `field`
 * answers a field error (SERVICE_UNAVAILABLE), or, with `whole`, every request is answered `data: null`
 * and one error without a path, as a subgraph refusing a request before execution does.
 */
export async function startSchemaSubgraphs({ delayMs = 0, record = false } = {}) {
  const received = [];
  let failure = null;
  const schemas = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, buildASTSchema(
    parse(readFileSync(resolve(gatewayDir, 'subgraphs', `${name}.graphql`), 'utf8')), { assumeValidSDL: true })]));
  const server = createServer((req, res) => {
    const entry = { subgraph: req.url.slice(1), headers: req.headers };
    if (record) {
      received.push(entry);
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      if (delayMs) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      const { query, variables } = JSON.parse(body);
      Object.assign(entry, { query, variables });
      const subgraph = req.url.slice(1);
      const failing = failure?.subgraph === subgraph ? failure : null;
      if (failing?.whole) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: null, errors: [{ message: 'The database is unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
        return;
      }
      const result = await execute({
        schema: schemas[req.url.slice(1)],
        document: parse(query),
        variableValues: variables,
        fieldResolver: failing ? failingAt(failing.field) : fieldResolver,
        typeResolver: (value) => value.__typename,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    urls: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, `${base}/${name}`])),
    received,
    fail: (rule) => {
      failure = rule;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * What the router must answer for `query` over these subgraphs when nothing fails: the made-up values,
 * executed over `schema`, each field of `denied` (`Type.field`) failing as the router's denial does, so
 * that its null propagates as execution propagates it.
 */
export function madeUpAnswer(schema, query, variables, { denied = new Set() } = {}) {
  const resolve = denied.size ? denying(denied) : fieldResolver;
  return execute({ schema, document: parse(query), variableValues: variables, fieldResolver: resolve, typeResolver: (value) => value.__typename });
}

function denying(denied) {
  return (source, args, context, info) => {
    if (denied.has(`${info.parentType.name}.${info.fieldName}`)) {
      throw new GraphQLError('denied', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    return fieldResolver(source, args, context, info);
  };
}

function fieldResolver(source, args, context, info) {
  if (info.fieldName === '_entities') {
    return args.representations.map((representation) => ({ ...representation }));
  }
  return source && info.fieldName in source ? source[info.fieldName] : madeUp(info.returnType);
}

function failingAt(field) {
  return (source, args, context, info) => {
    if (info.fieldName === field) {
      throw new GraphQLError(`${field} is unavailable.`, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    }
    return fieldResolver(source, args, context, info);
  };
}

function madeUp(type) {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return [madeUp(nullable.ofType), madeUp(nullable.ofType)];
  }
  if (isEnumType(nullable)) {
    return nullable.getValues()[0].value;
  }
  return isScalarType(nullable) ? SCALARS[nullable.name] ?? 'text' : {};
}
