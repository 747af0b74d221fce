package dev.supergraph.schematools.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.ArrayValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import org.jspecify.annotations.Nullable;

/**
 * One {@code @link} to a specification of {@code specs.apollo.dev}, read as the link
 * specification defines it: {@code @link(url: ".../federation/v2.9", as: "fed", import:
 * ["@key", {name: "@inaccessible", as: "@hidden"}])}.
 *
 * @param spec the specification's name, the last path segment before the version
 * ({@code federation}, {@code inaccessible})
 * @param namespace the prefix of the names not imported: {@code as}, else the spec's name
 * @param imports directive names as the schema writes them (without {@code @}) to the
 * specification's names
 */
record LinkedSpec(String spec, String namespace, Map<String, String> imports) {

	private static final String SPECS = "https://specs.apollo.dev/";

	static Optional<LinkedSpec> of(GraphQLAppliedDirective link) {
		String url = string(argument(link, "url"));
		if (url == null || !url.startsWith(SPECS)) {
			return Optional.empty();
		}
		List<String> path = List.of(url.substring(SPECS.length()).split("/"));
		if (path.size() < 2) {
			return Optional.empty();
		}
		String spec = path.get(path.size() - 2);
		String namespace = string(argument(link, "as"));
		return Optional.of(new LinkedSpec(spec, (namespace != null) ? namespace : spec, imports(link)));
	}

	/**
	 * The specification's name of a directive the schema applies under {@code local}: an
	 * imported name, or {@code namespace__name} for one not imported, or the bare
	 * namespace for the directive named like its specification ({@code @inaccessible}).
	 */
	Optional<String> element(String local) {
		if (this.imports.containsKey(local)) {
			return Optional.of(this.imports.get(local));
		}
		String prefix = this.namespace + "__";
		if (local.startsWith(prefix) && !this.imports.containsValue(local.substring(prefix.length()))) {
			return Optional.of(local.substring(prefix.length()));
		}
		return local.equals(this.namespace) ? Optional.of(this.spec) : Optional.empty();
	}

	private static Map<String, String> imports(GraphQLAppliedDirective link) {
		Map<String, String> imports = new LinkedHashMap<>();
		if (argument(link, "import") instanceof ArrayValue list) {
			for (Value<?> item : list.getValues()) {
				String name = (item instanceof ObjectValue object) ? string(field(object, "name")) : string(item);
				String alias = (item instanceof ObjectValue object) ? string(field(object, "as")) : null;
				// names without @ import types such as FieldSet, which are no directives
				if (name != null && name.startsWith("@")) {
					imports.put(((alias != null) ? alias : name).substring(1), name.substring(1));
				}
			}
		}
		return imports;
	}

	private static @Nullable Value<?> argument(GraphQLAppliedDirective directive, String name) {
		GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
		return (argument != null && argument.getArgumentValue().getValue() instanceof Value<?> value) ? value : null;
	}

	private static @Nullable Value<?> field(ObjectValue object, String name) {
		return object.getObjectFields()
			.stream()
			.filter((field) -> field.getName().equals(name))
			.map(ObjectField::getValue)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String string(@Nullable Value<?> value) {
		return (value instanceof StringValue string) ? string.getValue() : null;
	}

}
