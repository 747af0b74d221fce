package dev.supergraph.client;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;

/**
 * A GraphQL operation generated from its {@code .graphql} file and validated against the
 * schema it is sent to: its text, how its variables are sent and what its root field
 * returns. The trusted operations of the supergraph are {@link TrustedOperation}s; a
 * subgraph's call to another subgraph is a plain one.
 *
 * @param <V> the record of its variables
 * @param <R> the type of its root field's result
 */
public interface GraphQlOperation<V, R> {

	String name();

	/**
	 * The operation's text, byte for byte its file.
	 * @return the document
	 */
	String document();

	/**
	 * The response key of the operation's one root field.
	 * @return the root field's name or alias
	 */
	String rootField();

	ParameterizedTypeReference<R> resultType();

	Map<String, Object> variables(V variables);

}
