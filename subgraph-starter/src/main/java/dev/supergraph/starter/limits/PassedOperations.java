package dev.supergraph.starter.limits;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.supergraph.starter.caching.RequestPathCaches;
import com.github.benmanes.caffeine.cache.Cache;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;

/**
 * The operations a limit has let through, remembered by parsed document, so that a
 * repeated operation is not walked again on every request. Only where no variable can
 * change the verdict: a document in which {@code @skip} or {@code @include}, or one of
 * the arguments the limit reads, takes a variable is checked on every request.
 * <p>
 * The document cache hands out the same parsed {@link Document} for the same text, so
 * documents are keyed by identity; weak keys let an evicted document go.
 */
final class PassedOperations {

	private final Function<GraphQLSchema, Set<String>> argumentsRead;

	private final Cache<Document, Verdicts> verdicts;

	/**
	 * @param argumentsRead the names of the field arguments whose values the limit reads,
	 * in a schema
	 * @param maximumSize how many documents to remember at most
	 */
	PassedOperations(Function<GraphQLSchema, Set<String>> argumentsRead, int maximumSize) {
		this.argumentsRead = argumentsRead;
		this.verdicts = RequestPathCaches.newBuilder().weakKeys().maximumSize(maximumSize).build();
	}

	/**
	 * Runs the limit's check unless this execution's operation passed it before, and
	 * remembers a pass that holds for any variables.
	 * @param context the execution
	 * @param check the limit's check, throwing when the operation is over the limit
	 * @return what the check returned, or a no-op for an operation that passed before
	 */
	InstrumentationContext<ExecutionResult> checkOnce(ExecutionContext context,
			Supplier<InstrumentationContext<ExecutionResult>> check) {
		Verdicts known = this.verdicts.getIfPresent(context.getDocument());
		if (known != null && known.passed().contains(context.getOperationDefinition())) {
			return SimpleInstrumentationContext.noOp();
		}
		InstrumentationContext<ExecutionResult> checked = check.get();
		Set<String> argumentsRead = this.argumentsRead.apply(context.getGraphQLSchema());
		Verdicts verdicts = (known != null) ? known : this.verdicts.get(context.getDocument(),
				(document) -> new Verdicts(!readsVariables(document, argumentsRead), ConcurrentHashMap.newKeySet()));
		if (verdicts.variableFree()) {
			verdicts.passed().add(context.getOperationDefinition());
		}
		return checked;
	}

	private static boolean readsVariables(Node<?> node, Set<String> argumentsRead) {
		if (node instanceof Directive directive
				&& (directive.getName().equals("skip") || directive.getName().equals("include"))
				&& containsVariable(directive)) {
			return true;
		}
		if (node instanceof Argument argument && argumentsRead.contains(argument.getName())
				&& containsVariable(argument)) {
			return true;
		}
		for (Node<?> child : node.getChildren()) {
			if (readsVariables(child, argumentsRead)) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsVariable(Node<?> node) {
		if (node instanceof VariableReference) {
			return true;
		}
		if (node instanceof Argument || node instanceof Directive || node instanceof ArrayValue
				|| node instanceof ObjectValue || node instanceof ObjectField) {
			for (Node<?> child : node.getChildren()) {
				if (containsVariable(child)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * What is known of one document.
	 *
	 * @param variableFree no variable can change the limit's verdict
	 * @param passed the operations that passed, by identity
	 */
	private record Verdicts(boolean variableFree, Set<OperationDefinition> passed) {
	}

}
