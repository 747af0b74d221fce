package dev.supergraph.starter.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The first {@code max} distinct values a metric label is given, which it keeps: what
 * bounds a label whose values come from requests ({@link OperationNames},
 * {@link ClientLabels}). Two requests racing for the last place may both get one.
 */
final class FirstValues {

	/** The label of every value past the first ones, or not acceptable. */
	static final String OTHER = "other";

	private final Set<String> values = ConcurrentHashMap.newKeySet();

	private final int max;

	FirstValues(int max) {
		this.max = max;
	}

	/**
	 * The label of a value: the value itself if it is one of the label's values, made one
	 * while there is room, else {@link #OTHER}.
	 * @param value the value
	 * @param acceptable whether a new value may become one at all
	 * @return the value or {@link #OTHER}
	 */
	String label(String value, Predicate<String> acceptable) {
		if (this.values.contains(value)) {
			return value;
		}
		if (this.values.size() >= this.max || !acceptable.test(value)) {
			return OTHER;
		}
		this.values.add(value);
		return value;
	}

}
