package dev.supergraph.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole supergraph as a client sees it: the runnable jars of the registered subgraphs
 * ({@link SubgraphRegistry}) as separate processes, each on a fresh real PostgreSQL
 * database with the seed data, and the real router (Hive Gateway, from this module's
 * pinned {@code node_modules}) in front of them. Started once per test JVM and shared by
 * the end-to-end tests.
 */
public final class Supergraph {

	private static Supergraph instance;

	private static RuntimeException startFailure;

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The router signs upstream requests with it; subgraphs refuse anything unsigned. */
	static final String ROUTER_SECRET = UUID.randomUUID().toString();

	/**
	 * The development public key: the runnable jars are the production ones and carry no
	 * key, so the subgraphs get it like the router.
	 */
	static final Path DEV_PUBLIC_KEY = Path.of("..", "subgraph-starter-dev", "src", "main", "resources", "dev-keys",
			"dev-public.pem");

	/** Requests per root field, client and minute the production router allows. */
	public static final int PRODUCTION_RATE_LIMIT = 20;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Map<String, ManagedProcess> subgraphs = new LinkedHashMap<>();

	private final ManagedProcess router;

	private ManagedProcess productionRouter;

	/** Where every part of the supergraph exports its spans. */
	private static final TraceReceiver traces = TraceReceiver.start();

	/** The key file shared by router and subgraphs, written by the real key tool. */
	private final Path apiKeyFile = ApiKeyTool.newKeyFile();

