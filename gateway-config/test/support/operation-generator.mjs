// Valid operations over the client API schema, made up from a seed (the same seed, the same documents):
// aliases (the same field twice with other arguments), named fragments spread once or twice, inline
// fragments with and without a type, @skip/@include by literal and by variable, __typename, variables
// with and without defaults sent as values, as null or not at all, literals of every scalar kind
// (Unicode strings, escapes, IDs as integers), entity hops across the subgraphs, and now and then a
// subgraph failing at one field or as a whole. For differential tests of the router's query planners.
import {
  getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType,
  validate, parse,
} from 'graphql';

/** A deterministic pseudo-random source (mulberry32). */
export function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    int: (max) => Math.floor(next() * max),
  };
}

// String literals as written in the document, with the value each stands for.
const STRINGS = [
  ['"a"', 'a'], ['"é ü ß"', 'é ü ß'], ['"日本語"', '日本語'], ['"\\u00e9\\t\\n"', 'é\t\n'], ['"😀"', '😀'],
  ['"\\u{1F600}"', '😀'], ['"\\uD83D\\uDE00"', '😀'], ['"\\"quoted\\" \\\\ /"', '"quoted" \\ /'], ['""', ''],
  ['"""block\n  text"""', 'block\ntext'], ['"\\u0000x"', '\u0000x'], ['"\u2028\u00a0"', '\u2028\u00a0'], ['"ab\\u{10FFFF}"', 'ab\u{10FFFF}'],
];
const IDS = [['"1"', '1'], ['1', '1'], ['"2"', '2'], ['42', '42'], ['"x-ü"', 'x-ü'], ['9223372036854775807', '9223372036854775807'],
  ['9223372036854775808', '9223372036854775808'], ['-1', '-1'], ['"\\u{1F600}"', '😀'], ['0', '0']];
const INTS = [['1', 1], ['2', 2], ['0', 0], ['-1', -1], ['2147483647', 2147483647], ['-2147483648', -2147483648], ['100', 100]];
const BOOLEANS = [['true', true], ['false', false]];

/** `count` operations from `seed`, each { query, variables, failure } and valid against `schema`. */
export function generateOperations(schema, { seed = 1, count = 200, subgraphs = [] } = {}) {
  const random = randomSource(seed);
  const operations = [];
  while (operations.length < count) {
    const operation = new Operation(schema, random).build();
    const errors = validate(schema, parse(operation.query));
    if (errors.length > 0) {
      continue;
    }
    operation.failure = subgraphs.length && random.chance(0.3) ? failureOf(random, subgraphs) : null;
    operations.push(operation);
  }
  return operations;
}

// Fields each subgraph resolves, to fail at (those the made-up subgraph answers on its own).
const FAILING_FIELDS = {
  users: ['name', 'email', 'user', 'users', 'me', 'createdAt'],
  orders: ['orders', 'items', 'status', 'order', 'total', 'placedAt'],
  catalog: ['name', 'price', 'category', 'products', 'product', 'categories', 'description'],
  inventory: ['inStock', 'stockQuantity'],
};

function failureOf(random, subgraphs) {
  const subgraph = random.pick(subgraphs);
  return random.chance(0.3) ? { subgraph, whole: true } : { subgraph, field: random.pick(FAILING_FIELDS[subgraph] ?? ['id']) };
}

class Operation {
  constructor(schema, random) {
    this.schema = schema;
    this.random = random;
    this.variables = [];
    this.values = {};
    this.fragments = [];
  }

  build() {
    const mutation = this.random.chance(0.1);
    const root = mutation ? this.schema.getMutationType() : this.schema.getQueryType();
    const selection = this.selectionSet(root, 0, mutation ? 1 : 3);
    const declared = this.variables.length ? `(${this.variables.join(', ')})` : '';
    const name = this.random.chance(0.5) ? ` Generated${this.random.int(1000)}` : (declared ? ' ' : '');
    const keyword = mutation ? 'mutation' : (name || declared || this.random.chance(0.5) ? 'query' : '');
    const head = keyword ? `${keyword}${name}${declared} ` : '';
    const query = [`${head}${selection}`, ...this.fragments].join('\n');
    return { query, variables: this.values };
  }

  selectionSet(type, depth, width) {
    const selections = [];
    const fields = Object.values(type.getFields());
    const count = 1 + this.random.int(width);
    const used = new Set();
    for (let i = 0; i < count; i += 1) {
      const field = this.random.pick(fields);
      const selection = this.field(field, depth, used);
      if (selection) {
        selections.push(selection);
      }
    }
    if (this.random.chance(0.35)) {
      selections.push(this.directed('__typename'));
    }
    if (depth > 0 && this.random.chance(0.25)) {
      selections.push(this.fragment(type, depth));
    }
    if (selections.length === 0) {
      selections.push('__typename');
    }
    return `{ ${selections.join(' ')} }`;
  }

