package dev.supergraph.starter.observability;

import java.util.HashSet;
import java.util.Set;

import dev.supergraph.starter.contract.ContractFiles;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subgraphs label operations and clients as {@code contract/metric-labels.json} says;
 * the router runs the same cases ({@code contract-metric-labels.test.mjs}). Its key files
 * run against the key store in {@code KeyClientsContractTests}.
 */
class MetricLabelsContractTests {

	private static final JsonNode contract = ContractFiles.read("metric-labels.json");

	@Test
	void theHeadersAreTheContracts() {
		assertThat(OperationNames.HEADER).isEqualTo(contract.path("headers").path("operation").asString());
		assertThat(ClientNames.HEADER).isEqualTo(contract.path("headers").path("client").asString());
		assertThat(ClientNames.APOLLO_HEADER).isEqualTo(contract.path("headers").path("apolloClient").asString());
	}

	@Test
	void operationsAreLabelledInOrderUpToTheBound() {
		OperationNames names = new OperationNames(contract.path("maxNames").asInt());
		for (JsonNode operation : contract.path("operations")) {
			assertThat(names.label(text(operation, "operationName"), text(operation, "document")))
				.as(operation.toString())
				.isEqualTo(operation.path("label").asString());
		}
	}

	@Test
	void theRoutersNameForTheOperationWins() {
		OperationNames names = new OperationNames(contract.path("maxNames").asInt());
		for (JsonNode operation : contract.path("routed")) {
			assertThat(names.label(text(operation, "header"), text(operation, "operationName"),
					text(operation, "document")))
				.as(operation.toString())
				.isEqualTo(operation.path("label").asString());
		}
	}

	@Test
	void clientsAreTheApiKeysElseAPlainNameFromAHeaderThatNamesNoClientOfTheKeyFile() {
		for (JsonNode client : contract.path("clients")) {
			assertThat(choose(client)).as(client.toString()).isEqualTo(client.path("label").asString());
		}
	}

	@Test
	void clientLabelsAreBoundedInOrder() {
		ClientLabels labels = new ClientLabels(contract.path("maxClients").asInt());
		for (JsonNode client : contract.path("clientLabels")) {
			assertThat(labels.label(choose(client))).as(client.toString()).isEqualTo(client.path("label").asString());
		}
	}

	private static String choose(JsonNode client) {
		Set<String> keyClients = new HashSet<>();
		client.path("keyClients").forEach((name) -> keyClients.add(name.asString()));
		return ClientNames.choose(text(client, "apiKeyClient"), text(client, "header"), text(client, "apolloHeader"),
				keyClients);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

}
