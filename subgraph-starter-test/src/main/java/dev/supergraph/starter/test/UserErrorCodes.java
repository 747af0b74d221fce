package dev.supergraph.starter.test;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;

/**
 * The user error codes a mutation documents: those its payload's {@code userErrors} field
 * lists in its description ({@code "Problems with the input: REQUIRED,
 * SKU_TAKEN."}), read from the SDL a subgraph serves to composition, which is what client
 * teams read in the API schema.
 */
public final class UserErrorCodes {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)*\\b");

	private UserErrorCodes() {
	}

	/**
	 * The codes a mutation of a running subgraph documents.
	 * @param port the subgraph's port
	 * @param mutation the mutation field
	 * @return the codes, sorted; none when its payload's {@code userErrors} has no
	 * description
	 */
	public static Set<String> documented(int port, String mutation) {
		String sdl = GraphQlHttpClient.forPort(port)
			.post("{ _service { sdl } }")
			.data()
			.path("_service")
			.path("sdl")
			.asString();
		TypeDefinitionRegistry types = new SchemaParser().parse(sdl);
		String payload = TypeUtil.unwrapAll(field(types, "Mutation", mutation).getType()).getName();
		Description description = field(types, payload, "userErrors").getDescription();
		Set<String> codes = new TreeSet<>();
		if (description != null) {
			CODE.matcher(description.getContent()).results().map(MatchResult::group).forEach(codes::add);
		}
		return codes;
	}

	private static FieldDefinition field(TypeDefinitionRegistry types, String type, String name) {
		return types.getType(type, ObjectTypeDefinition.class)
			.orElseThrow(() -> new IllegalStateException("No type " + type + " in the served SDL"))
			.getFieldDefinitions()
			.stream()
			.filter((field) -> field.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No field " + type + "." + name + " in the served SDL"));
	}

}
