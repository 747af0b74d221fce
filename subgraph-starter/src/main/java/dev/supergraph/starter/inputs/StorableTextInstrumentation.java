package dev.supergraph.starter.inputs;

import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * The one place where every subgraph refuses string inputs that are not
 * {@link StorableText storable text}, whichever argument, input field, list element or
 * {@code _entities} representation carries them and whether they come as a literal or a
 * variable: the whole operation is refused with {@code BAD_USER_INPUT} before any
 * resolver runs, so nothing reaches the database.
 */
public class StorableTextInstrumentation extends SimplePerformantInstrumentation {

	private final ErrorMessages messages;

	public StorableTextInstrumentation(ErrorMessages messages) {
		this.messages = messages;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		ArgumentTexts.Found found = ArgumentTexts.find(execution.getOperationDefinition(),
				execution.getFragmentsByName(), execution.getCoercedVariables().toMap());
		if (found == null) {
			return null;
		}
		Locale locale = (execution.getLocale() != null) ? execution.getLocale() : Locale.ENGLISH;
		String message = this.messages.get(ErrorCode.BAD_USER_INPUT, "input.unstorableText",
				new Object[] { String.join(".", found.field()) }, locale);
		SourceLocation location = found.argument().getSourceLocation();
		throw new UnstorableTextException(message, found.field(), (location != null) ? List.of(location) : List.of());
	}

}
