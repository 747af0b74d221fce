// A GraphQL Code Generator plugin: the documented `extensions.code` values, from the contract file
// that the router and the subgraphs test against (contract/error-codes.json), as a union type.
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');

const contractFile = resolve(__dirname, '..', '..', '..', 'contract', 'error-codes.json');

module.exports = {
  plugin() {
    const codes = errorCodes(JSON.parse(readFileSync(contractFile, 'utf8')));
    return [
      '/** Every `extensions.code` the supergraph answers with (contract/error-codes.json). */',
      `export const errorCodes = [${codes.map((code) => `'${code}'`).join(', ')}] as const;`,
      '',
      'export type ErrorCode = (typeof errorCodes)[number];',
      '',
    ].join('\n');
  },
};

function errorCodes(contract) {
  const codes = (contract.codes ?? []).map((entry) => entry.code);
  if (codes.length === 0 || codes.some((code) => !/^[A-Z_]+$/.test(code))) {
    throw new Error(`${contractFile}: expected a list of error codes`);
  }
  return codes;
}
