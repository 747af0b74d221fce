// Mints a development JWT (RS256) signed with the repository's dev key pair, which subgraphs and the
// router accept only in dev/test mode. Usage: node scripts/dev-token.mjs [sub] [scopes] [hours]
import { mintDevToken } from '../router/dev-token.mjs';

const USAGE = 'usage: dev-token.mjs [sub] [scopes, space-separated] [hours]';
const [sub = '1', scope = '', hours = '12'] = process.argv.slice(2);
// A token the router would refuse, or one without an expiry (hours 'abc' made `exp` null), helps nobody.
const problem = !/^[A-Za-z0-9._:-]{1,64}$/.test(sub) ? `sub must be 1-64 of [A-Za-z0-9._:-], not '${sub}'`
  : !/^([A-Za-z0-9:._-]{1,64}( [A-Za-z0-9:._-]{1,64})*)?$/.test(scope) ? `scopes must be space-separated [A-Za-z0-9:._-], not '${scope}'`
    : !(/^\d+(\.\d+)?$/.test(hours) && Number(hours) > 0) ? `hours must be a positive number, not '${hours}'`
      : null;
if (problem) {
  process.stderr.write(`✖ ${problem}\n${USAGE}\n`);
  process.exit(2);
}
process.stdout.write(`${mintDevToken({ sub, scope, hours: Number(hours) })}\n`);
