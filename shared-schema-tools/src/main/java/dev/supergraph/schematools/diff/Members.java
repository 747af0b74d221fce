package dev.supergraph.schematools.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Matches two lists of named schema members by name and reports which were added, removed
 * or kept.
 */
final class Members {

	private Members() {
	}

	static <T> void match(List<T> before, List<T> after, Function<T, String> name, Consumer<T> removed,
			Consumer<T> added, BiConsumer<T, T> kept) {
		Map<String, T> afterByName = new LinkedHashMap<>();
		after.forEach((member) -> afterByName.put(name.apply(member), member));
		for (T old : before) {
			T current = afterByName.remove(name.apply(old));
			if (current == null) {
				removed.accept(old);
			}
			else {
				kept.accept(old, current);
			}
		}
		new ArrayList<>(afterByName.values()).forEach(added);
	}

}
