package dev.supergraph.client;

/** Fixture of {@code SubgraphArchitectureTests}: a class of the generated client. */
public class ClientType {

}
