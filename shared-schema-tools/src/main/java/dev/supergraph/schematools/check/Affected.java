package dev.supergraph.schematools.check;

import java.util.List;
import java.util.stream.Stream;

/**
 * The known operations a change reaches.
 *
 * @param using operations that use the changed element: a breaking change breaks them, so
 * it fails
 * @param seeing operations that only see the change's effect, such as those receiving
 * values of a changed enum: named for review, they do not make a breaking change fail
 * that the deprecation policy allows
 */
record Affected(List<String> using, List<String> seeing) {

	/** Every operation reached, those that use the element first. */
	List<String> all() {
		return Stream.concat(this.using.stream(), this.seeing.stream()).distinct().toList();
	}

}
