package dev.supergraph.starter.limits;

/**
 * What an operation asks for, counted on its document before validation: aliases, root
 * fields and the most directives on one selection. A fragment counts once per spread, as
 * the depth limit counts it.
 *
 * @param aliases aliased fields, anywhere in the operation
 * @param rootFields fields of the top-level selection set, fragments included
 * @param directives the most directives on a single field, fragment spread or inline
 * fragment
 */
record OperationShape(long aliases, long rootFields, int directives) {

	static final OperationShape EMPTY = new OperationShape(0, 0, 0);

	// counts saturate here, so a fragment spread billions of times stays a number
	private static final long CAP = Integer.MAX_VALUE;

	/**
	 * This selection set followed by another at the same level.
	 * @param other the other shape
	 * @return both counted
	 */
	OperationShape plus(OperationShape other) {
		return new OperationShape(add(this.aliases, other.aliases), add(this.rootFields, other.rootFields),
				Math.max(this.directives, other.directives));
	}

	/**
	 * The shape of a field whose selections have this shape: it is one field at its
	 * level, and its selections' fields are not.
	 * @param aliased whether the field has an alias
	 * @param fieldDirectives the directives on the field
	 * @return the field's shape
	 */
	OperationShape asField(boolean aliased, int fieldDirectives) {
		return new OperationShape(add(this.aliases, aliased ? 1 : 0), 1, Math.max(this.directives, fieldDirectives));
	}

	OperationShape withDirectives(int selectionDirectives) {
		return new OperationShape(this.aliases, this.rootFields, Math.max(this.directives, selectionDirectives));
	}

	/**
	 * The larger count of each dimension, to check every operation of a document at once.
	 * @param other another operation's shape
	 * @return the component-wise maximum
	 */
	OperationShape max(OperationShape other) {
		return new OperationShape(Math.max(this.aliases, other.aliases), Math.max(this.rootFields, other.rootFields),
				Math.max(this.directives, other.directives));
	}

	private static long add(long a, long b) {
		return Math.min(a + b, CAP);
	}

}
