// Composition of the golden subgraph SDLs with the pinned composers: what a domain team's schema
// change does to the API schema clients see. Each subgraph imports @inaccessible and @tag in its
// @link; without the import both composers take them for custom directives and drop them silently.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composeServices as composeApollo } from '@apollo/composition';
import { composeServices as composeGuild } from '@theguild/federation-composition';
import { parse, printSchema } from 'graphql';
import { readSupergraphConfig } from '../scripts/lib/subgraphs.mjs';

const { subgraphs } = readSupergraphConfig();

// one field each subgraph owns alone: no key, not required by another subgraph
const owned = {
  users: { type: 'User', field: 'createdAt', line: '  createdAt: DateTime!\n' },
  orders: { type: 'Order', field: 'placedAt', line: '  placedAt: DateTime!\n' },
  catalog: { type: 'Product', field: 'description', line: '  category: Category!\n  description: String\n' },
};

function composeBoth(changes) {
  const services = subgraphs.map(({ name, url, sdl }) => {
    let typeDefs = sdl;
    for (const [from, to] of changes[name] ?? []) {
      assert.ok(typeDefs.includes(from), `${name}.graphql does not contain ${JSON.stringify(from)}`);
      typeDefs = typeDefs.replace(from, to);
    }
    return { name, url, typeDefs: parse(typeDefs) };
  });
  return { apollo: composeApollo(services), guild: composeGuild(services) };
}

function compose(changes) {
  const { apollo, guild } = composeBoth(changes);
  assert.deepEqual(apollo.errors ?? [], [], 'Apollo composition failed');
  assert.deepEqual(guild.errors ?? [], [], "The Guild's composition failed");
  return {
    apolloApi: printSchema(apollo.schema.toAPISchema().toGraphQLJSSchema()),
    guildApi: guild.publicSdl,
    supergraph: apollo.supergraphSdl,
  };
}

function hasField(sdl, type, field) {
  const body = sdl.match(new RegExp(`\\ntype ${type}\\b[^{]*\\{([^}]*)\\}`))?.[1];
  assert.ok(body, `no type ${type}`);
  return new RegExp(`\\n\\s*${field}[(:]`).test(body);
}

describe('composition of the golden subgraphs', () => {
  for (const [name, { type, field, line }] of Object.entries(owned)) {
    it(`@inaccessible in ${name} hides ${type}.${field} from the API schema of both composers`, () => {
      const before = compose({});
      const after = compose({ [name]: [[line, line.replace(/\n$/, ' @inaccessible\n')]] });
      assert.equal(hasField(before.apolloApi, type, field), true);
      assert.equal(hasField(after.apolloApi, type, field), false);
      assert.equal(hasField(after.guildApi, type, field), false);
      assert.equal(hasField(after.supergraph, type, field), true, 'the router still plans the hidden field');
      assert.match(after.supergraph, /@link\(url: "https:\/\/specs.apollo.dev\/inaccessible\/v0.2", for: SECURITY\)/);
    });

    it(`@tag in ${name} reaches the supergraph`, () => {
      const { supergraph } = compose({ [name]: [[line, line.replace(/\n$/, ' @tag(name: "internal")\n')]] });
      assert.match(supergraph, /@link\(url: "https:\/\/specs.apollo.dev\/tag\/v0.3"\)/);
      assert.match(supergraph, new RegExp(`\\n\\s*${field}[^\\n]*@tag\\(name: "internal"\\)`));
    });
  }

  // why schema-tools check refuses such a removal although another subgraph still serves the field
  it('a field dropped from a value type in one subgraph fails composition', () => {
    const { apollo, guild } = composeBoth({
      orders: [['  "ISO 4217 currency code, e.g. \\"EUR\\"."\n  currency: String!\n', '']],
    });
    for (const errors of [apollo.errors, guild.errors]) {
      assert.ok(errors?.length, 'composition succeeded');
      assert.ok(errors.every((error) => error.extensions.code === 'SATISFIABILITY_ERROR'));
      assert.match(errors[0].message, /cannot find field "Money.currency"/);
      assert.match(errors[0].message, /because type "Money" has no @key defined in subgraph "catalog"/);
    }
  });

  it('an @inaccessible that the @link does not import hides nothing (lint reports it)', () => {
    const { type, field, line } = owned.catalog;
    const { apolloApi, guildApi } = compose({
      catalog: [['"@listSize", "@inaccessible", "@tag"]', '"@listSize", "@tag"]'],
        [line, line.replace(/\n$/, ' @inaccessible\n')]],
    });
    assert.equal(hasField(apolloApi, type, field), true);
    assert.equal(hasField(guildApi, type, field), true);
  });
});
