package dev.supergraph.starter.federation;

import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's shared value types reach a subgraph schema that uses them, once, and no
 * further.
 */
class SharedTypesConfigurerTests {

	@Test
	void addsTheSharedTypesASchemaUsesAndNoOthers() {
		TypeDefinitionRegistry registry = configured("""
				type Query { orders: [Order!]! }
				type Order { total: Money! placedAt: DateTime! }
				""");
		assertThat(registry.getTypeOrNull("Money")).isInstanceOf(ObjectTypeDefinition.class);
		assertThat(registry.scalars()).containsKey("DateTime");
		assertThat(registry.getTypeOrNull("UserError")).isNull();
	}

	@Test
	void findsUsesInArgumentsInputsAndTypeExtensions() {
		TypeDefinitionRegistry registry = configured("""
				type Query { at(when: DateTime): String }
				extend type Query { problems: [UserError!]! }
				input PriceInput { price: Money }
				""");
		assertThat(registry.scalars()).containsKey("DateTime");
		assertThat(registry.getTypeOrNull("UserError")).isNotNull();
		assertThat(registry.getTypeOrNull("Money")).isNotNull();
	}

	@Test
	void aSharedTypeIsShareableSoEverySubgraphMayDefineIt() {
		TypeDefinitionRegistry registry = configured("type Query { problems: [UserError!]! }");
		assertThat(((ObjectTypeDefinition) registry.getTypeOrNull("UserError")).hasDirective("shareable")).isTrue();
	}

	@Test
	void keepsASubgraphsOwnDefinition() {
		TypeDefinitionRegistry registry = configured("""
				type Query { problems: [UserError!]! }
				"Our own." type UserError { code: String! }
				""");
		ObjectTypeDefinition userError = (ObjectTypeDefinition) registry.getTypeOrNull("UserError");
		assertThat(userError.getDescription().getContent()).isEqualTo("Our own.");
		assertThat(userError.getFieldDefinitions()).hasSize(1);
	}

	private static TypeDefinitionRegistry configured(String sdl) {
		TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
		new SharedTypesConfigurer().configure(registry);
		return registry;
	}

}
