package dev.supergraph.starter.test;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

	/**
	 * Every SQL statement goes through the application's {@code JdbcTemplate} or
	 * {@code JdbcClient}, the ones the starter counts for the SQL metrics and the
	 * statement-count tests: no template or client of a subgraph's own making, no
	 * connection taken from the {@code DataSource} by hand.
	 */
	public static final ArchRule SQL_THROUGH_THE_COUNTED_TEMPLATE = noClasses().should()
		.callConstructorWhere(target(owner(assignableTo(JdbcTemplate.class)))
			.or(target(owner(assignableTo(NamedParameterJdbcTemplate.class)))))
		.orShould()
		.callMethodWhere(target(name("create")).and(target(owner(assignableTo(JdbcClient.class)))))
		.orShould()
		.callMethodWhere(target(name("getConnection")).and(target(owner(assignableTo(DataSource.class)))))
		.because("the starter counts the statements of the application's JdbcTemplate and JdbcClient");

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
