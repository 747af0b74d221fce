package dev.supergraph.schematools;

/**
 * Names and markers of the definitions that the tools add to lenient SDL so that it
 * builds; diffs and lint skip them.
 */
public final class Synthesized {

	/** Description of a directive definition that the tools synthesized. */
	public static final String MARKER = "synthesized by schema-tools";

	/** Scalar that accepts any argument value of a synthesized directive. */
	public static final String ANY_SCALAR = "_SchemaToolsAny";

	/** Field of the {@code Query} type added to a subgraph that defines none. */
	public static final String PLACEHOLDER_FIELD = "_schemaToolsPlaceholder";

	/**
	 * Scalars that federation's directive definitions declare; they come and go with
	 * those definitions.
	 */
	public static final java.util.Set<String> FEDERATION_SCALARS = java.util.Set.of("FieldSet", "Scope", "Policy",
			"ContextFieldValue", "Import", "Purpose");

	private Synthesized() {
	}

	/**
	 * Whether a type or field name belongs to federation or tool machinery rather than to
	 * the domain ({@code _service}, {@code _Entity}, {@code __Type}, namespaced imports
	 * such as {@code join__Graph} or {@code requiresScopes__Scope}, synthesized names).
	 */
	public static boolean isMachinery(String name) {
		return name.startsWith("_") || name.contains("__");
	}

}
