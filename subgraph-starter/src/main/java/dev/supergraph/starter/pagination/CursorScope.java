package dev.supergraph.starter.pagination;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * The list a cursor belongs to: the connection field's coordinate
 * ({@code Query.products}) and, when the field has other arguments than {@code first} and
 * {@code after}, a digest of their values ({@code Query.products/Xk3q9Zb_}). A cursor of
 * another field, or of the same field with another filter, points into another list and
 * is refused. The parent of a nested connection is not part of it: one {@code after}
 * reaches the page of every parent of a response.
 */
final class CursorScope {

	/** What a scope looks like in a cursor. */
	static final String PATTERN = "[_A-Za-z][_0-9A-Za-z]*\\.[_A-Za-z][_0-9A-Za-z]*(?:/[-_0-9A-Za-z]{8})?";

	/** Digest bytes kept: enough to tell a client's filters apart, short in a cursor. */
	private static final int DIGEST_BYTES = 6;

	private CursorScope() {
	}

	/**
	 * The scope of the connection field being fetched.
	 * @param environment the field's environment
	 * @return its scope
	 */
	static String of(DataFetchingEnvironment environment) {
		String coordinate = environment.getExecutionStepInfo().getObjectType().getName() + "."
				+ environment.getFieldDefinition().getName();
		return of(coordinate, environment.getArguments());
	}

	/**
	 * The scope of a connection field with these arguments.
	 * @param coordinate the field's {@code Type.field}
	 * @param arguments all its arguments, {@code first} and {@code after} included
	 * @return its scope
	 */
	static String of(String coordinate, Map<String, ?> arguments) {
		Map<String, Object> others = new TreeMap<>(arguments);
		others.keySet().removeAll(PagingArguments.BOTH);
		String canonical = canonical(others);
		return (canonical != null) ? coordinate + "/" + digest(canonical) : coordinate;
	}

	/**
	 * A text that differs exactly when the values mean something different: keys sorted,
	 * {@code null} and empty input objects left out as an omitted argument is, strings
	 * prefixed with their length so no string can pass for a structure.
	 */
	private static @Nullable String canonical(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			StringBuilder fields = new StringBuilder();
			new TreeMap<>(map).forEach((key, field) -> {
				String text = canonical(field);
				if (text != null) {
					fields.append(key).append('=').append(text).append(';');
				}
			});
			return fields.isEmpty() ? null : "{" + fields + "}";
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CursorScope::canonical).map(String::valueOf).toList().toString();
		}
		if (value instanceof CharSequence text) {
			return "\"" + text.length() + ":" + text;
		}
		return (value != null) ? String.valueOf(value) : null;
	}

	private static String digest(String canonical) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, DIGEST_BYTES));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
