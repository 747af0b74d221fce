package dev.supergraph.starter.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.supergraph.alpha.RunsItsOwnSql;
import dev.supergraph.alpha.UsesAnotherSubgraph;
import dev.supergraph.alpha.UsesItselfAndTheStarter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubgraphArchitectureTests {

	@Test
	void subgraphUsingAnotherSubgraphViolatesTheRule() {
		EvaluationResult result = evaluate(UsesAnotherSubgraph.class);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails())
			.anyMatch((detail) -> detail.contains("dev.supergraph.alpha.UsesAnotherSubgraph")
					&& detail.contains("dev.supergraph.beta.BetaType"));
	}

	@Test
	void subgraphUsingItselfTheStarterTheClientAndLibrariesPasses() {
		EvaluationResult result = evaluate(UsesItselfAndTheStarter.class);

		assertThat(result.getFailureReport().getDetails()).isEmpty();
	}

	@Test
	void sqlPastTheApplicationsTemplateViolatesTheRule() {
		EvaluationResult result = SubgraphArchitecture.SQL_THROUGH_THE_COUNTED_TEMPLATE
			.evaluate(new ClassFileImporter().importClasses(RunsItsOwnSql.class));

		assertThat(result.getFailureReport().getDetails()).hasSize(3)
			.anyMatch((detail) -> detail.contains("JdbcTemplate.<init>"))
			.anyMatch((detail) -> detail.contains("JdbcClient.create"))
			.anyMatch((detail) -> detail.contains("DataSource.getConnection"));
		assertThat(SubgraphArchitecture.SQL_THROUGH_THE_COUNTED_TEMPLATE
			.evaluate(new ClassFileImporter().importClasses(UsesItselfAndTheStarter.class))
			.hasViolation()).isFalse();
	}

	private static EvaluationResult evaluate(Class<?> type) {
		JavaClasses classes = new ClassFileImporter().importClasses(type);
		return SubgraphArchitecture.OWN_PACKAGES_AND_STARTER_ONLY.evaluate(classes);
	}

}
