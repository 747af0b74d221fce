package dev.supergraph.starter.observability;

import graphql.ExecutionInput;
import io.micrometer.common.KeyValues;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring's {@code graphql.request} observation labelled by operation name (bounded by
 * {@link OperationNames}) and client (bounded by {@link ClientLabels}), so that its timer
 * answers "which operation of which client is slow" and its span is named after the
 * operation.
 */
class OperationObservationConvention extends DefaultExecutionRequestObservationConvention {

	static final String OPERATION_NAME = "graphql.operation.name";

	static final String CLIENT_NAME = "graphql.client.name";

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
	public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
		// the operation name is a low-cardinality key here, bounded
		return KeyValues.of(executionId(context));
	}

}
