package dev.supergraph.starter.test;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real subgraph that the subgraph under test calls, started in the test JVM on first
 * use: on a free port, with its own fresh database (see {@link TestDatabaseInitializer})
 * and its seed data, closed when the JVM exits.
 * <p>
 * It shares the classpath with the subgraph under test, whose resources come first: so
 * its name, port and seed switch are command-line arguments (they beat the other's
 * {@code application.yaml}), its schema is read from its own jar or classes folder, and
 * its migrations from a location the other does not use.
 */
public final class RunningSubgraph {

	private final Class<?> application;

	private final List<String> arguments;

	private @Nullable ConfigurableApplicationContext context;

	private RunningSubgraph(Class<?> application, List<String> arguments) {
		this.application = application;
		this.arguments = arguments;
	}

	/**
	 * A subgraph to start on first use.
	 * @param application its Spring Boot application class
	 * @param name its {@code spring.application.name}, which names its database, and the
	 * prefix of its seed switch ({@code <name>.seed.enabled})
	 * @param migrations where its Flyway migrations are, e.g.
	 * {@code classpath:db/migration}
	 * @param settings further settings as command-line arguments, e.g.
	 * {@code --subgraph.security.router-secret=…}
	 * @return the subgraph, not started yet
	 */
	public static RunningSubgraph of(Class<?> application, String name, String migrations, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=" + name,
				"--" + name + ".seed.enabled=true", "--spring.flyway.locations=" + migrations,
				"--spring.graphql.schema.locations=" + schemaLocation(application),
				"--spring.datasource.hikari.minimum-idle=1"));
		arguments.addAll(List.of(settings));
		return new RunningSubgraph(application, List.copyOf(arguments));
	}

	/**
	 * The GraphQL endpoint of the subgraph, started on first use.
	 * @return the URL
	 */
	public URI url() {
		int port = ((WebServerApplicationContext) context()).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + "/graphql");
	}

	/**
	 * The application context of the subgraph, started on first use.
	 * @return the context
	 */
	public synchronized ConfigurableApplicationContext context() {
		ConfigurableApplicationContext started = this.context;
		if (started == null) {
			started = new SpringApplicationBuilder(this.application).profiles("test")
				.initializers(new TestDatabaseInitializer())
				.run(this.arguments.toArray(String[]::new));
			Runtime.getRuntime().addShutdownHook(new Thread(started::close));
			this.context = started;
		}
		return started;
	}

	private static String schemaLocation(Class<?> application) {
		URL code = application.getProtectionDomain().getCodeSource().getLocation();
		String location = code.toExternalForm();
		return location.endsWith(".jar") ? "jar:" + location + "!/graphql/" : location + "graphql/";
	}

}
