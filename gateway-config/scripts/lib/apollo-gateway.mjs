// The supergraph for Apollo Gateway (`@apollo/gateway`), derived from the one we ship.
//
// The composed supergraph links the authorization features with `for: SECURITY`:
//   @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
//   @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
// By the link spec, a router that cannot enforce a feature linked for SECURITY must refuse the
// supergraph, and Apollo Gateway, which enforces neither, does so with UNSUPPORTED_LINKED_FEATURE.
// The derived supergraph drops only the `for: SECURITY` purpose of those links: the directives stay
// as metadata, the gateway loads it and plans the same queries, and authorization is left to the
// subgraphs (see docs/router.md: what each router keeps of the security model).
import { Kind, parse, print, visit } from 'graphql';

export const APOLLO_GATEWAY_SUPERGRAPH = 'supergraph.apollo-gateway.graphql';

/** The `url`s of features linked `for: SECURITY` in a supergraph SDL. */
export function securityLinks(supergraphSdl) {
  const urls = [];
  visit(parse(supergraphSdl), {
    Directive(node) {
      if (isSecurityLink(node)) {
        urls.push(argument(node, 'url').value);
      }
    },
  });
  return urls;
}

/**
 * The supergraph SDL with the `for: SECURITY` argument removed from the links of the features Apollo
 * Gateway cannot enforce; nothing else changes (`@inaccessible`, which it enforces, keeps its purpose).
 */
export function apolloGatewaySupergraph(supergraphSdl) {
  const derived = visit(parse(supergraphSdl), {
    Directive(node) {
      return isSecurityLink(node) && UNENFORCED.some((feature) => argument(node, 'url').value.startsWith(feature))
        ? { ...node, arguments: node.arguments.filter((arg) => arg.name.value !== 'for') }
        : undefined;
    },
  });
  return `${HEADER}${print(derived)}\n`;
}

const HEADER = '# Derived from supergraph.graphql by `npm run compose` for Apollo Gateway, which refuses features\n'
  + '# linked for SECURITY it cannot enforce: the links of @authenticated and @requiresScopes lose `for: SECURITY`.\n'
  + '# Apollo Gateway enforces neither directive; the subgraphs still do. Do not edit.\n';

// The features linked for SECURITY that Apollo Gateway refuses with UNSUPPORTED_LINKED_FEATURE.
const UNENFORCED = ['https://specs.apollo.dev/requiresScopes/', 'https://specs.apollo.dev/authenticated/'];

function isSecurityLink(node) {
  if (node.name.value !== 'link') {
    return false;
  }
  const purpose = argument(node, 'for');
  return purpose?.kind === Kind.ENUM && purpose.value === 'SECURITY';
}

function argument(node, name) {
  return node.arguments?.find((arg) => arg.name.value === name)?.value;
}
