// The estimated cost of an operation (MAX_COST), checked before each subgraph request of its query
// plan, with Hive Gateway's rules: each object costs 1 (or its type's or field's @cost weight),
// times the list sizes around it; a list's size is its @listSize slicing argument (`first`), or,
// when that is omitted or null, its assumed size (the page a subgraph serves then), and
// `sizedFields` carry the size to the child fields named. More than one slicing argument given to a
// field that requires one (the spec's default) is refused with 400 BAD_USER_INPUT (reason
// SLICING_ARGUMENTS). Fields count as GraphQL runs them: the selections of one response key, the same
// field twice or through fragments, are one field; fragments count where they are spread, @skip and
// @include apply; under an interface or union a response key counts at the dearest type that selects
// it. The subgraphs count the same (the starter's OperationCost; both run
// contract/operation-costs.json). The sum over the plan's
// subgraph requests is compared with MAX_COST; over it, the request is refused with 400
// QUERY_TOO_COMPLEX (reason COST_LIMIT, `extensions.cost` { estimated, max }), as Hive's refusal was
// answered.
//
// Why not Hive's `demandControl`: it walks each subgraph request's document with the schema's type
// information on every request, its memo keyed by the variables object, new for every request, so
// it never hit; about 6 % of the router's CPU (docs/performance.md). Here the cost is kept per
// document, subgraph and value of the variables it can depend on (those of slicing arguments, @skip
// and @include): the query planner hands every request of a plan the same documents, so a document
// is walked once per set of page sizes.
import {
  getArgumentValues, getDirectiveValues, getNamedType, getVariableValues, GraphQLIncludeDirective, GraphQLSkipDirective,
  isAbstractType, isCompositeType, isInterfaceType, isObjectType, Kind, visit,
} from 'graphql';
import { getDirectiveExtensions } from '@graphql-tools/utils';
import { routerError } from './messages.mjs';

const COST_SPEC = 'https://specs.apollo.dev/cost/';
const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/';
// Page sizes remembered per document; a client sending more kinds of pages gets them estimated anew.
const MAX_COSTS_PER_DOCUMENT = 64;

/** The plugin: `maxCost` for the whole operation, summed over its subgraph requests. */
export function useCostEstimate({ maxCost }) {
  const costSoFar = new WeakMap();
  return {
    onSubgraphExecute(payload) {
      const { subgraphName, executionRequest } = payload;
      // The subgraph's schema is asked for only when a document is new: Hive Gateway finds it by
      // comparing the name with every subgraph's, each converted to constant case.
      const cost = costOf(executionRequest.document, subgraphName ?? payload.subgraph, () => payload.subgraph,
        executionRequest.variables ?? {});
      if (cost === undefined) {
        return;
      }
      const { context } = executionRequest;
      const total = (context ? costSoFar.get(context) ?? 0 : 0) + cost;
      if (context) {
        costSoFar.set(context, total);
      }
      if (total > maxCost) {
        throw routerError('limits.cost', { max: maxCost }, {
          code: 'QUERY_TOO_COMPLEX', reason: 'COST_LIMIT', cost: { estimated: total, max: maxCost }, http: { status: 400 },
        });
      }
    },
  };
}

/** The cost of one subgraph request, from what is known of its document or by walking it. */
export function estimatedCost(schema, document, variables) {
  return costOf(document, schema, () => schema, variables);
}

// Per document, what is known of it per subgraph (by name, or by schema when there is no name). A
// document belongs to one supergraph's query plans, so a name stands for one schema for as long as the
// document lives; the schema is asked for (`schemaOf`) when the document is new to the subgraph.
const byDocument = new WeakMap();

function costOf(document, subgraph, schemaOf, variables) {
  let bySubgraph = byDocument.get(document);
  if (!bySubgraph) {
    bySubgraph = new Map();
    byDocument.set(document, bySubgraph);
  }
  let known = bySubgraph.get(subgraph);
  if (!known) {
    const schema = schemaOf();
    if (!schema) {
      return undefined;
    }
    known = { schema, costVariables: variablesTheCostReads(schema, document), costs: new Map() };
    bySubgraph.set(subgraph, known);
  }
  const key = valuesKey(known.costVariables, variables);
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = walk(known.schema, document, variables);
    if (known.costs.size < MAX_COSTS_PER_DOCUMENT) {
      known.costs.set(key, cost);
    }
  }
  return cost;
}

