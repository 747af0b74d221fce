package dev.supergraph.starter.database;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * A start that fails because the subgraph cannot connect to its database says so in a few
 * lines, what is wrong and what to check, instead of a hundred lines of nested
 * bean-creation stack traces (Flyway connects first, so that is where it fails). Taken: a
 * {@code spring.datasource.url} that is not a PostgreSQL JDBC URL (a {@code postgres://}
 * URL as hosting providers print them), and connection, authentication, unknown-database,
 * no-more-connections or other lacking resources, and shutting-down answers (SQL states
 * {@code 08}, {@code 28}, {@code 3D000}, {@code 53}, {@code 57P01} to {@code 57P03}); any
 * other failure keeps Spring Boot's report.
 */
class DatabaseConnectionFailureAnalyzer implements FailureAnalyzer {

	private static final String URL = "spring.datasource.url";

	private static final String URL_SHAPE = "jdbc:postgresql://<host>:<port>/<database>";

	private static final String CHECK_URL = "Check " + URL + " (SPRING_DATASOURCE_URL): its host and port, and "
			+ "that PostgreSQL is running there and accepts connections from this host.";

	private static final String CHECK_CREDENTIALS = "Check spring.datasource.username and spring.datasource.password "
			+ "(SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD), and that the server's pg_hba.conf lets that "
			+ "user in from this host.";

	private static final String CREATE_DATABASE = "Create the database, or correct its name in " + URL
			+ " (SPRING_DATASOURCE_URL).";

	private static final String FIT_CONNECTIONS = "PostgreSQL allows no more connections (its max_connections, or a "
			+ "CONNECTION LIMIT of the role or the database). Check what holds them (pg_stat_activity), and that the "
			+ "pools of all replicas fit the subgraph's share of them: at most "
			+ "spring.datasource.hikari.maximum-pool-size connections per replica, more replicas during a rollout "
			+ "(docs/deployment.md, Connection pools).";

	private static final String SEE_SERVER_LOG = "PostgreSQL lacks a resource (disk, memory or a configured limit): "
			+ "see the server's log.";

	private static final String START_AGAIN_LATER = "PostgreSQL is starting up, shutting down or restarting: start "
			+ "the subgraph again once it accepts connections (an orchestrator's restart does).";

	/**
	 * Administrator and crash shutdown, and "cannot connect now" (starting up, shutting
	 * down, in recovery): the server's state, not the subgraph's settings.
	 */
	private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

	private final Environment environment;

	DatabaseConnectionFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		String url = this.environment.getProperty(URL, "");
		if (!url.isBlank() && !url.startsWith("jdbc:postgresql:") && dataSourceFailed(failure)) {
			return new FailureAnalysis(URL + " is not a PostgreSQL JDBC URL: " + shown(url),
					"Set it as " + URL_SHAPE + " (SPRING_DATASOURCE_URL), the user and password apart "
							+ "(SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD).",
					failure);
		}
		SQLException cause = cause(failure, SQLException.class);
		String action = (cause != null) ? action(String.valueOf(cause.getSQLState())) : null;
		if (cause == null || action == null) {
			return null;
		}
		String at = url.isBlank() ? "(" + URL + " is not set)" : shown(url);
		return new FailureAnalysis("The subgraph cannot connect to its database " + at + ":\n\n" + cause.getMessage(),
				action, cause);
	}

	private static @Nullable String action(String state) {
		if (state.length() != 5) {
			return null;
		}
		return switch (state.substring(0, 2)) {
			case "08" -> CHECK_URL;
			case "28" -> CHECK_CREDENTIALS;
			case "3D" -> state.equals("3D000") ? CREATE_DATABASE : null;
			case "53" -> state.equals("53300") ? FIT_CONNECTIONS : SEE_SERVER_LOG;
			case "57" -> SHUTTING_DOWN.contains(state) ? START_AGAIN_LATER : null;
			default -> null;
		};
	}

	private static boolean dataSourceFailed(Throwable failure) {
		BeanCreationException creation = cause(failure, BeanCreationException.class,
				(each) -> "dataSource".equals(each.getBeanName()));
		return creation != null;
	}

	private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
		return cause(failure, type, (each) -> true);
	}

	private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type, Predicate<T> matches) {
		for (Throwable each = failure; each != null; each = each.getCause()) {
			if (type.isInstance(each) && matches.test(type.cast(each))) {
				return type.cast(each);
			}
		}
		return null;
	}

	/**
	 * The URL without what may carry a password: its query string and the user
	 * information of a {@code postgres://user:password@host} URL.
	 */
	private static String shown(String url) {
		int query = url.indexOf('?');
		String shown = (query >= 0) ? url.substring(0, query) : url;
		int authority = shown.indexOf("//");
		int at = shown.lastIndexOf('@');
		return (authority >= 0 && at > authority) ? shown.substring(0, authority + 2) + shown.substring(at + 1) : shown;
	}

}
