package dev.supergraph.client;

/**
 * A trusted operation of the supergraph, generated from the operations of the Java client
 * package in {@code clients/clients.json}: a {@link GraphQlOperation} that the production
 * router holds in its manifest.
 *
 * @param <V> the record of its variables
 * @param <R> the type of its root field's result
 */
public interface TrustedOperation<V, R> extends GraphQlOperation<V, R> {

	/**
	 * The id of the document in the router's manifest (sha256 of its text).
	 * @return the id
	 */
	String documentId();

}
