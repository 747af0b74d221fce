package dev.supergraph.starter.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * Adds the starter's shared value types ({@code DateTime}, {@code Money},
 * {@code UserError}: {@code shared-types.graphqls} beside this class) to a subgraph
 * schema that uses them without defining them, so each is written once and composes the
 * same from every subgraph. A type the schema does not use is left out: it would only
 * widen the subgraph's contract. A subgraph's own definition of the name wins.
 */
class SharedTypesConfigurer implements TypeDefinitionConfigurer {

	private static final List<TypeDefinition<?>> SHARED = sharedTypes(parse("shared-types.graphqls"));

	@Override
	public void configure(TypeDefinitionRegistry registry) {
		Set<String> used = usedTypeNames(registry);
		for (TypeDefinition<?> shared : SHARED) {
			if (used.contains(shared.getName()) && registry.getTypeOrNull(shared.getName()) == null
					&& !registry.scalars().containsKey(shared.getName())) {
				registry.add(shared);
			}
		}
	}

	private static List<TypeDefinition<?>> sharedTypes(TypeDefinitionRegistry shared) {
		List<TypeDefinition<?>> types = new ArrayList<>();
		for (ScalarTypeDefinition scalar : shared.scalars().values()) {
			if (!ScalarInfo.isGraphqlSpecifiedScalar(scalar.getName())) {
				types.add(scalar);
			}
		}
		for (TypeDefinition<?> type : shared.types().values()) {
			types.add(type);
		}
		return List.copyOf(types);
	}

	private static Set<String> usedTypeNames(TypeDefinitionRegistry registry) {
		List<TypeDefinition<?>> types = new ArrayList<>();
		for (TypeDefinition<?> type : registry.types().values()) {
			types.add(type);
		}
		registry.objectTypeExtensions().values().forEach(types::addAll);
		registry.interfaceTypeExtensions().values().forEach(types::addAll);
		registry.inputObjectTypeExtensions().values().forEach(types::addAll);
		registry.unionTypeExtensions().values().forEach(types::addAll);
		Set<String> used = new HashSet<>();
		for (TypeDefinition<?> type : types) {
			if (type instanceof ObjectTypeDefinition object) {
				object.getFieldDefinitions().forEach((field) -> addField(field, used));
			}
			else if (type instanceof InterfaceTypeDefinition anInterface) {
				anInterface.getFieldDefinitions().forEach((field) -> addField(field, used));
			}
			else if (type instanceof InputObjectTypeDefinition input) {
				input.getInputValueDefinitions().forEach((value) -> used.add(named(value.getType())));
			}
			else if (type instanceof UnionTypeDefinition union) {
				union.getMemberTypes().forEach((member) -> used.add(named(member)));
			}
		}
		return used;
	}

	private static void addField(FieldDefinition field, Set<String> used) {
		used.add(named(field.getType()));
		for (InputValueDefinition argument : field.getInputValueDefinitions()) {
			used.add(named(argument.getType()));
		}
	}

	private static String named(Type<?> type) {
		if (type instanceof NonNullType nonNull) {
			return named(nonNull.getType());
		}
		if (type instanceof ListType list) {
			return named(list.getType());
		}
		return ((TypeName) type).getName();
	}

	private static TypeDefinitionRegistry parse(String resource) {
		try (InputStream in = SharedTypesConfigurer.class.getResourceAsStream(resource)) {
			return new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
