package dev.supergraph.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance rules of the design, proven by counting SQL round trips: the cost of an
 * operation depends on its shape, never on how many objects it touches.
 */
@SubgraphTest
// The rules are about the database path; with the cache on, a repeated key costs nothing.
@TestPropertySource(properties = "catalog.cache.enabled=false")
class CatalogBatchingTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void entitiesForHundredProductsOfMixedKeysCostTheSameAsForOne() {
		int one = statementsFor("productEntities", Map.of("representations", representations(1)));
		int hundred = statementsFor("productEntities", Map.of("representations", representations(100)));
		assertThat(one).isEqualTo(1);
		assertThat(hundred).isEqualTo(2);
	}

	@Test
	void productsWithTheirCategoriesCostTwoStatementsWhateverThePageSize() {
		int one = statementsFor("productPage", Map.of("first", 1));
		int fifty = statementsFor("productPage", Map.of("first", 50));
		assertThat(one).isEqualTo(2);
		assertThat(fifty).isEqualTo(one);
	}

	@Test
	void categoryProductsForAllCategoriesCostOneStatementForThePages() {
		String document = "{ categories { name products(first: 5) { edges { node { sku category { name } } } } } }";
		this.statements.reset();
		this.graphQl.document(document).execute().path("categories").entityList(Object.class).hasSize(36);
		assertThat(this.statements.statements()).isEqualTo(3);
	}

	@Test
	void entitiesOfTwoOrHundredProductsSendTheSameStatementTexts() {
		List<String> two = textsFor("productEntities", Map.of("representations", representations(2)));
		List<String> hundred = textsFor("productEntities", Map.of("representations", representations(100)));
		assertThat(two).hasSize(2);
		assertThat(hundred).isEqualTo(two);
	}

	@Test
	void categoriesOfOneOrFiftyProductsSendTheSameStatementTexts() {
		List<String> one = textsFor("productPage", Map.of("first", 1));
		List<String> fifty = textsFor("productPage", Map.of("first", 50));
		assertThat(one).hasSize(2);
		assertThat(fifty).isEqualTo(one);
	}

	@Test
	void productPagesOfOneOrAllCategoriesSendTheSameStatementTexts() {
		List<String> one = textsFor("categoryProducts", Map.of("representations", categories(1), "first", 5));
		List<String> all = textsFor("categoryProducts", Map.of("representations", categories(36), "first", 5));
		assertThat(one).hasSize(2);
		assertThat(all).isEqualTo(one);
	}

	private int statementsFor(String documentName, Map<String, Object> variables) {
		GraphQlTester.Request<?> request = this.graphQl.documentName(documentName);
		variables.forEach(request::variable);
		this.statements.reset();
		request.execute().errors().verify();
		return this.statements.statements();
	}

	private List<String> textsFor(String documentName, Map<String, Object> variables) {
		statementsFor(documentName, variables);
		return this.statements.texts();
	}

	private static List<Map<String, Object>> categories(int count) {
		List<Map<String, Object>> representations = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			representations.add(Map.of("__typename", "Category", "id", String.valueOf(n)));
		}
		return representations;
	}

	/** Alternating {@code id} and {@code sku} keys, as a router would send them. */
	private static List<Map<String, Object>> representations(int count) {
		List<Map<String, Object>> representations = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			representations.add((n % 2 == 1) ? Map.of("__typename", "Product", "id", String.valueOf(n))
					: Map.of("__typename", "Product", "sku", "SKU-%05d".formatted(n)));
		}
		return representations;
	}

}
