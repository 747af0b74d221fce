package dev.supergraph.users;

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
 * The shared input validation cases of the users' inputs, over HTTP: the subgraph refuses
 * exactly what the generated clients refuse, with the same codes and field paths. The
 * caller of registerUser is registered already and the caller of updateProfile is not, so
 * valid inputs change nothing.
 */
@SubgraphTest
class InputValidationContractTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersTheSharedCasesWithTheirUserErrors(Case input) {
		String mutation = mutationOf(input);
		assertThat(input.answerOf(this.port, mutation, callerOf(mutation))).containsExactlyElementsOf(input.errors());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("missing")
	void refusesAnAbsentOrNullRequiredValueAsARequestError(Case input) {
		String mutation = mutationOf(input);
		assertThat(input.refusalOf(this.port, mutation, callerOf(mutation))).isEqualTo(input.expectedRefusal());
	}

	private static String mutationOf(Case input) {
		return input.input().equals("RegisterUserInput") ? "registerUser" : "updateProfile";
	}

	private static String callerOf(String mutation) {
		return TestTokens.forUser(mutation.equals("registerUser") ? "5" : "999999");
	}

	static List<Case> cases() {
		return InputValidationCases.of("RegisterUserInput", "UpdateProfileInput");
	}

	static List<Case> missing() {
		return InputValidationCases.missing("RegisterUserInput", "UpdateProfileInput");
	}

}
