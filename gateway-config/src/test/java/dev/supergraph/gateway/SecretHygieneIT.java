package dev.supergraph.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;

import static dev.supergraph.gateway.support.ApiKeyTool.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never reach a log, while denials do: after valid, forged and denied requests
 * with tokens and API keys, no process log of the supergraph (router and subgraphs,
 * {@code target/e2e-logs}) contains the router secret, a token or a key, and the users
 * subgraph's audit log names the denied user and machine client.
 */
class SecretHygieneIT {

	private static final String EMAIL = "query Email($id: ID!) { user(id: $id) { id email } }";

	@Test
	void logsHoldAuditLinesButNoSecretTokenOrKey() throws IOException {
		Supergraph supergraph = Supergraph.get();
		String token = TestTokens.forUser("41", "orders:read");
		String key = supergraph.apiKeys().createAccepted(supergraph, "hygiene-check", "orders:read");
		String forgedKey = "sgk_" + key.substring(4, 16) + "_" + "F".repeat(43);
		String expired = TestTokens.expired("41");

		Response byUser = supergraph.router().post(EMAIL, Map.of("id", "42"), token);
		assertThat(byUser.firstErrorCode()).as(byUser.body()).isEqualTo("FORBIDDEN");
		Response byMachine = supergraph.router().postWithApiKey(EMAIL, Map.of("id", "42"), key);
		assertThat(byMachine.firstErrorCode()).as(byMachine.body()).isEqualTo("FORBIDDEN");
		assertThat(supergraph.router().postWithApiKey(EMAIL, Map.of("id", "42"), forgedKey).status()).isEqualTo(401);
		assertThat(supergraph.router().post(EMAIL, Map.of("id", "42"), expired).status()).isEqualTo(401);
		assertThat(supergraph.subgraphClient("users").postWithApiKey(EMAIL, Map.of("id", "42"), forgedKey).status())
			.isEqualTo(401);
		assertThat(supergraph.unsignedSubgraphClient("users").post(EMAIL, Map.of("id", "42"), token).status())
			.isEqualTo(403);

		String keyId = key.substring(4, 16);
		eventually(() -> log("users").contains("subject=apikey:" + keyId));
		assertThat(log("users")).contains("subject=41", "client=hygiene-check", "rule=");
		List<String> secrets = List.of(supergraph.routerSecret(), token, expired, key, key.substring(17), forgedKey);
		try (Stream<Path> logs = Files.list(Path.of("target", "e2e-logs"))) {
			for (Path file : logs.toList()) {
				String text = Files.readString(file);
				for (String secret : secrets) {
					assertThat(text.contains(secret)).as("%s holds a secret, token or key", file).isFalse();
				}
			}
		}
	}

	private static String log(String process) {
		try {
			return Files.readString(Path.of("target", "e2e-logs", process + ".log"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