// The variables a document's cost can depend on, wherever they stand: those of arguments that some
// @listSize of the schema names as slicing arguments, and those of @skip and @include. Read from the
// whole document, not from one walk, which skips what a request's variables leave out: a page size
// under a field left out at first would otherwise never tell its costs apart.
function variablesTheCostReads(schema, document) {
  const slicing = slicingArgumentNames(schema);
  const names = new Set();
  const add = (node) => visit(node, { Variable: (variable) => { names.add(variable.name.value); } });
  visit(document, {
    Argument: (argument) => (slicing.has(argument.name.value) ? add(argument) : undefined),
    Directive: (directive) => (directive.name.value === 'skip' || directive.name.value === 'include' ? add(directive) : undefined),
  });
  return [...names];
}

const slicingNamesBySchema = new WeakMap();

function slicingArgumentNames(schema) {
  let names = slicingNamesBySchema.get(schema);
  if (!names) {
    names = new Set();
    const { listSize } = directiveNames(schema);
    for (const type of Object.values(schema.getTypeMap())) {
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const annotation of getDirectiveExtensions(field, schema)?.[listSize] ?? []) {
            annotation?.slicingArguments?.forEach((name) => names.add(name));
          }
        }
      }
    }
    slicingNamesBySchema.set(schema, names);
  }
  return names;
}

// A variable that is absent (the argument's default applies) is told apart from one sent as null.
function valuesKey(names, variables) {
  return names.map((name) => (Object.hasOwn(variables, name) ? JSON.stringify(variables[name]) : '')).join('\u0000');
}

function walk(schema, document, variables) {
  const names = directiveNames(schema);
  const fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  let cost = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) {
      continue;
    }
    const walker = {
      schema, names, fragments, variables: coercedVariables(schema, definition, variables),
      fieldCosts: new Map(), fieldIds: new Map(),
    };
    cost += selectionCost(walker, [definition.selectionSet], schema.getRootType(definition.operation), null);
  }
  return cost;
}

// With the operation's variable defaults applied, as the subgraph reads them.
function coercedVariables(schema, operation, variables) {
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return coerced ?? variables;
}

// The cost of one value of `type` asked for `selectionSets` (its parent's list size multiplies it);
// `sized` holds the sizes the parent field's @listSize gives its `sizedFields`. Fields count as GraphQL
// runs them for an object: the selections of one response key, through any fragments, are one field
// (the subgraph's normalized operation counts the same). A value of an interface or union counts
// each response key once, at the dearest of the object types that select it; different keys add up.
function selectionCost(walker, selectionSets, type, sized) {
  if (!isCompositeType(type)) {
    return 0;
  }
  const dearest = new Map();
  for (const objectType of isAbstractType(type) ? walker.schema.getPossibleTypes(type) : [type]) {
    for (const [key, nodes] of collectFields(walker, objectType, selectionSets)) {
      const cost = fieldCost(walker, objectType, nodes, sized);
      dearest.set(key, Math.max(dearest.get(key) ?? -Infinity, cost));
    }
  }
  let cost = 0;
  for (const each of dearest.values()) {
    cost += each;
  }
  return cost;
}

// The field nodes an object of `objectType` runs, by response key (GraphQL's CollectFields): fragments
// whose type condition it meets, @skip and @include applied, each fragment once.
function collectFields(walker, objectType, selectionSets, fields = new Map(), spread = new Set()) {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (!included(walker, selection)) {
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = fields.get(key);
        if (!nodes) {
          fields.set(key, [selection]);
        } else if (!nodes.includes(selection)) {
          nodes.push(selection);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(walker.schema, selection.typeCondition, objectType)) {
          collectFields(walker, objectType, [selection.selectionSet], fields, spread);
        }
      } else {
        const fragment = walker.fragments.get(selection.name.value);
        if (fragment && !spread.has(fragment) && applies(walker.schema, fragment.typeCondition, objectType)) {
          spread.add(fragment); // also ends a cycle (an invalid document)
          collectFields(walker, objectType, [fragment.selectionSet], fields, spread);
        }
      }
    }
  }
  return fields;
}

function applies(schema, typeCondition, objectType) {
  if (!typeCondition) {
    return true;
  }
  const condition = schema.getType(typeCondition.name.value);
  return condition === objectType || (isAbstractType(condition) && schema.isSubType(condition, objectType));
}

