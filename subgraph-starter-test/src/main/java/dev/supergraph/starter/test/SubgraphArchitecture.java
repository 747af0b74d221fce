package dev.supergraph.starter.test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Layout rules every subgraph shares. A subgraph's classes live in
 * {@code dev.supergraph.<subgraph>}; within {@code dev.supergraph} they may use their own
 * packages, the starter's and the generated client's (a call to another subgraph is typed
 * with the client's model records), never another subgraph's, so the rule names no
 * subgraph and a new one needs nothing here. Use it from the subgraph's
 * {@code ArchitectureTests}:
 * {@code @ArchTest static final ArchRule ownPackagesAndStarterOnly = SubgraphArchitecture.OWN_PACKAGES_AND_STARTER_ONLY;}
 */
public final class SubgraphArchitecture {

	static final String ROOT = "dev.supergraph.";

	static final String STARTER = "starter";

	static final String CLIENT = "client";

	/**
	 * A subgraph depends only on its own packages, the starter and the generated client
	 * (and on libraries).
	 */
	public static final ArchRule OWN_PACKAGES_AND_STARTER_ONLY = classes()
		.should(new ArchCondition<JavaClass>("depend only on their own subgraph's packages and the starter") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					if (isForeign(origin, dependency.getTargetClass())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		});

	private SubgraphArchitecture() {
	}

	static boolean isForeign(JavaClass origin, JavaClass target) {
		String area = area(target.getPackageName());
		return area != null && !area.equals(STARTER) && !area.equals(CLIENT)
				&& !area.equals(area(origin.getPackageName()));
	}

	/**
	 * The package right below {@code dev.supergraph}: the subgraph, the starter or the
	 * client.
	 */
	private static String area(String packageName) {
		if (!packageName.startsWith(ROOT)) {
			return null;
		}
		String rest = packageName.substring(ROOT.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
