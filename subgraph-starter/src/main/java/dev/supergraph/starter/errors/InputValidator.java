package dev.supergraph.starter.errors;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Validates a mutation input record with its Bean Validation constraints and reports each
 * violation as a {@link UserError} with a stable code and the field path under
 * {@code input}.
 */
public final class InputValidator {

	private static final Map<String, String> CODES = Map.ofEntries(Map.entry("NotNull", "REQUIRED"),
			Map.entry("NotBlank", "REQUIRED"), Map.entry("NotEmpty", "REQUIRED"), Map.entry("Size", "INVALID_LENGTH"),
			Map.entry("Pattern", "INVALID_FORMAT"), Map.entry("Email", "INVALID_EMAIL"),
			Map.entry("Min", "OUT_OF_RANGE"), Map.entry("Max", "OUT_OF_RANGE"), Map.entry("DecimalMin", "OUT_OF_RANGE"),
			Map.entry("DecimalMax", "OUT_OF_RANGE"), Map.entry("Positive", "OUT_OF_RANGE"),
			Map.entry("PositiveOrZero", "OUT_OF_RANGE"), Map.entry("Digits", "INVALID_FORMAT"));

	private final Validator validator;

	public InputValidator(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Validate an input.
	 * @param input the input record of a mutation
	 * @return one error per violation, sorted by field; empty when the input is valid
	 */
	public List<UserError> validate(Object input) {
		List<UserError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(input)) {
			errors.add(new UserError(code(violation), violation.getMessage(), field(violation.getPropertyPath())));
		}
		errors.sort(Comparator.comparing((UserError error) -> String.join(".", error.field()))
			.thenComparing(UserError::code));
		return errors;
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
			if (node.getName() != null) {
				field.add(node.getName());
			}
		}
		return field;
	}

}
