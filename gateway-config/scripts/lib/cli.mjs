// The command line of the scripts, as supergraph-store.mjs set it: strict options (a mistyped `--check`
// must fail a CI step, never write and pass; an option given twice or to a command it is no option of is
// refused, never silently the last one or ignored), a usage error prints `✖ message` and the usage and exits 2,
// a refusal prints one `✖` line and exits 1. Inputs are read and outputs checked before anything is
// written, and every output is written atomically (a temporary file, then a rename).
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readBoundedFile, readProblem, utf8Text } from '../../router/setting-files.mjs';
import { MAX_VERSION_BYTES } from '../../router/supergraph-store.mjs';

/** The largest input a script reads: a supergraph may be this large, no other input comes near it. */
export const MAX_INPUT_BYTES = MAX_VERSION_BYTES;

const WRITE_ERRORS = { ENOENT: 'its directory does not exist', ENOTDIR: 'its directory does not exist',
  EISDIR: 'it is a directory', EACCES: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left' };

/** A refusal: one line, exit 1. */
export function fail(message) {
  console.error(`\u2716 ${message}`);
  process.exit(1);
}

/** A usage error: the message and the usage, exit 2. */
export function usageError(usage, message) {
  console.error(`\u2716 ${message}\n${usage}`);
  process.exit(2);
}

/**
 * parseArgs, strict, with at most `maxPositionals` positionals; `--help` is no option (a usage error
 * shows the usage). An option that is not `multiple` given twice is a usage error: which one was meant
 * (`--store a --store b`, `--client x … --client y`) is not for the script to guess. Answers
 * `{ values, positionals }`.
 */
export function commandLine(usage, { options = {}, maxPositionals = 0, args = process.argv.slice(2) } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: maxPositionals > 0, tokens: true });
  } catch (error) {
    // Node's messages add advice about `--` after the first sentence; the first names the argument.
    const sentence = error.message.split(/\.\s/)[0];
    usageError(usage, sentence[0].toLowerCase() + sentence.slice(1));
  }
  const single = parsed.tokens.filter((token) => token.kind === 'option' && !options[token.name].multiple)
    .map((token) => token.name);
  const twice = single.find((name, index) => single.indexOf(name) !== index);
  if (twice) {
    usageError(usage, `--${twice} is given twice: give it once`);
  }
  const extra = parsed.positionals.slice(maxPositionals);
  if (extra.length) {
    usageError(usage, `unexpected argument '${extra[0]}'`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/**
 * The first value of a list-valued option (`--scope a --scope a`, a space-separated list) that repeats an
 * earlier one, or differs from it only in case, as `[earlier, later]`; undefined when each is given once. A
 * repeated value was stored twice; values that differ only in case are different values (scopes are
 * case-sensitive), so one of them is almost certainly mistyped: which one was meant is not guessed.
 */
export function repeatedValue(list) {
  const seen = new Map();
  for (const value of list) {
    const earlier = seen.get(value.toLowerCase());
    if (earlier !== undefined) {
      return [earlier, value];
    }
    seen.set(value.toLowerCase(), value);
  }
  return undefined;
}

/** The usage error's words for `repeatedValue`'s answer, e.g. `--scope 'ops:read' is given twice`. */
export function repeatedValueProblem(name, [earlier, later]) {
  return earlier === later ? `${name} '${later}' is given twice: give each once`
    : `${name} '${earlier}' and '${later}' differ only in case, and ${name.replace(/^--/, '')}s are case-sensitive: give the one meant`;
}

/**
 * Refuses an option given to a command it does nothing for (`status --supergraph F`, `list --scope S`):
 * the operator meant something the command will not do. `owners` maps an option to the commands that take it.
 */
export function requireOwnOptions(usage, command, values, owners) {
  for (const [option, commands] of Object.entries(owners)) {
    if (values[option] !== undefined && !commands.includes(command)) {
      usageError(usage, `--${option} is an option of ${commands.join(' and ')} only`);
    }
  }
}

/**
 * The UTF-8 text of `file`, read as the router reads its setting files (router/setting-files.mjs): a file that is
 * missing, not a regular file (a directory, a named pipe, a device), larger than MAX_INPUT_BYTES or not UTF-8 is
 * refused in one line.
 */
export function readText(file) {
  let bytes;
  try {
    bytes = readBoundedFile(file, MAX_INPUT_BYTES);
  } catch (error) {
    return fail(`${file} ${readProblem(error)}`);
  }
  try {
    return utf8Text(bytes);
  } catch (error) {
    return fail(`${file} is ${error.message}`);
  }
}

/** `parse(text)` of a file's text; a syntax error is refused in one line, e.g. `F is not valid YAML: …`. */
export function parseText(file, format, parse) {
  const text = readText(file);
  try {
    return parse(text);
  } catch (error) {
    // The first line names the problem and where; YAML's code frame follows it.
    return fail(`${file} is not valid ${format}: ${error.message.split('\n')[0].replace(/:$/, '')}`);
  }
}

/** Why `file` cannot be written, in words, from the file system's error (a temporary name is not shown). */
export function writeProblem(file, error) {
  return `cannot write ${file}: ${WRITE_ERRORS[error.code] ?? error.code}`;
}

/**
 * Writes every `{ file, text }` or none: the targets are checked first, then each is written to a
 * temporary file next to it, then renamed, so a reader never sees half a file and a failed write (a full
 * disk) changes no output. Renames cannot be undone together: one that fails (something else changed the
 * directory meanwhile) is a refusal naming the outputs replaced already.
 */
export function writeFiles(outputs) {
  for (const { file } of outputs) {
    if (!existsSync(dirname(file))) {
      fail(`cannot write ${file}: its directory does not exist`);
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      fail(`cannot write ${file}: it is a directory`);
    }
  }
  const written = [];
  try {
    for (const { file, text } of outputs) {
      const temporary = `${file}.${process.pid}.tmp`;
      written.push({ file, temporary });
      writeFileSync(temporary, text);
    }
  } catch (error) {
    written.forEach(({ temporary }) => rmSync(temporary, { force: true }));
    fail(writeProblem(written.at(-1).file, error));
  }
  replaceAll(written);
}

function replaceAll(written) {
  const replaced = [];
  for (const { file, temporary } of written) {
    try {
      renameSync(temporary, file);
    } catch (error) {
      written.forEach((output) => rmSync(output.temporary, { force: true }));
      const already = replaced.length ? ` (replaced already: ${replaced.join(', ')})` : '';
      fail(`${writeProblem(file, error)}${already}`);
    }
    replaced.push(file);
  }
}
