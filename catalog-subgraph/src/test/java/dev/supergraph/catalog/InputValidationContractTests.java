package dev.supergraph.catalog;

import java.util.List;

import dev.supergraph.starter.test.InputValidationCases;
import dev.supergraph.starter.test.InputValidationCases.Case;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared input validation cases of the catalog's inputs, over HTTP: the subgraph
 * refuses exactly what the generated clients refuse, with the same codes and field paths.
 * Valid cases name a category or product that does not exist, so they change nothing.
 */
@SubgraphTest
class InputValidationContractTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersTheSharedCasesWithTheirUserErrors(Case input) {
		String mutation = input.input().equals("CreateProductInput") ? "createProduct" : "updateProductPrice";
		assertThat(input.answerOf(this.port, mutation, TestTokens.forUser("901", "catalog:write")))
			.containsExactlyElementsOf(input.errors());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("missing")
	void refusesAnAbsentOrNullRequiredValueAsARequestError(Case input) {
		String mutation = input.input().equals("CreateProductInput") ? "createProduct" : "updateProductPrice";
		assertThat(input.refusalOf(this.port, mutation, TestTokens.forUser("901", "catalog:write")))
			.isEqualTo(input.expectedRefusal());
	}

	static List<Case> cases() {
		return InputValidationCases.of("CreateProductInput", "UpdateProductPriceInput");
	}

	static List<Case> missing() {
		return InputValidationCases.missing("CreateProductInput", "UpdateProductPriceInput");
	}

}
