// Mints a development JWT (RS256) signed with the repository's dev key pair, which subgraphs and the
// router accept only in dev/test mode. Usage: node scripts/dev-token.mjs [sub] [scopes] [hours]
import { mintDevToken } from '../router/dev-token.mjs';

const [sub = '1', scope = '', hours = '12'] = process.argv.slice(2);
process.stdout.write(`${mintDevToken({ sub, scope, hours })}\n`);
