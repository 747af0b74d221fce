// GraphQL's null propagation over the Rust planner's answer. Hive's runtime (@graphql-hive/router-runtime)
// projects the merged subgraph data onto the operation but stops at the first level: an object missing
// a non-null field becomes null even where it is non-null itself (`OrderItem.product: Product!`), and
// an operation none of whose fetches answered has no `data`. The answer is completed again by
// graphql-js, as the JavaScript planner's is: a null in a non-null position nulls the nearest nullable
// parent (`data` when there is none), reported by one error at the full path, list indices included.
// Only an answer with errors is completed: without one, no field failed. The authorization's denials
// (router/authorization.mjs) are completed the same way, under either planner.
import { execute, getOperationAST, GraphQLInterfaceType, GraphQLUnionType, isNonNullType, Kind } from 'graphql';
import { MapperKind, mapSchema, relocatedError } from '@graphql-tools/utils';

/**
 * The answer of the Rust planner's executor for `request`, completed over `schema` when it has errors.
 * `denials` are the errors of fields the router answered null itself (router/authorization.mjs): each
 * explains the nulls at its path (`@` standing for every element of a list) and is reported once, as it
 * is, whatever null propagation removes.
 */
export function propagateNulls(result, request, schema, denials = []) {
  if ((!result?.errors?.length && !denials.length) || Symbol.asyncIterator in result) {
    return result;
  }
  const others = result.errors ?? [];
  const errors = errorIndex([...others, ...denials]);
  const completed = execute({
    schema: withoutResolvers(schema),
    document: request.document,
    operationName: request.operationName,
    variableValues: request.variables,
    rootValue: result.data ?? {},
    fieldResolver: (source, args, context, info) => valueOf(source, info, errors),
    typeResolver: (value) => value.__typename,
  });
  const kept = keptErrors(others, result.data, completed, errors);
  const reported = completed.data == null ? oneAtData(kept, request, schema) : kept;
  return { ...result, data: completed.data ?? null, errors: [...reported, ...denials] };
}

// The answer is read off the data given, never fetched again: the JavaScript planner's schema resolves
// its fields by asking the subgraphs.
const resolverFree = new WeakMap();

function withoutResolvers(schema) {
  let copy = resolverFree.get(schema);
  if (!copy) {
    copy = mapSchema(schema, {
      [MapperKind.OBJECT_FIELD]: (field) => ({ ...field, resolve: undefined, subscribe: undefined }),
      [MapperKind.INTERFACE_TYPE]: (type) => new GraphQLInterfaceType({ ...type.toConfig(), resolveType: undefined }),
      [MapperKind.UNION_TYPE]: (type) => new GraphQLUnionType({ ...type.toConfig(), resolveType: undefined }),
    });
    resolverFree.set(schema, copy);
  }
  return copy;
}

/**
 * With `data` nulled, the failed non-null root fields as graphql-js reports them for the JavaScript planner:
 * one of them, the null it took `data` away with, and last; the others are inside the value it removed
 * (`{ a: products { … } b: categories { … } }` with the catalog down: one error, at `a`). A nullable root
 * field's error stays: its null was in the answer until then.
 */
function oneAtData(errors, request, schema) {
  const nonNull = nonNullRootKeys(request, schema);
  const atData = errors.filter((error) => error.path?.length === 1 && nonNull.has(error.path[0]));
  return atData.length ? errors.filter((error) => !atData.includes(error)).concat(atData[0]) : errors;
}

function nonNullRootKeys({ document, operationName }, schema) {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  const fragments = new Map(document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]));
  const keys = new Set();
  const walk = (selectionSet, seen) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (isNonNullType(root.getFields()[selection.name.value]?.type)) {
          keys.add(selection.alias?.value ?? selection.name.value);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(fragments.get(selection.name.value)?.selectionSet, seen);
      }
    }
  };
  if (root) {
    walk(operation.selectionSet, new Set());
  }
  return keys;
}

// The value the runtime projected; a null where the schema has none is answered by the error that
// explains it (the first at or under its path), so graphql-js reports that one where the null stops.
function valueOf(source, info, errors) {
  const value = source[info.path.key];
  if (value != null || !isNonNullType(info.returnType)) {
    return value;
  }
  const path = pathOf(info.path);
  const error = errors.at(path);
  if (!error) {
    return null;
  }
  const reported = relocatedError(error, concretePath(error.path, path));
  errors.thrown.set(reported, error);
  throw reported;
}

