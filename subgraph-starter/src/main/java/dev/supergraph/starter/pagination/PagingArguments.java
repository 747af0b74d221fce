package dev.supergraph.starter.pagination;

import java.util.Set;

/**
 * The arguments of every connection the starter paginates: the page size, which the
 * connection's {@code @listSize} names as its slicing argument, and the cursor the page
 * starts after.
 */
final class PagingArguments {

	static final String FIRST = "first";

	static final String AFTER = "after";

	static final Set<String> BOTH = Set.of(FIRST, AFTER);

	private PagingArguments() {
	}

}
