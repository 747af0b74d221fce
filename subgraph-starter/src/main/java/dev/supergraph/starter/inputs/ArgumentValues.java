package dev.supergraph.starter.inputs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import org.jspecify.annotations.Nullable;

/**
 * Walks the value of one argument: the literal of the document, and where it refers to a
 * variable, the variable's coerced value (strings, maps of input objects and of
 * {@code _Any} representations, lists).
 */
final class ArgumentValues {

	private ArgumentValues() {
	}

	static @Nullable InputPath firstUnstorable(Argument argument, Map<String, Object> variables) {
		Deque<Step> steps = new ArrayDeque<>();
		steps.push(new Step(argument.getValue(), InputPath.of(argument.getName())));
		while (!steps.isEmpty()) {
			Step step = steps.pop();
			Object value = (step.value() instanceof VariableReference variable) ? variables.get(variable.getName())
					: step.value();
			String text = text(value);
			if (text != null && !StorableText.isStorable(text)) {
				return step.path();
			}
			push(steps, value, step.path());
		}
		return null;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof StringValue literal) {
			return literal.getValue();
		}
		return (value instanceof String string) ? string : null;
	}

	private static void push(Deque<Step> steps, @Nullable Object value, InputPath path) {
		if (value instanceof ObjectValue object) {
			for (ObjectField field : object.getObjectFields()) {
				steps.push(new Step(field.getValue(), path.then(field.getName())));
			}
		}
		else if (value instanceof ArrayValue array) {
			pushAll(steps, array.getValues(), path);
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> steps.push(new Step(item, path.then(key))));
		}
		else if (value instanceof List<?> list) {
			pushAll(steps, list, path);
		}
	}

	private static void pushAll(Deque<Step> steps, List<?> items, InputPath path) {
		for (int index = 0; index < items.size(); index++) {
			steps.push(new Step(items.get(index), path.then(index)));
		}
	}

	private record Step(@Nullable Object value, InputPath path) {

	}

}
