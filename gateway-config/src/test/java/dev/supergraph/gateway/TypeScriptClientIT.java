package dev.supergraph.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated TypeScript client as a client team uses it: its sample application
 * ({@code clients/typescript/sample}, compiled by the client's build) runs every trusted
 * operation through the real router, by text against the dev router and by trusted
 * document id against the production router.
 */
class TypeScriptClientIT {

	private static final Path SAMPLE = Path.of("..", "clients", "typescript", "dist", "sample",
			"reference-operations.js");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Supergraph supergraph = Supergraph.get();

	@Test
	void theSampleApplicationRunsEveryReferenceOperationThroughTheDevRouter() {
		Run run = runSample(this.supergraph.router().endpoint(), "dev", "700300");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.operationsThatRan()).as(run.output()).isEqualTo(JavaClientIT.trustedOperations());
		assertThat(run.failedSteps()).as(run.output()).isEmpty();
	}

	@Test
	void inProductionModeTheClientSendsTrustedDocumentIdsTheRouterKnows() {
		URI production = this.supergraph.productionRouter().uri("/graphql");
		Run run = runSample(production, "production", "700301");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.operationsThatRan()).as(run.output()).isEqualTo(JavaClientIT.trustedOperations());
		assertThat(run.failedSteps()).as(run.output()).isEmpty();
	}

	private Run runSample(URI router, String mode, String newSubject) {
		assertThat(SAMPLE).as("built by clients/typescript/build.sh").exists();
		ProcessBuilder builder = new ProcessBuilder("node", SAMPLE.toString()).redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("SUPERGRAPH_URL", router.toString(), "SUPERGRAPH_MODE", mode, "SUPERGRAPH_TOKEN",
					TestTokens.forUser("91"), "SUPERGRAPH_NEW_TOKEN", TestTokens.forUser(newSubject)));
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the sample finished").isTrue();
			return new Run(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The sample prints one JSON line per step and a summary line. */
	private record Run(int exitCode, String output) {

		List<JsonNode> steps() {
			return this.output.lines()
				.filter((line) -> line.startsWith("{"))
				.map(json::readTree)
				.filter((step) -> step.has("operation"))
				.toList();
		}

		Set<String> operationsThatRan() {
			return steps().stream()
				.map((step) -> step.path("operation").asString())
				.collect(Collectors.toCollection(TreeSet::new));
		}

		List<JsonNode> failedSteps() {
			return steps().stream().filter((step) -> !step.path("ok").asBoolean()).toList();
		}

	}

}
