package dev.supergraph.orders.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.PageRequest;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code User} entities and {@code User.orders}: one page per user, loaded for all users
 * of a response with one statement per distinct page request.
 */
@Controller
class UserOrdersController {

	private final OrderRepository orders;

	private final KeysetPages pages;

	UserOrdersController(OrderRepository orders, KeysetPages pages, BatchLoaderRegistry loaders) {
		this.orders = orders;
		this.pages = pages;
		loaders.forTypePair(UserPage.class, UserRows.class)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(keys)));
	}

	/**
	 * Users need no lookup here: any id may have orders, and one without has none.
	 * @param representations the {@code _entities} representations of {@code User}
	 * @return one user per representation, {@code null} for a malformed id
	 */
	@EntityMapping
	List<@Nullable User> user(List<Map<String, Object>> representations) {
		return representations.stream()
			.map((representation) -> Ids.tryParse(representation.get("id")))
			.map((id) -> id.isPresent() ? new User(String.valueOf(id.getAsLong())) : null)
			.toList();
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Window<Order>> orders(User user, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataLoader<UserPage, UserRows> userPages) {
		PageRequest page = this.pages.request(first, after);
		OptionalLong userId = Ids.tryParse(user.id());
		if (userId.isEmpty()) {
			return CompletableFuture.completedFuture(this.pages.window(List.<Order>of(), page, Order::getId));
		}
		return userPages.load(new UserPage(userId.getAsLong(), page))
			.thenApply((rows) -> this.pages.window(rows.orders(), page, Order::getId));
	}

	private Map<UserPage, UserRows> load(Set<UserPage> keys) {
		Map<UserPage, UserRows> result = new HashMap<>();
		Map<PageRequest, List<UserPage>> byRequest = keys.stream().collect(Collectors.groupingBy(UserPage::page));
		byRequest.forEach((page, group) -> {
			Long[] buyerIds = group.stream().map(UserPage::userId).toArray(Long[]::new);
			Map<Long, List<Order>> rows = new HashMap<>();
			for (Order order : this.orders.findPagesByBuyer(buyerIds, page.afterId(), page.fetchSize())) {
				rows.computeIfAbsent(order.getBuyerId(), (id) -> new ArrayList<>()).add(order);
			}
			group.forEach((key) -> result.put(key, new UserRows(rows.getOrDefault(key.userId(), List.of()))));
		});
		return result;
	}

	/**
	 * The batch key of one user's page.
	 *
	 * @param userId the user
	 * @param page the page request
	 */
	record UserPage(long userId, PageRequest page) {

	}

	/**
	 * The fetched orders of one user's page, one more than the page size at most.
	 *
	 * @param orders the orders in id order
	 */
	record UserRows(List<Order> orders) {

	}

}
