package dev.supergraph.client;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A trusted operation of the supergraph, generated from
 * {@code gateway-config/operations}: its text, its manifest id, how its variables are
 * sent and what its root field returns.
 *
 * @param <V> the record of its variables
 * @param <R> the type of its root field's result
 */
public interface TrustedOperation<V, R> {

	String name();

	/**
	 * The operation's text, byte for byte the trusted document the production router
	 * holds.
	 * @return the document
	 */
	String document();

	/**
	 * The id of the document in the router's manifest (sha256 of its text).
	 * @return the id
	 */
	String documentId();

	/**
	 * The response key of the operation's one root field.
	 * @return the root field's name or alias
	 */
	String rootField();

	ParameterizedTypeReference<R> resultType();

	Map<String, Object> variables(V variables);

}
