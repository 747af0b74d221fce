package dev.supergraph.starter.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLDirectiveContainer;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one {@code @constraint}, read once from the schema, and what they make
 * of a value: the codes of the rules it breaks, none when it is valid.
 *
 * @param minLength fewest characters of a trimmed string
 * @param maxLength most characters of a trimmed string
 * @param pattern what a whole trimmed string matches
 * @param email whether a trimmed string is an email address
 * @param min smallest number
 * @param max largest number
 * @param minItems fewest list items
 * @param maxItems most list items
 */
record Constraint(@Nullable Integer minLength, @Nullable Integer maxLength, @Nullable Pattern pattern, boolean email,
		@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer minItems, @Nullable Integer maxItems) {

	static final Constraint NONE = new Constraint(null, null, null, false, null, null, null, null);

	/**
	 * RFC 5322's dot-atom local part of at most 64 characters (RFC 5321, international
	 * letters allowed as in RFC 6531, but no invisible, control, private-use or
	 * noncharacter, which would make look-alikes of one address), an {@code @} and at
	 * least two DNS labels in ASCII (an international domain in its punycode form): the
	 * format every implementation of {@code format: "email"} checks, in a syntax Java and
	 * JavaScript read alike.
	 */
	static final Pattern EMAIL = Pattern.compile(
			"(?=[^@]{1,64}@)(?![^@]*[\\u0080-\\u00A0\\u00AD\\u061C\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\u3000\\u3164\\uE000-\\uF8FF\\uFEFF\\uFFA0\\uFFF0-\\uFFFF])"
					+ "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+"
					+ "(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
					+ "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	/**
	 * The characters that show nothing: spaces of every kind, format characters (U+200B,
	 * U+FEFF, bidi marks, the soft hyphen) and the Hangul fillers. A trimmed value made
	 * only of them is blank: a name of a zero-width space is no name.
	 */
	static final String INVISIBLE = "[\\p{Z}\\p{Cf}\\t\\n\\u000B\\f\\r\\u001C-\\u001F\\u115F\\u1160\\u3164\\uFFA0]";

	private static final Pattern BLANK = Pattern.compile(INVISIBLE + "*");

	static Constraint of(GraphQLDirectiveContainer element) {
		GraphQLAppliedDirective directive = element.getAppliedDirective(ConstraintDirectiveConfigurer.NAME);
		if (directive == null) {
			return NONE;
		}
		String pattern = argument(directive, "pattern");
		String format = argument(directive, "format");
		if (format != null && !format.equals("email")) {
			throw new IllegalStateException(element.getName() + ": unknown @constraint format '" + format + "'");
		}
		return new Constraint(argument(directive, "minLength"), argument(directive, "maxLength"),
				(pattern != null) ? Pattern.compile(pattern) : null, format != null, decimal(directive, "min"),
				decimal(directive, "max"), argument(directive, "minItems"), argument(directive, "maxItems"));
	}

	/**
	 * The rules a string breaks, after trimming; a value of {@link #INVISIBLE} characters
	 * only is blank.
	 * @param value the string as sent
	 * @param required whether the field is non-null
	 * @return the codes, {@code REQUIRED} alone for a blank required value
	 */
	List<String> check(String value, boolean required) {
		String text = value.strip();
		boolean blank = BLANK.matcher(text).matches();
		if (blank && required && this.minLength != null && this.minLength >= 1) {
			return List.of("REQUIRED");
		}
		List<String> codes = new ArrayList<>();
		// a blank value is as long as it reads: empty
		if (outside(blank ? 0 : text.length(), this.minLength, this.maxLength)) {
			codes.add("INVALID_LENGTH");
		}
		if (this.pattern != null && !this.pattern.matcher(text).matches()) {
			codes.add("INVALID_FORMAT");
		}
		if (this.email && !EMAIL.matcher(text).matches()) {
			codes.add("INVALID_EMAIL");
		}
		return codes;
	}

	List<String> check(Number value) {
		BigDecimal number = new BigDecimal(value.toString());
		boolean below = this.min != null && number.compareTo(this.min) < 0;
		boolean above = this.max != null && number.compareTo(this.max) > 0;
		return (below || above) ? List.of("OUT_OF_RANGE") : List.of();
	}

	List<String> checkSize(int items) {
		return outside(items, this.minItems, this.maxItems) ? List.of("INVALID_LENGTH") : List.of();
	}

	private static boolean outside(int size, @Nullable Integer min, @Nullable Integer max) {
		return (min != null && size < min) || (max != null && size > max);
	}

	@SuppressWarnings("unchecked")
	private static <T> @Nullable T argument(GraphQLAppliedDirective directive, String name) {
		GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
		return (argument != null) ? (T) argument.getValue() : null;
	}

	private static @Nullable BigDecimal decimal(GraphQLAppliedDirective directive, String name) {
		Number number = argument(directive, name);
		return (number != null) ? new BigDecimal(number.toString()) : null;
	}

}
