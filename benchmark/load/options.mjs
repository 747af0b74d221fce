// The options of benchmark/run and benchmark/startup, checked before anything is built or started: a
// mistyped option (`--quik`, `--soak ten`) must stop at once with the usage, not run an hour of another
// benchmark. `node benchmark/load/options.mjs run|startup ARGS…` is that check for the shell wrappers.
import { pathToFileURL } from 'node:url';
import { commandLine, usageError } from '../../gateway-config/scripts/lib/cli.mjs';
import { comparisonsOf } from './comparisons.mjs';
import { SUBGRAPHS } from '../../gateway-config/router/subgraphs.mjs';

const flag = { type: 'boolean' };
const value = { type: 'string' };

const COMMANDS = {
  run: {
    usage: 'usage: benchmark/run [--quick] [--no-build] [--entities | --soak MINUTES [--rate RPS] | --compare NAME[,NAME…] '
      + '[--rounds N] [--scenarios A,B] [--rates A=RPS,B=RPS] [--as NAME] | --check]',
    options: { quick: flag, 'no-build': flag, entities: flag, check: flag, soak: value, rate: value, compare: value,
      rounds: value, scenarios: value, rates: value, as: value },
  },
  startup: {
    usage: 'usage: benchmark/startup [--no-build] [--runs N] [--subgraphs A,B] [--configs default,options,tuned[,tuned+FLAG…]] '
      + '[--load N] [--rounds N] [--rate RPS] [--seconds N] [--retrain] [--keep-databases] [--report-only]',
    options: { 'no-build': flag, runs: value, subgraphs: value, configs: value, load: value, rounds: value, rate: value,
      seconds: value, retrain: flag, 'keep-databases': flag, 'report-only': flag },
  },
};

/** The options of `command` ('run' or 'startup'); a usage error (exit 2) for anything else. */
export function benchmarkOptions(command, args) {
  const { usage, options } = COMMANDS[command];
  const { values } = commandLine(usage, { options, args });
  const refuse = (message) => usageError(usage, message);
  for (const name of ['soak', 'rate', 'seconds']) {
    if (values[name] !== undefined && !(Number(values[name]) > 0 && Number.isFinite(Number(values[name])))) {
      refuse(`--${name} must be a positive number, not '${values[name]}'`);
    }
  }
  // Counts: 2.5 rounds would run 3 and report 2.5.
  for (const name of ['rounds', 'runs', 'load']) {
    if (values[name] !== undefined && !/^[1-9][0-9]{0,8}$/.test(values[name])) {
      refuse(`--${name} must be a whole number of at least 1, not '${values[name]}'`);
    }
  }
  if (values.rate !== undefined && command === 'run' && values.soak === undefined) {
    refuse('--rate fixes the soak\'s rate: give --soak MINUTES too');
  }
  const modes = ['entities', 'soak', 'compare', 'check'].filter((name) => values[name] !== undefined && values[name] !== false);
  if (modes.length > 1) {
    refuse(`--${modes[0]} and --${modes[1]} are different runs: give one`);
  }
  const compareOnly = ['rounds', 'scenarios', 'rates', 'as'].filter((name) => command === 'run' && values[name] !== undefined);
  if (compareOnly.length && values.compare === undefined) {
    refuse(`--${compareOnly[0]} is an option of --compare`);
  }
  if (values.compare !== undefined) {
    try {
      comparisonsOf(values.compare);
    } catch (error) {
      refuse(error.message);
    }
  }
  if (values.rates !== undefined && !values.rates.split(',').every((pair) => /^[\w-]+=\d+(\.\d+)?$/.test(pair) && Number(pair.split('=')[1]) > 0)) {
    refuse(`--rates must be SCENARIO=RPS pairs, e.g. UserOrders=20,mix=50, not '${values.rates}'`);
  }
  const known = SUBGRAPHS.map((subgraph) => subgraph.name);
  const unknown = (values.subgraphs ?? '').split(',').filter((name) => name && !known.includes(name));
  if (unknown.length) {
    refuse(`--subgraphs: unknown ${unknown.join(', ')}; known: ${known.join(', ')}`);
  }
  return values;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  if (!COMMANDS[command]) {
    usageError('usage: node benchmark/load/options.mjs run|startup ARGS…', `unknown benchmark '${command ?? ''}'`);
  }
  benchmarkOptions(command, args);
}
