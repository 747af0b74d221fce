package dev.supergraph.starter.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key file as the router's key tool writes it: hashed keys, revocation, reloading and
 * failing closed.
 */
class ApiKeyStoreTests {

	private static final String KEY = "sgk_0a1b2c3d4e5f_" + "k".repeat(43);

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void aStoredKeyIsVerifiedByItsHashWithItsClientAndScopes() throws IOException {
		ApiKeyStore store = store(file(record(KEY, "reporting", null)));
		assertThat(store.verify(KEY))
			.contains(new ApiKeyClient("0a1b2c3d4e5f", "reporting", Set.of("orders:read", "users:read:email")));
	}

	@Test
	void wrongSecretsUnknownIdsAndMalformedKeysAreRefused() throws IOException {
		ApiKeyStore store = store(file(record(KEY, "reporting", null)));
		assertThat(store.verify(KEY.replace("kkkk", "kkkj"))).isEmpty();
		assertThat(store.verify(KEY.replace("0a1b", "ffff"))).isEmpty();
		assertThat(store.verify(KEY + "k")).isEmpty();
		assertThat(store.verify("")).isEmpty();
	}

	@Test
	void aRevokedKeyIsRefused() throws IOException {
		assertThat(store(file(record(KEY, "reporting", "2026-01-01T00:00:00Z"))).verify(KEY)).isEmpty();
	}

	@Test
	void changesApplyAfterTheReloadIntervalAndABrokenFileFailsClosedUntilFixed() throws IOException {
		Path file = file(record(KEY, "reporting", null));
		ApiKeyStore store = store(file);
		Files.writeString(file, "{\"keys\": [{\"id\": \"trunc");
		assertThat(store.verify(KEY)).as("within the interval").isPresent();
		this.now = this.now.plusSeconds(2);
		assertThat(store.verify(KEY)).as("broken file").isEmpty();
		file(record(KEY, "reporting", null));
		this.now = this.now.plusSeconds(2);
		assertThat(store.verify(KEY)).as("fixed file").isPresent();
	}

	@Test
	void theClientsOfEveryRecordFollowTheFileAndOutliveABrokenVersion() throws IOException {
		String other = "sgk_0a1b2c3d4e60_" + "k".repeat(43);
		Path file = file(record(KEY, "reporting", null));
		ApiKeyStore store = store(file);
		assertThat(store.clients()).containsExactly("reporting");
		file(record(KEY, "reporting", null) + ", " + record(other, "retired", "2026-01-01T00:00:00Z"));
		assertThat(store.clients()).as("within the interval").containsExactly("reporting");
		this.now = this.now.plusSeconds(2);
		assertThat(store.clients()).as("a revoked key's client too").containsExactlyInAnyOrder("reporting", "retired");
		Files.writeString(file, "{\"keys\": [{\"id\": \"trunc");
		this.now = this.now.plusSeconds(2);
		assertThat(store.clients()).as("broken file").containsExactlyInAnyOrder("reporting", "retired");
		assertThat(store.verify(KEY)).as("broken file").isEmpty();
		file(record(other, "retired", null));
		this.now = this.now.plusSeconds(2);
		assertThat(store.clients()).as("fixed file").containsExactly("retired");
	}

	@Test
	void anInvalidFileStopsStartupNamingEveryProblem() throws IOException {
		Path file = this.directory.resolve("invalid.json");
		Files.writeString(file,
				"{\"keys\": [{\"id\": \"NOTHEX\", \"client\": \"a b\", \"scopes\": \"x\", \"sha256\": 1}]}");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(() -> store(file))
			.withMessageContaining("key #1: id must be 12 hex digits; client must be 1-64 of [A-Za-z0-9._-]; "
					+ "sha256 must be 64 hex digits; scopes must be a list");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> store(this.directory.resolve("missing.json")))
			.withMessageContaining("missing.json")
			.withMessageContaining("the file does not exist");
	}

	private ApiKeyStore store(Path file) {
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return ApiKeyStoreTests.this.now;
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}
		};
		return new ApiKeyStore(file, Duration.ofSeconds(1), clock, json);
	}

	private Path file(String record) throws IOException {
		Path file = this.directory.resolve("api-keys.json");
		Path temporary = this.directory.resolve("api-keys.json.tmp");
		Files.writeString(temporary, "{\"keys\": [" + record + "]}");
		return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String record(String key, String client, String revoked) {
		String hash = HexFormat.of().formatHex(ApiKeyStore.sha256(key));
		return "{\"id\": \"" + key.substring(4, 16) + "\", \"client\": \"" + client
				+ "\", \"scopes\": [\"orders:read\", \"users:read:email\"], \"sha256\": \"" + hash
				+ "\", \"created\": \"2026-01-01T00:00:00Z\", \"revoked\": "
				+ ((revoked != null) ? "\"" + revoked + "\"" : "null") + "}";
	}

}
