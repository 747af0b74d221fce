package dev.supergraph.starter.scalars;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorExtensions;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * {@code scalar DateTime}: an RFC 3339 timestamp in UTC, e.g.
 * {@code 2026-11-25T09:36:27Z}; accepts {@link Instant} and {@link OffsetDateTime}.
 */
public final class DateTimeScalar {

	/**
	 * The scalar type, wired by name wherever a schema declares {@code scalar DateTime}.
	 */
	public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An RFC 3339 timestamp in UTC, e.g. 2026-11-25T09:36:27Z")
		.coercing(new DateTimeCoercing())
		.build();

	private DateTimeScalar() {
	}

	private static final class DateTimeCoercing implements Coercing<Instant, String> {

		private static final ErrorMessages messages = new ErrorMessages();

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Instant instant) {
				return instant.toString();
			}
			if (value instanceof OffsetDateTime dateTime) {
				return dateTime.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
			}
			throw new CoercingSerializeException("Not a timestamp: " + value.getClass().getSimpleName());
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			try {
				return OffsetDateTime.parse(String.valueOf(input)).toInstant();
			}
			catch (DateTimeParseException ex) {
				// the reason marks the message as the bundles' own (errors.RequestErrors
				// keeps it)
				throw CoercingParseValueException.newCoercingParseValueException()
					.message(expected(locale))
					.extensions(ErrorExtensions.reason(ErrorExtensions.INVALID_VARIABLES))
					.build();
			}
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			// A literal is checked during validation, which turns only a literal
			// exception into a validation error: a value exception would escape as a
			// failure.
			if (input instanceof StringValue string) {
				try {
					return OffsetDateTime.parse(string.getValue()).toInstant();
				}
				catch (DateTimeParseException ex) {
					// fall through
				}
			}
			throw new CoercingParseLiteralException(expected(locale));
		}

		private static String expected(Locale locale) {
			return messages.get(ErrorCode.BAD_USER_INPUT, "input.dateTime", new Object[0], locale);
		}

	}

}
