package dev.supergraph.starter.limits;

import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * Refuses operations with too many aliases, root fields or directives on one selection
 * with {@code QUERY_TOO_COMPLEX}. It runs before validation, so a hostile document (a
 * field with hundreds of {@code @include}) never reaches the validation rules, and only
 * for documents that are not cached yet: an accepted document is measured once.
 */
class OperationShapeInstrumentation extends SimplePerformantInstrumentation {

	private final LimitsProperties limits;

	private final ErrorMessages messages;

	OperationShapeInstrumentation(LimitsProperties limits, ErrorMessages messages) {
		this.limits = limits;
		this.messages = messages;
	}

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		OperationShape shape = OperationShapes.largest(parameters.getDocument());
		Locale locale = Locales.of(parameters.getExecutionInput().getLocale());
		check(shape.aliases(), this.limits.maxAliases(), "limits.aliases", locale);
		check(shape.rootFields(), this.limits.maxRootFields(), "limits.rootFields", locale);
		check(shape.directives(), this.limits.maxDirectivesPerField(), "limits.directives", locale);
		return null;
	}

	private void check(long count, int max, String messageKey, Locale locale) {
		if (count > max) {
			throw new QueryTooComplexException(this.messages, locale, messageKey, count, max);
		}
	}

}
