package dev.supergraph.catalog.product;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.supergraph.catalog.category.Category;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.PageRequest;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Category.products}: one page per category, loaded for all categories of a
 * response with one statement per distinct page request.
 */
@Controller
class CategoryProductsController {

	private final ProductReads products;

	private final KeysetPages pages;

	CategoryProductsController(ProductReads products, KeysetPages pages, BatchLoaderRegistry loaders) {
		this.products = products;
		this.pages = pages;
		loaders.forTypePair(CategoryPage.class, CategoryRows.class)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(keys)));
	}

	@SchemaMapping(typeName = "Category")
	CompletableFuture<Window<Product>> products(Category category, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataLoader<CategoryPage, CategoryRows> categoryPages) {
		PageRequest page = this.pages.request(first, after);
		return categoryPages.load(new CategoryPage(category.getId(), page))
			.thenApply((rows) -> this.pages.window(rows.products(), page, Product::getId));
	}

	private Map<CategoryPage, CategoryRows> load(Set<CategoryPage> keys) {
		Map<CategoryPage, CategoryRows> result = new HashMap<>();
		Map<PageRequest, List<CategoryPage>> byRequest = keys.stream()
			.collect(Collectors.groupingBy(CategoryPage::page));
		byRequest.forEach((page, group) -> {
			Map<Long, List<Product>> rows = this.products
				.categoryPages(group.stream().map(CategoryPage::categoryId).toList(), page);
			group.forEach((key) -> result.put(key, new CategoryRows(rows.getOrDefault(key.categoryId(), List.of()))));
		});
		return result;
	}

	/**
	 * The batch key of one category's page.
	 *
	 * @param categoryId the category
	 * @param page the page request
	 */
	record CategoryPage(Long categoryId, PageRequest page) {

	}

	/**
	 * The fetched rows of one category's page, one more than the page size at most.
	 *
	 * @param products the products in id order
	 */
	record CategoryRows(List<Product> products) {

	}

}
