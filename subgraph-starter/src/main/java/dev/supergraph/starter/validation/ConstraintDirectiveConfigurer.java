package dev.supergraph.starter.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * Adds the definition of {@code @constraint} ({@code constraint.graphqls} beside this
 * class) to a subgraph schema that applies it, with the {@code @link} to its spec and the
 * {@code @composeDirective} that keep it in the supergraph and the API schema, where the
 * client generators read it. A schema that applies no constraint is left as it is.
 */
class ConstraintDirectiveConfigurer implements TypeDefinitionConfigurer {

	static final String NAME = "constraint";

	private static final TypeDefinitionRegistry DEFINITION = parse("constraint.graphqls");

	@Override
	public void configure(TypeDefinitionRegistry registry) {
		if (registry.getDirectiveDefinition(NAME).isPresent() || !appliesConstraints(registry)) {
			return;
		}
		registry.add(DEFINITION.getDirectiveDefinition(NAME).orElseThrow());
		for (SchemaExtensionDefinition extension : DEFINITION.getSchemaExtensionDefinitions()) {
			registry.add(extension);
		}
	}

	private static boolean appliesConstraints(TypeDefinitionRegistry registry) {
		return inputValues(registry).anyMatch((value) -> value.hasDirective(NAME));
	}

	private static Stream<InputValueDefinition> inputValues(TypeDefinitionRegistry registry) {
		List<TypeDefinition<?>> types = new ArrayList<>();
		for (TypeDefinition<?> type : registry.types().values()) {
			types.add(type);
		}
		registry.objectTypeExtensions().values().forEach(types::addAll);
		registry.interfaceTypeExtensions().values().forEach(types::addAll);
		registry.inputObjectTypeExtensions().values().forEach(types::addAll);
		return types.stream().flatMap(ConstraintDirectiveConfigurer::inputValues);
	}

	private static Stream<InputValueDefinition> inputValues(TypeDefinition<?> type) {
		if (type instanceof InputObjectTypeDefinition input) {
			return input.getInputValueDefinitions().stream();
		}
		List<FieldDefinition> fields = (type instanceof ObjectTypeDefinition object) ? object.getFieldDefinitions()
				: (type instanceof InterfaceTypeDefinition anInterface) ? anInterface.getFieldDefinitions() : List.of();
		return fields.stream().flatMap((field) -> field.getInputValueDefinitions().stream());
	}

	private static TypeDefinitionRegistry parse(String resource) {
		try (InputStream in = ConstraintDirectiveConfigurer.class.getResourceAsStream(resource)) {
			return new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
