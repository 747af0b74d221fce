package dev.supergraph.starter.validation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads a field of an input value: a map as graphql-java coerces arguments, or the record
 * a controller binds it to, whose components are named like the input's fields.
 */
final class InputValues {

	private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {

		@Override
		protected Map<String, Method> computeValue(Class<?> type) {
			Map<String, Method> accessors = new HashMap<>();
			for (RecordComponent component : type.getRecordComponents()) {
				Method accessor = component.getAccessor();
				// input records are package-private in their subgraph's feature package
				accessor.setAccessible(true);
				accessors.put(component.getName(), accessor);
			}
			return accessors;
		}

	};

	private InputValues() {
	}

	static @Nullable Object get(Object input, String field) {
		if (input instanceof Map<?, ?> map) {
			return map.get(field);
		}
		if (!input.getClass().isRecord()) {
			throw new IllegalArgumentException(input.getClass().getName() + " is neither a record nor a map");
		}
		Method accessor = ACCESSORS.get(input.getClass()).get(field);
		if (accessor == null) {
			throw new IllegalArgumentException(input.getClass().getName() + " has no component " + field);
		}
		try {
			return accessor.invoke(input);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + field + " of " + input.getClass().getName(), ex);
		}
	}

}
