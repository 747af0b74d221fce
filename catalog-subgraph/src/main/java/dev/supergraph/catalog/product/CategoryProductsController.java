package dev.supergraph.catalog.product;

import java.util.concurrent.CompletableFuture;

import dev.supergraph.catalog.category.Category;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.ParentPages;
import graphql.relay.Connection;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Category.products}: one page per category, loaded for all categories of a
 * response with one statement per distinct page request.
 */
@Controller
class CategoryProductsController {

	private final ParentPages<Product> categoryPages;

	CategoryProductsController(ProductReads products, KeysetPages pages, BatchLoaderRegistry loaders) {
		this.categoryPages = ParentPages.register(loaders, "categoryProducts", pages, Product::getId,
				products::categoryPages);
	}

	@SchemaMapping(typeName = "Category")
	CompletableFuture<Connection<Product>> products(Category category, DataFetchingEnvironment environment) {
		return this.categoryPages.load(category.id(), environment);
	}

}
