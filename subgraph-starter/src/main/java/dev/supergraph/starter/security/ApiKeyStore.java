package dev.supergraph.starter.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.supergraph.starter.settings.SettingFiles;
import dev.supergraph.starter.settings.Utf8Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The key file of machine clients: {@code {"keys": [{id, client, scopes, sha256, created,
 * revoked}]}}. Only the SHA-256 of each key is stored; keys carry 256 random bits, so a
 * plain hash leaves nothing to brute-force. The file is re-read when it changes, so a
 * revocation needs no restart. A file that turns unreadable fails closed: no key is
 * accepted until it is fixed, and the names of its clients, which only their keys give,
 * stay those of the last good file. The format is
 * {@code contract/api-key-file.schema.json}; the router's loader runs the same cases
 * ({@code contract/api-key-files.json}), so a file either side refuses is refused by
 * both, as a whole.
 */
final class ApiKeyStore {

	private static final Logger logger = LoggerFactory.getLogger(ApiKeyStore.class);

	private static final Pattern KEY = Pattern.compile("sgk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");

	private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");

	private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9:._-]{1,64}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	/** RFC 3339 with an explicit offset, as Instant.toString and toISOString write it. */
	private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
			+ "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])");

	private static final Set<String> FILE_FIELDS = Set.of("keys");

	// The metric labels of a request without a client and of the clients past the labels'
	// bound: a key's client named so would be counted with them.
	private static final Set<String> RESERVED_CLIENTS = Set.of("unknown", "other");

	private static final Set<String> KEY_FIELDS = Set.of("id", "client", "scopes", "sha256", "created", "revoked");

	private static final byte[] NO_HASH = new byte[32];

	private final Path file;

	private final Duration reloadInterval;

	private final Clock clock;

	private final JsonMapper json;

	private volatile Map<String, StoredKey> keys;

	private volatile Set<String> clients;

	private volatile @Nullable Object version;

	private volatile Instant checkedAt;

	/**
	 * Read the key file.
	 * @throws InvalidConfigurationPropertyValueException when it cannot be read or is
	 * invalid, so a subgraph with a broken key file does not start
	 */
	ApiKeyStore(Path file, Duration reloadInterval, Clock clock, JsonMapper json) {
		this.file = file;
		this.reloadInterval = reloadInterval;
		this.clock = clock;
		this.json = json;
		try {
			this.version = version();
			this.keys = read();
			this.clients = clientsOf(this.keys);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw SettingFiles.unusable("subgraph.security.api-keys.file", file, ex);
		}
		this.checkedAt = clock.instant();
	}

	/**
	 * The client of a valid, unrevoked key. Every call hashes and compares in constant
	 * time, so an unknown id costs the same as a wrong secret.
	 * @param presented the key as sent by the client
	 * @return the client, or empty for an unknown, wrong or revoked key
	 */
	Optional<ApiKeyClient> verify(String presented) {
		refreshIfDue();
		Matcher matcher = KEY.matcher(presented);
		StoredKey stored = matcher.matches() ? this.keys.get(matcher.group(1)) : null;
		boolean equal = MessageDigest.isEqual(sha256(presented), (stored != null) ? stored.sha256() : NO_HASH);
		if (stored == null || !equal || stored.revoked()) {
			return Optional.empty();
		}
		return Optional.of(stored.client());
	}

	/**
	 * The client names of the file's keys, revoked ones too: a header naming one of them
	 * does not name that client ({@link RequestClientNames}).
	 * @return the names, as of the last good version of the file
	 */
	Set<String> clients() {
		refreshIfDue();
		return this.clients;
	}

	private void refreshIfDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.checkedAt.plus(this.reloadInterval))) {
			return;
		}
		synchronized (this) {
			if (now.isBefore(this.checkedAt.plus(this.reloadInterval))) {
				return;
			}
			this.checkedAt = now;
			try {
				Object current = version();
				if (!current.equals(this.version)) {
					this.keys = read();
					this.clients = clientsOf(this.keys);
					this.version = current;
				}
			}
			catch (IOException | IllegalArgumentException ex) {
				this.keys = Map.of();
				this.version = null;
				logger.error("API keys refused until the key file {} is fixed: {}", this.file, SettingFiles.reason(ex));
			}
		}
	}

	private static Set<String> clientsOf(Map<String, StoredKey> keys) {
		return keys.values().stream().map((key) -> key.client().client()).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Modification time and inode: a rewrite by rename changes the inode even within one
	 * tick.
	 */
	private List<Object> version() throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
		return Arrays.asList(attributes.lastModifiedTime(), attributes.fileKey(), attributes.size());
	}

	private Map<String, StoredKey> read() throws IOException {
		JsonNode root;
		try {
			root = this.json.readTree(Utf8Text.decode(SettingFiles.read(this.file, SettingFiles.MAX_BYTES)));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not valid JSON", ex);
		}
		JsonNode entries = root.path("keys");
		if (!root.isObject() || !entries.isArray() || !unknownFields(root, FILE_FIELDS).isEmpty()) {
			throw new IllegalArgumentException("it must be an object with a \"keys\" array and nothing else");
		}
		Map<String, StoredKey> byId = new HashMap<>();
		int position = 0;
		for (JsonNode entry : entries) {
			StoredKey key = parse(entry, ++position);
			if (byId.put(key.client().keyId(), key) != null) {
				throw new IllegalArgumentException("it holds the id " + key.client().keyId() + " twice");
			}
		}
		return Map.copyOf(byId);
	}

	private static StoredKey parse(JsonNode entry, int position) {
		if (!entry.isObject()) {
			throw new IllegalArgumentException("key #" + position + ": must be an object");
		}
		List<String> problems = new ArrayList<>();
		String id = text(entry, "id", ID, "id must be 12 hex digits", problems);
		String client = text(entry, "client", CLIENT, "client must be 1-64 of [A-Za-z0-9._-]", problems);
		if (RESERVED_CLIENTS.contains(client)) {
			problems.add("client must not be '" + client + "', a metric label of its own");
		}
		String sha256 = text(entry, "sha256", SHA256, "sha256 must be 64 hex digits", problems);
		Set<String> scopes = new HashSet<>();
		JsonNode scopeList = entry.path("scopes");
		if (!scopeList.isArray()) {
			problems.add("scopes must be a list");
		}
		for (JsonNode scope : scopeList) {
			if (scope.isString() && SCOPE.matcher(scope.asString()).matches()) {
				scopes.add(scope.asString());
			}
			else {
				problems.add("scopes must be 1-64 of [A-Za-z0-9:._-]");
			}
		}
		boolean revoked = timestamp(entry, "revoked", problems);
		timestamp(entry, "created", problems);
		List<String> unknown = unknownFields(entry, KEY_FIELDS);
		if (!unknown.isEmpty()) {
			problems.add("unknown " + String.join(", ", unknown));
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("key #" + position + ": " + String.join("; ", problems));
		}
		return new StoredKey(new ApiKeyClient(id, client, scopes), HexFormat.of().parseHex(sha256), revoked);
	}

	/**
	 * Whether the field holds a timestamp; absent and {@code null} are no timestamp,
	 * anything else is a problem: a {@code "revoked": "yes"} must not be read as revoked
	 * by one side and as a broken file by the other.
	 */
	private static boolean timestamp(JsonNode entry, String field, List<String> problems) {
		JsonNode value = entry.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return false;
		}
		if (!value.isString() || !isTimestamp(value.asString())) {
			problems.add(field + " must be null or an RFC 3339 timestamp");
		}
		return true;
	}

	private static boolean isTimestamp(String text) {
		try {
			return TIMESTAMP.matcher(text).matches() && DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text) != null;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static List<String> unknownFields(JsonNode object, Set<String> known) {
		return object.propertyNames().stream().filter((name) -> !known.contains(name)).sorted().toList();
	}

	private static String text(JsonNode entry, String field, Pattern format, String problem, List<String> problems) {
		JsonNode value = entry.path(field);
		if (!value.isString() || !format.matcher(value.asString()).matches()) {
			problems.add(problem);
			return "";
		}
		return value.asString();
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private record StoredKey(ApiKeyClient client, byte[] sha256, boolean revoked) {

	}

}
