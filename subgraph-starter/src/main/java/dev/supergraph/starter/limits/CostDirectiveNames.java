package dev.supergraph.starter.limits;

import graphql.language.ArrayValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * {@code @cost} and {@code @listSize} as a schema names them: imported by {@code @link}
 * from the cost spec or from federation, maybe renamed ({@code {name: "@listSize", as:
 * "@pageSize"}}). The router reads the names the same way.
 *
 * @param cost the name of {@code @cost}
 * @param listSize the name of {@code @listSize}
 */
record CostDirectiveNames(String cost, String listSize) {

	private static final String COST_SPEC = "https://specs.apollo.dev/cost/";

	private static final String FEDERATION_SPEC = "https://specs.apollo.dev/federation/";

	// An application has one schema: the names read for the last one asked about, looked
	// up on every field's cost and page size without a lock.
	private static volatile @Nullable Read last;

	static CostDirectiveNames of(GraphQLSchema schema) {
		Read read = last;
		if (read == null || read.schema() != schema) {
			read = new Read(schema, read(schema));
			last = read;
		}
		return read.names();
	}

	private record Read(GraphQLSchema schema, CostDirectiveNames names) {

	}

	private static CostDirectiveNames read(GraphQLSchema schema) {
		String cost = "cost";
		String listSize = "listSize";
		for (GraphQLAppliedDirective link : schema.getSchemaAppliedDirectives("link")) {
			GraphQLAppliedDirectiveArgument url = link.getArgument("url");
			GraphQLAppliedDirectiveArgument imports = link.getArgument("import");
			if (url == null || imports == null || !(url.getValue() instanceof String spec)
					|| !(spec.startsWith(COST_SPEC) || spec.startsWith(FEDERATION_SPEC))
					|| !(imports.getArgumentValue().getValue() instanceof ArrayValue entries)) {
				continue;
			}
			for (Value<?> entry : entries.getValues()) {
				cost = renamed(entry, "@cost", cost);
				listSize = renamed(entry, "@listSize", listSize);
			}
		}
		return new CostDirectiveNames(cost, listSize);
	}

	private static String renamed(Value<?> entry, String directive, String current) {
		if (!(entry instanceof ObjectValue object) || !directive.equals(field(object, "name"))) {
			return current;
		}
		String as = field(object, "as");
		return (as != null) ? as.replaceFirst("^@", "") : current;
	}

	private static @Nullable String field(ObjectValue object, String name) {
		for (ObjectField field : object.getObjectFields()) {
			if (field.getName().equals(name) && field.getValue() instanceof StringValue value) {
				return value.getValue();
			}
		}
		return null;
	}

}
