package dev.supergraph.starter.observability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.supergraph.starter.testsubgraph.TestRequest;
import dev.supergraph.starter.testsubgraph.TestResponse;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code graphql_outcome} label of {@code graphql_request_seconds} tells a client's
 * refusal ({@code REQUEST_ERROR}) from a failure of the subgraph ({@code INTERNAL_ERROR})
 * by the documented code of the response's errors, whether a resolver, a guard or an
 * instrumentation that stops the request refused it; and a timed field refused with a
 * documented code has that code as its {@code graphql_error_type}: over real HTTP to the
 * test subgraph, read from its Prometheus endpoint.
 */
class OperationOutcomeTests {

	private static final Pattern OUTCOME = Pattern.compile("graphql_outcome=\"([A-Z_]+)\"");

	private final TestSubgraph subgraph = TestSubgraph.running();

	@ParameterizedTest(name = "{0}: {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					OutcomeSuccess         | { greeting }                                                | -                 | SUCCESS
					OutcomeForbidden       | { secret }                                                  | FORBIDDEN         | REQUEST_ERROR
					OutcomeUnauthenticated | { me { subject } }                                          | UNAUTHENTICATED   | REQUEST_ERROR
					OutcomeUnstorable      | { flag(name: "a\\u0000", codedDefault: true) { onThread } } | BAD_USER_INPUT    | REQUEST_ERROR
					OutcomeInvalid         | { greeting(unknown: 1) }                                    | BAD_USER_INPUT    | REQUEST_ERROR
					OutcomeTooDeep         | { node { child { child { child { child { name } } } } } }   | QUERY_TOO_COMPLEX | REQUEST_ERROR
					OutcomeInternal        | { failure }                                                 | INTERNAL          | INTERNAL_ERROR
					""")
	void isARequestErrorForARefusalAndAnInternalErrorForAFailure(String operation, String selection, String code,
			String outcome) throws IOException, InterruptedException {
		TestRequest request = this.subgraph.request("query " + operation + " " + selection);
		if (!operation.equals("OutcomeUnauthenticated")) {
			request.bearer(this.subgraph.token(UUID.randomUUID().toString(), "other:read"));
		}
		TestResponse response = request.send();
		assertThat(response.errorCodes()).isEqualTo(code.equals("-") ? List.of() : List.of(code));
		assertThat(outcomesOf(operation)).containsExactly(outcome);
	}

	/**
	 * Resolvers are timed in a sample of requests (a tenth by default), drawn at random:
	 * refused requests are sent until one is timed, 200 at most (all unsampled: 0.9^200).
	 */
	@Test
	void aFieldRefusedWithADocumentedCodeIsTimedWithThatCodeAsItsErrorType() throws IOException, InterruptedException {
		List<String> errorTypes = List.of();
		for (int sent = 0; sent < 200 && errorTypes.isEmpty(); sent++) {
			TestRequest request = this.subgraph.request("query FieldForbidden { secret }");
			request.bearer(this.subgraph.token(UUID.randomUUID().toString(), "other:read"));
			assertThat(request.send().errorCodes()).containsExactly("FORBIDDEN");
			errorTypes = scrape().lines()
				.filter((line) -> line.startsWith("graphql_datafetcher_seconds_count{"))
				.filter((line) -> line.contains("graphql_field_name=\"Query.secret\""))
				.map(ERROR_TYPE::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.toList();
		}
		assertThat(errorTypes).containsExactly("FORBIDDEN");
	}

	private static final Pattern ERROR_TYPE = Pattern.compile("graphql_error_type=\"([A-Za-z_]+)\"");

	private String scrape() throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.subgraph.url().resolve("/actuator/prometheus")).build(),
					BodyHandlers.ofString())
			.body();
	}

	private List<String> outcomesOf(String operation) throws IOException, InterruptedException {
		return scrape().lines()
			.filter((line) -> line.startsWith("graphql_request_seconds_count{"))
			.filter((line) -> line.contains("graphql_operation_name=\"" + operation + "\""))
			.map(OUTCOME::matcher)
			.filter(Matcher::find)
			.map((matcher) -> matcher.group(1))
			.toList();
	}

}
