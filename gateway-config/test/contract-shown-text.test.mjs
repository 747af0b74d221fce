// How an error message shows a client's text (contract/shown-text.json; ShownTextContractTests runs the
// same cases against the subgraphs' ShownText), and the real router's refusals that quote a client's
// variables: graphql-js quotes them in full, hidden characters and all.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeSubgraphs } from './support/fake-subgraphs.mjs';
import { gatewayDir, startGateway, TEST_ROUTER_SECRET } from './support/gateway.mjs';
import { readContract } from './support/contract.mjs';
import { createSigner } from './support/tokens.mjs';
import { codes, post } from './support/http.mjs';
import { sha256 } from '../router/plugins.mjs';
import { MESSAGE_CODE_POINTS, shownText } from '../router/shown-text.mjs';

const contract = readContract('shown-text.json');
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

describe('shown-text contract at the router', () => {
  it('bounds a message by the contract', () => {
    assert.equal(MESSAGE_CODE_POINTS, contract.maxCodePoints);
  });

  for (const { name, text, shown } of contract.cases) {
    it(name, () => {
      assert.equal(shownText(text), shown);
    });
  }
});

describe('refusals quoting a client\'s variables through the real router', () => {
  const productPage = sha256(readFileSync(resolve(gatewayDir, 'operations', 'ProductPage.graphql'), 'utf8'));
  // A string with a bidi override and an escape sequence, far longer than a message, where an Int
  // belongs, and as the name of an input field that does not exist.
  const hostile = `\u202e\u001b[2J${'x'.repeat(50_000)}`;
  const cases = [
    ['a string as an Int', { first: hostile }],
    ['an unknown input field', { filter: { [hostile]: 'x' } }],
  ];
  let fakes;
  const gateways = {};

  before(async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'shown-text-')), 'jwt.pem');
    createSigner(keyFile);
    fakes = await startFakeSubgraphs();
    for (const mode of ['dev', 'production']) {
      gateways[mode] = await startGateway({ ...fakes.env, GATEWAY_MODE: mode, ROUTER_HMAC_SECRET: TEST_ROUTER_SECRET,
        JWT_PUBLIC_KEY_FILE: keyFile });
    }
  });

  after(async () => {
    await Promise.all(Object.values(gateways).map((gateway) => gateway.stop()));
    await fakes?.close();
  });

  for (const mode of ['dev', 'production']) {
    for (const [what, variables] of cases) {
      it(`shows ${what} bounded and visible (${mode})`, async () => {
        const { status, json, text } = await post(gateways[mode].url, { documentId: productPage, variables });
        assert.equal(status, 400, text);
        assert.deepEqual(codes(json), ['BAD_USER_INPUT'], text);
        assert.equal(json.errors[0].extensions.reason, 'INVALID_VARIABLES', text);
        const { message } = json.errors[0];
        assert.ok(Array.from(message).length <= MESSAGE_CODE_POINTS, `${Array.from(message).length} code points`);
        assert.ok(message.endsWith('…'), message);
        assert.doesNotMatch(message, HIDDEN);
        assert.ok(text.length < 5_000, `${text.length} characters`);
      });
    }
  }
});
