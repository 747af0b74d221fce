package dev.supergraph.starter.federation;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.ids.Ids;
import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import org.jspecify.annotations.Nullable;

/**
 * Whether a value in a representation has the type of its field. Scalars and enums are
 * coerced as input values are; an {@code ID} must be one of the platform's numeric ids
 * ({@link Ids}), sent as a string or an integer. Values of object fields are not read by
 * entity fetchers beyond their keys, so only their presence counts.
 */
final class FieldValues {

	private FieldValues() {
	}

	static boolean fits(GraphQLType type, @Nullable Object value) {
		if (value == null) {
			return !(type instanceof GraphQLNonNull);
		}
		GraphQLType nullable = (type instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType() : type;
		if (nullable instanceof GraphQLList list) {
			return value instanceof List<?> items
					&& items.stream().allMatch((item) -> fitsItem(list.getWrappedType(), item));
		}
		if (nullable instanceof GraphQLScalarType scalar) {
			return fitsScalar(scalar, value);
		}
		if (nullable instanceof GraphQLEnumType enumeration) {
			return value instanceof String name && enumeration.getValue(name) != null;
		}
		return true;
	}

	/** One level of list only: deeper lists are not part of any key here. */
	private static boolean fitsItem(GraphQLType type, @Nullable Object item) {
		return !(type instanceof GraphQLList) && fits(type, item);
	}

	private static boolean fitsScalar(GraphQLScalarType scalar, Object value) {
		if (scalar.getName().equals(Scalars.GraphQLID.getName())) {
			boolean integral = value instanceof Integer || value instanceof Long || value instanceof BigInteger;
			return (value instanceof String || integral) && Ids.tryParse(value).isPresent();
		}
		try {
			scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
			return true;
		}
		catch (CoercingParseValueException | IllegalArgumentException ex) {
			return false;
		}
	}

}
