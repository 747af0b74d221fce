package dev.supergraph.starter.security;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * JSON with object keys sorted at every level and JavaScript's {@code JSON.stringify}
 * escaping and number format: the canonical form the router (Hive Gateway's HMAC plugin,
 * json-stable-stringify) signs, so both sides compute the same bytes.
 */
final class StableJson {

	private StableJson() {
	}

	static String write(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	private static void append(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			appendObject(out, map);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append((i > 0) ? "," : "");
				append(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof String string) {
			appendString(out, string);
		}
		else if (value instanceof Number number) {
			out.append(number(number));
		}
		else {
			out.append(value);
		}
	}

	private static void appendObject(StringBuilder out, Map<?, ?> map) {
		// JavaScript sorts keys by UTF-16 code units, as String.compareTo does
		Map<String, Object> sorted = new TreeMap<>();
		map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> entry : sorted.entrySet()) {
			out.append(first ? "" : ",");
			first = false;
			appendString(out, entry.getKey());
			out.append(':');
			append(out, entry.getValue());
		}
		out.append('}');
	}

	private static void appendString(StringBuilder out, String string) {
		out.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> appendChar(out, string, i, c);
			}
		}
		out.append('"');
	}

	private static void appendChar(StringBuilder out, String string, int index, char c) {
		boolean loneSurrogate = Character.isSurrogate(c) && !pairedSurrogate(string, index, c);
		if (c < 0x20 || loneSurrogate) {
			out.append(String.format("\\u%04x", (int) c));
		}
		else {
			out.append(c);
		}
	}

	private static boolean pairedSurrogate(String string, int index, char c) {
		if (Character.isHighSurrogate(c)) {
			return index + 1 < string.length() && Character.isLowSurrogate(string.charAt(index + 1));
		}
		return index > 0 && Character.isHighSurrogate(string.charAt(index - 1));
	}

	private static String number(Number number) {
		if (!(number instanceof Double || number instanceof Float || number instanceof BigDecimal)) {
			return number.toString();
		}
		BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
		BigDecimal magnitude = decimal.abs();
		if (magnitude.compareTo(BigDecimal.ZERO) == 0) {
			return "0";
		}
		if (magnitude.compareTo(new BigDecimal("1e21")) >= 0 || magnitude.compareTo(new BigDecimal("1e-6")) < 0) {
			String exponent = decimal.toString().replace("E", "e");
			return exponent.contains("e-") ? exponent : exponent.replace("e", "e+").replace("e++", "e+");
		}
		return decimal.toPlainString();
	}

}