  field(field, depth, used) {
    const type = getNamedType(field.type);
    if (!isLeafType(type) && depth >= 4) {
      return null;
    }
    const args = this.arguments(field);
    const alias = this.random.chance(0.3) || used.has(field.name) ? `${field.name}${used.size}: ` : '';
    used.add(alias ? `${field.name}${used.size}` : field.name);
    const sub = isLeafType(type) ? '' : ` ${this.selectionSet(type, depth + 1, 3)}`;
    return `${this.directed(`${alias}${field.name}${args}`)}${sub}`;
  }

  // Named fragments (defined once, spread once or twice) and inline fragments, with and without a type.
  fragment(type, depth) {
    const body = this.selectionSet(type, depth + 1, 2);
    const kind = this.random.int(3);
    if (kind === 0) {
      return `${this.directed(`... on ${type.name}`)} ${body}`;
    }
    if (kind === 1) {
      return `... ${this.directive() || ''} ${body}`;
    }
    const name = `F${this.fragments.length}`;
    this.fragments.push(`fragment ${name} on ${type.name} ${body}`);
    return this.random.chance(0.4) ? `...${name} ...${name}` : this.directed(`...${name}`);
  }

  directed(selection) {
    const directive = this.random.chance(0.2) ? this.directive() : '';
    return directive ? `${selection} ${directive}` : selection;
  }

  directive() {
    const name = this.random.pick(['skip', 'include']);
    if (this.random.chance(0.5)) {
      return `@${name}(if: ${this.random.pick(['true', 'false'])})`;
    }
    const variable = this.variable('Boolean', BOOLEANS, { nonNullPosition: true });
    return `@${name}(if: ${variable})`;
  }

  arguments(field) {
    const args = field.args.filter((arg) => isNonNullType(arg.type) || this.random.chance(0.5));
    if (args.length === 0) {
      return '';
    }
    return `(${args.map((arg) => `${arg.name}: ${this.value(arg.type)}`).join(', ')})`;
  }

  value(type) {
    const named = getNamedType(type);
    if (!isInputObjectType(named) && !isListType(getNullableType(type)) && this.random.chance(0.35)) {
      return this.variable(named.name + (isNonNullType(type) ? '!' : ''), literalsOf(named), { nonNullPosition: isNonNullType(type) });
    }
    if (!isNonNullType(type) && this.random.chance(0.1)) {
      return 'null';
    }
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const items = Array.from({ length: 1 + this.random.int(2) }, () => this.value(nullable.ofType));
      return this.random.chance(0.2) && items.length === 1 ? items[0] : `[${items.join(', ')}]`;
    }
    if (isInputObjectType(nullable)) {
      const fields = Object.values(nullable.getFields()).filter((field) => isNonNullType(field.type) || this.random.chance(0.5));
      return `{ ${fields.map((field) => `${field.name}: ${this.value(field.type)}`).join(', ')} }`;
    }
    return this.random.pick(literalsOf(nullable))[0];
  }

  // A variable of `typeName`: declared with or without a default, sent as a value, as null or not at all.
  variable(typeName, literals, { nonNullPosition }) {
    const name = `v${this.variables.length}`;
    const [literal, value] = this.random.pick(literals);
    const nonNull = typeName.endsWith('!');
    const withDefault = !nonNull && this.random.chance(0.4);
    // A nullable variable in a non-null position needs a default (and then may not be sent as null).
    const base = typeName.replace(/!$/, '');
    const declared = nonNullPosition && !nonNull && !withDefault ? `${base}!` : typeName;
    this.variables.push(`$${name}: ${declared}${withDefault ? ` = ${literal}` : ''}`);
    const sent = this.random.int(4);
    if (declared.endsWith('!') && !withDefault) {
      this.values[name] = this.random.pick(literals)[1];
    } else if (sent === 0 && !nonNullPosition) {
      this.values[name] = null;
    } else if (sent === 1) {
      // not sent: the default, or absent
    } else {
      this.values[name] = this.random.pick(literals)[1];
    }
    return `$${name}`;
  }
}

function literalsOf(type) {
  if (isEnumType(type)) {
    return type.getValues().map((value) => [value.name, value.name]);
  }
  return { ID: IDS, Int: INTS, Float: INTS, Boolean: BOOLEANS, DateTime: [['"2026-01-01T00:00:00Z"', '2026-01-01T00:00:00Z']] }[type.name] ?? STRINGS;
}

