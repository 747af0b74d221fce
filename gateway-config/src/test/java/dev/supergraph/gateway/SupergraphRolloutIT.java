package dev.supergraph.gateway;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.supergraph.gateway.support.ManagedProcess;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production router serving from a supergraph store in front of the real subgraphs:
 * while four loops send a trusted operation, {@code supergraph:promote} of the next
 * release's supergraph and {@code supergraph:rollback} swap the version every response
 * names exactly once, with no failed request; a version that does not validate is refused
 * and the router keeps serving the one before.
 */
class SupergraphRolloutIT {

	private static final int LOOPS = 4;

	private static final int MAX_REQUESTS_PER_LOOP = 1500;

	/** Hive Gateway polls at least every 10 s, on the next request. */
	private static final Duration SWAP_BOUND = Duration.ofSeconds(40);

	/** What the command line of the next release's checkout reads and writes. */
	private static final List<String> RELEASE_FILES = List.of("package.json", "scripts", "router", "subgraphs",
			"subgraphs.json", "supergraph.yaml", "trusted-documents.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path directory;

	@Test
	void promoteAndRollbackUnderLoadSwitchExactlyOnceEachAndAnInvalidVersionIsRefused() throws Exception {
		Path store = this.directory.resolve("store");
		Path nextRelease = nextRelease(this.directory.resolve("next-release"));
		assertThat(storeCommand(Path.of(""), "promote", store)).contains("promoted version 1");
		ManagedProcess router = Supergraph.get()
			.startProductionRouter("router-store",
					Map.of("SUPERGRAPH_STORE", store.toString(), "RATE_LIMIT_MAX", "1000000"));
		try {
			warmUp(router);
			Load load = new Load(router);
			load.awaitAll("1", 0);
			String promoted = storeCommand(nextRelease, "promote", store);
			long promotedAt = System.nanoTime();
			load.awaitAll("2", promotedAt);
			String rolledBack = storeCommand(Path.of(""), "rollback", store);
			long rolledBackAt = System.nanoTime();
			load.awaitAll("1", rolledBackAt);
			List<List<Answer>> answers = load.stop();

			assertThat(promoted).contains("promoted version 2 (was 1)");
			assertThat(rolledBack).contains("rolled back to version 1 (was 2)");
			for (List<Answer> loop : answers) {
				assertThat(loop).allSatisfy((answer) -> assertThat(answer.ok()).as(answer.failure()).isTrue());
				assertThat(runs(loop)).as("versions in order").containsExactly("1", "2", "1");
				Answer firstNew = loop.stream()
					.filter((answer) -> "2".equals(answer.version()))
					.findFirst()
					.orElseThrow();
				assertThat(firstNew.receivedAt()).as("version 2 only after promote returned").isGreaterThan(promotedAt);
				Answer firstBack = loop.stream()
					.filter((answer) -> "1".equals(answer.version()) && answer.receivedAt() > firstNew.receivedAt())
					.findFirst()
					.orElseThrow();
				assertThat(firstBack.receivedAt()).as("version 1 only after rollback returned")
					.isGreaterThan(rolledBackAt);
			}

			writeInvalidVersion(store);
			Load invalid = new Load(router);
			awaitMetric(router, "router_supergraph_pointer_refused 1");
			List<Answer> during = invalid.stop().stream().flatMap(List::stream).toList();
			assertThat(during).isNotEmpty().allSatisfy((answer) -> {
				assertThat(answer.ok()).as(answer.failure()).isTrue();
				assertThat(answer.version()).isEqualTo("1");
			});
			assertThat(metrics(router)).contains("router_supergraph_refused_total{reason=\"invalid\"} 1")
				.contains("router_supergraph_version{version=\"1\"} 1");
		}
		finally {
			router.stop();
		}
	}

	/**
	 * Cold subgraphs on a busy machine can exceed the router's timeouts on their first
	 * requests; the load starts once the operation is answered.
	 */
	private static void warmUp(ManagedProcess router) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		HttpRequest request = Load.request(router);
		while (!Load.send(request).ok()) {
			assertThat(System.nanoTime()).as("the router answers ProductPage").isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	/** A truncated version 3 written by hand, and a valid pointer naming it. */
	private static void writeInvalidVersion(Path store) throws IOException {
		String text = Files.readString(store.resolve("supergraph-1.graphql"));
		Files.writeString(store.resolve("supergraph-3.graphql"), text.substring(0, text.length() / 3));
		Path temporary = store.resolve(".current.by-hand.tmp");
		Files.writeString(temporary, "{\"version\":3,\"previous\":[1]}\n");
		Files.move(temporary, store.resolve("current"), StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The checkout of the next release in {@code root}: a copy of gateway-config whose
	 * catalog schema differs in a description, composed by {@code npm run compose}'s
	 * script, so that its promotion is another supergraph (promoting the current one
	 * again changes nothing).
	 */
	private static Path nextRelease(Path root) throws Exception {
		Path gateway = root.resolve("gateway-config");
		for (String entry : RELEASE_FILES) {
			copy(Path.of(entry), gateway.resolve(entry));
		}
		Files.createSymbolicLink(gateway.resolve("node_modules"), Path.of("node_modules").toAbsolutePath());
		Files.createDirectories(root.resolve("deploy").resolve("base"));
		// composition checks each progressive @override flag label against the flags file
		copy(Path.of("..", "flags"), root.resolve("flags"));
		Path catalog = gateway.resolve("subgraphs").resolve("catalog.graphql");
		String schema = Files.readString(catalog);
		assertThat(schema).contains("\"A product for sale.");
		Files.writeString(catalog, schema.replace("\"A product for sale.", "\"A product for sale, described anew."));
		node(gateway, "scripts/compose.mjs");
		return gateway;
	}

	private static void copy(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path copied = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copied);
				}
				else {
					Files.createDirectories(copied.getParent());
					Files.copy(path, copied);
				}
			}
		}
	}

