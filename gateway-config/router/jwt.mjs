// What the router asks of a bearer token (router/jwt-auth.mjs hands this to jsonwebtoken):
// asymmetric signatures only, so a leaked verification key can never mint tokens, the configured
// issuer and audience, and the clock skew of the subgraphs. contract/jwt-cases.json holds the cases
// that the subgraphs' JwtDecoders must decide the same way.

/** RSA, RSA-PSS and ECDSA; never HMAC (the verification key would sign) or none. */
export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'];

/** jsonwebtoken's verify options for the router's JWT settings (router/settings.mjs). */
export function tokenVerification({ issuer, audience, clockSkewSeconds }) {
  return { algorithms: JWT_ALGORITHMS, issuer, audience, clockTolerance: clockSkewSeconds };
}
