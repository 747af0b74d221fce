package dev.supergraph.starter.errors;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

import graphql.GraphQLError;
import graphql.language.AstPrinter;
import graphql.language.ObjectField;
import graphql.language.Value;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationContext;
import graphql.validation.ValidationUtil;
import org.jspecify.annotations.Nullable;

/**
 * Where a literal goes wrong for its input type, as graphql-java's validation judges it:
 * its own check reports each mistake to these handlers, which keep it as parts of a
 * message (the path inside the value, the value as GraphQL text, the type) instead of the
 * syntax tree's Java text that graphql-java's message prints.
 */
final class LiteralMistake extends ValidationUtil {

	/** The most code points of a value or field name a message quotes. */
	private static final int QUOTED_CODE_POINTS = 40;

	private final Deque<String> path = new ArrayDeque<>();

	private String messageKey = "literal.wrongType";

	private String quoted = "";

	private String type = "";

	/**
	 * The message of the literal's mistake, or {@code null} if the literal fits its type.
	 * @param value the literal
	 * @param type its input type
	 * @param where the key of the words for what it is given to
	 * ({@code literal.argument})
	 * @param name the name of the argument or variable
	 * @param context the validation that judged it
	 * @param messages the bundles
	 * @return the message, or {@code null}
	 */
	static @Nullable String of(Value<?> value, GraphQLType type, String where, String name, ValidationContext context,
			ErrorMessages messages) {
		LiteralMistake mistake = new LiteralMistake();
		Locale locale = context.getI18n().getLocale();
		if (mistake.isValidLiteralValue(value, type, context.getSchema(), context.getGraphQLContext(), locale)) {
			return null;
		}
		String subject = messages.get(ErrorCode.BAD_USER_INPUT, where,
				new Object[] { shown(name + String.join("", mistake.path)) }, locale);
		return messages.get(ErrorCode.BAD_USER_INPUT, mistake.messageKey,
				new Object[] { subject, mistake.quoted, mistake.type }, locale);
	}

	@Override
	protected void handleNullError(Value<?> value, GraphQLType type) {
		found("literal.null", "null", type);
	}

	@Override
	protected void handleScalarError(Value<?> value, GraphQLScalarType type, GraphQLError error) {
		found("literal.wrongType", printed(value), type);
	}

	@Override
	protected void handleEnumError(Value<?> value, GraphQLEnumType type, GraphQLError error) {
		found("literal.wrongType", printed(value), type);
	}

	@Override
	protected void handleNotObjectError(Value<?> value, GraphQLInputObjectType type) {
		found("literal.wrongType", printed(value), type);
	}

	@Override
	protected void handleMissingFieldsError(Value<?> value, GraphQLInputObjectType type, Set<String> missingFields) {
		found("literal.missingFields", shown(String.join(", ", missingFields)), type);
	}

	@Override
	protected void handleExtraFieldError(Value<?> value, GraphQLInputObjectType type, ObjectField objectField) {
		found("literal.unknownField", shown(objectField.getName()), type);
	}

	@Override
	protected void handleExtraOneOfFieldsError(GraphQLInputObjectType type, Value<?> value) {
		found("literal.oneOf", "", type);
	}

	@Override
	protected void handleFieldNotValidError(ObjectField objectField, GraphQLInputObjectType type) {
		this.path.addFirst("." + objectField.getName());
	}

	@Override
	protected void handleFieldNotValidError(Value<?> value, GraphQLType type, int index) {
		this.path.addFirst("[" + index + "]");
	}

	private void found(String messageKey, String quoted, GraphQLType type) {
		this.messageKey = messageKey;
		this.quoted = quoted;
		this.type = GraphQLTypeUtil.simplePrint(type);
	}

	private static String printed(Value<?> value) {
		return shown(AstPrinter.printAstCompact(value));
	}

	private static String shown(String text) {
		return ShownText.of(text, QUOTED_CODE_POINTS);
	}

}
