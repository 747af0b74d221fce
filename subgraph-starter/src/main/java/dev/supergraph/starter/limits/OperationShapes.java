package dev.supergraph.starter.limits;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
import graphql.language.SelectionSetContainer;
import org.jspecify.annotations.Nullable;

/**
 * Measures the operations of a parsed, not yet validated document. Each fragment is
 * measured once, after the fragments it spreads, and then counted once per spread: nested
 * spreads cannot make the walk exponential, and a long chain of fragments does not deepen
 * the call stack. Unknown and circular spreads count nothing (validation refuses them).
 */
final class OperationShapes {

	private final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();

	private final Map<String, OperationShape> measured = new HashMap<>();

	private OperationShapes(Document document) {
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			this.fragments.putIfAbsent(fragment.getName(), fragment);
		}
		Set<String> started = new HashSet<>();
		for (String name : this.fragments.keySet()) {
			if (started.add(name)) {
				measureFrom(name, started);
			}
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

	// depth first over the spreads with an explicit stack, so each fragment is measured
	// after the fragments it spreads
	private void measureFrom(String root, Set<String> started) {
		Deque<Pending> stack = new ArrayDeque<>();
		stack.push(new Pending(this.fragments.get(root)));
		while (!stack.isEmpty()) {
			Pending top = stack.peek();
			if (!top.spreads().hasNext()) {
				stack.pop();
				FragmentDefinition fragment = top.fragment();
				this.measured.put(fragment.getName(),
						of(fragment.getSelectionSet()).withDirectives(fragment.getDirectives().size()));
				continue;
			}
			FragmentDefinition next = this.fragments.get(top.spreads().next());
			if (next != null && started.add(next.getName())) {
				stack.push(new Pending(next));
			}
		}
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
			// not measured yet means circular: the fragment is still on the stack
			return this.measured.getOrDefault(spread.getName(), OperationShape.EMPTY)
				.withDirectives(spread.getDirectives().size());
		}
		return OperationShape.EMPTY;
	}

	private static void collectSpreads(@Nullable SelectionSet selectionSet, List<String> names) {
		if (selectionSet == null) {
			return;
		}
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof FragmentSpread spread) {
				names.add(spread.getName());
			}
			else if (selection instanceof SelectionSetContainer<?> container) {
				collectSpreads(container.getSelectionSet(), names);
			}
		}
	}

	/** A fragment on the stack and the spreads of it still to visit. */
	private record Pending(FragmentDefinition fragment, Iterator<String> spreads) {

		Pending(FragmentDefinition fragment) {
			this(fragment, spreadsOf(fragment));
		}

		private static Iterator<String> spreadsOf(FragmentDefinition fragment) {
			List<String> names = new ArrayList<>();
			collectSpreads(fragment.getSelectionSet(), names);
			return names.iterator();
		}

	}

}
