package dev.supergraph.starter.observability;

import graphql.ExecutionInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationNamesTests {

	private final OperationNames names = new OperationNames(2);

	@Test
	void theRequestsOperationNameIsTheLabel() {
		assertThat(this.names.label("UserOrders", "query UserOrders { me { id } } query Other { me { id } }"))
			.isEqualTo("UserOrders");
	}

	@Test
	void withoutOperationNameTheDocumentsOperationIsTheLabel() {
		assertThat(this.names.label(null, "# reference operation\n  query ProductPage($first: Int) { a }"))
			.isEqualTo("ProductPage");
		assertThat(this.names.label("", "mutation PlaceOrder { a }")).isEqualTo("PlaceOrder");
	}

	@Test
	void aRequestIsLabelledByItsOperationNameElseItsDocument() {
		assertThat(this.names.label(ExecutionInput.newExecutionInput("query ProductPage { a }").build()))
			.isEqualTo("ProductPage");
		ExecutionInput named = ExecutionInput.newExecutionInput("query A { a } query B { b }")
			.operationName("B")
			.build();
		assertThat(this.names.label(named)).isEqualTo("B");
		assertThat(this.names.label(named)).isEqualTo("B");
	}

	@Test
	void theDocumentsOperationIsFoundAfterAnythingGraphQlIgnores() {
		OperationNames names = new OperationNames(10);
		assertThat(names.label(null, "\uFEFF,\t# one\r# two\n,\u000B\fsubscription\n\tOn_2x { a }")).isEqualTo("On_2x");
		assertThat(names.label(null, "query\r\nUserOrders($id: ID!) { a }")).isEqualTo("UserOrders");
		assertThat(names.label(null, "  query _x9")).isEqualTo("_x9");
	}

	@Test
	void aDocumentWithoutAnOperationNameAfterItsTypeIsAnonymous() {
		assertThat(this.names.label(null, "queryUserOrders { a }")).isEqualTo("anonymous");
		assertThat(this.names.label(null, "query 9Lives { a }")).isEqualTo("anonymous");
		assertThat(this.names.label(null, "query")).isEqualTo("anonymous");
		assertThat(this.names.label(null, "query   ")).isEqualTo("anonymous");
		assertThat(this.names.label(null, "# query Hidden")).isEqualTo("anonymous");
		assertThat(this.names.label(null, "fragment F on Query { a } query Later { ...F }")).isEqualTo("anonymous");
		assertThat(this.names.label(null, "")).isEqualTo("anonymous");
	}

	@Test
	void shorthandAndUnnamedOperationsAreAnonymous() {
		assertThat(this.names.label(null, "{ products { edges { cursor } } }")).isEqualTo("anonymous");
		assertThat(this.names.label(null, "query { a }")).isEqualTo("anonymous");
		assertThat(this.names.label(null, null)).isEqualTo("anonymous");
	}

	@Test
	void namesPastTheBoundAreOther() {
		assertThat(this.names.label("First", null)).isEqualTo("First");
		assertThat(this.names.label("Second", null)).isEqualTo("Second");
		assertThat(this.names.label("Third", null)).isEqualTo("other");
		assertThat(this.names.label("First", null)).isEqualTo("First");
	}

	@Test
	void namesThatAreNotGraphQlNamesAreOther() {
		assertThat(this.names.label("drop table;--", null)).isEqualTo("other");
		assertThat(this.names.label("x".repeat(65), null)).isEqualTo("other");
	}

}
