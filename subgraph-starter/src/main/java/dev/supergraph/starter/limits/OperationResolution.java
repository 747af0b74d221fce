package dev.supergraph.starter.limits;

import java.util.List;
import java.util.Objects;

import dev.supergraph.starter.errors.RequestRefusal;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Which operation of a document a request runs, by GraphQL's GetOperation: the one
 * {@code operationName} names, or the document's only operation when it names none; the
 * router's {@code unresolvedOperation} ({@code router/operation-resolution.mjs}) in Java.
 * graphql-java ran the first operation for an empty name, even of several, and said
 * nothing of a document without one until validation complained of its fragments.
 */
final class OperationResolution {

	private OperationResolution() {
	}

	/**
	 * Why {@code operationName} picks no operation of {@code document}.
	 * @param document the parsed document
	 * @param operationName the name the request gives, {@code null} for none; an empty
	 * name names no operation, an anonymous one neither
	 * @return the refusal, or {@code null} when it picks one
	 */
	static @Nullable RequestRefusal refusal(Document document, @Nullable String operationName) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		boolean named = operationName != null;
		if (named ? operations.stream().anyMatch((operation) -> Objects.equals(operation.getName(), operationName))
				: operations.size() == 1) {
			return null;
		}
		if (operations.isEmpty()) {
			return RequestRefusal.operationUnresolved("input.noOperation");
		}
		if (!named) {
			return RequestRefusal.operationUnresolved("input.operationNameRequired");
		}
		return RequestRefusal
			.operationUnresolved((operations.size() == 1) ? "input.operationNameMismatch" : "input.operationNotFound");
	}

}
