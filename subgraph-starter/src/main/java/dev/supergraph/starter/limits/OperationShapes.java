package dev.supergraph.starter.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.jspecify.annotations.Nullable;

/**
 * Measures the operations of a parsed, not yet validated document. Each fragment is
 * measured once and then counted once per spread, so nested spreads cannot make the walk
 * exponential; unknown and circular spreads count nothing (validation refuses them).
 */
final class OperationShapes {

	private final Map<String, FragmentDefinition> fragments = new HashMap<>();

	private final Map<String, OperationShape> measured = new HashMap<>();

	private final Set<String> measuring = new HashSet<>();

	private OperationShapes(Document document) {
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			this.fragments.putIfAbsent(fragment.getName(), fragment);
		}
	}

	/**
	 * The largest count of each dimension over the document's operations.
	 * @param document the parsed document
	 * @return the shape to hold against the limits
	 */
	static OperationShape largest(Document document) {
		OperationShapes shapes = new OperationShapes(document);
		OperationShape largest = OperationShape.EMPTY;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			OperationShape shape = shapes.of(operation.getSelectionSet())
				.withDirectives(operation.getDirectives().size());
			largest = largest.max(shape);
		}
		return largest;
	}

	private OperationShape of(@Nullable SelectionSet selectionSet) {
		OperationShape shape = OperationShape.EMPTY;
		if (selectionSet != null) {
			for (Selection<?> selection : selectionSet.getSelections()) {
				shape = shape.plus(of(selection));
			}
		}
		return shape;
	}

	private OperationShape of(Selection<?> selection) {
		if (selection instanceof Field field) {
			return of(field.getSelectionSet()).asField(field.getAlias() != null, field.getDirectives().size());
		}
		if (selection instanceof InlineFragment inline) {
			return of(inline.getSelectionSet()).withDirectives(inline.getDirectives().size());
		}
		if (selection instanceof FragmentSpread spread) {
			return fragment(spread.getName()).withDirectives(spread.getDirectives().size());
		}
		return OperationShape.EMPTY;
	}

	private OperationShape fragment(String name) {
		OperationShape known = this.measured.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition fragment = this.fragments.get(name);
		if (fragment == null || !this.measuring.add(name)) {
			return OperationShape.EMPTY;
		}
		OperationShape shape = of(fragment.getSelectionSet()).withDirectives(fragment.getDirectives().size());
		this.measuring.remove(name);
		this.measured.put(name, shape);
		return shape;
	}

}
