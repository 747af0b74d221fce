package dev.supergraph.starter.errors;

import dev.supergraph.starter.testsubgraph.RawRequest.Answer;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which operation of a document a subgraph runs, beyond the cases both sides share
 * ({@code contract/request-refusals.json}): a document already parsed and cached by its
 * text is judged again for each request's {@code operationName}, and the refusal speaks
 * the request's language. Over real HTTP against the running test subgraph.
 */
class OperationResolutionTests {

	// a document of its own, so that no other test has cached it
	private static final String DOCUMENT = "query First { greeting } query Second { greeting }";

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void judgesTheOperationNameOfACachedDocumentForEachRequest() {
		Answer first = send("\"First\"", "en");
		assertThat(first.text()).as(first.text()).isEqualTo("{\"data\":{\"greeting\":\"hello\"}}");
		// graphql-java ran the first operation for an empty name
		for (String name : new String[] { "\"first\"", "\"\"", "\"Third\"" }) {
			Answer answer = send(name, "en");
			RefusalAssert.assertRefused(answer, 400, "OPERATION_RESOLUTION_FAILURE", null);
			assertThat(RefusalAssert.message(answer))
				.isEqualTo("\"operationName\" names none of the document's operations.");
		}
		Answer unnamed = send("null", "de");
		RefusalAssert.assertRefused(unnamed, 400, "OPERATION_RESOLUTION_FAILURE", null);
		assertThat(RefusalAssert.message(unnamed)).isEqualTo(
				"Das Dokument enthält mehr als eine Operation: nennen Sie die auszuführende in \"operationName\".");
		RefusalAssert.assertServed(send("\"Second\"", "de"));
	}

	private Answer send(String operationName, String language) {
		return this.subgraph.raw()
			.header("Accept-Language", language)
			.body("{\"query\":\"" + DOCUMENT + "\",\"operationName\":" + operationName + "}")
			.send();
	}

}
