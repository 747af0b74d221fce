package dev.supergraph.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A required string that shows something ({@code REQUIRED}): not null, and not made only
 * of {@link InputValidation#INVISIBLE} characters, as the subgraphs judge a blank value.
 * Bean Validation's {@code @NotBlank} takes a zero-width space for a name.
 */
@Documented
@Constraint(validatedBy = NotBlankText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlankText {

	String message() default "must not be blank";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a value. */
	final class Validator implements ConstraintValidator<NotBlankText, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value != null && InputValidation.ruleLength(value) > 0;
		}

	}

}
