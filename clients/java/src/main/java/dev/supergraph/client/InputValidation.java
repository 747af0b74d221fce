package dev.supergraph.client;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Checks a generated input record against the Bean Validation annotations generated from
 * the schema's {@code @constraint}s, and reports what the subgraph would answer: the same
 * {@code code} and {@code field} path per broken rule, sorted by field then code. A blank
 * required string is {@code REQUIRED} alone, as on the server. Bring any Bean Validation
 * implementation (Hibernate Validator, or the one your Spring application has).
 */
public final class InputValidation {

	/**
	 * {@code format: "email"}, as the subgraphs check it: a dot-atom local part of at
	 * most 64 characters (international letters allowed) and two or more ASCII DNS
	 * labels.
	 */
	public static final String EMAIL = "(?=[^@]{1,64}@)(?![^@]*[\\u0080-\\u00A0\\u00AD\\u061C\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\u3000\\u3164\\uE000-\\uF8FF\\uFEFF\\uFFA0\\uFFF0-\\uFFFF])"
			+ "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+"
			+ "(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
			+ "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

	/**
	 * The characters that show nothing (spaces of every kind, format characters such as
	 * U+200B and U+FEFF, the Hangul fillers): a trimmed value made only of them is blank,
	 * as the subgraphs judge it.
	 */
	public static final String INVISIBLE = "[\\p{Z}\\p{Cf}\\t\\n\\u000B\\f\\r\\u001C-\\u001F\\u115F\\u1160\\u3164\\uFFA0]";

	private static final Pattern BLANK = Pattern.compile(INVISIBLE + "*");

	private static final Map<String, String> CODES = Map.of("NotNull", "REQUIRED", "NotBlankText", "REQUIRED",
			"TextLength", "INVALID_LENGTH", "Size", "INVALID_LENGTH", "Pattern", "INVALID_FORMAT", "Email",
			"INVALID_EMAIL", "DecimalMin", "OUT_OF_RANGE", "DecimalMax", "OUT_OF_RANGE");

	private final Validator validator;

	public InputValidation(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Validate an input before sending it.
	 * @param input a generated input record, e.g. {@code CreateProductInput}
	 * @return the errors the subgraph would answer; empty when the input is valid
	 */
	public List<InputError> validate(Object input) {
		List<InputError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(input)) {
			errors.add(new InputError(code(violation), field(violation.getPropertyPath()), violation.getMessage()));
		}
		Set<List<String>> required = new HashSet<>();
		errors.stream()
			.filter((error) -> error.code().equals("REQUIRED"))
			.forEach((error) -> required.add(error.field()));
		errors.removeIf((error) -> !error.code().equals("REQUIRED") && required.contains(error.field()));
		errors.sort(Comparator.comparing((InputError error) -> String.join(".", error.field()))
			.thenComparing(InputError::code));
		return errors;
	}

	/** A value's length as the rules count it: a blank one is empty, as it reads. */
	static int ruleLength(CharSequence value) {
		return BLANK.matcher(value).matches() ? 0 : value.length();
	}

	private static String code(ConstraintViolation<?> violation) {
		Class<? extends Annotation> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
		return CODES.getOrDefault(type.getSimpleName(), "INVALID");
	}

	private static List<String> field(Path path) {
		List<String> field = new ArrayList<>();
		field.add("input");
		for (Path.Node node : path) {
			if (node.getIndex() != null) {
				field.add(String.valueOf(node.getIndex()));
			}
			// a list item's own rule (List<@NotNull OrderItemInput>) is on a node named
			// "<list element>": the item is its index, as in TypeScript
			if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
				field.add(node.getName());
			}
		}
		return field;
	}

	/**
	 * A broken rule, shaped like the server's {@code UserError}.
	 *
	 * @param code {@code REQUIRED}, {@code INVALID_LENGTH}, {@code INVALID_FORMAT},
	 * {@code INVALID_EMAIL} or {@code OUT_OF_RANGE}
	 * @param field the path under {@code input}, e.g. {@code [input, items, 0, quantity]}
	 * @param message the validator's message
	 */
	public record InputError(String code, List<String> field, String message) {

	}

}
