// Decides @authenticated / @requiresScopes for Hive Gateway's generic auth plugin, with the error
// codes of the platform's documented list: no token -> UNAUTHENTICATED, missing scope -> FORBIDDEN.
// The denied field is removed from the operation and answered with null plus that error.
import { API_KEY_HEADER } from './api-keys.mjs';
import { routerError } from './messages.mjs';

/**
 * The caller for generic auth: the verified JWT payload, or a machine client presenting an API key
 * (`{ sub: 'apikey:<id>', client, scope }`). A bad key, or a key together with a bearer token, is
 * refused with 401 before any GraphQL work; neither is ever echoed.
 */
export function resolveUser(context, apiKeys) {
  const key = context.request?.headers.get(API_KEY_HEADER);
  if (key === null || key === undefined) {
    return context.jwt?.payload ?? null;
  }
  if (context.request.headers.get('authorization')) {
    throw unauthenticated('auth.credentialsAmbiguous');
  }
  const client = apiKeys?.verify(key);
  if (!client) {
    throw unauthenticated('auth.apiKeyInvalid');
  }
  return { sub: `apikey:${client.id}`, client: client.client, scope: client.scopes };
}

export function validateUser({ user, typeAuthArgs, fieldAuthArgs, typeScopes, fieldScopes, userScopes, fieldNode, path }) {
  const requiresAuthentication = Boolean(typeAuthArgs || fieldAuthArgs || typeScopes || fieldScopes);
  if (!requiresAuthentication) {
    return undefined;
  }
  if (user == null) {
    return denial('UNAUTHENTICATED', 'auth.required', fieldNode, path);
  }
  const granted = [typeScopes, fieldScopes].every((required) => !required?.length || hasScopes(required, userScopes));
  return granted ? undefined : denial('FORBIDDEN', 'auth.forbidden', fieldNode, path);
}

/** `user` is the verified JWT payload; `scope` is space-separated (OAuth2) or a list. */
export function extractScopes(user) {
  const scope = user?.scope ?? user?.scp;
  if (Array.isArray(scope)) {
    return scope.map(String);
  }
  return typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
}

// @requiresScopes(scopes: [["a", "b"], ["c"]]) means (a AND b) OR c.
function hasScopes(required, userScopes) {
  return required.some((all) => all.every((scope) => userScopes.includes(scope)));
}

function unauthenticated(key) {
  return routerError(key, {}, { code: 'UNAUTHENTICATED', http: { status: 401 } });
}

function denial(code, key, fieldNode, path) {
  return routerError(key, {}, { code }, { nodes: fieldNode ? [fieldNode] : undefined, path });
}
