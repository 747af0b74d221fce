package dev.supergraph.starter.validation;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.UserError;
import graphql.schema.GraphQLSchema;

import org.springframework.util.function.SingletonSupplier;

/**
 * Validates a mutation input against the {@code @constraint}s of its input type in the
 * executable schema, the one place the rules are declared, and reports each broken rule
 * as a {@link UserError} with a stable code and the field path under {@code input}.
 * Messages are in the caller's language (see {@link ValidationMessages}). The locale is
 * passed in, not taken from the thread, because resolvers may run on other threads.
 */
public final class InputValidator {

	private final Supplier<InputRules> rules;

	private final ValidationMessages messages;

	/**
	 * A validator of a schema that may not be built yet when the validator is created.
	 * @param schema the executable schema, read once on first use
	 * @param messages the error bundles
	 */
	public InputValidator(Supplier<GraphQLSchema> schema, ErrorMessages messages) {
		this.rules = SingletonSupplier.of(() -> new InputRules(schema.get()));
		this.messages = new ValidationMessages(messages);
	}

	/**
	 * Validate an input record, named like its input type ({@code CreateProductInput}).
	 * @param input the record a controller bound the {@code input} argument to
	 * @param locale the caller's locale, for the messages
	 * @return one error per broken rule, sorted by field, then code; empty when valid
	 */
	public List<UserError> validate(Object input, Locale locale) {
		return validate(input.getClass().getSimpleName(), input, locale);
	}

	/**
	 * Validate the {@code input} argument as a record or as graphql-java's map.
	 * @param inputType the name of its input type
	 * @param input the value
	 * @param locale the caller's locale, for the messages
	 * @return one error per broken rule, sorted by field, then code; empty when valid
	 */
	public List<UserError> validate(String inputType, Object input, Locale locale) {
		return this.rules.get()
			.check(inputType, input, "input")
			.stream()
			.map((violation) -> new UserError(violation.code(), this.messages.message(violation, locale),
					violation.field()))
			.toList();
	}

	/** Reads the schema's rules now, so that a malformed one fails the start. */
	void readRules() {
		this.rules.get();
	}

}
