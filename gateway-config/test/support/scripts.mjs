// Runs the command-line scripts as a developer or CI does: as child processes, on a copy of the parts of
// gateway-config they read and write (the repository's own files are never written by a test).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gatewayDir } from './gateway.mjs';

const COPIED = ['package.json', 'scripts', 'router', 'subgraphs', 'subgraphs.json', 'supergraph.yaml'];

/** Runs `node scripts/<script> ...args` in `cwd` (gateway-config by default): `{ status, stdout, stderr }`. */
export function runScript(script, args, { cwd = gatewayDir, env = process.env } = {}) {
  return spawnSync(process.execPath, [join('scripts', script), ...args], { cwd, env, encoding: 'utf8' });
}

/** A temporary root with a copy of gateway-config (its node_modules linked) and an empty deploy/base. */
export function gatewayCopy() {
  const root = mkdtempSync(join(tmpdir(), 'scripts-'));
  const gateway = join(root, 'gateway-config');
  COPIED.forEach((entry) => cpSync(resolve(gatewayDir, entry), join(gateway, entry), { recursive: true }));
  symlinkSync(resolve(gatewayDir, 'node_modules'), join(gateway, 'node_modules'), 'dir');
  mkdirSync(join(root, 'deploy', 'base'), { recursive: true });
  // a progressive @override's flag label must name a flag of it (scripts/lib/override-labels.mjs)
  cpSync(resolve(gatewayDir, '..', 'flags'), join(root, 'flags'), { recursive: true });
  return { root, gateway, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A refusal as the scripts print it: one line starting with ✖, no stack trace. */
export const ONE_LINE_REFUSAL = /^\u2716 [^\n]+\n$/;

/**
 * The checkout of another release: a copy of gateway-config (with the trusted documents) whose subgraph
 * schemas `edits` change, `{ 'orders.graphql': [[from, to], …] }`, each `from` present, composed by
 * `npm run compose`'s script; `supergraph` is what it composed to.
 */
export function releaseCheckout(edits) {
  const copy = gatewayCopy();
  cpSync(resolve(gatewayDir, 'trusted-documents.json'), join(copy.gateway, 'trusted-documents.json'));
  for (const [name, replacements] of Object.entries(edits)) {
    const file = join(copy.gateway, 'subgraphs', name);
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of replacements) {
      if (!text.includes(from)) {
        throw new Error(`${name} holds no ${JSON.stringify(from)}`);
      }
      text = text.replace(from, to);
    }
    writeFileSync(file, text);
  }
  const composed = runScript('compose.mjs', [], { cwd: copy.gateway });
  if (composed.status !== 0) {
    throw new Error(`the release does not compose: ${composed.stderr}`);
  }
  return { ...copy, supergraph: readFileSync(join(copy.gateway, 'supergraph.graphql'), 'utf8') };
}

/** A release whose supergraph differs from the committed one in a description only. */
export const DESCRIBED_RELEASE = { 'catalog.graphql': [['"A product for sale.', '"A product for sale, described anew.']] };

/** A release that drops `Product.shippingEstimate`, which the trusted operation ProductShipping reads. */
export const SHIPPING_DROPPED_RELEASE = { 'orders.graphql': [
  ['  "Standard shipping for one unit: 4.90 EUR plus 0.50 EUR per started 500 g."\n', ''],
  ['  shippingEstimate: Money! @requires(fields : "weightGrams")\n', ''],
  ['  weightGrams: Int! @external\n', '']] };
