package dev.supergraph.schematools.federation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import graphql.schema.GraphQLSchema;

/**
 * Which applied directives of a schema are federation's, read from its {@code @link}s as
 * composition reads them. A subgraph linked to the federation 2 specification applies a
 * federation directive under the name it imports ({@code "@inaccessible"}, or
 * {@code {name: "@inaccessible", as: "@hidden"}}) or, when not imported, under its
 * namespaced name ({@code @federation__inaccessible}); a plain name it does not import is
 * a custom directive that composition ignores. A supergraph links each security
 * specification on its own ({@code @link(url: ".../inaccessible/v0.2")} gives
 * {@code @inaccessible}). A schema without a link to federation 2 is a federation 1
 * subgraph: only federation 1's directives count, under their plain names.
 */
public final class FederationNames {

	private static final Set<String> FEDERATION_1 = Set.of("key", "requires", "provides", "external", "tag", "extends");

	private static final Set<String> FEDERATION_2 = Set.of("key", "requires", "provides", "external", "tag", "extends",
			"shareable", "inaccessible", "override", "composeDirective", "interfaceObject", "authenticated",
			"requiresScopes", "policy", "context", "fromContext", "cost", "listSize");

	/**
	 * Specifications of the supergraph machinery, which defines no federation directive.
	 */
	private static final Set<String> MACHINERY = Set.of("link", "join", "core");

	private final List<LinkedSpec> links;

	private final boolean federation2;

	private FederationNames(List<LinkedSpec> links) {
		this.links = links;
		this.federation2 = links.stream().anyMatch((link) -> link.spec().equals("federation"));
	}

	public static FederationNames of(GraphQLSchema schema) {
		return new FederationNames(schema.getSchemaAppliedDirectives("link")
			.stream()
			.flatMap((link) -> LinkedSpec.of(link).stream())
			.filter((link) -> !MACHINERY.contains(link.spec()))
			.toList());
	}

	/**
	 * The federation directive that a directive applied under {@code local} stands for.
	 * @param local the name the schema applies, without {@code @}
	 * @return the federation directive's name, empty for a custom directive
	 */
	public Optional<String> federationName(String local) {
		for (LinkedSpec link : this.links) {
			Optional<String> element = link.element(local);
			if (element.isPresent()) {
				return element;
			}
		}
		return (!this.federation2 && FEDERATION_1.contains(local)) ? Optional.of(local) : Optional.empty();
	}

	/**
	 * Whether a directive applied under the plain name of a federation directive is one
	 * that a federation 2 subgraph does not import: composition takes it for a custom
	 * directive and silently ignores it.
	 * @param local the name the schema applies, without {@code @}
	 * @return whether composition ignores it
	 */
	public boolean ignoredByComposition(String local) {
		return this.federation2 && FEDERATION_2.contains(local) && federationName(local).isEmpty();
	}

}