/**
 * The runtime's errors by the paths under which each can explain a null: every prefix of its path, and,
 * for a path without list indices (a fetch failure filed under the fetch's path), the same path of every
 * element of those lists.
 */
function errorIndex(list) {
  const byPath = new Map();
  for (const error of list) {
    const path = error.path ?? [];
    const key = path.some((segment) => typeof segment === 'number') ? keyOf : fieldsKeyOf;
    for (let length = path.length; length > 0; length -= 1) {
      const prefix = key(path.slice(0, length));
      if (!byPath.has(prefix)) {
        byPath.set(prefix, error);
      }
    }
  }
  return {
    thrown: new Map(),
    at: (path) => byPath.get(keyOf(path)) ?? byPath.get(fieldsKeyOf(path)),
  };
}

// An error's path as it is, or, without list indices, completed with those of the null it explains.
function concretePath(errorPath, nullPath) {
  if (errorPath.some((segment) => typeof segment === 'number')) {
    return errorPath;
  }
  return [...nullPath, ...fieldsOf(errorPath).slice(fieldsOf(nullPath).length)];
}

const keyOf = (path) => path.join('\u0000');
const fieldsKeyOf = (path) => `\u0001${fieldsOf(path).join('\u0000')}`;

/**
 * The runtime's errors in their order, each once: one that explained a null where graphql-js reported it,
 * none that explained a null inside a value that null propagation removed (one error reports the removed
 * value), and the rest as they were; then graphql-js's own (a null in a non-null position that no error
 * explains), except where a kept error's null took that value away too: a subgraph answers a failed
 * non-null field by nulling its parent, its other fields with it (`{ a: users(first: 1) b: users(first:
 * -1) }` has no `data` at all), and those nulls are the failed field's, not unexplained ones.
 */
function keptErrors(list, data, completed, errors) {
  const reportedFor = new Map();
  const own = [];
  for (const error of completed.errors ?? []) {
    const original = errors.thrown.get(error);
    if (original) {
      reportedFor.set(original, [...(reportedFor.get(original) ?? []), error]);
    } else {
      own.push(error);
    }
  }
  const used = new Set(errors.thrown.values());
  const kept = [];
  const removedErrors = [];
  for (const error of list) {
    if (reportedFor.has(error)) {
      kept.push(...reportedFor.get(error));
    } else if (used.has(error)) {
      continue;
    } else if (removed(error.path, data, completed.data)) {
      removedErrors.push(error);
    } else {
      kept.push(error);
    }
  }
  const keptStops = kept.map((error) => nulledAt(error.path, completed.data)).filter(Boolean);
  const causes = [];
  for (const error of own) {
    const stop = nulledAt(error.path, completed.data);
    if (stop && keptStops.some((kept) => startsWith(stop, kept))) {
      continue;
    }
    // graphql-js met this null before the failed sibling whose null it is: that one reports the value
    const cause = stop && removedErrors.find((candidate) => !causes.includes(candidate)
      && startsWith(fieldsOf(candidate.path ?? []), fieldsOf(stop)));
    causes.push(cause || error);
  }
  return kept.concat(causes);
}

const startsWith = (path, prefix) => prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
// The field names of a path: without list indices, and without the `@` of a path for every element.
const fieldsOf = (path) => path.filter((segment) => typeof segment !== 'number' && segment !== '@');

// Where the null on the way to `path` stopped in the completed data: the path of the first null value
// (`[]` for no data at all), or null when the path holds a value.
function nulledAt(path, data) {
  if (data == null) {
    return [];
  }
  let value = data;
  for (let length = 1; length <= (path?.length ?? 0); length += 1) {
    value = value?.[path[length - 1]];
    if (value === null) {
      return path.slice(0, length);
    }
    if (value === undefined) {
      return null;
    }
  }
  return null;
}

// Whether a value on the way to `path` was in the runtime's data and is null in the completed data.
function removed(path, before, after) {
  if (!path) {
    return false;
  }
  if (after == null) {
    return before != null;
  }
  for (const segment of path.slice(0, -1)) {
    before = before?.[segment];
    after = after?.[segment];
    if (after === null && before != null) {
      return true;
    }
    if (after == null) {
      return false;
    }
  }
  return false;
}

function pathOf(path) {
  const segments = [];
  for (let current = path; current; current = current.prev) {
    segments.push(current.key);
  }
  return segments.reverse();
}
