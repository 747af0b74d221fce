package dev.supergraph.orders;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import dev.supergraph.catalog.CatalogApplication;
import dev.supergraph.starter.test.TestDatabaseInitializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real catalog subgraph for the placeOrder tests, started once per JVM on a free port
 * with its own fresh database and its seed catalog, closed when the JVM exits.
 * <p>
 * It shares the classpath with the orders subgraph, whose resources come first: so its
 * name, port and seed switch are command-line arguments (they beat the orders'
 * {@code application.yaml}), its schema is read from its own jar, and its migrations from
 * the default location (the orders' live elsewhere for this reason).
 */
final class RunningCatalog {

	private static ConfigurableApplicationContext catalog;

	private static ConfigurableApplicationContext rateLimitedCatalog;

	private RunningCatalog() {
	}

	/**
	 * The GraphQL endpoint of the running catalog, started on first use.
	 * @return the URL
	 */
	static synchronized String url() {
		return urlOf(context());
	}

	static synchronized ConfigurableApplicationContext context() {
		if (catalog == null) {
			catalog = start();
		}
		return catalog;
	}

	/**
	 * The GraphQL endpoint of a second catalog, started on first use, whose rate limit
	 * gives each client one request a minute: the second request of a client within a
	 * minute is refused with HTTP 429.
	 * @return the URL
	 */
	static synchronized String rateLimitedUrl() {
		if (rateLimitedCatalog == null) {
			rateLimitedCatalog = start("--subgraph.rate-limit.requests-per-minute=1");
		}
		return urlOf(rateLimitedCatalog);
	}

	private static ConfigurableApplicationContext start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=catalog",
				"--catalog.seed.enabled=true", "--spring.flyway.locations=classpath:db/migration",
				"--spring.graphql.schema.locations=" + schemaLocation(), "--spring.datasource.hikari.minimum-idle=1"));
		arguments.addAll(List.of(settings));
		ConfigurableApplicationContext started = new SpringApplicationBuilder(CatalogApplication.class).profiles("test")
			.initializers(new TestDatabaseInitializer())
			.run(arguments.toArray(String[]::new));
		Runtime.getRuntime().addShutdownHook(new Thread(started::close));
		return started;
	}

	private static String urlOf(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/graphql";
	}

	private static String schemaLocation() {
		URL code = CatalogApplication.class.getProtectionDomain().getCodeSource().getLocation();
		String location = code.toExternalForm();
		return location.endsWith(".jar") ? "jar:" + location + "!/graphql/" : location + "graphql/";
	}

}
