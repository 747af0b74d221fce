package dev.supergraph.schematools.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.supergraph.schematools.DocumentParser;
import dev.supergraph.schematools.Synthesized;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.Value;

/**
 * Adds definitions for directives, and for federation's scalars ({@code FieldSet},
 * {@code link__Import}), that an SDL uses but does not declare; other unknown types stay
 * errors. Federation SDL printed by {@code _service { sdl }} imports {@code @key},
 * {@code @shareable} and friends through {@code @link} without defining them; the
 * synthesized definitions accept any argument value, so such SDL builds into a schema
 * whose applied directives can still be read.
 */
public final class LenientDefinitions {

	/** Description that marks a synthesized directive so that diffs can ignore it. */
	public static final String SYNTHESIZED = Synthesized.MARKER;

	static final String ANY_SCALAR = Synthesized.ANY_SCALAR;

	private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("skip", "include", "deprecated", "specifiedBy",
			"oneOf", "defer", "experimental_disableErrorPropagation");

	private static final Set<String> BUILT_IN_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");

	private static final String LOCATIONS = "SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION"
			+ " | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";

	private LenientDefinitions() {
	}

	public static Document complete(Document document) {
		Usages usages = new Usages();
		document.getDefinitions().forEach(usages::visit);
		StringBuilder sdl = new StringBuilder("scalar " + ANY_SCALAR + "\n");
		usages.directives.forEach((name, arguments) -> {
			if (!BUILT_IN_DIRECTIVES.contains(name) && !usages.declaredDirectives.contains(name)) {
				sdl.append(directiveDefinition(name, arguments));
			}
		});
		usages.typeNames.stream()
			.filter((name) -> !BUILT_IN_SCALARS.contains(name) && !usages.declaredTypes.contains(name))
			.filter((name) -> Synthesized.FEDERATION_SCALARS.contains(name) || Synthesized.isMachinery(name))
			.forEach((name) -> sdl.append("\"" + SYNTHESIZED + "\" scalar ").append(name).append('\n'));
		List<Definition> definitions = new ArrayList<>(document.getDefinitions());
		// as long as the schema uses undeclared directives: no operation's token limit
		definitions
			.addAll(DocumentParser.sdl(sdl.toString(), "definitions synthesized by schema-tools").getDefinitions());
		return document.transform((builder) -> builder.definitions(definitions));
	}

	private static String directiveDefinition(String name, Set<String> arguments) {
		List<String> declared = arguments.stream().map((argument) -> argument + ": " + ANY_SCALAR).toList();
		String argumentList = declared.isEmpty() ? "" : "(" + String.join(", ", declared) + ")";
		return "\"" + SYNTHESIZED + "\" directive @" + name + argumentList + " repeatable on " + LOCATIONS + "\n";
	}

	/**
	 * Walks the document's tree directly: graphql-java's {@code NodeTraverser} allocates
	 * a context and keeps a visited-set entry for every node, a tenth of the time to load
	 * an SDL of tens of megabytes. An AST is a tree, so nothing is visited twice.
	 */
	private static final class Usages {

		final Map<String, Set<String>> directives = new LinkedHashMap<>();

		final Set<String> typeNames = new LinkedHashSet<>();

		final Set<String> declaredDirectives = new LinkedHashSet<>();

		final Set<String> declaredTypes = new LinkedHashSet<>();

		void visit(Node<?> node) {
			if (node instanceof Value<?>) {
				// literals hold neither directives nor type names
				return;
			}
			if (node instanceof Directive directive) {
				Set<String> arguments = this.directives.computeIfAbsent(directive.getName(),
						(name) -> new LinkedHashSet<>());
				directive.getArguments().forEach((argument) -> arguments.add(argument.getName()));
			}
			else if (node instanceof TypeName type) {
				this.typeNames.add(type.getName());
			}
			else if (node instanceof DirectiveDefinition definition) {
				this.declaredDirectives.add(definition.getName());
			}
			else if (node instanceof TypeDefinition<?> definition) {
				this.declaredTypes.add(definition.getName());
			}
			for (Node<?> child : node.getChildren()) {
				visit(child);
			}
		}

	}

}
