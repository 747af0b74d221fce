package dev.supergraph.starter.limits;

import java.util.List;

import dev.supergraph.starter.errors.RefusedOperationException;
import dev.supergraph.starter.errors.RequestRefusal;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a request whose operation cannot be picked ({@link OperationResolution}) as the
 * router does: right after its document is parsed, before validation. A document taken
 * from the {@link DocumentCache}, which keeps it by its text whatever
 * {@code operationName} a request gives, is judged there. The refusal ends the request
 * with 400 ({@link RefusedOperationException}).
 */
final class OperationResolutionInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		check(parameters.getDocument(), parameters.getExecutionInput().getOperationName());
		return null;
	}

	/**
	 * Throws the refusal of a request whose {@code operationName} picks no operation of
	 * the document.
	 */
	static void check(Document document, @Nullable String operationName) {
		RequestRefusal refusal = OperationResolution.refusal(document, operationName);
		if (refusal != null) {
			throw new RefusedOperationException(refusal);
		}
	}

}
