// The estimated cost of an operation (MAX_COST), checked before each subgraph request of its query
// plan, with Hive Gateway's rules: each object costs 1 (or its type's or field's @cost weight),
// times the list sizes around it; a list's size is its @listSize slicing argument (`first`), else
// its assumed size, and `sizedFields` carry the size to the fields named. The sum over the plan's
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
import { getArgumentValues, getNamedType, isCompositeType, isIntrospectionType, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { getDirectiveExtensions } from '@graphql-tools/utils';
import { routerError } from './messages.mjs';

const COST_SPEC = 'https://specs.apollo.dev/cost/v0.1';
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

/** Walks the document; adds the variables that slicing arguments read to `slicingVariables`, if given. */
function walk(schema, document, variables, slicingVariables) {
  const names = directiveNames(schema);
  const typeInfo = new TypeInfo(schema);
  const factors = [];
  const sizedFieldFactors = new Map();
  const timesFactors = (cost) => factors.reduce((product, factor) => product * factor, cost);
  let cost = 0;
  visit(document, visitWithTypeInfo(typeInfo, {
    Field: {
      enter(node) {
        const field = typeInfo.getFieldDef();
        if (!field) {
          factors.push(1);
          return;
        }
        const annotations = getDirectiveExtensions(field, schema);
        let fieldCost = weights(annotations?.[names.cost]);
        let factor = sizedFieldFactors.get(node.name.value);
        if (factor !== undefined) {
          sizedFieldFactors.delete(field.name);
        } else {
          factor = 1;
          for (const listSize of annotations?.[names.listSize] ?? []) {
            if (listSize?.slicingArguments) {
              variablesOf(node).forEach((name) => slicingVariables?.add(name));
              const size = slicingSize(field, node, variables, listSize);
              if (listSize.sizedFields?.length) {
                listSize.sizedFields.forEach((name) => sizedFieldFactors.set(name, size));
              } else {
                factor = size;
              }
            } else if (listSize && 'assumedSize' in listSize && Number(listSize.assumedSize)) {
              factor = Number(listSize.assumedSize);
            }
          }
        }
        factors.push(factor);
        const type = getNamedType(typeInfo.getType());
        if (type) {
          if (isIntrospectionType(type)) {
            return;
          }
          const typeCost = getDirectiveExtensions(type, schema)?.[names.cost];
          fieldCost += typeCost ? weights(typeCost) : (isCompositeType(type) ? 1 : 0);
        }
        if (fieldCost) {
          cost += timesFactors(fieldCost);
        }
      },
      leave() {
        factors.pop();
      },
    },
    Argument() {
      const argument = typeInfo.getArgument();
      const argumentCost = argument && weights(getDirectiveExtensions(argument, schema)?.[names.cost]);
      if (argumentCost) {
        cost += timesFactors(argumentCost);
      }
    },
  }));
  return cost;
}

// The largest slicing argument given; more than one given is refused unless the schema allows it.
function slicingSize(field, node, variables, listSize) {
  const values = getArgumentValues(field, node, variables);
  let size = 1;
  let given = false;
  for (const name of listSize.slicingArguments) {
    const value = Number(values[name]);
    if (value) {
      if (given && listSize.requireOneSlicingArgument !== false) {
        throw routerError('limits.slicingArguments', { field: field.name, arguments: listSize.slicingArguments.join(', ') },
          { code: 'BAD_USER_INPUT', reason: 'SLICING_ARGUMENTS', http: { status: 400 } });
      }
      size = Math.max(size, value);
      given = true;
    }
  }
  return size;
}

function weights(costs) {
  return (costs ?? []).reduce((sum, cost) => sum + (Number(cost?.weight) || 0), 0);
}

function variablesOf(node) {
  const names = [];
  visit(node.arguments ?? [], { Variable: (variable) => { names.push(variable.name.value); } });
  return names;
}

const namesBySchema = new WeakMap();

/** @cost and @listSize as the schema names them: imported from the cost spec by `@link`, maybe renamed. */
function directiveNames(schema) {
  let names = namesBySchema.get(schema);
  if (!names) {
    names = { cost: 'cost', listSize: 'listSize' };
    for (const link of getDirectiveExtensions(schema, schema)?.link ?? []) {
      if (link?.url !== COST_SPEC) {
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
