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
 * A string's length in UTF-16 code units ({@code INVALID_LENGTH}), as the subgraphs count
 * it: a value made only of {@link InputValidation#INVISIBLE} characters is empty. Null is
 * valid (a required value is {@link NotBlankText}'s).
 */
@Documented
@Constraint(validatedBy = TextLength.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface TextLength {

	int min() default 0;

	int max() default Integer.MAX_VALUE;

	String message() default "length must be between {min} and {max}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a value. */
	final class Validator implements ConstraintValidator<TextLength, CharSequence> {

		private int min;

		private int max;

		@Override
		public void initialize(TextLength bounds) {
			this.min = bounds.min();
			this.max = bounds.max();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			int length = InputValidation.ruleLength(value);
			return length >= this.min && length <= this.max;
		}

	}

}
