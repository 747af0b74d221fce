package dev.supergraph.starter.security;

import java.util.Set;

/**
 * A machine client identified by a valid API key.
 *
 * @param keyId the key's public id (the part after {@code sgk_})
 * @param client the client's name, for the audit log
 * @param scopes the scopes granted to the key
 */
record ApiKeyClient(String keyId, String client, Set<String> scopes) {

	ApiKeyClient {
		scopes = Set.copyOf(scopes);
	}

}
