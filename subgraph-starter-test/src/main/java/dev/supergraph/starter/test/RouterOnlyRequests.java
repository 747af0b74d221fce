package dev.supergraph.starter.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to a subgraph that has a router secret
 * ({@code subgraph.security.router-secret}) from outside the router, and what it must
 * answer: {@code _service} and {@code _entities} cannot be reached around the router's
 * checks, unsigned or with a stamp of another secret or another body (403
 * {@code FORBIDDEN}, nothing of the subgraph's data); a request signed as the router
 * signs it is served.
 */
public final class RouterOnlyRequests {

	private final GraphQlHttpClient unsigned;

	private final String secret;

	private final String entityType;

	private final String entities;

	private final Map<String, Object> representations;

	/**
	 * Requests for one entity of a subgraph.
	 * @param port the subgraph's port
	 * @param secret its router secret
	 * @param entityType an entity type of the subgraph, e.g. {@code Product}
	 * @param id the id of an entity of that type that the subgraph has
	 * @param selection the fields asked of the entity, e.g. {@code sku}
	 */
	public RouterOnlyRequests(int port, String secret, String entityType, String id, String selection) {
		this.unsigned = GraphQlHttpClient.forPort(port);
		this.secret = secret;
		this.entityType = entityType;
		this.entities = "query($r: [_Any!]!) { _entities(representations: $r) { ... on " + entityType + " { "
				+ selection + " } } }";
		this.representations = Map.of("r", List.of(Map.of("__typename", entityType, "id", id)));
	}

	/**
	 * Asserts that unsigned {@code _service} and {@code _entities} requests are forbidden
	 * and answer nothing of what they ask for.
	 * @param entityText text the entity's answer would hold (a value or a field name)
	 */
	public void assertUnsignedAreForbidden(String entityText) {
		Response service = this.unsigned.post("{ _service { sdl } }");
		assertForbidden(service);
		assertThat(service.body()).doesNotContain("type " + this.entityType);
		Response entity = this.unsigned.post(this.entities, this.representations, null);
		assertForbidden(entity);
		assertThat(entity.body()).doesNotContain(entityText);
	}

	/**
	 * Asserts that a request signed with another secret is forbidden, and so is a request
	 * that carries the stamp of another body.
	 */
	public void assertOtherSignaturesAreForbidden() {
		assertForbidden(this.unsigned.signedWith("guessed").post(this.entities, this.representations, null));
		byte[] signedBody = "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
		String stamp = Objects.requireNonNull(RouterSignature.withSecret(this.secret).freshness(signedBody));
		assertForbidden(this.unsigned.postRaw("application/json",
				"{\"query\":\"{ _service { sdl } }\"}".getBytes(StandardCharsets.UTF_8),
				RouterSignature.FRESHNESS_HEADER, stamp));
	}

	/**
	 * Asks for the entity signed as the router signs, and asserts that it is served.
	 * @return the entity's answer
	 */
	public JsonNode signedEntity() {
		Response response = this.unsigned.signedWith(this.secret).post(this.entities, this.representations, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data().path("_entities").get(0);
	}

	private static void assertForbidden(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(response.json().has("data")).as(response.body()).isFalse();
	}

}
