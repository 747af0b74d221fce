package dev.supergraph.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.supergraph.gateway.support.SubgraphRegistry;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.PrometheusMetrics;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.supergraph.gateway.ReferenceOperationsIT.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards and the Prometheus alert rules watch metrics that exist: every
 * metric name in a panel or a rule is exposed by the running supergraph (router and
 * subgraphs) after ordinary traffic, an error and an authorization denial.
 */
class MonitoringAssetsIT {

	private static final Path DASHBOARDS = Path.of("observability", "grafana", "dashboards");

	private static final Path RULES = Path.of("observability", "prometheus", "alerts.yml");

	/**
	 * PromQL's functions, aggregations and keywords: the identifiers that are no metric.
	 */
	private static final Set<String> PROMQL = Set.of("sum", "rate", "irate", "increase", "histogram_quantile", "topk",
			"bottomk", "max", "min", "avg", "count", "clamp_min", "clamp_max", "by", "without", "and", "or", "unless",
			"on", "ignoring", "offset", "bool");

	private static final Pattern LABELS = Pattern.compile("\\{[^}]*}|\\b(?:by|without|on|ignoring)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:$.])([a-zA-Z_:][\\w:]*)");

	static final Set<String> exposed = new TreeSet<>();

	@BeforeAll
	static void traffic() {
		Supergraph supergraph = Supergraph.get();
		GraphQlHttpClient router = supergraph.router();
		router.post(document("ProductPage"), Map.of("first", 5), null);
		router.post(document("UserOrders"), Map.of("userId", "5", "first", 3), TestTokens.forUser("5"));
		router.post("query Misspelled { categorie { id } }");
		// another user's email: a denial by the email rule in the users subgraph
		router.post("query OtherEmail { user(id: \"6\") { email } }", Map.of(), TestTokens.forUser("5"));
		for (String part : Stream.concat(Stream.of("router"), SubgraphRegistry.names().stream()).toList()) {
			PrometheusMetrics.scrape(supergraph.metricsUrl(part))
				.samples()
				.forEach((sample) -> exposed.add(sample.name()));
		}
	}

	@Test
	void everyMetricOfTheDashboardsIsExposed() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).toList()) {
				JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
				dashboard.findValues("expr").forEach((expr) -> used.addAll(metricsIn(expr.asString())));
			}
		}
		assertThat(used).hasSizeGreaterThan(10);
		assertThat(exposed).containsAll(used);
	}

	@Test
	void everyMetricOfTheAlertRulesIsExposed() throws IOException {
		Set<String> used = new TreeSet<>();
		Matcher expr = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$").matcher(Files.readString(RULES));
		while (expr.find()) {
			used.addAll(metricsIn(expr.group(1)));
		}
		assertThat(used).contains("router_operation_duration_seconds_count",
				"router_operation_duration_seconds_bucket");
		assertThat(exposed).containsAll(used);
	}

	/**
	 * The metric names of a PromQL expression: its identifiers less labels, functions and
	 * recorded rules.
	 */
	static Set<String> metricsIn(String promql) {
		String withoutLabels = LABELS.matcher(promql).replaceAll(" ").replaceAll("\\[[^]]*]", " ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(withoutLabels);
		while (identifier.find()) {
			String name = identifier.group(1);
			if (!PROMQL.contains(name) && !name.contains(":") && !name.matches("e\\d*")) {
				names.add(name);
			}
		}
		return names;
	}

}
