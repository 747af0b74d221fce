package dev.supergraph.starter.inputs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds a string that is not {@link StorableText storable text} among the field arguments
 * of an operation: literals of the document and variable values alike, at any depth of
 * input objects and lists, {@code _entities} representations included. Explicit stacks,
 * not recursion: a hostile document or variable nests deeply.
 */
final class ArgumentTexts {

	private ArgumentTexts() {
	}

	/**
	 * The first unstorable string found.
	 * @param operation the operation to execute
	 * @param fragments the fragments of its document
	 * @param variables the coerced variables
	 * @return the argument it was found in and its path there, or {@code null}
	 */
	static @Nullable Found find(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
			Map<String, Object> variables) {
		Deque<SelectionSet> pending = new ArrayDeque<>(List.of(operation.getSelectionSet()));
		Set<String> spread = new HashSet<>();
		while (!pending.isEmpty()) {
			for (Selection<?> selection : pending.pop().getSelections()) {
				if (selection instanceof Field field) {
					Found found = inArguments(field.getArguments(), variables);
					if (found != null) {
						return found;
					}
				}
				SelectionSet nested = nested(selection, fragments, spread);
				if (nested != null) {
					pending.push(nested);
				}
			}
		}
		return null;
	}

	private static @Nullable Found inArguments(List<Argument> arguments, Map<String, Object> variables) {
		for (Argument argument : arguments) {
			InputPath path = ArgumentValues.firstUnstorable(argument, variables);
			if (path != null) {
				return new Found(argument, path.toList());
			}
		}
		return null;
	}

	private static @Nullable SelectionSet nested(Selection<?> selection, Map<String, FragmentDefinition> fragments,
			Set<String> spread) {
		if (selection instanceof Field field) {
			return field.getSelectionSet();
		}
		if (selection instanceof InlineFragment inline) {
			return inline.getSelectionSet();
		}
		if (selection instanceof FragmentSpread fragmentSpread && spread.add(fragmentSpread.getName())) {
			FragmentDefinition definition = fragments.get(fragmentSpread.getName());
			return (definition != null) ? definition.getSelectionSet() : null;
		}
		return null;
	}

	/**
	 * An unstorable string.
	 *
	 * @param argument the field argument holding it
	 * @param field its path: the argument name, then input fields and list indices
	 */
	record Found(Argument argument, List<String> field) {

	}

}
