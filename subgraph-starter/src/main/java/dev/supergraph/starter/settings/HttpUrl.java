package dev.supergraph.starter.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated {@link java.net.URI} or string is an absolute {@code http} or
 * {@code https} URL with a host, and a port from 1 to 65535 when it names one: the
 * address of another service this subgraph calls. A relative or misspelt one would
 * otherwise be accepted at start and fail every call. A missing or blank value passes:
 * whether it may be missing is the setting's own rule.
 */
@Documented
@Constraint(validatedBy = HttpUrlValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

	String message() default "must be an absolute http or https URL with a host, and a port from 1 to 65535 if it has one";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
