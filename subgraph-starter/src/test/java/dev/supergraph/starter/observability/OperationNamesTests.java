package dev.supergraph.starter.observability;

import graphql.ExecutionInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labels of requests; the labelling rules themselves are the contract's
 * ({@link MetricLabelsContractTests}).
 */
class OperationNamesTests {

	private final OperationNames names = new OperationNames(2);

	@Test
	void aRequestIsLabelledByItsOperationNameElseItsDocument() {
		assertThat(this.names.label(ExecutionInput.newExecutionInput("query ProductPage { a }").build()))
			.isEqualTo("ProductPage");
		ExecutionInput named = ExecutionInput.newExecutionInput("query A { a } query B { b }")
			.operationName("B")
			.build();
		assertThat(this.names.label(named)).isEqualTo("B");
		assertThat(this.names.label(named)).isEqualTo("B");
	}

	@Test
	void aRequestKeepsTheLabelItWasGivenBeforeExecution() {
		ExecutionInput input = ExecutionInput.newExecutionInput("query Fetch { a }").build();
		input.getGraphQLContext().put(OperationNames.class.getName(), "UserOrders");
		assertThat(this.names.label(input)).isEqualTo("UserOrders");
	}

}
