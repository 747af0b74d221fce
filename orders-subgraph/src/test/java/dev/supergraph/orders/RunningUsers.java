package dev.supergraph.orders;

import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.RunningSubgraph;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.users.UsersApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real users subgraph for the placeOrder tests, which ask it whether the buyer is
 * registered: with its seed users (ids 1 to 500), started once per JVM on first use (see
 * {@link RunningSubgraph}).
 */
final class RunningUsers {

	private static final RunningSubgraph users = RunningSubgraph.of(UsersApplication.class, "users",
			"classpath:db/users");

	private RunningUsers() {
	}

	/**
	 * The GraphQL endpoint of the running users subgraph, started on first use.
	 * @return the URL
	 */
	static String url() {
		return users.url().toString();
	}

	/**
	 * Register a user, as the user themself does before ordering.
	 * @param userId the user's id
	 */
	static void register(String userId) {
		GraphQlHttpClient client = new GraphQlHttpClient(users.url());
		GraphQlHttpClient.Response response = client.post(
				"mutation($input: RegisterUserInput!) { registerUser(input: $input) { userErrors { code } } }",
				Map.of("input", Map.of("name", "Buyer " + userId, "email", "buyer" + userId + "@example.com")),
				TestTokens.forUser(userId));
		assertThat(response.data().path("registerUser").path("userErrors").findValuesAsString("code"))
			.as(response.body())
			.isSubsetOf("ALREADY_REGISTERED");
	}

}
