package dev.supergraph.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.gateway.support.Supergraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema each running subgraph serves at {@code _service { sdl }} is the committed
 * golden file that composition used. After a deliberate schema change, refresh the files
 * with {@code ./mvnw verify -pl gateway-config -Dsupergraph.updateSchemas=true} and then
 * {@code npm run compose} in {@code gateway-config}.
 */
class SubgraphSchemasIT {

	@ParameterizedTest
	@MethodSource("dev.supergraph.gateway.support.SubgraphRegistry#names")
	void servedSdlIsTheCommittedGoldenFile(String subgraph) throws IOException {
		String served = Supergraph.get()
			.subgraphClient(subgraph)
			.post("{ _service { sdl } }")
			.data()
			.path("_service")
			.path("sdl")
			.asString()
			.strip() + "\n";
		Path golden = Path.of("subgraphs", subgraph + ".graphql");
		if (Boolean.getBoolean("supergraph.updateSchemas")) {
			Files.writeString(golden, served);
		}
		assertThat(Files.readString(golden))
			.as("%s is stale: refresh it with -Dsupergraph.updateSchemas=true, then npm run compose", golden)
			.isEqualTo(served);
	}

}
