package dev.supergraph.starter.testsubgraph;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A response of the test subgraph.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
public record TestResponse(int status, JsonNode body) {

	/**
	 * The codes of the response's errors, in order.
	 * @return the codes
	 */
	public List<String> errorCodes() {
		return this.body.path("errors")
			.valueStream()
			.map((error) -> error.path("extensions").path("code").asString())
			.toList();
	}

}
