package dev.supergraph.beta;

/** Fixture of {@code SubgraphArchitectureTests}: a class of another subgraph. */
public class BetaType {

}
