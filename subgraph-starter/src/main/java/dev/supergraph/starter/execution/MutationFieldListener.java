package dev.supergraph.starter.execution;

/**
 * Told when a mutation field's resolver has returned or failed: its writes are committed
 * (resolvers commit before they return), and neither the field's payload nor the next
 * mutation of the operation has been read yet. A bean of this type is called by
 * {@link AfterMutationFields} for every mutation of every operation, present or future,
 * without code in the mutation; e.g. a read cache is invalidated here.
 */
@FunctionalInterface
public interface MutationFieldListener {

	void mutationFieldDone();

}
