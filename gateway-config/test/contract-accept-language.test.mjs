// The Accept-Language contract (contract/accept-language.json): the router chooses the language of its
// messages by the rule the subgraphs follow (RequestLanguagesTests runs the same cases).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bundles, negotiateLanguage } from '../router/messages.mjs';
import { readContract } from './support/contract.mjs';

const contract = readContract('accept-language.json');

describe('Accept-Language contract at the router', () => {
  it('has a bundle for each supported language, and for no other', () => {
    assert.deepEqual(Object.keys(bundles).sort(), [...contract.languages].sort());
  });

  it('chooses each case\'s language', () => {
    for (const { header, language } of contract.cases) {
      assert.equal(negotiateLanguage(header), language, JSON.stringify(header));
    }
  });
});