	private Supergraph() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		SubgraphRegistry.all().forEach((entry) -> ports.put(entry.name(), ManagedProcess.freePort()));
		for (SubgraphRegistry.Entry entry : SubgraphRegistry.all()) {
			List<String> calls = entry.calls()
				.entrySet()
				.stream()
				.map((call) -> "--" + call.getKey() + "=http://127.0.0.1:" + ports.get(call.getValue()) + "/graphql")
				.toList();
			this.subgraphs.put(entry.name(), subgraph(entry.name(), ports.get(entry.name()), this.apiKeyFile, calls));
		}
		this.router = routerProcess();
	}

	/**
	 * The running supergraph, started on first use.
	 * @return the supergraph
	 */
	public static synchronized Supergraph get() {
		if (startFailure != null) {
			throw new IllegalStateException("The supergraph did not start", startFailure);
		}
		if (instance == null) {
			try {
				instance = start();
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
		}
		return instance;
	}

	private static Supergraph start() {
		Supergraph supergraph = new Supergraph();
		supergraph.subgraphs.values().forEach(ManagedProcess::start);
		supergraph.subgraphs.values().forEach(ManagedProcess::awaitReady);
		supergraph.router.start();
		supergraph.router.awaitReady();
		return supergraph;
	}

	/**
	 * The spans every part of the supergraph has exported so far.
	 * @return the receiver
	 */
	public TraceReceiver traces() {
		return traces;
	}

	/**
	 * The Prometheus endpoint of a subgraph or, for {@code router}, of the router.
	 * @param name {@code router} or a registered subgraph
	 * @return its URL
	 */
	public String metricsUrl(String name) {
		return "router".equals(name) ? this.router.uri("/metrics").toString()
				: this.subgraphs.get(name).uri("/actuator/prometheus").toString();
	}

	/**
	 * An address on the router.
	 * @param path the path, e.g. {@code /ops}
	 * @return the URI
	 */
	public java.net.URI routerUri(String path) {
		return this.router.uri(path);
	}

	/** A client of the router's GraphQL endpoint. */
	public GraphQlHttpClient router() {
		return new GraphQlHttpClient(this.router.uri("/graphql"));
	}

	/**
	 * A client calling a subgraph directly, signing like the router.
	 * @param name the subgraph
	 * @return the client
	 */
	public GraphQlHttpClient subgraphClient(String name) {
		return new GraphQlHttpClient(this.subgraphs.get(name).uri("/graphql")).signedWith(ROUTER_SECRET);
	}

	/**
	 * A client calling a subgraph directly without the router's signature, as someone on
	 * the internal network would.
	 * @param name the subgraph
	 * @return the unsigned client
	 */
	public GraphQlHttpClient unsignedSubgraphClient(String name) {
		return new GraphQlHttpClient(this.subgraphs.get(name).uri("/graphql"));
	}

	/**
	 * The router's freshness stamp of a body, for tests that build raw, stale or replayed
	 * requests.
	 * @param body the exact body
	 * @param at the time to stamp
	 * @param nonce the nonce
	 * @return the {@code X-Router-Freshness} value
	 */
	public String freshnessStamp(byte[] body, Instant at, String nonce) {
		return RouterSignature.withSecret(ROUTER_SECRET).freshness(body, at, nonce);
	}

	/**
	 * A second router in production mode (trusted documents only, limits, CSRF, rate
	 * limit of {@value #PRODUCTION_RATE_LIMIT} requests per root field and client and
	 * minute) in front of the same subgraphs, started on first use.
	 * @return the running router process
	 */
	public synchronized ManagedProcess productionRouter() {
		if (this.productionRouter == null) {
			ManagedProcess process = routerProcess("router-production",
					Map.of("GATEWAY_MODE", "production", "JWT_PUBLIC_KEY_FILE", DEV_PUBLIC_KEY.toString(),
							"RATE_LIMIT_MAX", String.valueOf(PRODUCTION_RATE_LIMIT)));
			process.start();
			process.awaitReady();
			this.productionRouter = process;
		}
		return this.productionRouter;
	}

	/**
	 * Starts another replica of a subgraph beside the shared one, for tests that need
	 * several: its own process and port, on the given database (replicas of one subgraph
	 * share theirs), signed like the others. The caller stops it.
	 * @param name the subgraph
	 * @param replicaName the process name (its log file)
	 * @param databaseName the database, created on first use
	 * @param extraArguments more application arguments
	 * @return the running replica
	 */
	public ManagedProcess startReplica(String name, String replicaName, String databaseName, String... extraArguments) {
		TestDatabases.TestDatabase database = TestDatabases.forName(databaseName);
		ManagedProcess replica = subgraph(name, replicaName, ManagedProcess.freePort(), database, this.apiKeyFile,
				extraArguments);
		replica.start();
		replica.awaitReady();
		return replica;
	}

	/**
	 * Starts another production router (like {@link #productionRouter()}) with the given
	 * environment on top, e.g. other subgraph URLs or a Redis. The caller stops it.
	 * @param name the process name (its log file)
	 * @param environment variables added to or replacing the production router's
	 * @return the running router
	 */
	public ManagedProcess startProductionRouter(String name, Map<String, String> environment) {
		Map<String, String> production = new LinkedHashMap<>(
				Map.of("GATEWAY_MODE", "production", "JWT_PUBLIC_KEY_FILE", DEV_PUBLIC_KEY.toString()));
		production.putAll(environment);
		ManagedProcess router = routerProcess(name, production);
		router.start();
		router.awaitReady();
		return router;
	}

	/**
	 * Starts another dev router in front of the same subgraphs, on another supergraph
	 * file (e.g. one composed with other {@code @override} labels) and with the given
	 * environment on top (e.g. {@code FLAGS_FILE}). The caller stops it.
	 * @param name the process name (its log file)
	 * @param supergraphFile the supergraph to serve
	 * @param environment variables added to or replacing the dev router's
	 * @return the running router
	 */
	public ManagedProcess startDevRouter(String name, Path supergraphFile, Map<String, String> environment) {
		Map<String, String> dev = new LinkedHashMap<>(Map.of("GATEWAY_MODE", "dev"));
		dev.putAll(environment);
		ManagedProcess router = routerProcess(name, supergraphFile.toAbsolutePath().toString(), dev);
		router.start();
		router.awaitReady();
		return router;
	}

	/**
	 * The secret router and subgraphs share, for tests that check it never leaks.
	 * @return the secret
	 */
	public String routerSecret() {
		return ROUTER_SECRET;
	}

	/**
	 * The API key tool on the key file of router and subgraphs, for machine clients.
	 * @return the tool
	 */
	public ApiKeyTool apiKeys() {
		return new ApiKeyTool(this.apiKeyFile);
	}

	public ManagedProcess subgraph(String name) {
		return this.subgraphs.get(name);
	}

	/**
	 * The database of a subgraph, for tests that set up data the API cannot create, such
	 * as rows written before a rule existed.
	 * @param name the subgraph
	 * @return its database
	 */
	public TestDatabases.TestDatabase database(String name) {
		return TestDatabases.forName("e2e_" + name);
	}

	/**
	 * SQL round trips (statements, commits, rollbacks) of each subgraph since it started,
	 * read from its {@code subgraph.sql.statements} metric.
	 * @return the count per subgraph
	 */
	public Map<String, Integer> sqlStatements() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.subgraphs.forEach((name, process) -> counts.put(name, metric(process)));
		return counts;
	}

	/**
	 * Empties the catalog's read cache (its actuator endpoint, as an operator would), so
	 * the next reads take the database path.
	 */
	public void invalidateCatalogCache() {
		HttpRequest request = HttpRequest.newBuilder(this.subgraphs.get("catalog").uri("/actuator/catalogcache"))
			.DELETE()
			.build();
		try {
			int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 204 && status != 200) {
				throw new IllegalStateException("DELETE /actuator/catalogcache answered " + status);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * GraphQL requests a subgraph has served since it started, all operations and
	 * outcomes, read from its {@code graphql_request_seconds_count} series at
	 * {@code /actuator/prometheus}: which subgraphs a query plan asked.
	 * @param name the subgraph
	 * @return the count
	 */
	public int graphQlRequests(String name) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl(name))).build();
		try {
			String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
			return (int) text.lines()
				.filter((line) -> line.startsWith("graphql_request_seconds_count{"))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int metric(ManagedProcess process) {
		HttpRequest request = HttpRequest.newBuilder(process.uri("/actuator/metrics/subgraph.sql.statements")).build();
		try {
			String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
			JsonNode measurements = json.readTree(body).path("measurements");
			return (int) measurements.get(0).path("value").asDouble();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static ManagedProcess subgraph(String name, int port, Path apiKeyFile, List<String> extraArguments) {
		return subgraph(name, name, port, TestDatabases.forName("e2e_" + name), apiKeyFile,
				extraArguments.toArray(String[]::new));
	}

	private static ManagedProcess subgraph(String name, String processName, int port,
			TestDatabases.TestDatabase database, Path apiKeyFile, String... extraArguments) {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xss512k", "-XX:TieredStopAtLevel=1", "-jar",
				runnableJar(name).toString(), "--spring.profiles.active=dev", "--server.port=" + port,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--management.endpoints.web.exposure.include=health,metrics,prometheus,catalogcache",
				"--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
				"--management.opentelemetry.tracing.export.schedule-delay=200ms",
				"--subgraph.security.api-keys.file=" + apiKeyFile.toAbsolutePath(),
				"--subgraph.security.jwt.public-key-location=file:" + DEV_PUBLIC_KEY.toAbsolutePath()));
		command.addAll(List.of(extraArguments));
		return new ManagedProcess(processName, command, Map.of("SUBGRAPH_SECURITY_ROUTER_SECRET", ROUTER_SECRET),
				new File("."), port, "/actuator/health/readiness");
	}

	private ManagedProcess routerProcess() {
		return routerProcess("router", Map.of("GATEWAY_MODE", "dev"));
	}

	private ManagedProcess routerProcess(String name, Map<String, String> mode) {
		return routerProcess(name, "supergraph.graphql", mode);
	}

	private ManagedProcess routerProcess(String name, String supergraphFile, Map<String, String> mode) {
		int port = ManagedProcess.freePort();
		Path bin = Path.of("router", "main.mjs");
		// With a supergraph store the router's config decides where the supergraph comes
		// from.
		List<String> command = new ArrayList<>(List.of("node", bin.toString(), "supergraph"));
		if (!mode.containsKey("SUPERGRAPH_STORE")) {
			command.add(supergraphFile);
		}
		command.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(port)));
		Map<String, String> environment = new LinkedHashMap<>(Map.of("ROUTER_HMAC_SECRET", ROUTER_SECRET,
				"API_KEYS_FILE", this.apiKeyFile.toAbsolutePath().toString()));
		SubgraphRegistry.all().forEach((entry) -> environment.put(entry.urlVariable(), graphQlUrl(entry.name())));
		environment.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
		environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
		environment.putAll(mode);
		return new ManagedProcess(name, command, environment, new File("."), port, "/healthcheck");
	}

	private String graphQlUrl(String name) {
		return this.subgraphs.get(name).uri("/graphql").toString();
	}

	/**
	 * The runnable (production) jar of a subgraph, built by {@code ./mvnw package}.
	 * @param name the subgraph
	 * @return the jar
	 */
	public static Path runnableJar(String name) {
		Path target = Path.of("..", SubgraphRegistry.get(name).module(), "target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No runnable jar in " + target + ": run ./mvnw package"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
