package dev.supergraph.catalog.category;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.supergraph.catalog.product.Product;
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

	private final CategoryRepository categories;

	CategoryController(CategoryRepository categories, BatchLoaderRegistry loaders) {
		this.categories = categories;
		loaders.forTypePair(Long.class, Category.class)
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> byId(ids)));
	}

	@QueryMapping
	List<Category> categories() {
		return this.categories.findAllByOrderByName();
	}

	@SchemaMapping
	CompletableFuture<Category> category(Product product, DataLoader<Long, Category> categoryById) {
		return categoryById.load(product.getCategoryId());
	}

	@EntityMapping
	List<Category> category(@Argument List<Long> idList) {
		Map<Long, Category> found = byId(idList);
		return idList.stream().map(found::get).toList();
	}

	private Map<Long, Category> byId(Collection<Long> ids) {
		return this.categories.findByIdIn(ids.toArray(Long[]::new))
			.stream()
			.collect(Collectors.toMap(Category::getId, Function.identity()));
	}

}
