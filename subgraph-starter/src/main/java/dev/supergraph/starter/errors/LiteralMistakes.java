package dev.supergraph.starter.errors;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.i18n.I18n;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLSchema;
import graphql.validation.AbstractRule;
import graphql.validation.LanguageTraversal;
import graphql.validation.RulesVisitor;
import graphql.validation.ValidationContext;
import graphql.validation.ValidationErrorCollector;

/**
 * The literals of a document that do not fit their input types (arguments of fields and
 * directives, variables' default values), each worded from the bundles by where it is
 * written: graphql-java's validation refuses them with the literal's syntax tree as Java
 * text ({@code 'BooleanValue{value=true}' is not a valid 'ID'}) and the scalar's own
 * words, in English. Asked again only for a document validation refused, walked as
 * graphql-java's own rules walk it, so both find the same literals.
 */
final class LiteralMistakes extends AbstractRule {

	private final ErrorMessages messages;

	private final Map<At, String> found = new HashMap<>();

	private LiteralMistakes(ValidationContext context, ErrorMessages messages) {
		super(context, new ValidationErrorCollector());
		this.messages = messages;
	}

	/**
	 * The messages of the document's literals that do not fit, by the location
	 * graphql-java's validation error names: the argument, or the variable definition.
	 * @param schema the schema
	 * @param document the document
	 * @param locale the language of the messages
	 * @param messages the bundles
	 * @return the messages by location
	 */
	static Map<At, String> in(GraphQLSchema schema, Document document, Locale locale, ErrorMessages messages) {
		ValidationContext context = new ValidationContext(schema, document,
				I18n.i18n(I18n.BundleType.Validation, locale));
		LiteralMistakes rule = new LiteralMistakes(context, messages);
		new LanguageTraversal().traverse(document, new RulesVisitor(context, List.of(rule)));
		return rule.found;
	}

	@Override
	public void checkArgument(Argument argument) {
		GraphQLArgument definition = getValidationContext().getArgument();
		if (definition == null) {
			return;
		}
		String message = LiteralMistake.of(argument.getValue(), definition.getType(), "literal.argument",
				argument.getName(), getValidationContext(), this.messages);
		if (message != null) {
			this.found.put(At.of(argument.getSourceLocation()), message);
		}
	}

	@Override
	public void checkVariableDefinition(VariableDefinition variable) {
		GraphQLInputType type = getValidationContext().getInputType();
		if (type == null || variable.getDefaultValue() == null) {
			return;
		}
		String message = LiteralMistake.of(variable.getDefaultValue(), type, "literal.defaultValue", variable.getName(),
				getValidationContext(), this.messages);
		if (message != null) {
			this.found.put(At.of(variable.getSourceLocation()), message);
		}
	}

	/**
	 * A place in the document, whichever parse of it the location comes from.
	 *
	 * @param line the line
	 * @param column the column
	 */
	record At(int line, int column) {

		static At of(SourceLocation location) {
			return new At(location.getLine(), location.getColumn());
		}

	}

}
