package dev.supergraph.orders;

import java.util.List;

import dev.supergraph.starter.test.InputValidationCases;
import dev.supergraph.starter.test.InputValidationCases.Case;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared input validation cases of the orders' inputs, over HTTP against real catalog
 * and users subgraphs: the subgraph refuses exactly what the generated clients refuse,
 * with the same codes and field paths. Valid cases name products and orders that do not
 * exist, so they change nothing.
 */
@SubgraphTest
class InputValidationContractTests {

	@DynamicPropertySource
	static void catalogAndUsers(DynamicPropertyRegistry registry) {
		registry.add("orders.catalog.url", RunningCatalog::url);
		registry.add("orders.users.url", RunningUsers::url);
	}

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersTheSharedCasesWithTheirUserErrors(Case input) {
		String mutation = input.input().equals("PlaceOrderInput") ? "placeOrder" : "cancelOrder";
		assertThat(input.answerOf(this.port, mutation, TestTokens.forUser("10001")))
			.containsExactlyElementsOf(input.errors());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("missing")
	void refusesAnAbsentOrNullRequiredValueAsARequestError(Case input) {
		String mutation = input.input().equals("PlaceOrderInput") ? "placeOrder" : "cancelOrder";
		assertThat(input.refusalOf(this.port, mutation, TestTokens.forUser("10001")))
			.isEqualTo(input.expectedRefusal());
	}

	static List<Case> cases() {
		return InputValidationCases.of("PlaceOrderInput", "CancelOrderInput");
	}

	static List<Case> missing() {
		return InputValidationCases.missing("PlaceOrderInput", "CancelOrderInput");
	}

}
