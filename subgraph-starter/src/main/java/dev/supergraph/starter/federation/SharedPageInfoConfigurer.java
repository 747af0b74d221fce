package dev.supergraph.starter.federation;

import graphql.language.Directive;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * Marks the {@code PageInfo} type that Spring for GraphQL generates for connections as
 * {@code @shareable}: every subgraph generates the same type, and composition accepts a
 * value type defined in several subgraphs only when it is shareable. Subgraph schemas
 * must import {@code @shareable} in their {@code @link}.
 */
class SharedPageInfoConfigurer implements TypeDefinitionConfigurer {

	@Override
	public void configure(TypeDefinitionRegistry registry) {
		if (!(registry.getTypeOrNull("PageInfo") instanceof ObjectTypeDefinition pageInfo)
				|| pageInfo.hasDirective("shareable")) {
			return;
		}
		registry.remove(pageInfo);
		registry.add(pageInfo.transform((builder) -> builder.directive(new Directive("shareable"))));
	}

}
