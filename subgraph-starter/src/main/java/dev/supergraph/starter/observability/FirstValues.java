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

	private final Set<String> values = ConcurrentHashMap.newKeySet();

	private final int max;

	FirstValues(int max) {
		this.max = max;
	}

	/**
	 * Whether a value is one of the label's values, making it one while there is room.
	 * @param value the value
	 * @param acceptable whether a new value may become one at all
	 * @return {@code true} for a value the label keeps
	 */
	boolean admit(String value, Predicate<String> acceptable) {
		if (this.values.contains(value)) {
			return true;
		}
		if (this.values.size() >= this.max || !acceptable.test(value)) {
			return false;
		}
		this.values.add(value);
		return true;
	}

}
