package dev.supergraph.schematools.federation;

import java.util.List;

import graphql.language.Definition;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.NamedNode;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.SchemaDefinition;
import graphql.language.AstTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import static graphql.util.TreeTransformerUtil.deleteNode;

/**
 * Derives the API schema document from a Federation 2 supergraph: drops the
 * {@code join__}, {@code link__} and {@code core__} machinery, the {@code @link} and
 * {@code @inaccessible} definitions and every element marked {@code @inaccessible}, which
 * clients cannot see.
 */
public final class ApiSchemaExtractor {

	private static final List<String> MACHINERY_PREFIXES = List.of("join__", "link__", "core__");

	private static final List<String> MACHINERY_DIRECTIVES = List.of("link", "core", "inaccessible");

	private ApiSchemaExtractor() {
	}

	public static Document apiDocument(Document supergraph) {
		List<Definition> kept = supergraph.getDefinitions()
			.stream()
			.filter((definition) -> !isMachinery(definition))
			.map((definition) -> (Definition) definition)
			.toList();
		Document withoutMachinery = supergraph.transform((builder) -> builder.definitions(kept));
		return (Document) new AstTransformer().transform(withoutMachinery, new InaccessibleRemover());
	}

	private static boolean isMachinery(Definition<?> definition) {
		if (definition instanceof SchemaDefinition) {
			return false;
		}
		if (definition instanceof DirectiveDefinition directive) {
			return MACHINERY_DIRECTIVES.contains(directive.getName()) || isMachineryName(directive.getName());
		}
		return definition instanceof NamedNode<?> named && isMachineryName(named.getName());
	}

	private static boolean isMachineryName(String name) {
		return MACHINERY_PREFIXES.stream().anyMatch(name::startsWith);
	}

	private static final class InaccessibleRemover extends NodeVisitorStub {

		@Override
		protected TraversalControl visitNode(Node node, TraverserContext<Node> context) {
			if (node instanceof DirectivesContainer<?> container && container.hasDirective("inaccessible")) {
				return deleteNode(context);
			}
			return TraversalControl.CONTINUE;
		}

	}

}
