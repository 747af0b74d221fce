package dev.supergraph.starter.testsubgraph;

import java.net.http.HttpHeaders;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A response of the test subgraph.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param headers the response headers
 */
public record TestResponse(int status, JsonNode body, HttpHeaders headers) {

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
