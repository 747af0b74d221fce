package dev.supergraph.catalog.category;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.catalog.cache.CacheRegion;
import dev.supergraph.catalog.cache.CatalogCache;
import dev.supergraph.catalog.product.Product;
import org.jspecify.annotations.Nullable;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Category} fields, the {@code categories} query and {@code Category} entities.
 */
@Controller
class CategoryController {

	private final CategoryRows categories;

	private final CatalogCache cache;

	CategoryController(CategoryRows categories, CatalogCache cache, BatchLoaderRegistry loaders) {
		this.categories = categories;
		this.cache = cache;
		loaders.forTypePair(Long.class, Category.class)
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> byId(ids)));
	}

	@QueryMapping
	List<Category> categories() {
		return this.cache.get(CacheRegion.CATEGORIES, AllCategories.KEY,
				() -> List.copyOf(this.categories.findAllOrderedByName()));
	}

	@SchemaMapping
	CompletableFuture<Category> category(Product product, DataLoader<Long, Category> categoryById) {
		return categoryById.load(product.getCategoryId());
	}

	@EntityMapping
	List<@Nullable Category> category(@Argument List<Long> idList) {
		Map<Long, Category> found = byId(idList);
		return idList.stream().map(found::get).toList();
	}

	/** Categories by id through the cache; the missing ones with one statement. */
	private Map<Long, Category> byId(Collection<Long> ids) {
		return this.cache.getAll(CacheRegion.CATEGORIES, ids,
				(missing) -> this.categories.findByIdIn(missing.toArray(Long[]::new))
					.stream()
					.collect(Collectors.toMap(Category::id, Function.identity())));
	}

	/** Cache key of the list of all categories (category ids are {@code Long}s). */
	private enum AllCategories {

		KEY

	}

}
