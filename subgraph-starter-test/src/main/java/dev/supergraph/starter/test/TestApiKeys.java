package dev.supergraph.starter.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API key file of a test run, in the format of
 * {@code gateway-config/scripts/api-keys.mjs}: subgraph tests create and revoke machine
 * client keys in it, and every subgraph test context reads it
 * ({@code subgraph.security.api-keys.file}).
 */
public final class TestApiKeys {

	private static final SecureRandom random = new SecureRandom();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<Map<String, Object>> records = new ArrayList<>();

	private static Path file;

	private TestApiKeys() {
	}

	/**
	 * The key file of this test run, created empty on first use.
	 * @return the file
	 */
	public static synchronized Path file() {
		if (file == null) {
			try {
				Path directory = Files.createTempDirectory("subgraph-api-keys");
				file = directory.resolve("api-keys.json");
				write();
				file.toFile().deleteOnExit();
				directory.toFile().deleteOnExit();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return file;
	}

	/**
	 * Create a key and store its hash.
	 * @param client the machine client's name
	 * @param scopes the key's scopes
	 * @return the key, as a client would send it
	 */
	public static synchronized String create(String client, String... scopes) {
		file();
		byte[] id = new byte[6];
		byte[] secret = new byte[32];
		random.nextBytes(id);
		random.nextBytes(secret);
		String keyId = HexFormat.of().formatHex(id);
		String key = "sgk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", keyId);
		record.put("client", client);
		record.put("scopes", List.of(scopes));
		record.put("sha256", sha256(key));
		record.put("created", Instant.now().toString());
		record.put("revoked", null);
		records.add(record);
		write();
		return key;
	}

	/**
	 * Mark a key revoked in the file.
	 * @param key the key
	 */
	public static synchronized void revoke(String key) {
		String keyId = key.split("_")[1];
		records.stream()
			.filter((record) -> record.get("id").equals(keyId))
			.forEach((record) -> record.put("revoked", Instant.now().toString()));
		write();
	}

	private static void write() {
		try {
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temporary, json.writeValueAsString(Map.of("keys", records)), StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
