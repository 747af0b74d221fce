package dev.supergraph.starter.flags;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.supergraph.starter.settings.Utf8Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A version of the flags file, parsed and checked as a whole against the format of
 * {@code contract/feature-flags.schema.json} (the router's parser runs the same
 * {@code contract/feature-flag-cases.json}): every problem is named, and a document with
 * any problem is refused.
 *
 * @param flags the flags by key
 * @param definitions each flag's definition as written, for the audit log
 */
record FlagsDocument(Map<String, Flag> flags, Map<String, String> definitions) {

	// No limit on a number's length below the file's: a percentage written with many
	// digits is a number to the router, so it is one here.
	private static final JsonMapper json = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(FlagsDocument.MAX_BYTES).build())
			.enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
			.build())
		.build();

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,63}");

	private static final Set<String> FLAG_FIELDS = Set.of("description", "enabled", "default", "rules");

	private static final Set<String> RULE_FIELDS = Set.of("value", "userIds", "scopes", "clients", "percentage");

	static final String BYTE_ORDER_MARK = "the file starts with a byte order mark (U+FEFF): save it as UTF-8 without one";

	static final FlagsDocument EMPTY = new FlagsDocument(Map.of(), Map.of());

	/**
	 * The largest flags file read, as the router's: a few hundred flags fit many times
	 * over, and every process holds and audits the whole file.
	 */
	static final int MAX_BYTES = 1_048_576;

	/**
	 * A version of the file as it is on disk: UTF-8 text of at most {@link #MAX_BYTES}.
	 * @param bytes the file's content, or its first {@code MAX_BYTES + 1} bytes
	 * @return the flags
	 * @throws InvalidFlagsException naming every problem
	 */
	static FlagsDocument parse(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new InvalidFlagsException("the file is larger than " + MAX_BYTES + " bytes");
		}
		try {
			return parse(Utf8Text.decode(bytes));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFlagsException(ex.getMessage());
		}
	}

	static FlagsDocument parse(String text) {
		if (text.startsWith("\uFEFF")) {
			throw new InvalidFlagsException(BYTE_ORDER_MARK);
		}
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new InvalidFlagsException("not JSON: " + ex.getOriginalMessage());
		}
		List<String> duplicates = duplicateProperties(text);
		if (!duplicates.isEmpty()) {
			throw new InvalidFlagsException(String.join("; ", duplicates));
		}
		if (root == null || !root.isObject() || !root.path("flags").isObject()) {
			throw new InvalidFlagsException("the file must be an object with a \"flags\" object");
		}
		List<String> problems = new ArrayList<>();
		root.propertyNames()
			.stream()
			.filter((name) -> !name.equals("flags"))
			.forEach((name) -> problems.add("unknown property \"" + name + "\""));
		Map<String, Flag> flags = new LinkedHashMap<>();
		Map<String, String> definitions = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.get("flags").properties()) {
			Problems flagProblems = new Problems("flag \"" + entry.getKey() + "\": ", problems);
			Flag flag = flag(entry.getKey(), entry.getValue(), flagProblems);
			if (flag != null) {
				flags.put(entry.getKey(), flag);
				definitions.put(entry.getKey(), json.writeValueAsString(entry.getValue()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFlagsException(String.join("; ", problems));
		}
		return new FlagsDocument(Map.copyOf(flags), Map.copyOf(definitions));
	}

	private static @Nullable Flag flag(String key, JsonNode node, Problems problems) {
		if (!KEY.matcher(key).matches()) {
			return problems.add("the key must match ^[A-Za-z][A-Za-z0-9_.:-]{0,63}$");
		}
		if (!node.isObject()) {
			return problems.add("must be an object");
		}
		problems.unknown(node, FLAG_FIELDS);
		problems.check(node.path("enabled").isBoolean(), "\"enabled\" must be true or false");
		problems.check(node.path("default").isBoolean(), "\"default\" must be true or false");
		problems.check(!node.has("description") || node.get("description").isString(),
				"\"description\" must be a string");
		List<FlagRule> rules = new ArrayList<>();
		JsonNode listed = node.path("rules");
		if (node.has("rules") && !listed.isArray()) {
			return problems.add("\"rules\" must be a list");
		}
		for (int i = 0; i < listed.size(); i++) {
			FlagRule rule = rule(listed.get(i), problems.within("rule " + (i + 1) + ": "));
			if (rule != null) {
				rules.add(rule);
			}
		}
		return problems.clean() ? new Flag(node.get("enabled").asBoolean(), node.get("default").asBoolean(), rules)
				: null;
	}

	private static @Nullable FlagRule rule(JsonNode node, Problems problems) {
		if (!node.isObject()) {
			return problems.add("must be an object");
		}
		problems.unknown(node, RULE_FIELDS);
		problems.check(node.path("value").isBoolean(), "\"value\" must be true or false");
		problems.check(RULE_FIELDS.stream().anyMatch((name) -> !name.equals("value") && node.has(name)),
				"needs at least one of userIds, scopes, clients, percentage");
		Set<String> userIds = names(node, "userIds", problems);
		Set<String> scopes = names(node, "scopes", problems);
		Set<String> clients = names(node, "clients", problems);
		JsonNode percentage = node.get("percentage");
		double share = (percentage != null) ? number(percentage) : 0;
		problems.check(share >= 0 && share <= 100, "\"percentage\" must be a number from 0 to 100");
		return problems.clean() ? new FlagRule(node.get("value").asBoolean(), userIds, scopes, clients,
				(percentage != null) ? share : null) : null;
	}

	/**
	 * A JSON number as the router's JSON.parse reads it: the nearest double, infinite
	 * beyond its range.
	 * @param node any node
	 * @return the number, NaN for a node that is no number
	 */
	private static double number(JsonNode node) {
		if (!node.isNumber()) {
			return Double.NaN;
		}
		return node.isBigInteger() ? new BigDecimal(node.bigIntegerValue()).doubleValue() : node.asDouble();
	}

	/**
	 * Every property name written twice in one object, in the order of the text: JSON
	 * parsers keep one of them silently (the last, the router's and Jackson's), so a flag
	 * pasted twice would have its first definition ignored without a word.
	 * @param text a JSON text
	 * @return one problem per repeated name
	 */
	private static List<String> duplicateProperties(String text) {
		List<String> problems = new ArrayList<>();
		Deque<Set<String>> objects = new ArrayDeque<>();
		try (JsonParser parser = json.createParser(text)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.START_OBJECT) {
					objects.push(new HashSet<>());
				}
				else if (token == JsonToken.END_OBJECT) {
					objects.pop();
				}
				else if (token == JsonToken.PROPERTY_NAME && !objects.element().add(parser.currentName())) {
					problems.add("duplicate property \"" + parser.currentName() + "\"");
				}
			}
		}
		return problems;
	}

	private static @Nullable Set<String> names(JsonNode rule, String name, Problems problems) {
		JsonNode list = rule.get(name);
		if (list == null) {
			return null;
		}
		boolean valid = list.isArray() && !list.isEmpty()
				&& list.valueStream().allMatch((item) -> item.isString() && !item.asString().isEmpty());
		if (!valid) {
			return problems.add("\"" + name + "\" must be a non-empty list of non-empty strings");
		}
		Set<String> names = new LinkedHashSet<>();
		list.valueStream().forEach((item) -> names.add(item.asString()));
		return Set.copyOf(names);
	}

	/** Problems of one part of the document, prefixed with where they are. */
	private static final class Problems {

		private final String prefix;

		private final List<String> all;

		private final int before;

		Problems(String prefix, List<String> all) {
			this.prefix = prefix;
			this.all = all;
			this.before = all.size();
		}

		Problems within(String part) {
			return new Problems(this.prefix + part, this.all);
		}

		<T> @Nullable T add(String problem) {
			this.all.add(this.prefix + problem);
			return null;
		}

		void check(boolean holds, String problem) {
			if (!holds) {
				add(problem);
			}
		}

		void unknown(JsonNode node, Set<String> known) {
			node.propertyNames()
				.stream()
				.filter((name) -> !known.contains(name))
				.forEach((name) -> add("unknown property \"" + name + "\""));
		}

		boolean clean() {
			return this.all.size() == this.before;
		}

	}

}
