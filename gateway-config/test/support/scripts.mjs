// Runs the command-line scripts as a developer or CI does: as child processes, on a copy of the parts of
// gateway-config they read and write (the repository's own files are never written by a test).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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
  return { root, gateway, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A refusal as the scripts print it: one line starting with ✖, no stack trace. */
export const ONE_LINE_REFUSAL = /^\u2716 [^\n]+\n$/;
