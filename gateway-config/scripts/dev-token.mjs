// Mints a development JWT (RS256) signed with the repository's dev key pair, which subgraphs and the
// router accept only in dev/test mode. Usage errors (also `--help`, which shows the usage) exit 2.
import { mintDevToken } from '../router/dev-token.mjs';
import { commandLine, repeatedValue, repeatedValueProblem, usageError } from './lib/cli.mjs';

const MAX_HOURS = 24 * 366;
const USAGE = `usage: dev-token.mjs [sub] [scopes, space-separated] [hours, at most ${MAX_HOURS}]`;
const [sub = '1', scope = '', hours = '12'] = commandLine(USAGE, { maxPositionals: 3 }).positionals;
// A token the router would refuse, or one without a whole-second expiry (9×400 digits made `exp` null,
// 0.00001 a fractional one already past), helps nobody. The check computes `exp` as mintDevToken does.
const seconds = Number(hours) * 3600;
const repeated = repeatedValue(scope.split(' '));
const problem = !/^[A-Za-z0-9._:][A-Za-z0-9._:-]{0,63}$/.test(sub) ? `sub must be 1-64 of [A-Za-z0-9._:-], not starting with '-', not '${sub}'`
  : !/^([A-Za-z0-9:._-]{1,64}( [A-Za-z0-9:._-]{1,64})*)?$/.test(scope) ? `scopes must be space-separated [A-Za-z0-9:._-], not '${scope}'`
    : !(/^\d+(\.\d+)?$/.test(hours) && seconds > 0 && Number(hours) <= MAX_HOURS && Number.isInteger(seconds))
      ? `hours must be a positive number of at most ${MAX_HOURS}, in whole seconds, not '${hours}'`
      : repeated ? repeatedValueProblem('scope', repeated) : null;
if (problem) {
  usageError(USAGE, problem);
}
process.stdout.write(`${mintDevToken({ sub, scope, hours: Number(hours) })}\n`);
