// Decides @authenticated / @requiresScopes for Hive Gateway's generic auth plugin, with the error
// codes of the platform's documented list: no token -> UNAUTHENTICATED, missing scope -> FORBIDDEN.
// The denied field is removed from the operation and answered with null plus that error.
import { GraphQLError } from 'graphql';

export function validateUser({ user, typeAuthArgs, fieldAuthArgs, typeScopes, fieldScopes, userScopes, fieldNode, path }) {
  const requiresAuthentication = Boolean(typeAuthArgs || fieldAuthArgs || typeScopes || fieldScopes);
  if (!requiresAuthentication) {
    return undefined;
  }
  if (user == null) {
    return denial('UNAUTHENTICATED', 'Authentication is required', fieldNode, path);
  }
  const granted = [typeScopes, fieldScopes].every((required) => !required?.length || hasScopes(required, userScopes));
  return granted ? undefined : denial('FORBIDDEN', 'Not allowed', fieldNode, path);
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

function denial(code, message, fieldNode, path) {
  return new GraphQLError(message, { nodes: fieldNode ? [fieldNode] : undefined, path, extensions: { code } });
}
