package dev.supergraph.starter.validation;

import graphql.language.Directive;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.StringValue;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code @constraint} reaches a subgraph schema that applies it, with the
 * link and the composition directive that carry it into the supergraph, and no further.
 */
class ConstraintDirectiveConfigurerTests {

	@Test
	void aSchemaApplyingConstraintsGetsTheDefinitionLinkAndComposeDirective() {
		TypeDefinitionRegistry registry = configured("""
				type Query { a: String }
				input NameInput { name: String! @constraint(minLength: 1, maxLength: 100) }
				""");
		assertThat(registry.getDirectiveDefinition("constraint")).isPresent();
		SchemaExtensionDefinition extension = registry.getSchemaExtensionDefinitions().get(0);
		Directive link = extension.getDirectives("link").get(0);
		assertThat(((StringValue) link.getArgument("url").getValue()).getValue())
			.isEqualTo("https://supergraph.dev/specs/constraint/v1.0");
		Directive compose = extension.getDirectives("federation__composeDirective").get(0);
		assertThat(((StringValue) compose.getArgument("name").getValue()).getValue()).isEqualTo("@constraint");
	}

	@Test
	void findsConstraintsOnArgumentsAndInputExtensions() {
		assertThat(configured("type Query { user(id: ID! @constraint(pattern: \"[0-9]+\")): String }")
			.getDirectiveDefinition("constraint")).isPresent();
		assertThat(configured("""
				type Query { a: String }
				input NameInput { name: String }
				extend input NameInput { nick: String @constraint(maxLength: 10) }
				""").getDirectiveDefinition("constraint")).isPresent();
	}

	@Test
	void aSchemaWithoutConstraintsIsLeftAsItIs() {
		TypeDefinitionRegistry registry = configured("type Query { a(b: String): String }");
		assertThat(registry.getDirectiveDefinition("constraint")).isEmpty();
		assertThat(registry.getSchemaExtensionDefinitions()).isEmpty();
	}

	private static TypeDefinitionRegistry configured(String sdl) {
		TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
		new ConstraintDirectiveConfigurer().configure(registry);
		return registry;
	}

}
