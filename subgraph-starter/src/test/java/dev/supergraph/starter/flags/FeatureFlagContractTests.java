package dev.supergraph.starter.flags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.security.Viewer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The feature flag contract ({@code contract/feature-flag-cases.json}) through
 * OpenFeature against the subgraphs' file provider; the router's provider runs the same
 * cases ({@code contract-feature-flags.test.mjs}).
 */
class FeatureFlagContractTests {

	private static final JsonNode contract = ContractFiles.read("feature-flag-cases.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final OpenFeatureAPI api = new ContextOpenFeatureApi();

	@TempDir
	static Path directory;

	@BeforeAll
	static void flagsFile() throws IOException {
		Path file = directory.resolve("flags.json");
		Files.writeString(file, json.writeValueAsString(contract.path("flags")));
		api.setProviderAndWait(
				new FileFlagProvider(new FlagsFile(file, new SimpleMeterRegistry()), Duration.ofSeconds(1)));
	}

	@AfterAll
	static void shutdown() {
		api.shutdown();
	}

	static Stream<Named<JsonNode>> cases() {
		return named(contract.path("cases"));
	}

	static Stream<Named<JsonNode>> buckets() {
		return contract.path("buckets")
			.valueStream()
			.map((each) -> Named.of(each.path("flag").asString() + " " + each.path("userId").asString(), each));
	}

	static Stream<Named<JsonNode>> bucketSequences() {
		return contract.path("bucketSequences")
			.valueStream()
			.map((each) -> Named.of(each.path("flag").asString(), each));
	}

	static Stream<Named<JsonNode>> valid() {
		return named(contract.path("valid"));
	}

	static Stream<Named<JsonNode>> invalid() {
		return named(contract.path("invalid"));
	}

	private static Stream<Named<JsonNode>> named(JsonNode list) {
		return list.valueStream().map((each) -> Named.of(each.path("name").asString(), each));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void flagIsEvaluatedAsTheContractSays(JsonNode testCase) {
		JsonNode context = testCase.path("context");
		String userId = context.path("userId").isNull() ? null : context.path("userId").asString();
		Viewer viewer = new Viewer(userId,
				context.path("scopes").valueStream().map(JsonNode::asString).collect(Collectors.toSet()));
		Client client = api.getClient();
		boolean value = client.getBooleanValue(testCase.path("flag").asString(),
				testCase.path("codedDefault").asBoolean(),
				FeatureFlags.context(viewer, context.path("client").asString()));
		assertThat(value).isEqualTo(testCase.path("expected").asBoolean());
	}

	@ParameterizedTest
	@MethodSource("buckets")
	void bucketIsTheContractsBucket(JsonNode bucket) {
		assertThat(FlagRule.bucket(bucket.path("flag").asString(), bucket.path("userId").asString()))
			.isEqualTo(bucket.path("bucket").asInt());
	}

	@ParameterizedTest
	@MethodSource("bucketSequences")
	void bucketsOfUserIdsOneToNAreTheContractsBuckets(JsonNode sequence) {
		String flag = sequence.path("flag").asString();
		List<Integer> expected = sequence.path("buckets").valueStream().map(JsonNode::asInt).toList();
		List<Integer> buckets = IntStream.rangeClosed(1, expected.size())
			.mapToObj((userId) -> FlagRule.bucket(flag, String.valueOf(userId)))
			.toList();
		assertThat(buckets).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("valid")
	void validDocumentIsAccepted(JsonNode entry) {
		assertThat(FlagsDocument.parse(bytesOf(entry)).flags()).isNotNull();
	}

	@ParameterizedTest
	@MethodSource("invalid")
	void invalidDocumentIsRefused(JsonNode entry) {
		var refusal = assertThatExceptionOfType(InvalidFlagsException.class)
			.isThrownBy(() -> FlagsDocument.parse(bytesOf(entry)));
		if (entry.has("message")) {
			refusal.withMessage(entry.path("message").asString());
		}
	}

	@Test
	void aFileIsReadUpToTheContractsSize() {
		int maxBytes = contract.path("maxBytes").asInt();
		assertThat(FlagsDocument.MAX_BYTES).isEqualTo(maxBytes);
		assertThat(FlagsDocument.parse(fileOfSize(maxBytes)).flags()).containsOnlyKeys("a");
		assertThatExceptionOfType(InvalidFlagsException.class)
			.isThrownBy(() -> FlagsDocument.parse(fileOfSize(maxBytes + 1)))
			.withMessage("the file is larger than " + maxBytes + " bytes");
	}

	/** A case as the bytes of a file on disk. */
	private static byte[] bytesOf(JsonNode entry) {
		if (entry.has("base64")) {
			return Base64.getDecoder().decode(entry.path("base64").asString());
		}
		String text = entry.has("text") ? entry.path("text").asString()
				: json.writeValueAsString(entry.path("document"));
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A valid flags file of exactly {@code size} bytes. */
	private static byte[] fileOfSize(int size) {
		String start = "{\"flags\": {\"a\": {\"enabled\": true, \"default\": false, \"description\": \"";
		String end = "\"}}}";
		return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.US_ASCII);
	}

	@Test
	void committedFlagsFileIsValid() throws IOException {
		Path committed = ContractFiles.directory().resolveSibling("flags").resolve("flags.json");
		assertThat(FlagsDocument.parse(Files.readString(committed)).flags()).containsKey("inventory-stock");
	}

}