// The cost of the field that `nodes` (one response key) select on an object of `objectType`. Kept per
// walk by the nodes, the object type and the size its parent gives it: a fragment spread in many places
// brings the same nodes, so it is walked once per size.
function fieldCost(walker, objectType, nodes, sized) {
  const node = nodes[0];
  const name = node.name.value;
  const field = name.startsWith('__') ? undefined : objectType.getFields()[name];
  if (!field) {
    return 0; // __typename and introspection cost nothing
  }
  const fromParent = sized?.get(name);
  const key = `${objectType.name}\u0000${fromParent ?? ''}\u0000${nodes.map((each) => idOf(walker, each)).join(',')}`;
  let cost = walker.fieldCosts.get(key);
  if (cost === undefined) {
    cost = measureField(walker, field, nodes, fromParent);
    walker.fieldCosts.set(key, cost);
  }
  return cost;
}

function idOf(walker, node) {
  let id = walker.fieldIds.get(node);
  if (id === undefined) {
    id = walker.fieldIds.size;
    walker.fieldIds.set(node, id);
  }
  return id;
}

function measureField(walker, field, nodes, fromParent) {
  const { schema, names } = walker;
  const [node] = nodes;
  const annotations = getDirectiveExtensions(field, schema);
  let factor = fromParent;
  let childSized = null;
  if (factor === undefined) {
    factor = 1;
    const listSize = annotations?.[names.listSize]?.[0];
    if (listSize) {
      const size = listSizeOf(walker, field, node, listSize);
      if (listSize.sizedFields?.length) {
        childSized = new Map(listSize.sizedFields.map((sizedField) => [sizedField, size]));
      } else {
        factor = size;
      }
    }
  }
  const type = getNamedType(field.type);
  const typeCost = getDirectiveExtensions(type, schema)?.[names.cost];
  let own = weights(annotations?.[names.cost]) + (typeCost ? weights(typeCost) : (isCompositeType(type) ? 1 : 0));
  for (const argument of node.arguments ?? []) {
    const declared = field.args.find((each) => each.name === argument.name.value);
    own += declared ? weights(getDirectiveExtensions(declared, schema)?.[names.cost]) : 0;
  }
  const selectionSets = nodes.filter((each) => each.selectionSet).map((each) => each.selectionSet);
  return factor * (own + selectionCost(walker, selectionSets, type, childSized));
}

// The largest slicing argument given (not null; an argument's default counts), else the assumed size,
// else 1; at least 1, so an empty page (or a negative one, which the subgraph refuses) costs like one
// row. More than one given is refused unless the field declares requireOneSlicingArgument: false. None
// given counts the assumed size whatever requireOneSlicingArgument says, as the subgraphs serve a
// connection without `first`.
function listSizeOf(walker, field, node, listSize) {
  let size;
  if (listSize.slicingArguments?.length) {
    const values = getArgumentValues(field, node, walker.variables);
    for (const name of listSize.slicingArguments) {
      if (values[name] === undefined || values[name] === null) {
        continue;
      }
      if (size !== undefined && listSize.requireOneSlicingArgument !== false) {
        throw routerError('limits.slicingArguments', { field: field.name, arguments: listSize.slicingArguments.join(', ') },
          { code: 'BAD_USER_INPUT', reason: 'SLICING_ARGUMENTS', http: { status: 400 } });
      }
      size = Math.max(size ?? -Infinity, Number(values[name]));
    }
  }
  size ??= listSize.assumedSize ?? 1;
  return Math.max(1, Number(size) || 1);
}

function included(walker, node) {
  if (!node.directives?.length) {
    return true;
  }
  return getDirectiveValues(GraphQLSkipDirective, node, walker.variables)?.if !== true
    && getDirectiveValues(GraphQLIncludeDirective, node, walker.variables)?.if !== false;
}

function weights(costs) {
  return (costs ?? []).reduce((sum, cost) => sum + (Number(cost?.weight) || 0), 0);
}

const namesBySchema = new WeakMap();

/** @cost and @listSize as the schema names them: imported by `@link` from the cost spec or federation, maybe renamed. */
function directiveNames(schema) {
  let names = namesBySchema.get(schema);
  if (!names) {
    names = { cost: 'cost', listSize: 'listSize' };
    for (const link of getDirectiveExtensions(schema, schema)?.link ?? []) {
      if (!link?.url?.startsWith(COST_SPEC) && !link?.url?.startsWith(FEDERATION_SPEC)) {
        continue;
      }
      for (const entry of link.import ?? []) {
        const name = (typeof entry === 'string' ? entry : entry.name).replace(/^@/, '');
        if (name in names) {
          names[name] = (typeof entry === 'string' ? entry : entry.as ?? entry.name).replace(/^@/, '');
        }
      }
    }
    namesBySchema.set(schema, names);
  }
  return names;
}