	/**
	 * {@code supergraph-store.mjs} of the checkout in {@code gateway} (this one: the
	 * empty path).
	 */
	private static String storeCommand(Path gateway, String command, Path store) throws Exception {
		return node(gateway, "scripts/supergraph-store.mjs", command, "--store", store.toAbsolutePath().toString());
	}

	private static String node(Path directory, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("node"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command)
			.directory(directory.toString().isEmpty() ? null : directory.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static void awaitMetric(ManagedProcess router, String line) throws Exception {
		long deadline = System.nanoTime() + SWAP_BOUND.toNanos();
		while (!metrics(router).lines().anyMatch(line::equals)) {
			assertThat(System.nanoTime()).as("%s within %s", line, SWAP_BOUND).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private static String metrics(ManagedProcess router) throws Exception {
		// a production router serves its metrics to the operator's scope only
		HttpRequest request = HttpRequest.newBuilder(router.uri("/metrics"))
			.header("Authorization", "Bearer " + TestTokens.forUser("rollout-ops", "ops:read"))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	private static List<String> runs(List<Answer> answers) {
		List<String> runs = new ArrayList<>();
		for (Answer answer : answers) {
			if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(answer.version())) {
				runs.add(answer.version());
			}
		}
		return runs;
	}

	private record Answer(boolean ok, String version, long receivedAt, String failure) {
	}

	/** Loops sending the trusted ProductPage one request after another, until stopped. */
	private static final class Load {

		private final List<List<Answer>> answers = new ArrayList<>();

		private final List<Thread> threads = new ArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		Load(ManagedProcess router) {
			HttpRequest request = request(router);
			for (int i = 0; i < LOOPS; i++) {
				List<Answer> loop = new CopyOnWriteArrayList<>();
				this.answers.add(loop);
				Thread thread = new Thread(() -> {
					while (this.running.get() && loop.size() < MAX_REQUESTS_PER_LOOP) {
						loop.add(send(request));
						pause();
					}
				});
				thread.start();
				this.threads.add(thread);
			}
		}

		void awaitAll(String version, long since) throws InterruptedException {
			long deadline = System.nanoTime() + SWAP_BOUND.toNanos();
			Predicate<Answer> seen = (answer) -> version.equals(answer.version()) && answer.receivedAt() > since;
			while (!this.answers.stream().allMatch((loop) -> loop.stream().filter(seen).count() >= 3)) {
				assertThat(System.nanoTime()).as("every loop sees version %s within %s", version, SWAP_BOUND)
					.isLessThan(deadline);
				Thread.sleep(100);
			}
		}

		List<List<Answer>> stop() throws InterruptedException {
			this.running.set(false);
			for (Thread thread : this.threads) {
				thread.join();
			}
			return this.answers;
		}

		static HttpRequest request(ManagedProcess router) {
			byte[] body = json.writeValueAsBytes(Map.of("documentId",
					ProductionRouterAdversarialIT.documentId("ProductPage"), "variables", Map.of("first", 5)));
			return HttpRequest.newBuilder(router.uri("/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
		}

		static Answer send(HttpRequest request) {
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				long receivedAt = System.nanoTime();
				JsonNode body = json.readTree(response.body());
				boolean ok = response.statusCode() == 200 && !body.has("errors")
						&& body.path("data").path("products").path("edges").size() == 5;
				String version = response.headers().firstValue("x-supergraph-version").orElse("none");
				return new Answer(ok, version, receivedAt, response.statusCode() + " " + response.body());
			}
			catch (IOException | InterruptedException ex) {
				return new Answer(false, "none", System.nanoTime(), ex.toString());
			}
		}

		private static void pause() {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
