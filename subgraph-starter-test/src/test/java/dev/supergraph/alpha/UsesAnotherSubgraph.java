package dev.supergraph.alpha;

import dev.supergraph.beta.BetaType;

/**
 * Fixture of {@code SubgraphArchitectureTests}: a subgraph class that uses another
 * subgraph.
 */
public class UsesAnotherSubgraph {

	BetaType other = new BetaType();

}
