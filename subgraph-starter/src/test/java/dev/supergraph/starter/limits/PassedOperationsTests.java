package dev.supergraph.starter.limits;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionContextBuilder;
import graphql.execution.ExecutionId;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A limit walks a repeated operation once, and every time where a variable can change its
 * verdict.
 */
class PassedOperationsTests {

	private final PassedOperations complexity = new PassedOperations((schema) -> Set.of("first"), 100);

	private final AtomicInteger checks = new AtomicInteger();

	@Test
	void aVariableFreeOperationIsCheckedOnce() {
		ExecutionContext execution = execution("query Q($id: ID!) { user(id: $id) { orders(first: 5) { id } } }", "Q");
		checkTwice(this.complexity, execution);
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void aPageSizeFromAVariableIsCheckedEveryTimeByTheLimitThatReadsIt() {
		ExecutionContext execution = execution("query Q($n: Int) { user { orders(first: $n) { id } } }", "Q");
		checkTwice(this.complexity, execution);
		assertThat(this.checks).hasValue(2);
		checkTwice(new PassedOperations((schema) -> Set.of(), 100), execution);
		assertThat(this.checks).hasValue(3);
	}

	@Test
	void skipOrIncludeWithAVariableIsCheckedEveryTimeEvenInAFragment() {
		checkTwice(this.complexity,
				execution("query Q($x: Boolean!) { user { ...F } } fragment F on User { id @skip(if: $x) }", "Q"));
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void eachOperationOfADocumentIsCheckedForItself() {
		Document document = Parser.parse("query A { a } query B { b }");
		checkTwice(this.complexity, execution(document, "A"));
		checkTwice(this.complexity, execution(document, "B"));
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void anOperationOverTheLimitIsNotRemembered() {
		ExecutionContext execution = execution("{ a }", null);
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> this.complexity.checkOnce(execution, () -> {
					this.checks.incrementAndGet();
					throw new IllegalStateException("over the limit");
				}));
		}
		assertThat(this.checks).hasValue(2);
	}

	private void checkTwice(PassedOperations passed, ExecutionContext execution) {
		for (int request = 0; request < 2; request++) {
			passed.checkOnce(execution, this::check);
		}
	}

	private InstrumentationContext<ExecutionResult> check() {
		this.checks.incrementAndGet();
		return SimpleInstrumentationContext.noOp();
	}

	private static ExecutionContext execution(String text, String operationName) {
		return execution(Parser.parse(text), operationName);
	}

	private static ExecutionContext execution(Document document, String operationName) {
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter((candidate) -> operationName == null || operationName.equals(candidate.getName()))
			.findFirst()
			.orElseThrow();
		return ExecutionContextBuilder.newExecutionContextBuilder()
			.executionId(ExecutionId.generate())
			.document(document)
			.operationDefinition(operation)
			.build();
	}

}
