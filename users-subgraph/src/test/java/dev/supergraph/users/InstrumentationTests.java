package dev.supergraph.users;

import dev.supergraph.starter.execution.LeanInstrumentationChain;
import dev.supergraph.starter.execution.ScalarReadsExecutionStrategy;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subgraph runs its instrumentations (the starter's guards and limits, Spring's
 * observation) as the starter's lean chain, not graphql-java's per-field chain, and its
 * queries on the strategy that reads scalars in one step; the guards' behaviour through
 * them is what the other tests of this module check.
 */
@SubgraphTest
class InstrumentationTests {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void instrumentationsRunAsOneLeanChain() {
		assertThat(this.graphQlSource.graphQl().getInstrumentation()).isInstanceOf(LeanInstrumentationChain.class);
	}

	@Test
	void queriesReadScalarsInOneStepForNoInstrumentationWatchesAField() {
		assertThat(this.graphQlSource.graphQl().getQueryStrategy()).isInstanceOf(ScalarReadsExecutionStrategy.class);
		assertThat(((LeanInstrumentationChain) this.graphQlSource.graphQl().getInstrumentation()).hooksFields())
			.isFalse();
	}

}
