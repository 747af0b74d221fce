package dev.supergraph.orders.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import dev.supergraph.starter.ids.Ids;
import dev.supergraph.starter.pagination.KeysetPages;
import dev.supergraph.starter.pagination.ParentPages;
import graphql.relay.Connection;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code User} entities and {@code User.orders}: one page per user, loaded for all users
 * of a response with one statement per distinct page request.
 */
@Controller
class UserOrdersController {

	private final ParentPages<Order> userPages;

	UserOrdersController(OrderRows orders, KeysetPages pages, BatchLoaderRegistry loaders) {
		this.userPages = ParentPages.register(loaders, "userOrders", pages, Order::getId, (buyerIds, page) -> byBuyer(
				orders.findPagesByBuyer(buyerIds.toArray(Long[]::new), page.afterId(), page.fetchSize())));
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
	CompletableFuture<Connection<Order>> orders(User user, DataFetchingEnvironment environment) {
		OptionalLong userId = Ids.tryParse(user.id());
		return userId.isPresent() ? this.userPages.load(userId.getAsLong(), environment)
				: this.userPages.none(environment);
	}

	private static Map<Long, List<Order>> byBuyer(List<Order> orders) {
		Map<Long, List<Order>> rows = new HashMap<>();
		for (Order order : orders) {
			rows.computeIfAbsent(order.getBuyerId(), (id) -> new ArrayList<>()).add(order);
		}
		return rows;
	}

}
