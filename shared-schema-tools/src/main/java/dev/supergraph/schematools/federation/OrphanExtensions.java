package dev.supergraph.schematools.federation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.Synthesized;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.SchemaDefinition;

/**
 * Turns {@code extend type X} without a base {@code type X} into a definition, as
 * federation subgraphs commonly extend types (such as {@code Query}) that another
 * subgraph owns, and adds an empty-ish {@code Query} when a subgraph defines none, so
 * that graphql-java can build a schema.
 */
public final class OrphanExtensions {

	static final String PLACEHOLDER_FIELD = Synthesized.PLACEHOLDER_FIELD;

	private OrphanExtensions() {
	}

	public static Document promote(Document document) {
		Set<String> defined = new HashSet<>();
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof ObjectTypeDefinition type && !(type instanceof ObjectTypeExtensionDefinition)) {
				defined.add(type.getName());
			}
		}
		List<Definition> definitions = new ArrayList<>();
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof ObjectTypeExtensionDefinition extension && defined.add(extension.getName())) {
				definitions.add(asDefinition(extension));
			}
			else {
				definitions.add(definition);
			}
		}
		boolean hasSchema = definitions.stream().anyMatch(SchemaDefinition.class::isInstance);
		if (!defined.contains("Query") && !hasSchema) {
			definitions.addAll(
					graphql.parser.Parser.parse("type Query { " + PLACEHOLDER_FIELD + ": Boolean }").getDefinitions());
		}
		List<Definition> result = definitions;
		return document.transform((builder) -> builder.definitions(result));
	}

	private static ObjectTypeDefinition asDefinition(ObjectTypeExtensionDefinition extension) {
		return ObjectTypeDefinition.newObjectTypeDefinition()
			.name(extension.getName())
			.description(extension.getDescription())
			.implementz(extension.getImplements())
			.directives(extension.getDirectives())
			.fieldDefinitions(extension.getFieldDefinitions())
			.sourceLocation(extension.getSourceLocation())
			.build();
	}

}
