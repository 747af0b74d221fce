package dev.supergraph.catalog;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's read API against the seeded catalog (product {@code n} costs
 * {@code (499 + n * 7919 % 20000)} cents, is in category {@code 1 + (n - 1) % 36} and is
 * out of stock when {@code n} is a multiple of 10).
 */
@SubgraphTest
class CatalogQueryTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	JdbcClient jdbc;

	@Test
	void productsPageListsProductsInIdOrderWithPriceAndCategory() {
		this.graphQl.documentName("productPage")
			.variable("first", 2)
			.execute()
			.path("products.edges[*].node.sku")
			.entityList(String.class)
			.containsExactly("SKU-00001", "SKU-00002")
			.path("products.edges[0].node.price")
			.entity(Map.class)
			.isEqualTo(Map.of("amount", "84.18", "currency", "EUR"))
			.path("products.edges[1].node.category")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "2", "name", "Bags"))
			.path("products.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void afterCursorContinuesWhereThePreviousPageEnded() {
		String endCursor = this.graphQl.documentName("productPage")
			.variable("first", 3)
			.execute()
			.path("products.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQl.documentName("productPage")
			.variable("first", 2)
			.variable("after", endCursor)
			.execute()
			.path("products.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("4", "5");
	}

	@Test
	void filterCombinesCategorySearchAndStock() {
		this.graphQl.documentName("productPage")
			.variable("first", 3)
			.variable("filter", Map.of("categoryId", "10", "inStock", false))
			.execute()
			.path("products.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("10", "190", "370");
		this.graphQl.documentName("productPage")
			.variable("first", 5)
			.variable("filter", Map.of("search", "AUDIO ITEM 37"))
			.execute()
			.path("products.edges[*].node.sku")
			.entityList(String.class)
			.containsExactly("SKU-00037", "SKU-03709", "SKU-03745", "SKU-03781");
	}

	@Test
	void searchTreatsWildcardsLiterally() {
		this.graphQl.documentName("productPage")
			.variable("filter", Map.of("search", "%"))
			.execute()
			.path("products.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void searchFoldsTheCaseOfEveryScriptAsTheDatabaseFoldsTheName() {
		this.jdbc
			.sql("insert into product (sku, name, price_amount, price_currency, category_id, weight_grams)"
					+ " values ('SKU-GREEK-1', 'Ελληνικός ΚΑΦΕΣ Σκέτος', 3.50, 'EUR', 1, 100)")
			.update();
		// Java's lower case of a final Σ is ς, the database's σ: a search folded in Java
		// missed the product's own name
		for (String search : List.of("Ελληνικός ΚΑΦΕΣ Σκέτος", "ΚΑΦΕΣ", "ελληνικός καφεσ")) {
			List<String> skus = this.graphQl.documentName("productPage")
				.variable("filter", Map.of("search", search))
				.execute()
				.path("products.edges[*].node.sku")
				.entityList(String.class)
				.get();
			assertThat(skus).as(search).containsExactly("SKU-GREEK-1");
		}
	}

	@Test
	void productBySkuAndByIdFindTheSameProductAndUnknownOnesAreNull() {
		this.graphQl
			.document("{ a: productBySku(sku: \"SKU-00042\") { id } b: product(id: \"42\") { sku } "
					+ "c: product(id: \"999999\") { id } d: productBySku(sku: \"NOPE\") { id } }")
			.execute()
			.path("a.id")
			.entity(String.class)
			.isEqualTo("42")
			.path("b.sku")
			.entity(String.class)
			.isEqualTo("SKU-00042")
			.path("c")
			.valueIsNull()
			.path("d")
			.valueIsNull();
	}

	@Test
	void categoriesListAllSeededCategoriesWithTheirFirstProducts() {
		this.graphQl.document("{ categories { name products(first: 2) { edges { node { id } } } } }")
			.execute()
			.path("categories[*].name")
			.entityList(String.class)
			.hasSize(36)
			.contains("Audio", "Yoga")
			.path("categories[0].products.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("1", "37");
	}

	@Test
	void entitiesResolveMixedKeysInOrderWithNullForUnknownOnesAndAnErrorForMalformedOnes() {
		List<Map<String, Object>> representations = List.of(Map.of("__typename", "Product", "sku", "SKU-00003"),
				Map.of("__typename", "Product", "id", "7"), Map.of("__typename", "Product", "id", "424242"),
				Map.of("__typename", "Product", "sku", "SKU-99999"), Map.of("__typename", "Product", "id", "x1"),
				Map.of("__typename", "Product", "id", "3"));
		this.graphQl.documentName("productEntities")
			.variable("representations", representations)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getPath()).isEqualTo("_entities[4]");
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT")
					.containsEntry("reason", "INVALID_REPRESENTATION")
					.containsEntry("field", List.of("representations", "4", "id"));
			})
			.path("_entities[0].id")
			.entity(String.class)
			.isEqualTo("3")
			.path("_entities[1].sku")
			.entity(String.class)
			.isEqualTo("SKU-00007")
			.path("_entities[2]")
			.valueIsNull()
			.path("_entities[3]")
			.valueIsNull()
			.path("_entities[4]")
			.valueIsNull()
			.path("_entities[5].sku")
			.entity(String.class)
			.isEqualTo("SKU-00003");
	}

	@Test
	void categoryEntitiesResolveById() {
		this.graphQl.document("query($r: [_Any!]!) { _entities(representations: $r) { ... on Category { id name } } }")
			.variable("r", List.of(Map.of("__typename", "Category", "id", "4")))
			.execute()
			.path("_entities[0].name")
			.entity(String.class)
			.isEqualTo("Books");
	}

	@Test
	void aCategoryAskedForTwiceGetsItsOwnPageEachTime() {
		Map<String, Object> books = Map.of("__typename", "Category", "id", "4");
		this.graphQl.documentName("categoryProducts")
			.variable("representations", List.of(books, Map.of("__typename", "Category", "id", "5"), books))
			.variable("first", 3)
			.execute()
			.path("_entities[0].products.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("4", "40", "76")
			.path("_entities[2].products.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("4", "40", "76")
			.path("_entities[1].products.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("5", "41", "77");
	}

	@Test
	void entityLookupFailuresGetADocumentedCodeNotTheRawMessage() {
		this.graphQl.document("query($r: [_Any!]!) { _entities(representations: $r) { ... on Category { id name } } }")
			.variable("r", List.of(Map.of("__typename", "Category", "id", "not-a-number")))
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT");
				assertThat(errors.get(0).getMessage()).doesNotContain("not-a-number", "Exception", "Long");
			});
	}

	@Test
	void badPaginationArgumentsAndMalformedIdsAreBadUserInput() {
		for (String document : List.of("{ products(first: 101) { edges { cursor } } }",
				"{ products(first: -1) { edges { cursor } } }",
				"{ products(after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } }",
				"{ products(after: \"%%%\") { edges { cursor } } }", "{ product(id: \"abc\") { id } }",
				// digits of other scripts would name product 123 under a second id
				"{ product(id: \"\u0661\u0662\u0663\") { id } }", "{ product(id: \"\uff11\uff12\uff13\") { id } }",
				"{ products(filter: { categoryId: \"x\" }) { edges { cursor } } }")) {
			this.graphQl.document(document).execute().errors().satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT");
				assertThat(errors.get(0).getMessage()).doesNotContain("Exception").doesNotContain("at dev.");
			});
		}
	}

}
