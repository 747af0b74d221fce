package dev.supergraph.starter.scalars;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The JSON type of a variable's value as the request body's parser hands it over: what a
 * client wrote, so what a message about it names (never the Java class it became).
 */
enum JsonType {

	OBJECT, ARRAY, NUMBER, STRING, BOOLEAN;

	/**
	 * The JSON type of a parsed value.
	 * @param value the value
	 * @return its JSON type, {@code null} for a value no JSON parser makes
	 */
	static @Nullable JsonType of(Object value) {
		if (value instanceof Map<?, ?>) {
			return OBJECT;
		}
		if (value instanceof Collection<?> || value.getClass().isArray()) {
			return ARRAY;
		}
		if (value instanceof Number) {
			return NUMBER;
		}
		if (value instanceof CharSequence) {
			return STRING;
		}
		return (value instanceof Boolean) ? BOOLEAN : null;
	}

	/**
	 * Whether a value is a JSON number without a fraction: an integer token, or a decimal
	 * one whose fraction is zero ({@code 1.0}).
	 * @param value the value
	 * @return whether it is an integer
	 */
	static boolean isInteger(Object value) {
		if (isIntegerToken(value)) {
			return true;
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			return Double.isFinite(number) && number == Math.rint(number);
		}
		return value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0;
	}

	/**
	 * An integer's value as the integer type graphql-java's {@code ID} takes ({@code 2.0}
	 * as {@code 2}).
	 * @param value a number whose value is an integer ({@link #isInteger})
	 * @return the value as an integer type
	 */
	static Object integer(Object value) {
		if (isIntegerToken(value)) {
			return value;
		}
		BigDecimal decimal = (value instanceof BigDecimal exact) ? exact
				: BigDecimal.valueOf(((Number) value).doubleValue());
		return decimal.toBigIntegerExact();
	}

	/**
	 * Whether a value was written as an integer ({@code 1}, not {@code 1.0}): what an
	 * {@code ID} takes besides a string.
	 * @param value the value
	 * @return whether it is an integer token
	 */
	static boolean isIntegerToken(Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger;
	}

	/** The name of the type in messages: {@code object}, {@code array}, …. */
	String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
