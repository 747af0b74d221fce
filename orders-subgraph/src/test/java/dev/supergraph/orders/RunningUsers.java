package dev.supergraph.orders;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.TestDatabaseInitializer;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.users.UsersApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real users subgraph for the placeOrder tests, which ask it whether the buyer is
 * registered: started once per JVM on a free port with its own fresh database and its
 * seed users (ids 1 to 500), closed when the JVM exits. Like {@link RunningCatalog}, its
 * name, port, seed switch, schema and migrations are arguments, because the orders
 * subgraph's resources come first on the shared classpath.
 */
final class RunningUsers {

	private static ConfigurableApplicationContext users;

	private RunningUsers() {
	}

	/**
	 * The GraphQL endpoint of the running users subgraph, started on first use.
	 * @return the URL
	 */
	static synchronized String url() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context()).getWebServer().getPort() + "/graphql";
	}

	/**
	 * Register a user, as the user themself does before ordering.
	 * @param userId the user's id
	 */
	static void register(String userId) {
		GraphQlHttpClient client = new GraphQlHttpClient(URI.create(url()));
		GraphQlHttpClient.Response response = client.post(
				"mutation($input: RegisterUserInput!) { registerUser(input: $input) { userErrors { code } } }",
				Map.of("input", Map.of("name", "Buyer " + userId, "email", "buyer" + userId + "@example.com")),
				TestTokens.forUser(userId));
		assertThat(response.data().path("registerUser").path("userErrors").findValuesAsString("code"))
			.as(response.body())
			.isSubsetOf("ALREADY_REGISTERED");
	}

	private static synchronized ConfigurableApplicationContext context() {
		if (users == null) {
			users = new SpringApplicationBuilder(UsersApplication.class).profiles("test")
				.initializers(new TestDatabaseInitializer())
				.run("--server.port=0", "--spring.application.name=users", "--users.seed.enabled=true",
						"--spring.flyway.locations=classpath:db/users",
						"--spring.graphql.schema.locations=" + schemaLocation(),
						"--spring.datasource.hikari.minimum-idle=1");
			Runtime.getRuntime().addShutdownHook(new Thread(users::close));
		}
		return users;
	}

	private static String schemaLocation() {
		URL code = UsersApplication.class.getProtectionDomain().getCodeSource().getLocation();
		String location = code.toExternalForm();
		return location.endsWith(".jar") ? "jar:" + location + "!/graphql/" : location + "graphql/";
	}

}
