// The estimated cost of an operation (MAX_COST), checked before each subgraph request of its query
// plan, with Hive Gateway's rules: each object costs 1 (or its type's or field's @cost weight),
// times the list sizes around it; a list's size is its @listSize slicing argument (`first`), or,
// when that is omitted or null, its assumed size (the page a subgraph serves then), and
// `sizedFields` carry the size to the child fields named. Fragments count where they are spread,
// @skip and @include apply. The subgraphs count the same (the starter's OperationCost; both run
// contract/operation-costs.json). The sum over the plan's
// subgraph requests is compared with MAX_COST; over it, the request is refused with 400
// QUERY_TOO_COMPLEX (reason COST_LIMIT, `extensions.cost` { estimated, max }), as Hive's refusal was
// answered.
//
// Why not Hive's `demandControl`: it walks each subgraph request's document with the schema's type
// information on every request, its memo keyed by the variables object, new for every request, so
// it never hit; about 6 % of the router's CPU (docs/performance.md). Here the cost is kept per
// document, subgraph and value of the variables it depends on (those of slicing arguments):
// the query planner hands every request of a plan the same documents, so a document is walked once
// per set of page sizes.
import {
  getArgumentValues, getDirectiveValues, getNamedType, getVariableValues, GraphQLIncludeDirective, GraphQLSkipDirective,
  isCompositeType, Kind, visit,
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
    const slicingVariables = new Set();
    const cost = walk(schema, document, variables, slicingVariables);
    known = { schema, slicingVariables: [...slicingVariables], costs: new Map() };
    known.costs.set(valuesKey(known.slicingVariables, variables), cost);
    bySubgraph.set(subgraph, known);
    return cost;
  }
  const key = valuesKey(known.slicingVariables, variables);
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = walk(known.schema, document, variables);
    if (known.costs.size < MAX_COSTS_PER_DOCUMENT) {
      known.costs.set(key, cost);
    }
  }
  return cost;
}

// A variable that is absent (the argument's default applies) is told apart from one sent as null.
function valuesKey(names, variables) {
  return names.map((name) => (Object.hasOwn(variables, name) ? JSON.stringify(variables[name]) : '')).join('\u0000');
}

/**
 * Walks the document; adds the variables that slicing arguments, @skip and @include read to
 * `slicingVariables`, if given. Fragments are counted where they are spread (the query planner sends
 * repeated selections as one fragment), each once per set of sized fields around it.
 */
function walk(schema, document, variables, slicingVariables) {
  const names = directiveNames(schema);
  const fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, { definition, costs: new Map() });
    }
  }
  const walker = { schema, names, fragments, slicingVariables, variables };
  let cost = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) {
      continue;
    }
    walker.variables = coercedVariables(schema, definition, variables);
    cost += selectionsCost(walker, definition.selectionSet, schema.getRootType(definition.operation), null);
  }
  return cost;
}

// With the operation's variable defaults applied, as the subgraph reads them.
function coercedVariables(schema, operation, variables) {
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return coerced ?? variables;
}

// The cost of a selection set once (its parent's list size multiplies it); `sized` holds the sizes
// the parent field's @listSize gives its `sizedFields`.
function selectionsCost(walker, selectionSet, parentType, sized) {
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(walker, selection)) {
      continue;
    }
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walker, selection, parentType, sized);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walker.schema.getType(selection.typeCondition.name.value) : parentType;
      cost += selectionsCost(walker, selection.selectionSet, type, sized);
    } else {
      cost += fragmentCost(walker, selection.name.value, sized);
    }
  }
  return cost;
}

function fragmentCost(walker, name, sized) {
  const fragment = walker.fragments.get(name);
  if (!fragment) {
    return 0;
  }
  let cost = fragment.costs.get(sized);
  if (cost === undefined) {
    fragment.costs.set(sized, 0); // a cycle (an invalid document) adds nothing
    const type = walker.schema.getType(fragment.definition.typeCondition.name.value);
    cost = selectionsCost(walker, fragment.definition.selectionSet, type, sized);
    fragment.costs.set(sized, cost);
  }
  return cost;
}

function fieldCost(walker, node, parentType, sized) {
  const { schema, names } = walker;
  const name = node.name.value;
  const field = name.startsWith('__') ? undefined : parentType?.getFields?.()[name];
  if (!field) {
    return 0; // __typename and introspection cost nothing
  }
  const annotations = getDirectiveExtensions(field, schema);
  let factor = sized?.get(name);
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
  return factor * (own + selectionsCost(walker, node.selectionSet, type, childSized));
}

// The largest slicing argument given (not null), else the assumed size, else 1; at least 1, so an
// empty page (or a negative one, which the subgraph refuses) costs like one row. More than one
// slicing argument given is refused unless the schema allows it.
function listSizeOf(walker, field, node, listSize) {
  let size;
  if (listSize.slicingArguments?.length) {
    variablesOf(node).forEach((name) => walker.slicingVariables?.add(name));
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
  variablesOf(node.directives).forEach((name) => walker.slicingVariables?.add(name));
  return getDirectiveValues(GraphQLSkipDirective, node, walker.variables)?.if !== true
    && getDirectiveValues(GraphQLIncludeDirective, node, walker.variables)?.if !== false;
}

function weights(costs) {
  return (costs ?? []).reduce((sum, cost) => sum + (Number(cost?.weight) || 0), 0);
}

function variablesOf(nodeOrList) {
  const names = [];
  visit(Array.isArray(nodeOrList) ? nodeOrList : nodeOrList.arguments ?? [], { Variable: (variable) => { names.push(variable.name.value); } });
  return names;
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
