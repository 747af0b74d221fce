package dev.supergraph.starter.federation;

import java.util.List;

/**
 * Why a representation is refused: a bundle message and the path of the offending value
 * inside the representation.
 *
 * @param messageKey the key of the message in {@code subgraph-errors.properties}
 * @param field the path inside the representation, empty for the whole of it
 */
record RepresentationProblem(String messageKey, List<String> field) {

	static RepresentationProblem of(String messageKey, String... field) {
		return new RepresentationProblem(messageKey, List.of(field));
	}

}
