package dev.supergraph.starter.inputs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The path of a value inside an argument, e.g. {@code input.items.0.productId}: built one
 * segment at a time while walking, turned into a list only for the one value that is
 * reported.
 *
 * @param parent the path of the enclosing value, {@code null} for the argument itself
 * @param segment the argument name, input field name or list index
 */
record InputPath(@Nullable InputPath parent, String segment) {

	static InputPath of(String argument) {
		return new InputPath(null, argument);
	}

	InputPath then(Object segment) {
		return new InputPath(this, String.valueOf(segment));
	}

	List<String> toList() {
		Deque<String> segments = new ArrayDeque<>();
		for (InputPath path = this; path != null; path = path.parent) {
			segments.addFirst(path.segment);
		}
		return List.copyOf(segments);
	}

}
