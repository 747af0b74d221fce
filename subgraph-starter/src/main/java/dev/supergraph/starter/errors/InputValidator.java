package dev.supergraph.starter.errors;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;

import org.springframework.validation.beanvalidation.MessageSourceResourceBundleLocator;

/**
 * Validates a mutation input record with its Bean Validation constraints and reports each
 * violation as a {@link UserError} with a stable code and the field path under
 * {@code input}. Messages are in the caller's language: the project's own (a
 * {@code {key}} template) come from the error bundles, the built-in ones from Hibernate
 * Validator's translations. The locale is passed in, not taken from the thread, because
 * GraphQL resolvers may run on other threads than the request.
 */
public final class InputValidator {

	private static final Map<String, String> CODES = Map.ofEntries(Map.entry("NotNull", "REQUIRED"),
			Map.entry("NotBlank", "REQUIRED"), Map.entry("NotEmpty", "REQUIRED"), Map.entry("Size", "INVALID_LENGTH"),
			Map.entry("Pattern", "INVALID_FORMAT"), Map.entry("Email", "INVALID_EMAIL"),
			Map.entry("Min", "OUT_OF_RANGE"), Map.entry("Max", "OUT_OF_RANGE"), Map.entry("DecimalMin", "OUT_OF_RANGE"),
			Map.entry("DecimalMax", "OUT_OF_RANGE"), Map.entry("Positive", "OUT_OF_RANGE"),
			Map.entry("PositiveOrZero", "OUT_OF_RANGE"), Map.entry("Digits", "INVALID_FORMAT"));

	private final ValidatorFactory validators;

	private final MessageInterpolator messages;

	public InputValidator(ValidatorFactory validators, ErrorMessages messages) {
		this.validators = validators;
		this.messages = new ResourceBundleMessageInterpolator(
				new MessageSourceResourceBundleLocator(messages.source()));
	}

	/**
	 * Validate an input.
	 * @param input the input record of a mutation
	 * @param locale the caller's locale, for the messages
	 * @return one error per violation, sorted by field; empty when the input is valid
	 */
	public List<UserError> validate(Object input, Locale locale) {
		Validator validator = this.validators.usingContext().messageInterpolator(inLocale(locale)).getValidator();
		List<UserError> errors = new ArrayList<>();
		for (ConstraintViolation<Object> violation : validator.validate(input)) {
			errors.add(new UserError(code(violation), violation.getMessage(), field(violation.getPropertyPath())));
		}
		errors.sort(Comparator.comparing((UserError error) -> String.join(".", error.field()))
			.thenComparing(UserError::code));
		return errors;
	}

	private MessageInterpolator inLocale(Locale locale) {
		return new MessageInterpolator() {

			@Override
			public String interpolate(String template, Context context) {
				return InputValidator.this.messages.interpolate(template, context, locale);
			}

			@Override
			public String interpolate(String template, Context context, Locale other) {
				return InputValidator.this.messages.interpolate(template, context, other);
			}

		};
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
