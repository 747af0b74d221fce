package dev.supergraph.alpha;

import java.util.List;

import dev.supergraph.client.ClientType;
import dev.supergraph.starter.test.SubgraphArchitecture;

/**
 * Fixture of {@code SubgraphArchitectureTests}: its own package, the starter, the client
 * and the JDK.
 */
public class UsesItselfAndTheStarter {

	List<UsesAnotherSubgraph> own = List.of();

	Class<?> starter = SubgraphArchitecture.class;

	Class<?> client = ClientType.class;

}
