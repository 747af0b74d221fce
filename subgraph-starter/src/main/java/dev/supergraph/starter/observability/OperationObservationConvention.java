package dev.supergraph.starter.observability;

import java.util.List;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorCodes;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.ExecutionRequestLowCardinalityKeyNames;

/**
 * Spring's {@code graphql.request} observation labelled by operation name (bounded by
 * {@link OperationNames}) and client (bounded by {@link ClientLabels}), so that its timer
 * answers "which operation of which client is slow" and its span is named after the
 * operation. Its outcome follows the documented codes of the errors: Spring's default
 * knows only its own error types, so it took every error the starter raises, an
 * {@code INTERNAL} one included, for the client's.
 */
class OperationObservationConvention extends DefaultExecutionRequestObservationConvention {

	static final String OPERATION_NAME = "graphql.operation.name";

	static final String CLIENT_NAME = "graphql.client.name";

	private static final KeyValue OUTCOME_SUCCESS = KeyValue.of(ExecutionRequestLowCardinalityKeyNames.OUTCOME,
			"SUCCESS");

	private static final KeyValue OUTCOME_REQUEST_ERROR = KeyValue.of(ExecutionRequestLowCardinalityKeyNames.OUTCOME,
			"REQUEST_ERROR");

	private static final KeyValue OUTCOME_INTERNAL_ERROR = KeyValue.of(ExecutionRequestLowCardinalityKeyNames.OUTCOME,
			"INTERNAL_ERROR");

	private final OperationNames names;

	private final ClientLabels clients;

	OperationObservationConvention(OperationNames names, ClientLabels clients) {
		this.names = names;
		this.clients = clients;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		ExecutionInput input = context.getExecutionInput();
		return super.getLowCardinalityKeyValues(context).and(OPERATION_NAME, this.names.label(input))
			.and(CLIENT_NAME, this.clients.label(input.getGraphQLContext()));
	}

	@Override
	protected KeyValue outcome(ExecutionRequestObservationContext context) {
		if (context.getError() != null || context.getExecutionResult() == null) {
			return super.outcome(context);
		}
		List<GraphQLError> errors = context.getExecutionResult().getErrors();
		if (errors.isEmpty()) {
			return OUTCOME_SUCCESS;
		}
		boolean clients = errors.stream().map(ErrorCodes::of).allMatch(ErrorCode::isClientError);
		return clients ? OUTCOME_REQUEST_ERROR : OUTCOME_INTERNAL_ERROR;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
		// the operation name is a low-cardinality key here, bounded
		return KeyValues.of(executionId(context));
	}

}
