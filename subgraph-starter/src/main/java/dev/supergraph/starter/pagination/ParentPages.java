package dev.supergraph.starter.pagination;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import graphql.relay.Connection;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * A list field with one keyset page per parent ({@code Category.products},
 * {@code User.orders}), loaded for all parents of a response with one query per distinct
 * page request, so the statement count depends on the operation's shape, never on how
 * many parents it has.
 *
 * @param <T> the type of the page's rows
 */
public final class ParentPages<T> {

	private final String name;

	private final KeysetPages pages;

	private final ToLongFunction<T> idOf;

	private ParentPages(String name, KeysetPages pages, ToLongFunction<T> idOf) {
		this.name = name;
		this.pages = pages;
		this.idOf = idOf;
	}

	/**
	 * Register the batch loader of a per-parent page.
	 * @param <T> the type of the rows
	 * @param loaders the registry of the subgraph's DataLoaders
	 * @param name the DataLoader's name, unique in the subgraph
	 * @param pages the page size rules and cursors
	 * @param idOf the keyset id of a row
	 * @param query the rows of one page for several parents: at most
	 * {@link PageRequest#fetchSize()} rows per parent id, in id order
	 * @return the pages, to load from the field's handler
	 */
	public static <T> ParentPages<T> register(BatchLoaderRegistry loaders, String name, KeysetPages pages,
			ToLongFunction<T> idOf, PageQuery<T> query) {
		loaders.<Key, List<T>>forName(name)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(keys, query)));
		return new ParentPages<>(name, pages, idOf);
	}

	/**
	 * The page of one parent, batched with the pages of the other parents of the
	 * response.
	 * @param parentId the parent's id
	 * @param environment the field's environment: its {@code first} and {@code after}
	 * arguments, and the request's DataLoaders
	 * @return the page
	 */
	public CompletableFuture<Connection<T>> load(long parentId, DataFetchingEnvironment environment) {
		PageRequest page = this.pages.request(environment);
		DataLoader<Key, List<T>> loader = environment.getDataLoader(this.name);
		return loader.load(new Key(parentId, page)).thenApply((rows) -> this.pages.connection(rows, page, this.idOf));
	}

	/**
	 * The empty page of a parent that cannot have rows, with the arguments still checked.
	 * @param environment the field's environment
	 * @return the empty page
	 */
	public CompletableFuture<Connection<T>> none(DataFetchingEnvironment environment) {
		return CompletableFuture
			.completedFuture(this.pages.connection(List.of(), this.pages.request(environment), this.idOf));
	}

	private static <T> Map<Key, List<T>> load(Set<Key> keys, PageQuery<T> query) {
		Map<Key, List<T>> result = new HashMap<>();
		Map<PageRequest, List<Key>> byRequest = keys.stream().collect(Collectors.groupingBy(Key::page));
		byRequest.forEach((page, group) -> {
			Map<Long, List<T>> rows = query.rows(group.stream().map(Key::parentId).toList(), page);
			group.forEach((key) -> result.put(key, rows.getOrDefault(key.parentId(), List.of())));
		});
		return result;
	}

	/**
	 * The rows of one page for several parents.
	 *
	 * @param <T> the type of the rows
	 */
	@FunctionalInterface
	public interface PageQuery<T> {

		/**
		 * Query the rows.
		 * @param parentIds the parents
		 * @param page the page of each parent
		 * @return the rows by parent id, in id order, at most
		 * {@link PageRequest#fetchSize()} per parent
		 */
		Map<Long, List<T>> rows(List<Long> parentIds, PageRequest page);

	}

	/**
	 * The batch key of one parent's page.
	 *
	 * @param parentId the parent
	 * @param page the page request
	 */
	record Key(long parentId, PageRequest page) {

	}

}
