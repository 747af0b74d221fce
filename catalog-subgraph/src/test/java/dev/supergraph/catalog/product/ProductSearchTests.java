package dev.supergraph.catalog.product;

import java.util.List;
import java.util.Map;

import dev.supergraph.catalog.cache.CacheRegion;
import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name search of {@code products} as a careless or hostile client sends it: a search
 * longer than any name is an empty page without SQL and without a cache entry, so huge
 * searches cannot fill the page cache (weighed by rows, an empty page weighs 1, its key
 * up to a request body) nor reach the database.
 */
@SubgraphTest
class ProductSearchTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	MeterRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSearchLongerThanAnyNameFindsNothingWithoutSqlOrACacheEntry() {
		double puts = pagePuts();
		this.statements.reset();
		for (String search : List.of("%".repeat(401), "a".repeat(30_000), "\u4e2d".repeat(401),
				"\ud83d\ude00".repeat(401))) {
			this.graphQl.documentName("productPage")
				.variable("filter", Map.of("search", search))
				.execute()
				.path("products.edges")
				.entityList(Object.class)
				.hasSize(0)
				.path("products.pageInfo.hasNextPage")
				.entity(Boolean.class)
				.isEqualTo(false);
		}
		assertThat(this.statements.statements()).isZero();
		assertThat(pagePuts()).isEqualTo(puts);
	}

	@Test
	void aSearchAsLongAsTheLongestNameStillFindsIt() {
		String name = "Long".repeat(49) + "Name";
		this.jdbc
			.sql("insert into product (sku, name, price_amount, price_currency, category_id, weight_grams)"
					+ " values ('SKU-LONG-NAME', ?, 1.00, 'EUR', 2, 10)")
			.param(name)
			.update();
		assertThat(name).hasSize(200);
		List<String> skus = this.graphQl.documentName("productPage")
			.variable("filter", Map.of("search", "  " + name.toUpperCase() + "  "))
			.execute()
			.path("products.edges[*].node.sku")
			.entityList(String.class)
			.get();
		assertThat(skus).containsExactly("SKU-LONG-NAME");
	}

	private double pagePuts() {
		FunctionCounter puts = this.registry.find("cache.puts")
			.tag("cache", CacheRegion.PRODUCT_PAGES.cacheName())
			.functionCounter();
		assertThat(puts).isNotNull();
		return puts.count();
	}

}
