// The rules of the platform's feature flags (docs/feature-flags.md), the same as the subgraphs'
// (FlagsDocument, Flag, FlagRule in the starter): the flags file's format
// (contract/feature-flags.schema.json), checked in code with a message per problem, and a boolean
// flag's value for a caller. contract/feature-flag-cases.json holds both sides to them.
import { createHash } from 'node:crypto';
import { StandardResolutionReasons } from '@openfeature/server-sdk';
import { utf8Text } from './setting-files.mjs';

const KEY = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
const FLAG_PROPERTIES = new Set(['description', 'enabled', 'default', 'rules']);
const CONDITIONS = ['userIds', 'scopes', 'clients', 'percentage'];

/** The stable bucket (0-9999) of a user id for a flag. */
export function bucketOf(flagKey, userId) {
  return createHash('sha256').update(`${flagKey}:${userId}`).digest().readUInt32BE(0) % 10000;
}

/** The largest flags file read, as the subgraphs' (FlagsDocument.MAX_BYTES): every process holds and audits all of it. */
export const MAX_FLAGS_FILE_BYTES = 1_048_576;

/**
 * Parses and validates a flags file, its bytes as on disk (UTF-8, at most MAX_FLAGS_FILE_BYTES) or its text:
 * a Map key -> definition, or an Error naming every problem.
 */
export function parseFlags(content) {
  if (typeof content !== 'string' && content.length > MAX_FLAGS_FILE_BYTES) {
    throw new Error(`the file is larger than ${MAX_FLAGS_FILE_BYTES} bytes`);
  }
  const text = typeof content === 'string' ? content : utf8Text(content);
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${error.message}`);
  }
  const problems = [];
  if (!isObject(document) || !isObject(document.flags)) {
    throw new Error('the file must be an object with a "flags" object');
  }
  Object.keys(document).filter((name) => name !== 'flags').forEach((name) => problems.push(`unknown property "${name}"`));
  for (const [key, flag] of Object.entries(document.flags)) {
    flagProblems(key, flag).forEach((problem) => problems.push(`flag "${key}": ${problem}`));
  }
  if (problems.length) {
    throw new Error(problems.join('; '));
  }
  // As written: the audit log shows a definition as the file has it.
  return new Map(Object.entries(document.flags));
}

function flagProblems(key, flag) {
  if (!KEY.test(key)) return ['the key must match ^[A-Za-z][A-Za-z0-9_.:-]{0,63}$'];
  if (!isObject(flag)) return ['must be an object'];
  const problems = Object.keys(flag).filter((name) => !FLAG_PROPERTIES.has(name)).map((name) => `unknown property "${name}"`);
  if (typeof flag.enabled !== 'boolean') problems.push('"enabled" must be true or false');
  if (typeof flag.default !== 'boolean') problems.push('"default" must be true or false');
  if (flag.description !== undefined && typeof flag.description !== 'string') problems.push('"description" must be a string');
  if (flag.rules !== undefined && !Array.isArray(flag.rules)) return [...problems, '"rules" must be a list'];
  (flag.rules ?? []).forEach((rule, index) => ruleProblems(rule).forEach((problem) => problems.push(`rule ${index + 1}: ${problem}`)));
  return problems;
}

function ruleProblems(rule) {
  if (!isObject(rule)) return ['must be an object'];
  const problems = Object.keys(rule).filter((name) => name !== 'value' && !CONDITIONS.includes(name))
    .map((name) => `unknown property "${name}"`);
  if (typeof rule.value !== 'boolean') problems.push('"value" must be true or false');
  if (!CONDITIONS.some((name) => name in rule)) problems.push(`needs at least one of ${CONDITIONS.join(', ')}`);
  for (const name of ['userIds', 'scopes', 'clients']) {
    if (name in rule && !(Array.isArray(rule[name]) && rule[name].length && rule[name].every((item) => typeof item === 'string' && item))) {
      problems.push(`"${name}" must be a non-empty list of non-empty strings`);
    }
  }
  if ('percentage' in rule && !(typeof rule.percentage === 'number' && rule.percentage >= 0 && rule.percentage <= 100)) {
    problems.push('"percentage" must be a number from 0 to 100');
  }
  return problems;
}

/** A flag's value for a caller `{ userId, scopes, client }`, or undefined for an unknown flag. */
export function evaluateFlag(flags, key, caller) {
  const flag = flags.get(key);
  if (!flag) {
    return undefined;
  }
  if (!flag.enabled) {
    return { value: flag.default, reason: StandardResolutionReasons.DISABLED };
  }
  const rule = (flag.rules ?? []).find((candidate) => matches(candidate, key, caller));
  return rule
    ? { value: rule.value, reason: StandardResolutionReasons.TARGETING_MATCH }
    : { value: flag.default, reason: StandardResolutionReasons.DEFAULT };
}

function matches(rule, key, { userId, scopes = [], client }) {
  return (!rule.userIds || (userId != null && rule.userIds.includes(userId)))
    && (!rule.scopes || rule.scopes.some((scope) => scopes.includes(scope)))
    && (!rule.clients || rule.clients.includes(client))
    && (rule.percentage === undefined || (userId != null && bucketOf(key, userId) < rule.percentage * 100));
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
