package dev.supergraph.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.supergraph.client.sample.ReferenceOperations;
import dev.supergraph.client.sample.ReferenceOperations.Step;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated Java client as a client team uses it: its sample application runs every
 * trusted operation through the real router with typed variables and results, against the
 * dev router and against the production router, which takes only the trusted texts.
 */
class JavaClientIT {

	private final Supergraph supergraph = Supergraph.get();

	@Test
	void theSampleApplicationRunsEveryReferenceOperationThroughTheDevRouter() {
		List<Step> steps = run(this.supergraph.router().endpoint(), "700400");
		assertThat(operations(steps)).as(steps.toString()).isEqualTo(trustedOperations());
		assertThat(steps).as(steps.toString()).allMatch(Step::ok);
	}

	@Test
	void theProductionRouterRecognisesEveryOperationItSends() {
		List<Step> steps = run(this.supergraph.productionRouter().uri("/graphql"), "700401");
		assertThat(operations(steps)).as(steps.toString()).isEqualTo(trustedOperations());
		assertThat(steps).as(steps.toString()).allMatch(Step::ok);
	}

	private static List<Step> run(URI router, String newSubject) {
		return new ReferenceOperations(router, TestTokens.forUser("92"), TestTokens.forUser(newSubject)).run();
	}

	private static Set<String> operations(List<Step> steps) {
		return steps.stream().map(Step::operation).collect(Collectors.toCollection(TreeSet::new));
	}

	static Set<String> trustedOperations() {
		try (Stream<Path> files = Files.list(Path.of("operations"))) {
			return files.map((file) -> file.getFileName().toString().replace(".graphql", ""))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
