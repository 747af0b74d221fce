package dev.supergraph.catalog.cache;

import dev.supergraph.starter.execution.MutationFieldListener;

/**
 * Invalidates the catalog cache after each mutation field's resolver, whether it returned
 * or failed: after its writes are committed, before the field's payload is resolved and
 * before the response is written, so no read that follows sees rows from before them:
 * neither the payload of the next mutation of the same operation nor a later request.
 * Every catalog mutation, present or future, is covered without cache code of its own. A
 * mutation that failed or was refused invalidates too: a write may have committed before
 * it failed, and mutations are rare next to reads.
 */
final class InvalidateAfterMutations implements MutationFieldListener {

	private final CatalogCache cache;

	InvalidateAfterMutations(CatalogCache cache) {
		this.cache = cache;
	}

	@Override
	public void mutationFieldDone() {
		this.cache.invalidate();
	}

}
